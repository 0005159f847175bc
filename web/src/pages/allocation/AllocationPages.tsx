import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../app/usePageTitle.js';
import { MyAllocation } from '../../features/allocation/components/MyAllocation.js';
import { OperatorAllocation } from '../../features/allocation/components/OperatorAllocation.js';

export function AllocationPage() {
  const { t } = useTranslation();
  usePageTitle(t('allocation.titles.operator'));
  return (
    <>
      <h1>{t('allocation.titles.operator')}</h1>
      <p>{t('allocation.intro')}</p>
      <OperatorAllocation />
    </>
  );
}

export function MyAllocationPage() {
  const { t } = useTranslation();
  usePageTitle(t('allocation.titles.me'));
  return (
    <>
      <h1>{t('allocation.titles.me')}</h1>
      <MyAllocation />
    </>
  );
}
