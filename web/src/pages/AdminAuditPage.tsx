import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../app/usePageTitle.js';
import { AuditLog } from '../features/admin/components/AuditLog.js';

export function AdminAuditPage() {
  const { t } = useTranslation();
  usePageTitle(t('titles.audit'));
  return (
    <>
      <h1>{t('admin.audit.heading')}</h1>
      <p className="lead">{t('admin.audit.intro')}</p>
      <AuditLog />
    </>
  );
}
