import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../app/usePageTitle.js';
import { StockTabs } from '../../features/stock/components/StockTabs.js';
import { UnitCreateForm } from '../../features/stock/components/UnitCreateForm.js';

export function StockUnitNewPage() {
  const { t } = useTranslation();
  usePageTitle(t('stock.titles.newUnit'));
  return (
    <>
      <h1>{t('stock.create.heading')}</h1>
      <StockTabs />
      <UnitCreateForm />
    </>
  );
}
