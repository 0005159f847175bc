import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert, Loading } from '../../../ui/feedback.js';
import { useSolutions } from '../api.js';

/** The catalogue of housing solutions: kind, beds, support, staff hours, guests today, waiting. */
export function SolutionList() {
  const { t } = useTranslation();
  const list = useSolutions();
  if (list.isPending) {
    return <Loading label={t('common.loading')} />;
  }
  if (list.isError) {
    return <Alert kind="danger">{list.error.message}</Alert>;
  }
  if (list.data.items.length === 0) {
    return <p>{t('stays.solutions.none')}</p>;
  }
  return (
    <div className="table-responsive">
      <table className="table">
        <caption>{t('stays.solutions.caption', { count: list.data.items.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('stays.solutions.name')}</th>
            <th scope="col">{t('stays.solutions.kind')}</th>
            <th scope="col">{t('stays.solutions.address')}</th>
            <th scope="col">{t('stays.solutions.severities')}</th>
            <th scope="col">{t('stays.solutions.support')}</th>
            <th scope="col" className="text-end">
              {t('stays.solutions.beds')}
            </th>
            <th scope="col" className="text-end">
              {t('stays.solutions.staffHours')}
            </th>
            <th scope="col" className="text-end">
              {t('stays.solutions.guestsToday')}
            </th>
            <th scope="col" className="text-end">
              {t('stays.solutions.waiting')}
            </th>
          </tr>
        </thead>
        <tbody>
          {list.data.items.map((s) => (
            <tr key={s.id}>
              <th scope="row">
                <Link to={`/stays/solutions/${s.id}`}>{s.name}</Link>
                {s.runBy ? <div className="small text-muted">{t('stays.solutions.runBy', { name: s.runBy.name })}</div> : null}
              </th>
              <td>{t(`stays.kinds.${s.kind}`)}</td>
              <td>{s.address}</td>
              <td>{s.eligibleSeverities.map((x) => t(`stays.severity.${x}`)).join(', ')}</td>
              <td>{t(`stays.support.${s.supportLevel}`)}</td>
              <td className="text-end">{s.beds.length}</td>
              <td className="text-end">{s.staffHoursPerDay}</td>
              <td className="text-end">{s.guestsToday}</td>
              <td className="text-end">{s.waiting}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
