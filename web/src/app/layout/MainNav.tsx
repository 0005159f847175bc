import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router';
import { hasPermission, type Me } from '../../features/identity/api.js';
import { Icon } from '../../ui/Icon.js';

interface NavEntry {
  to: string;
  label: string;
  end?: boolean;
}

/** The role-aware main navigation: only what the user's permissions allow. */
export function navEntries(me: Me, t: (key: string) => string): NavEntry[] {
  const entries: NavEntry[] = [{ to: '/', label: t('nav.home'), end: true }];
  if (hasPermission(me, 'registry:read')) {
    entries.push({ to: '/registry', label: t('registry.nav') });
  }
  if (me.roles.some((r) => r.role === 'citizen')) {
    entries.push({ to: '/me/data', label: t('registry.me.nav') });
  }
  if (hasPermission(me, 'stock:read')) {
    entries.push({ to: '/stock', label: t('stock.nav') });
  }
  if (['call:manage', 'call:read', 'application:review', 'application:submit'].some((p) => hasPermission(me, p))) {
    entries.push({ to: '/calls', label: t('calls.nav') });
  }
  if (hasPermission(me, 'allocation:decide')) {
    entries.push({ to: '/allocation', label: t('allocation.nav') });
  }
  if (hasPermission(me, 'tenancy:read') || hasPermission(me, 'tenancy:manage')) {
    entries.push({ to: '/tenancies', label: t('tenancies.nav.list') });
  }
  if (hasPermission(me, 'tenancy:own')) {
    entries.push({ to: '/me/home', label: t('tenancies.nav.mine') });
  }
  if (hasPermission(me, 'case:read')) {
    entries.push({ to: '/cases', label: t('cases.nav') });
  }
  if (hasPermission(me, 'stay:manage') || hasPermission(me, 'stay:read')) {
    entries.push({ to: '/stays', label: t('stays.nav') });
  }
  if (hasPermission(me, 'stay:family')) {
    entries.push({ to: '/me/stays', label: t('stays.navFamily') });
  }
  if (hasPermission(me, 'mediation:manage')) {
    entries.push({ to: '/mediation', label: t('mediation.nav') });
  }
  if (hasPermission(me, 'report:submit')) {
    entries.push({ to: '/me/reports', label: t('mediation.navMine') });
  }
  if (hasPermission(me, 'agency:manage')) {
    entries.push({ to: '/agency', label: t('agency.nav.agency') });
  }
  if (hasPermission(me, 'listing:own')) {
    entries.push({ to: '/landlord', label: t('agency.nav.portal') });
  } else if (hasPermission(me, 'appointment:book')) {
    entries.push({ to: `/book/${me.ente.slug}`, label: t('agency.nav.booking') });
  }
  if (hasPermission(me, 'report:read')) {
    entries.push({ to: '/reports', label: t('reports.nav') });
  }
  if (hasPermission(me, 'admin:users')) {
    entries.push({ to: '/admin/users', label: t('nav.users') });
  }
  if (hasPermission(me, 'admin:audit')) {
    entries.push({ to: '/admin/audit', label: t('nav.audit') });
  }
  if (['admin:audit', 'call:manage', 'tenancy:manage', 'agency:manage'].some((p) => hasPermission(me, p))) {
    entries.push({ to: '/notifications/deliveries', label: t('notifications.nav') });
  }
  entries.push({ to: '/profile', label: t('nav.profile') });
  return entries;
}

/** Bootstrap Italia header navbar; on phones it collapses behind a burger button. */
export function MainNav({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const location = useLocation();

  // Close the mobile menu on navigation and with Escape.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every route change
  useEffect(() => {
    setOpen(false);
  }, [location.pathname]);
  useEffect(() => {
    if (!open) {
      return;
    }
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);

  return (
    <div className="it-header-navbar-wrapper">
      <div className="container">
        <div className="row">
          <div className="col-12">
            <nav className="navbar navbar-expand-lg" aria-label={t('header.mainNav')} id="main-nav">
              <button className="custom-navbar-toggler" type="button" aria-controls="main-nav-menu" aria-expanded={open} onClick={() => setOpen(true)}>
                <Icon name="it-burger" />
                <span className="visually-hidden">{t('header.menuOpen')}</span>
              </button>
              <div className={`navbar-collapsable${open ? ' expanded' : ''}`} id="main-nav-menu" style={open ? { display: 'block' } : undefined}>
                <div
                  className={`overlay${open ? ' fade show' : ''}`}
                  style={open ? { display: 'block' } : undefined}
                  aria-hidden="true"
                  onClick={() => setOpen(false)}
                />
                <div className="close-div">
                  <button className="btn close-menu" type="button" onClick={() => setOpen(false)}>
                    <span className="visually-hidden">{t('header.menuClose')}</span>
                    <Icon name="it-close-big" />
                  </button>
                </div>
                <div className="menu-wrapper">
                  <ul className="navbar-nav">
                    {navEntries(me, t).map((entry) => (
                      <li className="nav-item" key={entry.to}>
                        <NavLink className="nav-link" to={entry.to} end={entry.end}>
                          <span>{entry.label}</span>
                        </NavLink>
                      </li>
                    ))}
                  </ul>
                </div>
              </div>
            </nav>
          </div>
        </div>
      </div>
    </div>
  );
}
