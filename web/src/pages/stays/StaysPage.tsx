import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../app/usePageTitle.js';
import { SolutionList } from '../../features/stays/components/SolutionList.js';
import { StaysTabs } from '../../features/stays/components/StaysTabs.js';

export function StaysPage() {
  const { t } = useTranslation();
  usePageTitle(t('stays.titles.solutions'));
  return (
    <>
      <h1>{t('stays.titles.solutions')}</h1>
      <p>{t('stays.intro')}</p>
      <StaysTabs />
      <SolutionList />
    </>
  );
}
