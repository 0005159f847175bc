import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert, Loading, StatusBadge } from '../../../ui/feedback.js';
import { TextField } from '../../../ui/fields.js';
import { roleLabel } from '../../identity/labels.js';
import { type AdminUser, useUsers } from '../api.js';

export function UserStatus({ user }: { user: AdminUser }) {
  const { t } = useTranslation();
  return (
    <>
      {user.active ? (
        <StatusBadge kind="success">{t('admin.status.active')}</StatusBadge>
      ) : (
        <StatusBadge kind="secondary">{t('admin.status.inactive')}</StatusBadge>
      )}
      {user.locked ? <StatusBadge kind="danger">{t('admin.status.locked')}</StatusBadge> : null}
    </>
  );
}

/** Searchable, paginated ("load more") list of the ente's users. */
export function UserList() {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');
  const [q, setQ] = useState('');
  const users = useUsers(q);
  const rows = users.data?.pages.flatMap((p) => p.items) ?? [];

  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    setQ(draft.trim());
  };

  return (
    <section aria-labelledby="users-list-heading">
      <h2 id="users-list-heading" className="h4">
        {t('admin.users.listHeading')}
      </h2>
      <search>
        <form onSubmit={onSearch} className="d-flex flex-wrap align-items-start gap-3 mt-4">
          <TextField
            className="flex-grow-1 mb-0"
            label={t('admin.users.search')}
            type="search"
            name="q"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
          />
          <button type="submit" className="btn btn-primary">
            {t('admin.users.searchButton')}
          </button>
        </form>
      </search>
      {users.isPending ? <Loading label={t('common.loading')} /> : null}
      {users.isError ? <Alert kind="danger">{users.error.message}</Alert> : null}
      {users.isSuccess ? (
        <div className="table-responsive mt-3">
          <table className="table table-striped align-middle">
            <caption>{q ? t('admin.users.captionSearch', { q, count: rows.length }) : t('admin.users.caption', { count: rows.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.users.columns.name')}</th>
                <th scope="col">{t('admin.users.columns.email')}</th>
                <th scope="col">{t('admin.users.columns.organisation')}</th>
                <th scope="col">{t('admin.users.columns.roles')}</th>
                <th scope="col">{t('admin.users.columns.status')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.length === 0 ? (
                <tr>
                  <td colSpan={5}>{t('admin.users.empty')}</td>
                </tr>
              ) : null}
              {rows.map((u) => (
                <tr key={u.id}>
                  <th scope="row">
                    <Link to={`/admin/users/${u.id}`}>{u.fullName}</Link>
                  </th>
                  <td className="text-break">{u.email}</td>
                  <td>{u.organisationName ?? '—'}</td>
                  <td>{u.roles.map((r) => roleLabel(t, r)).join(', ') || '—'}</td>
                  <td>
                    <UserStatus user={u} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {users.hasNextPage ? (
        <button type="button" className="btn btn-outline-primary" onClick={() => void users.fetchNextPage()} disabled={users.isFetchingNextPage}>
          {t('common.loadMore')}
        </button>
      ) : null}
    </section>
  );
}
