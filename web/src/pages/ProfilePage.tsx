import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../app/usePageTitle.js';
import { useMe } from '../features/identity/api.js';
import { PasswordForm } from '../features/identity/components/PasswordForm.js';
import { roleLabel } from '../features/identity/labels.js';

export function ProfilePage() {
  const { t } = useTranslation();
  usePageTitle(t('titles.profile'));
  const me = useMe().data;
  if (!me) {
    return null;
  }
  return (
    <>
      <h1>{t('profile.heading')}</h1>
      <div className="row">
        <section className="col-12 col-lg-6 mb-4" aria-labelledby="account-heading">
          <h2 id="account-heading" className="h4 mb-3">
            {t('profile.accountHeading')}
          </h2>
          <dl>
            <dt>{t('profile.name')}</dt>
            <dd>{me.user.fullName}</dd>
            <dt>{t('profile.email')}</dt>
            <dd>{me.user.email}</dd>
            <dt>{t('profile.organisation')}</dt>
            <dd>{me.user.organisationName ?? t('home.noOrganisation')}</dd>
            <dt>{t('profile.ente')}</dt>
            <dd>{me.ente.name}</dd>
            <dt>{t('profile.roles')}</dt>
            <dd>{me.roles.map((r) => roleLabel(t, r)).join(', ') || t('home.noRoles')}</dd>
          </dl>
        </section>
        <div className="col-12 col-lg-6">{me.authMethod === 'password' ? <PasswordForm /> : <p>{t('profile.oidc')}</p>}</div>
      </div>
    </>
  );
}
