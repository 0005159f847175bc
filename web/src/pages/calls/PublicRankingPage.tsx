import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { formatDateTime } from '../../app/format.js';
import { usePageTitle } from '../../app/usePageTitle.js';
import { pick, usePublicRanking } from '../../features/calls/api.js';
import { formatPoints } from '../../features/calls/labels.js';
import { Alert, Loading } from '../../ui/feedback.js';

/** A published ranking for everyone: protocol number, position and points only. */
export function PublicRankingPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { ente = '', id = '' } = useParams();
  const [search] = useSearchParams();
  const kindParam = search.get('kind');
  const kind = kindParam === 'final' || kindParam === 'provisional' ? kindParam : undefined;
  const ranking = usePublicRanking(ente, id, kind);
  usePageTitle(ranking.data ? t('calls.public.title', { title: pick(ranking.data.callTitle, lang) }) : t('calls.public.heading'));
  if (ranking.isPending) {
    return <Loading label={t('common.loading')} />;
  }
  if (ranking.isError) {
    return <Alert kind="warning">{ranking.error.status === 404 ? t('calls.public.none') : ranking.error.message}</Alert>;
  }
  const r = ranking.data;
  const base = `/api/v1/public/${ente}/calls/${id}/ranking`;
  const q = `?kind=${r.kind}`;
  return (
    <>
      <h1>{t('calls.public.title', { title: pick(r.callTitle, lang) })}</h1>
      <p className="lead">{t(`calls.public.kind.${r.kind}`, { when: formatDateTime(r.publishedAt, lang) })}</p>
      {r.objectionDeadline ? <p>{t('calls.public.objections', { when: formatDateTime(r.objectionDeadline, lang) })}</p> : null}
      <p>{t('calls.public.privacy')}</p>
      <p>
        <a href={`${base}.csv${q}`} download className="me-3">
          {t('calls.public.csv')}
        </a>
        <a href={`${base}.pdf${q}`} download>
          {t('calls.public.pdf')}
        </a>
      </p>
      <div className="table-responsive">
        <table className="table table-striped" data-testid="public-ranking">
          <caption>{t('calls.public.caption', { n: r.entries.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('calls.public.position')}</th>
              <th scope="col">{t('calls.fields.protocol')}</th>
              <th scope="col" className="text-end">
                {t('calls.rules.points')}
              </th>
              <th scope="col">{t('calls.public.tie')}</th>
            </tr>
          </thead>
          <tbody>
            {r.entries.map((e) => (
              <tr key={e.protocol}>
                <td>{e.position}</td>
                <td>{e.protocol}</td>
                <td className="text-end">{formatPoints(e.score, lang)}</td>
                <td>
                  {e.tieBrokenBy
                    ? t(`calls.tie.${e.tieBrokenBy.startsWith('tieBreak') ? 'rule' : e.tieBrokenBy}`, { n: Number(e.tieBrokenBy.split('.')[1] ?? 0) + 1 })
                    : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {r.excluded.length > 0 ? (
        <>
          <h2 className="h4">{t('calls.public.excluded')}</h2>
          <div className="table-responsive">
            <table className="table table-sm">
              <caption className="visually-hidden">{t('calls.public.excluded')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('calls.fields.protocol')}</th>
                  <th scope="col">{t('calls.public.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {r.excluded.map((e) => (
                  <tr key={e.protocol}>
                    <td>{e.protocol}</td>
                    <td>
                      {e.reason.startsWith('requirement.')
                        ? t('calls.public.requirementFailed', { code: e.reason.slice(12) })
                        : t(`calls.exclusion.${e.reason}`)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
      <p className="small text-break">
        {t('calls.public.hash')} <code>{r.sha256}</code>
      </p>
    </>
  );
}
