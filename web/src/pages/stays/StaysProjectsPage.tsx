import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../app/usePageTitle.js';
import { ProjectList } from '../../features/stays/components/ProjectList.js';
import { StaysTabs } from '../../features/stays/components/StaysTabs.js';

export function StaysProjectsPage() {
  const { t } = useTranslation();
  usePageTitle(t('stays.titles.projects'));
  return (
    <>
      <h1>{t('stays.titles.projects')}</h1>
      <StaysTabs />
      <ProjectList />
    </>
  );
}
