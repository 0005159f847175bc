import { useTranslation } from 'react-i18next';
import { formatDay } from '../../../app/format.js';
import { Alert, Loading } from '../../../ui/feedback.js';
import { useWaitingList } from '../api.js';

/** The waiting list in priority order, each score explained line by line. */
export function WaitingList() {
  const { t, i18n } = useTranslation();
  const list = useWaitingList();
  if (list.isPending) {
    return <Loading label={t('common.loading')} />;
  }
  if (list.isError) {
    return <Alert kind="danger">{list.error.message}</Alert>;
  }
  return (
    <>
      <p>{t('stays.waiting.rule')}</p>
      {list.data.items.length === 0 ? (
        <p>{t('stays.waiting.none')}</p>
      ) : (
        <div className="table-responsive">
          <table className="table">
            <caption>{t('stays.waiting.caption', { count: list.data.items.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('stays.waiting.rank')}</th>
                <th scope="col">{t('stays.waiting.person')}</th>
                <th scope="col">{t('stays.requests.solution')}</th>
                <th scope="col">{t('stays.requests.period')}</th>
                <th scope="col" className="text-end">
                  {t('stays.waiting.score')}
                </th>
                <th scope="col">{t('stays.waiting.why')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((w) => (
                <tr key={w.id}>
                  <td>{w.rank}</td>
                  <th scope="row">{w.personName}</th>
                  <td>{w.solutionName}</td>
                  <td className="text-nowrap">
                    {formatDay(w.startsOn, i18n.language)} – {formatDay(w.endsOn, i18n.language)}
                  </td>
                  <td className="text-end">{w.priority.score}</td>
                  <td>
                    <ul className="small mb-0 ps-3">
                      {w.priority.lines.map((l) => (
                        <li key={l.code}>{l.text}</li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
