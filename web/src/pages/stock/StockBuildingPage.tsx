import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { BuildingDetail } from '../../features/stock/components/BuildingDetail.js';
import { StockBreadcrumb } from './Breadcrumb.js';

export function StockBuildingPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  return (
    <>
      <StockBreadcrumb section={{ to: '/stock/estates', label: t('stock.tabs.estates') }} />
      <BuildingDetail id={id} />
    </>
  );
}
