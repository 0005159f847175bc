import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

/** The sections of the agency's work. */
export function AgencyTabs() {
  const { t } = useTranslation();
  const tabs = [
    { to: '/agency', label: t('agency.tabs.listings'), end: true },
    { to: '/agency/listings/new', label: t('agency.tabs.newListing'), end: true },
    { to: '/agency/landlords', label: t('agency.tabs.landlords'), end: false },
    { to: '/agency/seekers', label: t('agency.tabs.seekers'), end: false },
    { to: '/agency/proposals', label: t('agency.tabs.proposals'), end: true },
    { to: '/agency/agenda', label: t('agency.tabs.agenda'), end: true },
  ];
  return (
    <nav aria-label={t('agency.tabs.label')} className="mb-4">
      <ul className="nav nav-tabs">
        {tabs.map((tab) => (
          <li className="nav-item" key={tab.to}>
            <NavLink className="nav-link" to={tab.to} end={tab.end}>
              {tab.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
