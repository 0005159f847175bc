import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../../ui/feedback.js';
import { SelectField, TextField } from '../../../ui/fields.js';
import type { Program, Role } from '../../identity/api.js';
import { type AdminUser, useCreateUser, useOrganisations } from '../api.js';
import { RoleProgramFields, type RoleProgramValue } from './RoleProgramFields.js';

const EMPTY = { email: '', fullName: '', organisationId: '', password: '' };

/** Creates a user with an initial password and, optionally, a first role. */
export function UserCreateForm() {
  const { t } = useTranslation();
  const orgs = useOrganisations();
  const create = useCreateUser();
  const [form, setForm] = useState(EMPTY);
  const [grant, setGrant] = useState<RoleProgramValue>({ role: '', program: '' });
  const [created, setCreated] = useState<AdminUser | null>(null);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setCreated(null);
    create.mutate(
      {
        email: form.email.trim(),
        fullName: form.fullName.trim(),
        organisationId: form.organisationId || null,
        password: form.password,
        roles: grant.role ? [{ role: grant.role as Role, program: (grant.program || null) as Program | null }] : [],
      },
      {
        onSuccess: (user) => {
          setCreated(user);
          setForm(EMPTY);
          setGrant({ role: '', program: '' });
        },
      },
    );
  };
  const error = create.error;
  const set = (key: keyof typeof EMPTY) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });

  return (
    <section aria-labelledby="user-create-heading" className="mt-5">
      <h2 id="user-create-heading" className="h4 mb-4">
        {t('admin.create.heading')}
      </h2>
      {created ? (
        <Alert kind="success">
          {t('admin.create.done', { name: created.fullName })} <Link to={`/admin/users/${created.id}`}>{t('admin.create.open')}</Link>
        </Alert>
      ) : null}
      {error ? <Alert kind="danger">{error.detail ?? t('errors.generic')}</Alert> : null}
      <form onSubmit={onSubmit} noValidate>
        <div className="row">
          <div className="col-12 col-md-6">
            <TextField
              id="new-user-name"
              label={t('admin.fields.fullName')}
              required
              autoComplete="off"
              value={form.fullName}
              onChange={set('fullName')}
              error={error?.fieldMessage('fullName')}
            />
          </div>
          <div className="col-12 col-md-6">
            <TextField
              id="new-user-email"
              label={t('admin.fields.email')}
              type="email"
              required
              autoComplete="off"
              value={form.email}
              onChange={set('email')}
              error={error?.fieldMessage('email')}
            />
          </div>
          <div className="col-12 col-md-6">
            <SelectField
              id="new-user-org"
              label={t('admin.fields.organisation')}
              value={form.organisationId}
              onChange={set('organisationId')}
              emptyOption={t('admin.fields.noOrganisation')}
              options={(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
              error={error?.fieldMessage('organisationId')}
            />
          </div>
          <div className="col-12 col-md-6">
            <TextField
              id="new-user-password"
              label={t('admin.fields.password')}
              type="password"
              required
              autoComplete="new-password"
              minLength={12}
              hint={t('admin.fields.passwordHint')}
              value={form.password}
              onChange={set('password')}
              error={error?.fieldMessage('password')}
            />
          </div>
        </div>
        <RoleProgramFields
          idPrefix="new-user"
          value={grant}
          onChange={setGrant}
          roleRequired={false}
          roleError={error?.fieldMessage('role')}
          programError={error?.fieldMessage('program')}
        />
        <button type="submit" className="btn btn-primary" disabled={create.isPending}>
          {t('admin.create.submit')}
        </button>
      </form>
    </section>
  );
}
