import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../../../app/usePageTitle.js';
import { Alert, Loading } from '../../../ui/feedback.js';
import { useBuilding } from '../api.js';
import { UnitList } from './UnitList.js';

/** One building: address, estate, features and its units. */
export function BuildingDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const building = useBuilding(id);
  usePageTitle(building.data?.address ?? t('stock.titles.building'));
  if (building.isPending) {
    return <Loading label={t('common.loading')} />;
  }
  if (building.isError) {
    return (
      <>
        <h1>{t('stock.titles.building')}</h1>
        <Alert kind="danger">{building.error.status === 404 ? t('stock.buildings.notFound') : (building.error.detail ?? t('errors.generic'))}</Alert>
      </>
    );
  }
  const b = building.data;
  const dash = '—';
  return (
    <>
      <h1>{b.address}</h1>
      <p className="lead">
        {b.postcode ? `${b.postcode} ` : ''}
        {b.city}
        {b.neighbourhood ? ` · ${b.neighbourhood}` : ''}
      </p>
      <dl className="row">
        <dt className="col-sm-4">{t('stock.unit.estate')}</dt>
        <dd className="col-sm-8">{b.estateId ? <Link to={`/stock/estates/${b.estateId}`}>{b.estateName}</Link> : t('stock.unit.noEstate')}</dd>
        <dt className="col-sm-4">{t('stock.buildings.floors')}</dt>
        <dd className="col-sm-8">{b.floors ?? dash}</dd>
        <dt className="col-sm-4">{t('stock.buildings.lift')}</dt>
        <dd className="col-sm-8">{b.hasLift ? t('stock.yes') : t('stock.no')}</dd>
        <dt className="col-sm-4">{t('stock.buildings.yearBuilt')}</dt>
        <dd className="col-sm-8">{b.yearBuilt ?? dash}</dd>
        <dt className="col-sm-4">{t('stock.buildings.coordinates')}</dt>
        <dd className="col-sm-8">{b.latitude !== null && b.longitude !== null ? `${b.latitude}, ${b.longitude}` : dash}</dd>
      </dl>
      <UnitList filters={{ buildingId: b.id }} />
    </>
  );
}
