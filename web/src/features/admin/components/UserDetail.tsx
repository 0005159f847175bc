import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../app/format.js';
import { Alert, Loading } from '../../../ui/feedback.js';
import type { Program, Role } from '../../identity/api.js';
import { roleLabel } from '../../identity/labels.js';
import { type AdminUser, useAddRole, usePatchUser, useRemoveRole, useUser } from '../api.js';
import { RoleProgramFields, type RoleProgramValue } from './RoleProgramFields.js';
import { UserStatus } from './UserList.js';

function AccountActions({ user }: { user: AdminUser }) {
  const { t } = useTranslation();
  const patch = usePatchUser(user.id);
  return (
    <section aria-labelledby="account-actions-heading" className="mt-4">
      <h2 id="account-actions-heading" className="h4">
        {t('admin.detail.accountHeading')}
      </h2>
      {patch.error ? <Alert kind="danger">{patch.error.detail ?? t('errors.generic')}</Alert> : null}
      <div className="d-flex flex-wrap gap-2">
        {user.active ? (
          <button type="button" className="btn btn-danger" disabled={patch.isPending} onClick={() => patch.mutate({ active: false })}>
            {t('admin.detail.deactivate')}
          </button>
        ) : (
          <button type="button" className="btn btn-success" disabled={patch.isPending} onClick={() => patch.mutate({ active: true })}>
            {t('admin.detail.reactivate')}
          </button>
        )}
        {user.locked ? (
          <button type="button" className="btn btn-outline-primary" disabled={patch.isPending} onClick={() => patch.mutate({ unlock: true })}>
            {t('admin.detail.unlock')}
          </button>
        ) : null}
      </div>
    </section>
  );
}

function Roles({ user }: { user: AdminUser }) {
  const { t } = useTranslation();
  const add = useAddRole(user.id);
  const remove = useRemoveRole(user.id);
  const [grant, setGrant] = useState<RoleProgramValue>({ role: '', program: '' });
  const [missingRole, setMissingRole] = useState(false);

  const onAdd = (e: FormEvent) => {
    e.preventDefault();
    if (!grant.role) {
      setMissingRole(true);
      return;
    }
    setMissingRole(false);
    add.mutate({ role: grant.role as Role, program: (grant.program || null) as Program | null }, { onSuccess: () => setGrant({ role: '', program: '' }) });
  };

  return (
    <section aria-labelledby="roles-heading" className="mt-4">
      <h2 id="roles-heading" className="h4">
        {t('admin.detail.rolesHeading')}
      </h2>
      {remove.error ? <Alert kind="danger">{remove.error.detail ?? t('errors.generic')}</Alert> : null}
      {user.roles.length === 0 ? <p>{t('admin.detail.noRoles')}</p> : null}
      <ul className="list-unstyled">
        {user.roles.map((r) => (
          <li key={r.id} className="d-flex flex-wrap align-items-center gap-2 mb-2">
            <span>{roleLabel(t, r)}</span>
            <button type="button" className="btn btn-outline-danger btn-xs" disabled={remove.isPending} onClick={() => remove.mutate(r.id)}>
              {t('admin.detail.removeRole', { role: roleLabel(t, r) })}
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={onAdd} noValidate className="mt-4" aria-labelledby="add-role-heading">
        <h3 id="add-role-heading" className="h5 mb-4">
          {t('admin.detail.addRoleHeading')}
        </h3>
        {add.error ? <Alert kind="danger">{add.error.detail ?? t('errors.generic')}</Alert> : null}
        <RoleProgramFields
          idPrefix="add-role"
          value={grant}
          onChange={setGrant}
          roleRequired
          roleError={missingRole ? t('admin.detail.roleRequired') : add.error?.fieldMessage('role')}
          programError={add.error?.fieldMessage('program')}
        />
        <button type="submit" className="btn btn-primary" disabled={add.isPending}>
          {t('admin.detail.addRole')}
        </button>
      </form>
    </section>
  );
}

export function UserDetail({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const user = useUser(id);
  if (user.isPending) {
    return <Loading label={t('common.loading')} />;
  }
  if (user.isError) {
    return <Alert kind="danger">{user.error.message}</Alert>;
  }
  const u = user.data;
  return (
    <>
      <h1>{u.fullName}</h1>
      <dl className="row">
        <dt className="col-sm-4">{t('admin.fields.email')}</dt>
        <dd className="col-sm-8 text-break">{u.email}</dd>
        <dt className="col-sm-4">{t('admin.fields.organisation')}</dt>
        <dd className="col-sm-8">{u.organisationName ?? t('admin.fields.noOrganisation')}</dd>
        <dt className="col-sm-4">{t('admin.users.columns.status')}</dt>
        <dd className="col-sm-8" data-testid="user-status">
          <UserStatus user={u} />
        </dd>
        <dt className="col-sm-4">{t('admin.detail.lastLogin')}</dt>
        <dd className="col-sm-8">{u.lastLoginAt ? formatDateTime(u.lastLoginAt, i18n.language) : t('admin.detail.never')}</dd>
        <dt className="col-sm-4">{t('admin.detail.createdAt')}</dt>
        <dd className="col-sm-8">{formatDateTime(u.createdAt, i18n.language)}</dd>
      </dl>
      <AccountActions user={u} />
      <Roles user={u} />
    </>
  );
}
