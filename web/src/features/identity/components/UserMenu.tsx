import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Icon } from '../../../ui/Icon.js';
import { type Me, useLogout } from '../api.js';

/** The signed-in user's menu (a disclosure): name, organisation, profile/password, logout. */
export function UserMenu({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const wrapper = useRef<HTMLDivElement>(null);
  const logout = useLogout();
  const navigate = useNavigate();

  useEffect(() => {
    if (!open) {
      return;
    }
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        wrapper.current?.querySelector<HTMLButtonElement>('button')?.focus();
      }
    };
    const onClick = (e: globalThis.MouseEvent) => {
      if (wrapper.current && !wrapper.current.contains(e.target as Node)) {
        setOpen(false);
      }
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', onClick);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('mousedown', onClick);
    };
  }, [open]);

  const onLogout = () => {
    logout.mutate(undefined, {
      onSuccess: () => {
        setOpen(false);
        void navigate('/login');
      },
    });
  };

  return (
    <div className="dropdown user-menu position-relative" ref={wrapper}>
      <button
        type="button"
        className="btn btn-primary btn-sm btn-icon dropdown-toggle"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((v) => !v)}
        data-testid="user-menu-button"
      >
        <Icon name="it-user" color="white" size="sm" className="me-1" />
        <span className="d-none d-sm-inline">{me.user.fullName}</span>
        <span className="visually-hidden d-sm-none">{t('userMenu.label', { name: me.user.fullName })}</span>
      </button>
      <div id={menuId} className={`dropdown-menu${open ? ' show' : ''}`} hidden={!open}>
        <div className="link-list-wrapper">
          <div className="px-3 pt-2">
            <p className="fw-semibold mb-0">{me.user.fullName}</p>
            <p className="small mb-0">{me.user.organisationName ?? t('userMenu.noOrganisation')}</p>
            <p className="small mb-2">{me.ente.name}</p>
          </div>
          <ul className="link-list">
            <li>
              <span className="divider" />
            </li>
            <li>
              <Link className="dropdown-item list-item" to="/profile" onClick={() => setOpen(false)}>
                <span>{t('userMenu.profile')}</span>
              </Link>
            </li>
            <li>
              <button type="button" className="dropdown-item list-item btn btn-link text-start" onClick={onLogout} disabled={logout.isPending}>
                <span>{t('userMenu.logout')}</span>
              </button>
            </li>
          </ul>
        </div>
      </div>
    </div>
  );
}
