import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { Alert } from '../../../ui/feedback.js';
import { hasPermission, useMe } from '../../identity/api.js';

/** The operator's Dopo di Noi pages: for stay:manage (Ufficio Casa, social workers) or stay:read (partner staff). */
export function StaysGuard() {
  const { t } = useTranslation();
  const me = useMe();
  if (!hasPermission(me.data, 'stay:manage') && !hasPermission(me.data, 'stay:read')) {
    return <Alert kind="warning">{t('errors.forbidden')}</Alert>;
  }
  return <Outlet />;
}
