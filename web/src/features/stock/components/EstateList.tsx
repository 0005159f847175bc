import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert, Loading } from '../../../ui/feedback.js';
import { useEstates } from '../api.js';

/** The ente's estates (complessi) with their building and unit counts. */
export function EstateList() {
  const { t } = useTranslation();
  const estates = useEstates();
  if (estates.isPending) {
    return <Loading label={t('common.loading')} />;
  }
  if (estates.isError) {
    return <Alert kind="danger">{estates.error.detail ?? t('errors.generic')}</Alert>;
  }
  if (estates.data.length === 0) {
    return <Alert kind="info">{t('stock.estates.empty')}</Alert>;
  }
  return (
    <div className="table-responsive">
      <table className="table table-striped align-middle" data-testid="estate-table">
        <caption>{t('stock.estates.caption', { count: estates.data.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('stock.estates.name')}</th>
            <th scope="col">{t('stock.estates.code')}</th>
            <th scope="col" className="text-end">
              {t('stock.estates.buildings')}
            </th>
            <th scope="col" className="text-end">
              {t('stock.estates.units')}
            </th>
          </tr>
        </thead>
        <tbody>
          {estates.data.map((e) => (
            <tr key={e.id}>
              <th scope="row">
                <Link to={`/stock/estates/${e.id}`}>{e.name}</Link>
              </th>
              <td>{e.code ?? '—'}</td>
              <td className="text-end">{e.buildingCount}</td>
              <td className="text-end">
                <Link to={`/stock?estateId=${e.id}`} aria-label={t('stock.estates.unitsOf', { count: e.unitCount, name: e.name })}>
                  {e.unitCount}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
