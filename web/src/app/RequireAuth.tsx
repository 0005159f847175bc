import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { signOut, useMe } from '../features/identity/api.js';
import { Alert, Loading } from '../ui/feedback.js';

/** Route guard: signed-in users pass; anyone else goes to /login (and comes back after). */
export function RequireAuth() {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  if (me.isPending) {
    return <Loading label={t('common.loading')} />;
  }
  if (me.isError) {
    return <Alert kind="danger">{me.error.message || t('errors.generic')}</Alert>;
  }
  if (me.data === null) {
    return <Navigate to="/login" replace state={signOut.byUser ? undefined : { from: location.pathname + location.search }} />;
  }
  return <Outlet />;
}

/** Pages for holders of a permission only; others see a refusal (never a broken page). */
export function RequirePermission({ permission }: { permission: string }) {
  const { t } = useTranslation();
  const me = useMe();
  if (!me.data?.permissions.includes(permission)) {
    return <Alert kind="warning">{t('errors.forbidden')}</Alert>;
  }
  return <Outlet />;
}
