import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../app/format.js';
import { Alert, Loading } from '../../../ui/feedback.js';
import type { Program, Role } from '../../identity/api.js';
import { roleLabel } from '../../identity/labels.js';
import { useMyAccessLog, useMyPerson, useWithdrawMyConsent } from '../api.js';
import { IseeSection, MembersTable } from './HouseholdDetail.js';
import { ConsentList, PersonData } from './PersonDetail.js';

/** "social_worker:dopo_di_noi" (as the audit log keeps it) → "Assistente sociale – Dopo di Noi". */
function rolesText(t: Parameters<typeof roleLabel>[0], roles: string[]): string {
  return roles
    .map((r) => {
      const [role, program] = r.split(':');
      return roleLabel(t, { role: role as Role, program: (program ?? null) as Program | null });
    })
    .join(', ');
}

function AccessLog() {
  const { t, i18n } = useTranslation();
  const log = useMyAccessLog();
  if (log.isPending) {
    return <Loading label={t('common.loading')} />;
  }
  if (log.isError) {
    return <Alert kind="danger">{log.error.message}</Alert>;
  }
  if (log.data.items.length === 0) {
    return <p>{t('registry.me.accessEmpty')}</p>;
  }
  return (
    <div className="table-responsive">
      <table className="table align-middle" data-testid="access-log">
        <caption>{t('registry.me.accessCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('registry.me.when')}</th>
            <th scope="col">{t('registry.me.what')}</th>
            <th scope="col">{t('registry.me.who')}</th>
            <th scope="col">{t('registry.me.organisation')}</th>
            <th scope="col">{t('registry.me.purpose')}</th>
          </tr>
        </thead>
        <tbody>
          {log.data.items.map((e, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: entries have no id of their own and never reorder
            <tr key={i}>
              <th scope="row">{formatDateTime(e.at, i18n.language)}</th>
              <td>
                {t(`registry.me.actions.${e.action}`, { defaultValue: e.action })}
                {e.sensitiveCategory ? ` (${t(`registry.sensitive.categories.${e.sensitiveCategory}`)})` : ''}
              </td>
              <td>{rolesText(t, e.roles) || '—'}</td>
              <td>{e.organisationName ?? '—'}</td>
              <td>{e.purpose ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The citizen's own page: my data, my household, my consents (withdraw), who looked at my file. */
export function MyData() {
  const { t } = useTranslation();
  const mine = useMyPerson();
  const withdraw = useWithdrawMyConsent();
  if (mine.isPending) {
    return <Loading label={t('common.loading')} />;
  }
  if (mine.isError) {
    return <Alert kind="info">{mine.error.status === 404 ? t('registry.me.noRecord') : mine.error.message}</Alert>;
  }
  const { person, household, consents } = mine.data;
  return (
    <>
      <p className="lead">
        {person.givenName} {person.familyName}
      </p>
      <section aria-labelledby="my-data-heading">
        <h2 id="my-data-heading" className="h4">
          {t('registry.me.data')}
        </h2>
        <PersonData person={person} />
        <p className="text-muted">{t('registry.me.correctionHint')}</p>
      </section>
      <section aria-labelledby="my-household-heading" className="mt-4">
        <h2 id="my-household-heading" className="h4">
          {t('registry.me.household')}
        </h2>
        {household ? (
          <>
            <MembersTable household={household} link={false} />
            <h3 className="h5">{t('registry.isee.heading')}</h3>
            <IseeSection household={household} />
          </>
        ) : (
          <p>{t('registry.detail.noHousehold')}</p>
        )}
      </section>
      <section aria-labelledby="my-consents-heading" className="mt-4">
        <h2 id="my-consents-heading" className="h4">
          {t('registry.me.consents')}
        </h2>
        {withdraw.isSuccess ? <Alert kind="success">{t('registry.me.withdrawn')}</Alert> : null}
        {withdraw.isError ? <Alert kind="danger">{withdraw.error.message}</Alert> : null}
        <ConsentList
          consents={consents}
          action={(c) => (
            <button
              type="button"
              className="btn btn-sm btn-outline-danger"
              disabled={withdraw.isPending}
              onClick={() => {
                if (window.confirm(t('registry.me.withdrawConfirm', { purpose: c.purpose }))) {
                  withdraw.mutate(c.id);
                }
              }}
            >
              {t('registry.me.withdraw', { purpose: c.purpose })}
            </button>
          )}
        />
      </section>
      <section aria-labelledby="my-access-heading" className="mt-4">
        <h2 id="my-access-heading" className="h4">
          {t('registry.me.access')}
        </h2>
        <p>{t('registry.me.accessIntro')}</p>
        <AccessLog />
      </section>
    </>
  );
}
