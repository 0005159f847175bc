import { useParams } from 'react-router';
import { UnitDetail } from '../../features/stock/components/UnitDetail.js';
import { StockBreadcrumb } from './Breadcrumb.js';

export function StockUnitPage() {
  const { id = '' } = useParams();
  return (
    <>
      <StockBreadcrumb />
      <UnitDetail id={id} />
    </>
  );
}
