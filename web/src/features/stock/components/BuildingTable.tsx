import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert, Loading } from '../../../ui/feedback.js';
import { useBuildings } from '../api.js';

/** The buildings of an estate, 50 at a time. */
export function BuildingTable({ estateId }: { estateId: string }) {
  const { t } = useTranslation();
  const buildings = useBuildings({ estateId });
  const rows = buildings.data?.pages.flatMap((p) => p.items) ?? [];
  if (buildings.isPending) {
    return <Loading label={t('common.loading')} />;
  }
  if (buildings.isError) {
    return <Alert kind="danger">{buildings.error.detail ?? t('errors.generic')}</Alert>;
  }
  return (
    <>
      <div className="table-responsive">
        <table className="table table-striped align-middle" data-testid="building-table">
          <caption>{t('stock.buildings.caption', { count: rows.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('stock.buildings.address')}</th>
              <th scope="col">{t('stock.buildings.neighbourhood')}</th>
              <th scope="col">{t('stock.buildings.floors')}</th>
              <th scope="col">{t('stock.buildings.lift')}</th>
              <th scope="col">{t('stock.buildings.yearBuilt')}</th>
              <th scope="col" className="text-end">
                {t('stock.buildings.units')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={6}>{t('stock.buildings.empty')}</td>
              </tr>
            ) : null}
            {rows.map((b) => (
              <tr key={b.id}>
                <th scope="row">
                  <Link to={`/stock/buildings/${b.id}`}>{b.address}</Link>
                </th>
                <td>{b.neighbourhood ?? '—'}</td>
                <td>{b.floors ?? '—'}</td>
                <td>{b.hasLift ? t('stock.yes') : t('stock.no')}</td>
                <td>{b.yearBuilt ?? '—'}</td>
                <td className="text-end">{b.unitCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {buildings.hasNextPage ? (
        <button type="button" className="btn btn-outline-primary" onClick={() => void buildings.fetchNextPage()} disabled={buildings.isFetchingNextPage}>
          {t('common.loadMore')}
        </button>
      ) : null}
    </>
  );
}
