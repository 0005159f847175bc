import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDay } from '../../../app/format.js';
import { Alert, Loading, StatusBadge } from '../../../ui/feedback.js';
import { useDashboard } from '../api.js';

const percent = (bp: number | null) => (bp === null ? '—' : `${(bp / 100).toFixed(1)}%`);

/** The Housing First team dashboard: week, alerts, caseload, participants' trends, retention. */
export function HousingFirstDashboard() {
  const { t, i18n } = useTranslation();
  const d = useDashboard();
  if (d.isPending) {
    return <Loading label={t('common.loading')} />;
  }
  if (d.isError) {
    return <Alert kind="danger">{d.error.message}</Alert>;
  }
  const b = d.data;
  return (
    <>
      <div className="row g-3">
        <div className="col-12 col-md-4">
          <div className="card shadow-sm">
            <div className="card-body">
              <h2 className="h6">{t('cases.hf.week', { from: formatDay(b.weekFrom, i18n.language), to: formatDay(b.weekTo, i18n.language) })}</h2>
              <p className="h3 mb-0" data-testid="hf-week">
                {t('cases.visits.doneOf', { done: b.thisWeek.done, planned: b.thisWeek.planned })}
              </p>
            </div>
          </div>
        </div>
        {b.retention.map((r) => (
          <div className="col-6 col-md-4" key={r.months}>
            <div className="card shadow-sm">
              <div className="card-body">
                <h2 className="h6">{t('cases.hf.retention', { months: r.months })}</h2>
                <p className="h3 mb-0">{percent(r.rateBp)}</p>
                <p className="small mb-0">{t('cases.hf.retentionOf', { retained: r.retained, eligible: r.eligible })}</p>
              </div>
            </div>
          </div>
        ))}
      </div>
      <section aria-labelledby="alerts-heading" className="mt-4">
        <h2 id="alerts-heading" className="h4">
          {t('cases.hf.alerts')}
        </h2>
        <p className="small">{t('cases.hf.alertRule', { hours: b.alertDelayHours })}</p>
        {b.alerts.length === 0 ? (
          <p>{t('cases.hf.noAlerts')}</p>
        ) : (
          <ul className="list-unstyled" data-testid="hf-alerts">
            {b.alerts.map((a) => (
              <li key={`${a.caseId}-${a.day}`} className="border-bottom py-2">
                <StatusBadge kind={a.level === 'escalation' ? 'danger' : 'warning'}>{t(`cases.alertLevel.${a.level}`, { count: a.streak })}</StatusBadge>{' '}
                <Link to={`/cases/${a.caseId}/visits`}>{a.person}</Link> – {formatDay(a.expectedOn, i18n.language)} · {t(`cases.alertKind.${a.kind}`)} ·{' '}
                {a.professional}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="caseload-heading" className="mt-4">
        <h2 id="caseload-heading" className="h4">
          {t('cases.hf.caseload')}
        </h2>
        <div className="table-responsive">
          <table className="table table-sm">
            <caption className="visually-hidden">{t('cases.hf.caseload')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cases.hf.professional')}</th>
                <th scope="col">{t('cases.hf.participants')}</th>
                <th scope="col">{t('cases.visits.thisWeek')}</th>
              </tr>
            </thead>
            <tbody>
              {b.caseload.map((l) => (
                <tr key={l.professionalId}>
                  <th scope="row">{l.professional}</th>
                  <td>{l.participants}</td>
                  <td>{t('cases.visits.doneOf', { done: l.thisWeek.done, planned: l.thisWeek.planned })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="participants-heading" className="mt-4">
        <h2 id="participants-heading" className="h4">
          {t('cases.hf.participantsHeading')}
        </h2>
        <div className="table-responsive">
          <table className="table table-sm align-middle">
            <caption className="visually-hidden">{t('cases.hf.participantsHeading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cases.fields.person')}</th>
                <th scope="col">{t('cases.placement.housedOn')}</th>
                <th scope="col">{t('cases.visits.thisWeek')}</th>
                <th scope="col">{t('cases.hf.trend')}</th>
              </tr>
            </thead>
            <tbody>
              {b.participants.map((p) => (
                <tr key={p.caseId}>
                  <th scope="row">
                    <Link to={`/cases/${p.caseId}/visits`}>{p.person}</Link>
                    {p.escalated ? <StatusBadge kind="danger">{t('cases.hf.escalated')}</StatusBadge> : null}
                  </th>
                  <td>{formatDay(p.housedOn, i18n.language)}</td>
                  <td>{t('cases.visits.doneOf', { done: p.thisWeek.done + p.thisWeek.extra, planned: p.thisWeek.planned })}</td>
                  <td>
                    <StatusBadge kind={p.trend.direction === 'worsening' ? 'danger' : p.trend.direction === 'improving' ? 'success' : 'secondary'}>
                      {t(`cases.trend.${p.trend.direction}`)}
                    </StatusBadge>
                    {p.trend.worseningAreas.length > 0 ? (
                      <span className="small">{p.trend.worseningAreas.map((a) => t(`cases.area.${a}`)).join(', ')}</span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
