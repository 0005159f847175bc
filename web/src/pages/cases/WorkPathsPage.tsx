import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../app/usePageTitle.js';
import { WorkPathList } from '../../features/cases/components/WorkPaths.js';
import { hasPermission, useMe } from '../../features/identity/api.js';

export function WorkPathsPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  usePageTitle(t('cases.titles.work'));
  return (
    <>
      <h1>{t('cases.titles.work')}</h1>
      <p className="lead">{t('cases.work.intro')}</p>
      <WorkPathList canWrite={hasPermission(me, 'case:write')} />
    </>
  );
}
