import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { useMe } from '../../features/identity/api.js';
import { Footer } from './Footer.js';
import { Header } from './Header.js';

/** Page frame: skip link first, then header, main (id=main) and footer landmarks. */
export function Layout() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <>
      <div className="skiplinks">
        <a className="visually-hidden-focusable" href="#main">
          {t('skip.main')}
        </a>
      </div>
      <Header me={me.data ?? null} />
      <main id="main" tabIndex={-1} className="container my-4">
        <Outlet />
      </main>
      <Footer />
    </>
  );
}
