import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDay } from '../../../app/format.js';
import { Alert, Loading, StatusBadge } from '../../../ui/feedback.js';
import { CheckboxField } from '../../../ui/fields.js';
import { useProjects } from '../api.js';

/** Life projects with their stage and next review; overdue reviews are flagged in words. */
export function ProjectList() {
  const { t, i18n } = useTranslation();
  const [overdue, setOverdue] = useState(false);
  const list = useProjects(overdue);
  return (
    <>
      <CheckboxField label={t('stays.projects.onlyOverdue')} checked={overdue} onChange={(e) => setOverdue(e.target.checked)} />
      {list.isPending ? <Loading label={t('common.loading')} /> : null}
      {list.isError ? <Alert kind="danger">{list.error.message}</Alert> : null}
      {list.data ? (
        <div className="table-responsive">
          <table className="table">
            <caption>{t('stays.projects.caption', { count: list.data.items.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('stays.projects.person')}</th>
                <th scope="col">{t('stays.projects.stage')}</th>
                <th scope="col">{t('stays.projects.version')}</th>
                <th scope="col">{t('stays.projects.lastReview')}</th>
                <th scope="col">{t('stays.projects.nextReview')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    <Link to={`/stays/projects/${p.id}`}>{p.personName}</Link>
                  </th>
                  <td>{t(`stays.stage.${p.stage}`)}</td>
                  <td>{p.version}</td>
                  <td>{p.lastReviewOn ? formatDay(p.lastReviewOn, i18n.language) : '—'}</td>
                  <td>
                    {p.nextReviewOn ? formatDay(p.nextReviewOn, i18n.language) : '—'}{' '}
                    {p.overdueDays > 0 ? <StatusBadge kind="danger">{t('stays.projects.overdue', { count: p.overdueDays })}</StatusBadge> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
