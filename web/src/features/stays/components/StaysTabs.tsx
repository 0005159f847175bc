import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { hasPermission, useMe } from '../../identity/api.js';

/** Sub-navigation of the operator's Dopo di Noi area. */
export function StaysTabs() {
  const { t } = useTranslation();
  const me = useMe();
  const tabs = [
    { to: '/stays', label: t('stays.tabs.solutions'), end: true },
    { to: '/stays/requests', label: t('stays.tabs.requests') },
    { to: '/stays/waiting-list', label: t('stays.tabs.waiting') },
  ];
  if (hasPermission(me.data, 'case:read')) {
    tabs.push({ to: '/stays/projects', label: t('stays.tabs.projects') });
  }
  return (
    <nav aria-label={t('stays.tabs.label')} className="mb-4">
      <ul className="nav nav-tabs">
        {tabs.map((tab) => (
          <li className="nav-item" key={tab.to}>
            <NavLink to={tab.to} end={tab.end} className={({ isActive }) => `nav-link${isActive ? ' active' : ''}`}>
              {tab.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
