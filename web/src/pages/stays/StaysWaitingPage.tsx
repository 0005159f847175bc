import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../app/usePageTitle.js';
import { StaysTabs } from '../../features/stays/components/StaysTabs.js';
import { WaitingList } from '../../features/stays/components/WaitingList.js';

export function StaysWaitingPage() {
  const { t } = useTranslation();
  usePageTitle(t('stays.titles.waiting'));
  return (
    <>
      <h1>{t('stays.titles.waiting')}</h1>
      <StaysTabs />
      <WaitingList />
    </>
  );
}
