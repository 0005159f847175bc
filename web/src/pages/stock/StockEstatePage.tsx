import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { EstateDetail } from '../../features/stock/components/EstateDetail.js';
import { StockBreadcrumb } from './Breadcrumb.js';

export function StockEstatePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  return (
    <>
      <StockBreadcrumb section={{ to: '/stock/estates', label: t('stock.tabs.estates') }} />
      <EstateDetail id={id} />
    </>
  );
}
