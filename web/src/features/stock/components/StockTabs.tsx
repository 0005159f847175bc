import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { hasPermission, useMe } from '../../identity/api.js';

/** The sections of the housing stock; write sections only for holders of stock:write. */
export function StockTabs() {
  const { t } = useTranslation();
  const me = useMe().data;
  const tabs = [
    { to: '/stock', label: t('stock.tabs.units'), end: true },
    { to: '/stock/estates', label: t('stock.tabs.estates'), end: false },
    ...(hasPermission(me, 'stock:write')
      ? [
          { to: '/stock/units/new', label: t('stock.tabs.newUnit'), end: true },
          { to: '/stock/import', label: t('stock.tabs.import'), end: true },
        ]
      : []),
  ];
  return (
    <nav aria-label={t('stock.tabs.label')} className="mb-4">
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
