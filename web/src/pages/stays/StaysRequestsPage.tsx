import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../app/usePageTitle.js';
import { RequestList } from '../../features/stays/components/RequestList.js';
import { StaysTabs } from '../../features/stays/components/StaysTabs.js';

export function StaysRequestsPage() {
  const { t } = useTranslation();
  usePageTitle(t('stays.titles.requests'));
  return (
    <>
      <h1>{t('stays.titles.requests')}</h1>
      <StaysTabs />
      <RequestList />
    </>
  );
}
