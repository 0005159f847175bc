import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../../../app/usePageTitle.js';
import { Alert, Loading } from '../../../ui/feedback.js';
import { useCommonSpaces, useEstate } from '../api.js';
import { BuildingTable } from './BuildingTable.js';

/** One estate: description, counts, buildings and common spaces. */
export function EstateDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const estate = useEstate(id);
  const spaces = useCommonSpaces({ estateId: id });
  usePageTitle(estate.data?.name ?? t('stock.titles.estate'));
  if (estate.isPending) {
    return <Loading label={t('common.loading')} />;
  }
  if (estate.isError) {
    return (
      <>
        <h1>{t('stock.titles.estate')}</h1>
        <Alert kind="danger">{estate.error.status === 404 ? t('stock.estates.notFound') : (estate.error.detail ?? t('errors.generic'))}</Alert>
      </>
    );
  }
  const e = estate.data;
  return (
    <>
      <h1>{e.name}</h1>
      {e.description ? <p className="lead">{e.description}</p> : null}
      <dl className="row">
        <dt className="col-sm-4">{t('stock.estates.code')}</dt>
        <dd className="col-sm-8">{e.code ?? '—'}</dd>
        <dt className="col-sm-4">{t('stock.estates.buildings')}</dt>
        <dd className="col-sm-8">{e.buildingCount}</dd>
        <dt className="col-sm-4">{t('stock.estates.units')}</dt>
        <dd className="col-sm-8">
          {e.unitCount} · <Link to={`/stock?estateId=${e.id}`}>{t('stock.estates.seeUnits')}</Link>
        </dd>
      </dl>
      <section aria-labelledby="estate-buildings-heading" className="mt-4">
        <h2 id="estate-buildings-heading" className="h4">
          {t('stock.estates.buildingsHeading')}
        </h2>
        <BuildingTable estateId={e.id} />
      </section>
      <section aria-labelledby="estate-spaces-heading" className="mt-4">
        <h2 id="estate-spaces-heading" className="h4">
          {t('stock.unit.commonSpaces')}
        </h2>
        {spaces.data && spaces.data.length > 0 ? (
          <ul>
            {spaces.data.map((s) => (
              <li key={s.id}>
                {s.name} ({t(`stock.spaceKind.${s.kind}`)}
                {s.capacity ? `, ${t('stock.unit.capacity', { count: s.capacity })}` : ''})
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('stock.unit.noSpaces')}</p>
        )}
      </section>
    </>
  );
}
