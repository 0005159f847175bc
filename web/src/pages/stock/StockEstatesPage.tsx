import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../app/usePageTitle.js';
import { EstateList } from '../../features/stock/components/EstateList.js';
import { StockTabs } from '../../features/stock/components/StockTabs.js';

export function StockEstatesPage() {
  const { t } = useTranslation();
  usePageTitle(t('stock.titles.estates'));
  return (
    <>
      <h1>{t('stock.estates.heading')}</h1>
      <p className="lead">{t('stock.estates.intro')}</p>
      <StockTabs />
      <EstateList />
    </>
  );
}
