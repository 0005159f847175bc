import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { usePageTitle } from '../app/usePageTitle.js';
import { useMe } from '../features/identity/api.js';
import { DemoPanel } from '../features/identity/components/DemoPanel.js';
import { LoginForm } from '../features/identity/components/LoginForm.js';
import { FederationButtons } from '../features/oidc/components/FederationButtons.js';

export function LoginPage() {
  const { t } = useTranslation();
  usePageTitle(t('titles.login'));
  const me = useMe();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  const [ente, setEnte] = useState('lucca');
  const onSignedIn = () => {
    void navigate(from, { replace: true });
  };
  if (me.data) {
    return <Navigate to={from} replace />;
  }
  return (
    <div className="row">
      <div className="col-12 col-lg-8">
        <h1>{t('login.heading')}</h1>
        <p className="lead">{t('login.intro')}</p>
        <div className="col-12 col-md-8 col-lg-9 px-0">
          <LoginForm onSignedIn={onSignedIn} ente={ente} onEnteChange={setEnte} />
          <FederationButtons ente={ente} returnTo={from} />
        </div>
        <DemoPanel onSignedIn={onSignedIn} />
      </div>
    </div>
  );
}
