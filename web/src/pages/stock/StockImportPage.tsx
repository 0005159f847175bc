import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../app/usePageTitle.js';
import { ImportCsv } from '../../features/stock/components/ImportCsv.js';
import { StockTabs } from '../../features/stock/components/StockTabs.js';

export function StockImportPage() {
  const { t } = useTranslation();
  usePageTitle(t('stock.titles.import'));
  return (
    <>
      <h1>{t('stock.import.heading')}</h1>
      <StockTabs />
      <ImportCsv />
    </>
  );
}
