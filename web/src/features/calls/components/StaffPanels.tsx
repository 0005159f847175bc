import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../app/format.js';
import { Alert, Loading, StatusBadge } from '../../../ui/feedback.js';
import { SelectField } from '../../../ui/fields.js';
import {
  type Call,
  type Objection,
  useCallApplications,
  useDecideObjection,
  useObjections,
  usePublishRanking,
  useRankingPreview,
  useRankings,
} from '../api.js';
import { formatPoints, STATUS_BADGE } from '../labels.js';

export function ApplicationsTable({ call }: { call: Call }) {
  const { t, i18n } = useTranslation();
  const apps = useCallApplications(call.id, true);
  const [status, setStatus] = useState('');
  if (apps.isPending) {
    return <Loading label={t('common.loading')} />;
  }
  if (apps.isError) {
    return <Alert kind="danger">{apps.error.message}</Alert>;
  }
  const rows = status ? apps.data.filter((a) => a.status === status) : apps.data;
  return (
    <>
      <SelectField
        id="applications-status"
        label={t('calls.applications.filter')}
        value={status}
        emptyOption={t('calls.applications.all', { n: apps.data.length })}
        onChange={(e) => setStatus(e.target.value)}
        options={(['submitted', 'admitted', 'excluded', 'withdrawn'] as const).map((s) => ({
          value: s,
          label: `${t(`calls.appStatus.${s}`)} (${apps.data.filter((a) => a.status === s).length})`,
        }))}
      />
      <div className="table-responsive">
        <table className="table table-sm" data-testid="applications-table">
          <caption className="visually-hidden">{t('calls.applications.heading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('calls.fields.protocol')}</th>
              <th scope="col">{t('calls.applications.applicant')}</th>
              <th scope="col">{t('calls.fields.status')}</th>
              <th scope="col">{t('calls.applications.submitted')}</th>
              <th scope="col" className="text-end">
                {t('calls.rules.points')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((a) => (
              <tr key={a.id}>
                <td>
                  <Link to={`/applications/${a.id}`}>{a.protocol ?? '—'}</Link>
                </td>
                <td>{a.applicantName}</td>
                <td>
                  <StatusBadge kind={STATUS_BADGE[a.status]}>{t(`calls.appStatus.${a.status}`)}</StatusBadge>
                  {!a.eligible ? <StatusBadge kind="warning">{t('calls.eval.notEligibleShort')}</StatusBadge> : null}
                  {a.channel === 'paper' ? <span className="small"> {t('calls.applications.paper')}</span> : null}
                </td>
                <td>{a.submittedAt ? formatDateTime(a.submittedAt, i18n.language) : '—'}</td>
                <td className="text-end">{formatPoints(a.score, i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** Preview of the ranking, publication (provisional, then final) and the published snapshots. */
export function RankingPanel({ call, ente }: { call: Call; ente: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const preview = useRankingPreview(call.id, call.phase !== 'draft');
  const rankings = useRankings(call.id, true);
  const publish = usePublishRanking(call.id);
  const kind = call.phase === 'closed' ? 'provisional' : call.phase === 'provisional' || call.phase === 'objections' ? 'final' : null;
  return (
    <>
      {rankings.data && rankings.data.length > 0 ? (
        <ul data-testid="published-rankings">
          {rankings.data.map((r) => (
            <li key={r.id}>
              {t('calls.ranking.published', { kind: t(`calls.rankingKind.${r.kind}`), when: formatDateTime(r.publishedAt, lang), n: r.entries.length })}{' '}
              <Link to={`/public/${ente}/calls/${call.id}/ranking?kind=${r.kind}`}>{t('calls.ranking.publicLink')}</Link>
              <span className="d-block small text-break">SHA-256 {r.sha256}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('calls.ranking.noneYet')}</p>
      )}
      {kind && call.policies.publish ? (
        <div className="mb-3">
          {preview.data && preview.data.unreviewed > 0 ? <Alert kind="warning">{t('calls.ranking.unreviewed', { n: preview.data.unreviewed })}</Alert> : null}
          {kind === 'final' && call.phase === 'objections' ? (
            <Alert kind="info">{t('calls.ranking.windowOpen', { when: formatDateTime(call.objectionDeadline ?? '', lang) })}</Alert>
          ) : null}
          {publish.isError ? <Alert kind="danger">{publish.error.message}</Alert> : null}
          {publish.isSuccess ? <Alert kind="success">{t('calls.ranking.done', { kind: t(`calls.rankingKind.${publish.data.kind}`) })}</Alert> : null}
          <button type="button" className="btn btn-primary" onClick={() => publish.mutate(kind)} disabled={publish.isPending}>
            {t(`calls.ranking.publish.${kind}`)}
          </button>
        </div>
      ) : null}
      {preview.data && preview.data.entries.length > 0 && call.status !== 'final' ? (
        <details>
          <summary>{t('calls.ranking.preview', { n: preview.data.entries.length })}</summary>
          <ol>
            {preview.data.entries.slice(0, 100).map((e) => (
              <li key={e.applicationId}>
                <Link to={`/applications/${e.applicationId}`}>{e.protocol}</Link> – {formatPoints(e.score, lang)}
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </>
  );
}

export function ObjectionsPanel({ call }: { call: Call }) {
  const { t, i18n } = useTranslation();
  const objections = useObjections(call.id, true);
  if (objections.isPending) {
    return <Loading label={t('common.loading')} />;
  }
  if (!objections.data || objections.data.length === 0) {
    return <p>{t('calls.objection.none')}</p>;
  }
  return (
    <ul className="list-unstyled">
      {objections.data.map((o) => (
        <li key={o.id} className="border rounded p-3 mb-3">
          <p className="mb-1">
            <Link to={`/applications/${o.applicationId}`}>{o.protocol}</Link> – {formatDateTime(o.filedAt, i18n.language)} –{' '}
            {t(`calls.objection.status.${o.status}`)}
          </p>
          <blockquote className="mb-2">{o.text}</blockquote>
          {o.decisionNote ? <p className="small">{o.decisionNote}</p> : null}
          {o.status === 'filed' && call.policies.review ? <DecideObjection callId={call.id} objection={o} /> : null}
        </li>
      ))}
    </ul>
  );
}

function DecideObjection({ callId, objection }: { callId: string; objection: Objection }) {
  const { t } = useTranslation();
  const decide = useDecideObjection(callId);
  const [outcome, setOutcome] = useState<'accepted' | 'rejected'>('accepted');
  const [note, setNote] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    decide.mutate({ id: objection.id, outcome, note });
  };
  const noteId = `objection-note-${objection.id}`;
  return (
    <form onSubmit={submit} noValidate>
      <SelectField
        id={`objection-outcome-${objection.id}`}
        label={t('calls.objection.outcome')}
        value={outcome}
        onChange={(e) => setOutcome(e.target.value as 'accepted' | 'rejected')}
        options={[
          { value: 'accepted', label: t('calls.objection.status.accepted') },
          { value: 'rejected', label: t('calls.objection.status.rejected') },
        ]}
      />
      <div className="form-group">
        <label htmlFor={noteId} className="active">
          {t('calls.objection.reasons')}
        </label>
        <textarea id={noteId} className="form-control" rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <p className="small">{t('calls.objection.recompute')}</p>
      {decide.isError ? <Alert kind="danger">{decide.error.message}</Alert> : null}
      <button type="submit" className="btn btn-primary btn-sm" disabled={decide.isPending}>
        {t('calls.objection.decide')}
      </button>
    </form>
  );
}
