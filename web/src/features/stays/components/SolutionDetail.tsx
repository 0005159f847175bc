import { useTranslation } from 'react-i18next';
import { formatDay } from '../../../app/format.js';
import { Alert, Loading } from '../../../ui/feedback.js';
import { hasPermission, useMe } from '../../identity/api.js';
import { usePairings, useSolution } from '../api.js';
import { BedCalendar } from './BedCalendar.js';
import { StaffingTable } from './StaffingTable.js';

const todayIso = () => new Date().toISOString().slice(0, 10);

export function SolutionDetail({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const s = useSolution(id);
  const pairings = usePairings(id, s.data?.kind === 'mutual_aid');
  if (s.isPending) {
    return <Loading label={t('common.loading')} />;
  }
  if (s.isError) {
    return <Alert kind="danger">{s.error.message}</Alert>;
  }
  const sol = s.data;
  const shortStay = sol.kind === 'autonomy_gym' || sol.kind === 'respite';
  return (
    <>
      <h1>{sol.name}</h1>
      <dl className="row">
        <dt className="col-sm-4">{t('stays.solutions.kind')}</dt>
        <dd className="col-sm-8">{t(`stays.kinds.${sol.kind}`)}</dd>
        <dt className="col-sm-4">{t('stays.solutions.address')}</dt>
        <dd className="col-sm-8">
          {sol.address} ({sol.unitCode})
        </dd>
        <dt className="col-sm-4">{t('stays.solutions.severities')}</dt>
        <dd className="col-sm-8">{sol.eligibleSeverities.map((x) => t(`stays.severity.${x}`)).join(', ')}</dd>
        <dt className="col-sm-4">{t('stays.solutions.support')}</dt>
        <dd className="col-sm-8">{t(`stays.support.${sol.supportLevel}`)}</dd>
        <dt className="col-sm-4">{t('stays.solutions.staffHours')}</dt>
        <dd className="col-sm-8">{sol.staffHoursPerDay}</dd>
        <dt className="col-sm-4">{t('stays.solutions.beds')}</dt>
        <dd className="col-sm-8">{sol.beds.length}</dd>
        {sol.maxStayDays ? (
          <>
            <dt className="col-sm-4">{t('stays.solutions.maxStay')}</dt>
            <dd className="col-sm-8">{t('stays.solutions.days', { count: sol.maxStayDays })}</dd>
          </>
        ) : null}
        {sol.runBy ? (
          <>
            <dt className="col-sm-4">{t('stays.solutions.runByLabel')}</dt>
            <dd className="col-sm-8">{sol.runBy.name}</dd>
          </>
        ) : null}
      </dl>
      {sol.description ? <p>{sol.description}</p> : null}
      {shortStay ? (
        <>
          <BedCalendar solutionId={id} start={todayIso()} />
          <StaffingTable solutionId={id} start={todayIso()} canPlan={hasPermission(me.data, 'stay:manage')} />
        </>
      ) : null}
      {sol.kind === 'mutual_aid' ? (
        <section aria-labelledby="pairings-heading">
          <h2 id="pairings-heading" className="h4">
            {t('stays.pairings.heading')}
          </h2>
          {pairings.data && pairings.data.items.length > 0 ? (
            <table className="table">
              <caption>{t('stays.pairings.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('stays.pairings.resident')}</th>
                  <th scope="col">{t('stays.pairings.helper')}</th>
                  <th scope="col">{t('stays.pairings.hours')}</th>
                  <th scope="col">{t('stays.pairings.tasks')}</th>
                  <th scope="col">{t('stays.pairings.since')}</th>
                </tr>
              </thead>
              <tbody>
                {pairings.data.items.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">{p.residentName}</th>
                    <td>{p.helperName}</td>
                    <td>{p.hoursPerWeek}</td>
                    <td>{p.tasks}</td>
                    <td>
                      {formatDay(p.startsOn, i18n.language)}
                      {p.endsOn ? ` – ${formatDay(p.endsOn, i18n.language)}` : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p>{t('stays.pairings.none')}</p>
          )}
        </section>
      ) : null}
    </>
  );
}
