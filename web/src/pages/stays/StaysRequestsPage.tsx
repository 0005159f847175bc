import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../app/usePageTitle.js';
import { hasPermission, useMe } from '../../features/identity/api.js';
import { RequestList } from '../../features/stays/components/RequestList.js';
import { StaffRequestForm } from '../../features/stays/components/StaffRequestForm.js';
import { StaysTabs } from '../../features/stays/components/StaysTabs.js';

export function StaysRequestsPage() {
  const { t } = useTranslation();
  usePageTitle(t('stays.titles.requests'));
  const me = useMe();
  return (
    <>
      <h1>{t('stays.titles.requests')}</h1>
      <StaysTabs />
      {hasPermission(me.data, 'stay:manage') ? <StaffRequestForm /> : null}
      <RequestList />
    </>
  );
}
