import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { usePageTitle } from '../../app/usePageTitle.js';
import { hasPermission, useMe } from '../../features/identity/api.js';
import { OpenData } from '../../features/reports/components/OpenData.js';
import { ReportsDashboard } from '../../features/reports/components/ReportsDashboard.js';

export function ReportsPage() {
  const { t } = useTranslation();
  const me = useMe();
  usePageTitle(t('reports.title'));
  return (
    <>
      <h1>{t('reports.title')}</h1>
      <p className="lead">{t('reports.intro')}</p>
      <ReportsDashboard canExport={me.data ? hasPermission(me.data, 'report:export') : false} />
    </>
  );
}

export function OpenDataPage() {
  const { t } = useTranslation();
  const { ente = '' } = useParams();
  usePageTitle(t('reports.open.title'));
  return (
    <>
      <h1>{t('reports.open.title')}</h1>
      <OpenData ente={ente} />
    </>
  );
}
