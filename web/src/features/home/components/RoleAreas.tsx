import { useTranslation } from 'react-i18next';
import type { Me, Role } from '../../identity/api.js';
import { roleLabel } from '../../identity/labels.js';

/** The user's roles (with programs) and, for each distinct role, what their work area is. */
export function RoleAreas({ me }: { me: Me }) {
  const { t } = useTranslation();
  const distinctRoles = [...new Set(me.roles.map((r) => r.role))] as Role[];
  return (
    <>
      <section aria-labelledby="roles-heading" className="mt-4">
        <h2 id="roles-heading" className="h4">
          {t('home.rolesHeading')}
        </h2>
        {me.roles.length === 0 ? (
          <p>{t('home.noRoles')}</p>
        ) : (
          <ul data-testid="home-roles">
            {me.roles.map((r) => (
              <li key={`${r.role}:${r.program ?? ''}`}>{roleLabel(t, r)}</li>
            ))}
          </ul>
        )}
      </section>
      {distinctRoles.length > 0 ? (
        <section aria-labelledby="areas-heading" className="mt-4">
          <h2 id="areas-heading" className="h4">
            {t('home.areasHeading')}
          </h2>
          {distinctRoles.map((role) => (
            <div className="callout" key={role} data-testid={`role-area-${role}`}>
              <div className="callout-title">{t(`roles.${role}`)}</div>
              <p>{t(`roleAreas.${role}`)}</p>
            </div>
          ))}
          <p className="small text-secondary">{t('home.moreSoon')}</p>
        </section>
      ) : null}
    </>
  );
}
