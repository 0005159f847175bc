import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { usePageTitle } from '../../app/usePageTitle.js';
import { StockTabs } from '../../features/stock/components/StockTabs.js';
import { UnitFilterForm } from '../../features/stock/components/UnitFilterForm.js';
import { UnitList } from '../../features/stock/components/UnitList.js';
import { parseFilters, toSearch } from '../../features/stock/filters.js';

export function StockUnitsPage() {
  const { t } = useTranslation();
  usePageTitle(t('stock.titles.units'));
  const [search, setSearch] = useSearchParams();
  const filters = useMemo(() => parseFilters(search), [search]);
  return (
    <>
      <h1>{t('stock.units.heading')}</h1>
      <p className="lead">{t('stock.units.intro')}</p>
      <StockTabs />
      <UnitFilterForm filters={filters} onApply={(f) => setSearch(toSearch(f))} />
      <UnitList filters={filters} />
    </>
  );
}
