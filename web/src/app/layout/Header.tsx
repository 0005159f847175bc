import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Me } from '../../features/identity/api.js';
import { UserMenu } from '../../features/identity/components/UserMenu.js';
import { NotificationBell } from '../../features/messages/components/NotificationBell.js';
import { Icon } from '../../ui/Icon.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { MainNav } from './MainNav.js';

/** Bootstrap Italia header: slim header (ente, language, user) + center header (product) + navbar. */
export function Header({ me }: { me: Me | null }) {
  const { t } = useTranslation();
  return (
    <header className="it-header-wrapper">
      <div className="it-header-slim-wrapper">
        <div className="container">
          <div className="row">
            <div className="col-12">
              <div className="it-header-slim-wrapper-content">
                <span className="navbar-brand text-truncate" data-testid="header-ente">
                  {me ? me.ente.name : t('header.network')}
                </span>
                <div className="it-header-slim-right-zone gap-2">
                  <LanguageSwitch />
                  {me ? <NotificationBell /> : null}
                  {me ? (
                    <UserMenu me={me} />
                  ) : (
                    <Link className="btn btn-primary btn-sm btn-icon" to="/login">
                      <Icon name="it-user" color="white" size="sm" className="me-1" />
                      <span>{t('header.login')}</span>
                    </Link>
                  )}
                </div>
              </div>
            </div>
          </div>
        </div>
      </div>
      <div className="it-nav-wrapper">
        <div className="it-header-center-wrapper">
          <div className="container">
            <div className="row">
              <div className="col-12">
                <div className="it-header-center-content-wrapper">
                  <div className="it-brand-wrapper">
                    <Link to="/">
                      <Icon name="it-pa" />
                      <div className="it-brand-text">
                        <div className="it-brand-title">{t('app.name')}</div>
                        <div className="it-brand-tagline d-none d-md-block">{me ? me.ente.name : t('app.tagline')}</div>
                      </div>
                    </Link>
                  </div>
                </div>
              </div>
            </div>
          </div>
        </div>
        {me ? <MainNav me={me} /> : null}
      </div>
    </header>
  );
}
