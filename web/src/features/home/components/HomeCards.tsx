import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Icon } from '../../../ui/Icon.js';
import { hasPermission, type Me } from '../../identity/api.js';

interface Action {
  /** Its texts live under home.cards.<key> (in the shell's or the feature's catalogue). */
  key: string;
  to: string;
  icon: string;
}

/** What the user can do now, from the permissions the server reports (never re-derived from roles). */
export function actionsFor(me: Me): Action[] {
  const actions: Action[] = [];
  if (hasPermission(me, 'registry:read')) {
    actions.push({ key: 'registry', to: '/registry', icon: 'it-pa' });
  }
  if (me.roles.some((r) => r.role === 'citizen')) {
    actions.push({ key: 'myData', to: '/me/data', icon: 'it-user' });
  }
  if (hasPermission(me, 'stock:read')) {
    actions.push({ key: 'stock', to: '/stock', icon: 'it-map-marker-circle' });
  }
  if (['call:manage', 'call:read', 'application:review', 'application:submit'].some((p) => hasPermission(me, p))) {
    actions.push({ key: 'calls', to: '/calls', icon: 'it-file' });
  }
  if (hasPermission(me, 'allocation:decide')) {
    actions.push({ key: 'allocation', to: '/allocation', icon: 'it-share' });
  }
  if (hasPermission(me, 'application:submit')) {
    actions.push({ key: 'allocationMine', to: '/allocation/me', icon: 'it-share' });
  }
  if (hasPermission(me, 'case:read')) {
    actions.push({ key: 'cases', to: '/cases', icon: 'it-files' });
  }
  if (hasPermission(me, 'stay:manage') || hasPermission(me, 'stay:read')) {
    actions.push({ key: 'stays', to: '/stays', icon: 'it-calendar' });
  }
  if (hasPermission(me, 'report:read')) {
    actions.push({ key: 'reports', to: '/reports', icon: 'it-chart-line' });
  }
  if (hasPermission(me, 'stay:family')) {
    actions.push({ key: 'myStays', to: '/me/stays', icon: 'it-user' });
  }
  if (hasPermission(me, 'mediation:manage')) {
    actions.push({ key: 'mediation', to: '/mediation', icon: 'it-comment' });
  }
  if (hasPermission(me, 'report:submit')) {
    actions.push({ key: 'myReports', to: '/me/reports', icon: 'it-warning-circle' });
  }
  if (hasPermission(me, 'agency:manage')) {
    actions.push({ key: 'agency', to: '/agency', icon: 'it-key' });
    actions.push({ key: 'agencyAgenda', to: '/agency/agenda', icon: 'it-calendar' });
  }
  if (hasPermission(me, 'listing:own')) {
    actions.push({ key: 'landlordPortal', to: '/landlord', icon: 'it-key' });
  }
  if (hasPermission(me, 'appointment:book')) {
    actions.push({ key: 'booking', to: `/book/${me.ente.slug}`, icon: 'it-calendar' });
  }
  if (hasPermission(me, 'admin:users')) {
    actions.push({ key: 'users', to: '/admin/users', icon: 'it-settings' });
  }
  if (hasPermission(me, 'admin:audit')) {
    actions.push({ key: 'audit', to: '/admin/audit', icon: 'it-list' });
  }
  actions.push({ key: 'profile', to: '/profile', icon: 'it-user' });
  return actions;
}

export function HomeCards({ me }: { me: Me }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="actions-heading" className="mt-4">
      <h2 id="actions-heading" className="h4">
        {t('home.actionsHeading')}
      </h2>
      <ul className="row list-unstyled g-3 mt-1">
        {actionsFor(me).map((a) => (
          <li className="col-12 col-md-6 col-lg-4" key={a.key} data-testid={`home-card-${a.key}`}>
            <div className="card card-bg card-home shadow-sm rounded">
              <div className="card-body">
                <div className="categoryicon-top">
                  <Icon name={a.icon} color="primary" />
                </div>
                <h3 className="card-title h5">{t(`home.cards.${a.key}.title`)}</h3>
                <p className="card-text">{t(`home.cards.${a.key}.text`)}</p>
                <Link className="read-more mt-auto" to={a.to}>
                  <span className="text">{t(`home.cards.${a.key}.link`)}</span>
                  <Icon name="it-arrow-right" />
                </Link>
              </div>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
