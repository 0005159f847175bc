import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { formatDateTime } from '../../app/format.js';
import { usePageTitle } from '../../app/usePageTitle.js';
import { pick, useCall, useMyApplications, usePublishCall, useStartApplication } from '../../features/calls/api.js';
import { PaperApplicationForm } from '../../features/calls/components/PaperApplicationForm.js';
import { RulesEditor } from '../../features/calls/components/RulesEditor.js';
import { RulesSummary } from '../../features/calls/components/RulesSummary.js';
import { ApplicationsTable, ObjectionsPanel, RankingPanel } from '../../features/calls/components/StaffPanels.js';
import { PHASE_BADGE } from '../../features/calls/labels.js';
import { useMe } from '../../features/identity/api.js';
import { Alert, Loading, StatusBadge } from '../../ui/feedback.js';

export function CallPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { id = '' } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const me = useMe().data;
  const call = useCall(id);
  const publish = usePublishCall(id);
  const start = useStartApplication();
  const mine = useMyApplications(Boolean(call.data?.policies.apply));
  usePageTitle(call.data ? pick(call.data.title, lang) : t('calls.titles.call'));
  if (call.isPending) {
    return <Loading label={t('common.loading')} />;
  }
  if (call.isError) {
    return <Alert kind="danger">{call.error.status === 404 ? t('calls.notFound') : call.error.message}</Alert>;
  }
  const c = call.data;
  const staff = c.counts !== null;
  const existing = mine.data?.find((a) => a.callId === c.id && a.status !== 'withdrawn');
  return (
    <>
      <Link to="/calls">{t('calls.back')}</Link>
      <h1 className="mt-2">{pick(c.title, lang)}</h1>
      {(location.state as { created?: boolean } | null)?.created ? <Alert kind="success">{t('calls.create.done')}</Alert> : null}
      <p>
        <StatusBadge kind={PHASE_BADGE[c.phase]}>{t(`calls.phase.${c.phase}`)}</StatusBadge> {t(`programs.${c.program}`)}
      </p>
      <dl className="row">
        <dt className="col-sm-3">{t('calls.fields.opensAt')}</dt>
        <dd className="col-sm-9">{formatDateTime(c.opensAt, lang)}</dd>
        <dt className="col-sm-3">{t('calls.fields.closesAt')}</dt>
        <dd className="col-sm-9">{formatDateTime(c.closesAt, lang)}</dd>
        {c.places ? (
          <>
            <dt className="col-sm-3">{t('calls.fields.places')}</dt>
            <dd className="col-sm-9">{c.places}</dd>
          </>
        ) : null}
        <dt className="col-sm-3">{t('calls.fields.objectionDays')}</dt>
        <dd className="col-sm-9">{c.objectionDays}</dd>
        {c.objectionDeadline ? (
          <>
            <dt className="col-sm-3">{t('calls.fields.objectionDeadline')}</dt>
            <dd className="col-sm-9">{formatDateTime(c.objectionDeadline, lang)}</dd>
          </>
        ) : null}
      </dl>
      {pick(c.body, lang) ? <p style={{ whiteSpace: 'pre-line' }}>{pick(c.body, lang)}</p> : null}

      {c.policies.apply && !staff && c.phase === 'open' ? (
        <div className="mb-4">
          {existing ? (
            <Link className="btn btn-primary" to={`/my/applications/${existing.id}`}>
              {t('calls.apply.continue')}
            </Link>
          ) : (
            <button
              type="button"
              className="btn btn-primary"
              disabled={start.isPending || mine.isPending}
              onClick={() => start.mutate(c.id, { onSuccess: (a) => navigate(`/my/applications/${a.id}`) })}
            >
              {t('calls.apply.start')}
            </button>
          )}
          {start.isError ? <Alert kind="danger">{start.error.message}</Alert> : null}
        </div>
      ) : null}

      {staff && c.status === 'draft' && c.policies.manage ? (
        <div className="mb-4">
          <p>{t('calls.publish.intro')}</p>
          {publish.isError ? <Alert kind="danger">{publish.error.message}</Alert> : null}
          <button type="button" className="btn btn-primary" onClick={() => publish.mutate()} disabled={publish.isPending}>
            {t('calls.publish.button')}
          </button>
        </div>
      ) : null}

      <section aria-labelledby="rules-heading" className="mb-5">
        <h2 id="rules-heading" className="h3">
          {t('calls.rules.heading', { version: c.rulesVersion })}
        </h2>
        {c.rulesFrozen ? <p className="small">{t('calls.rules.frozen')}</p> : null}
        <RulesSummary call={c} />
        {staff && c.policies.manage && !c.rulesFrozen ? (
          <details className="mt-3">
            <summary>{t('calls.editor.heading')}</summary>
            <RulesEditor call={c} />
          </details>
        ) : null}
      </section>

      {staff ? (
        <>
          <section aria-labelledby="applications-heading" className="mb-5">
            <h2 id="applications-heading" className="h3">
              {t('calls.applications.heading')}
            </h2>
            <ApplicationsTable call={c} />
            {c.phase === 'open' && c.policies.review ? (
              <details className="mt-3">
                <summary>{t('calls.paper.heading')}</summary>
                <PaperApplicationForm call={c} />
              </details>
            ) : null}
          </section>
          <section aria-labelledby="ranking-heading" className="mb-5">
            <h2 id="ranking-heading" className="h3">
              {t('calls.ranking.heading')}
            </h2>
            <RankingPanel call={c} ente={me?.ente.slug ?? ''} />
          </section>
          {c.status === 'provisional' || c.status === 'final' ? (
            <section aria-labelledby="objections-heading" className="mb-5">
              <h2 id="objections-heading" className="h3">
                {t('calls.objection.listHeading')}
              </h2>
              <ObjectionsPanel call={c} />
            </section>
          ) : null}
        </>
      ) : null}
    </>
  );
}
