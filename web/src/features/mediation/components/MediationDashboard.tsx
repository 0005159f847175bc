import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { formatCents, formatDateTime, formatDay } from '../../../app/format.js';
import { usePageTitle } from '../../../app/usePageTitle.js';
import { Alert, Loading, StatusBadge } from '../../../ui/feedback.js';
import { SelectField } from '../../../ui/fields.js';
import { REPORT_STATUSES, type Report, type ReportStatus, useArrears, useCases, useDashboard, useEstates, useMediationWrite, useReports } from '../api.js';

/** The mediator's estate dashboard: open conflicts, residents' reports, arrears alerts. */
export function MediationDashboard() {
  const { t } = useTranslation();
  usePageTitle(t('mediation.title'));
  const estates = useEstates();
  const [params, setParams] = useSearchParams();
  const estateId = params.get('estate') ?? estates.data?.[0]?.id ?? '';
  if (estates.isPending) {
    return <Loading label={t('mediation.loading')} />;
  }
  if (estates.isError) {
    return <Alert kind="danger">{estates.error.message}</Alert>;
  }
  return (
    <div>
      <h1>{t('mediation.title')}</h1>
      {estates.data.length === 0 ? (
        <p>{t('mediation.noEstates')}</p>
      ) : (
        <>
          <div className="row align-items-end">
            <SelectField
              className="col-md-6"
              id="estate"
              label={t('mediation.estate')}
              value={estateId}
              onChange={(e) => setParams({ estate: e.target.value })}
              options={estates.data.map((e) => ({
                value: e.id,
                label: t('mediation.estateOption', { name: e.name, cases: e.openCases, reports: e.openReports }),
              }))}
            />
            <div className="col-md-6 form-group d-flex gap-2 flex-wrap">
              <Link className="btn btn-primary" to={`/mediation/cases/new?estate=${estateId}`}>
                {t('mediation.cases.new')}
              </Link>
              <Link className="btn btn-outline-primary" to={`/mediation/activities?estate=${estateId}`}>
                {t('mediation.activities.link')}
              </Link>
            </div>
          </div>
          {estateId ? <EstateView estateId={estateId} /> : null}
        </>
      )}
    </div>
  );
}

function EstateView({ estateId }: { estateId: string }) {
  const { t } = useTranslation();
  const dash = useDashboard(estateId);
  return (
    <>
      {dash.data ? (
        <section aria-labelledby="summary-heading" className="mt-3">
          <h2 id="summary-heading" className="h4">
            {t('mediation.summary.heading', { name: dash.data.estate.name })}
          </h2>
          <div className="row">
            <div className="col-md-4">
              <table className="table table-sm">
                <caption>{t('mediation.summary.byType')}</caption>
                <tbody>
                  {dash.data.casesByType
                    .filter((c) => c.open > 0)
                    .map((c) => (
                      <tr key={c.type}>
                        <th scope="row">{t(`mediation.type.${c.type}`)}</th>
                        <td>{c.open}</td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </div>
            <div className="col-md-4">
              <table className="table table-sm">
                <caption>{t('mediation.summary.byAge')}</caption>
                <tbody>
                  {dash.data.casesByAge.map((c) => (
                    <tr key={c.bucket}>
                      <th scope="row">{t('mediation.summary.days', { bucket: c.bucket })}</th>
                      <td>{c.open}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div className="col-md-4">
              <table className="table table-sm">
                <caption>{t('mediation.summary.reports')}</caption>
                <tbody>
                  {dash.data.reportsByStatus.map((r) => (
                    <tr key={r.status}>
                      <th scope="row">{t(`mediation.reportStatus.${r.status}`)}</th>
                      <td>{r.count}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
          <p>
            {t('mediation.summary.activities', {
              upcoming: dash.data.activities.upcoming,
              past: dash.data.activities.past30Days,
              registrations: dash.data.activities.registrations,
              attended: dash.data.activities.attended,
            })}
          </p>
        </section>
      ) : null}
      <OpenCases estateId={estateId} />
      <Reports estateId={estateId} />
      <Arrears estateId={estateId} />
    </>
  );
}

function OpenCases({ estateId }: { estateId: string }) {
  const { t, i18n } = useTranslation();
  const cases = useCases(estateId);
  return (
    <section aria-labelledby="cases-heading" className="mt-4">
      <h2 id="cases-heading" className="h4">
        {t('mediation.cases.heading')}
      </h2>
      {cases.data && cases.data.length === 0 ? <p>{t('mediation.cases.empty')}</p> : null}
      {cases.data && cases.data.length > 0 ? (
        <div className="table-responsive">
          <table className="table table-sm">
            <caption className="visually-hidden">{t('mediation.cases.heading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('mediation.cases.summary')}</th>
                <th scope="col">{t('mediation.cases.type')}</th>
                <th scope="col">{t('mediation.cases.parties')}</th>
                <th scope="col">{t('mediation.cases.status')}</th>
                <th scope="col">{t('mediation.cases.openedOn')}</th>
              </tr>
            </thead>
            <tbody>
              {cases.data.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <Link to={`/mediation/cases/${c.id}`}>{c.summary}</Link>
                  </th>
                  <td>
                    {t(`mediation.type.${c.type}`)}
                    <span className="d-block small">{t(`mediation.severity.${c.severity}`)}</span>
                  </td>
                  <td>{c.parties.map((p) => p.name).join(', ')}</td>
                  <td>{t(`mediation.status.${c.status}`)}</td>
                  <td>{formatDay(c.openedOn, i18n.language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

const statusKind = (s: ReportStatus) => (s === 'resolved' ? 'success' : s === 'rejected' ? 'secondary' : s === 'in_progress' ? 'primary' : 'warning');

function ReportRow({ r }: { r: Report }) {
  const { t, i18n } = useTranslation();
  const [next, setNext] = useState<ReportStatus>('in_progress');
  const move = useMediationWrite<{ status: ReportStatus }>('POST', () => `/api/v1/mediation/reports/${r.id}/status`);
  return (
    <tr>
      <th scope="row">
        {r.description}
        <span className="d-block small">
          {r.building.address}
          {r.location ? ` · ${r.location}` : ''} · {formatDateTime(r.createdAt, i18n.language)}
        </span>
        {r.photos.map((p, i) => (
          <a key={p.id} className="d-block small" href={`/api/v1/mediation/reports/${r.id}/photos/${p.id}`} target="_blank" rel="noreferrer">
            {t('mediation.reports.photo', { n: i + 1 })}
          </a>
        ))}
      </th>
      <td>
        {t(`mediation.category.${r.category}`)}
        {r.urgent ? <StatusBadge kind="danger">{t('mediation.reports.urgent')}</StatusBadge> : null}
      </td>
      <td>{r.routedTo ?? t('mediation.reports.desk')}</td>
      <td>
        <StatusBadge kind={statusKind(r.status)}>{t(`mediation.reportStatus.${r.status}`)}</StatusBadge>
      </td>
      <td>
        <form
          className="d-flex gap-1 align-items-end"
          onSubmit={(e) => {
            e.preventDefault();
            move.mutate({ status: next });
          }}
        >
          <SelectField
            id={`next-${r.id}`}
            label={t('mediation.reports.moveTo')}
            value={next}
            onChange={(e) => setNext(e.target.value as ReportStatus)}
            options={REPORT_STATUSES.filter((s) => s !== r.status && s !== 'received').map((s) => ({ value: s, label: t(`mediation.reportStatus.${s}`) }))}
          />
          <button type="submit" className="btn btn-sm btn-outline-primary mb-3" disabled={move.isPending}>
            {t('mediation.reports.apply')}
          </button>
        </form>
        {move.isError ? <Alert kind="danger">{move.error.message}</Alert> : null}
      </td>
    </tr>
  );
}

function Reports({ estateId }: { estateId: string }) {
  const { t } = useTranslation();
  const reports = useReports(estateId);
  return (
    <section aria-labelledby="reports-heading" className="mt-4">
      <h2 id="reports-heading" className="h4">
        {t('mediation.reports.heading')}
      </h2>
      {reports.data && reports.data.length === 0 ? <p>{t('mediation.reports.empty')}</p> : null}
      {reports.data && reports.data.length > 0 ? (
        <div className="table-responsive">
          <table className="table table-sm">
            <caption className="visually-hidden">{t('mediation.reports.heading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('mediation.reports.problem')}</th>
                <th scope="col">{t('mediation.reports.category')}</th>
                <th scope="col">{t('mediation.reports.routedTo')}</th>
                <th scope="col">{t('mediation.reports.status')}</th>
                <th scope="col">{t('mediation.reports.action')}</th>
              </tr>
            </thead>
            <tbody>
              {reports.data.map((r) => (
                <ReportRow key={r.id} r={r} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

function Arrears({ estateId }: { estateId: string }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const alerts = useArrears(estateId);
  const open = useMediationWrite<{ tenancyId: string; summary: string }, { id: string }>('POST', () => '/api/v1/mediation/arrears/accompaniments');
  return (
    <section aria-labelledby="arrears-heading" className="mt-4">
      <h2 id="arrears-heading" className="h4">
        {t('mediation.arrears.heading')}
      </h2>
      {alerts.data && alerts.data.length === 0 ? <p>{t('mediation.arrears.empty')}</p> : null}
      {alerts.data && alerts.data.length > 0 ? (
        <div className="table-responsive">
          <table className="table table-sm">
            <caption className="visually-hidden">{t('mediation.arrears.heading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('mediation.arrears.household')}</th>
                <th scope="col">{t('mediation.arrears.balance')}</th>
                <th scope="col">{t('mediation.arrears.months')}</th>
                <th scope="col">{t('mediation.arrears.accompaniment')}</th>
              </tr>
            </thead>
            <tbody>
              {alerts.data.map((a) => (
                <tr key={a.tenancyId}>
                  <th scope="row">
                    {a.household}
                    <span className="d-block small">{a.unitCode}</span>
                  </th>
                  <td>{formatCents(a.balanceCents, i18n.language)}</td>
                  <td>{a.monthsOwed.toLocaleString(i18n.language)}</td>
                  <td>
                    {a.accompanimentCaseId ? (
                      <Link to={`/mediation/cases/${a.accompanimentCaseId}`}>{t('mediation.arrears.openCase')}</Link>
                    ) : (
                      <button
                        type="button"
                        className="btn btn-sm btn-outline-primary"
                        onClick={() =>
                          open.mutate(
                            { tenancyId: a.tenancyId, summary: t('mediation.arrears.defaultSummary', { household: a.household }) },
                            { onSuccess: (c) => navigate(`/mediation/cases/${c.id}`) },
                          )
                        }
                      >
                        {t('mediation.arrears.start', { household: a.household })}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
