import { useTranslation } from 'react-i18next';
import { Alert, Loading } from '../../../ui/feedback.js';
import { Icon } from '../../../ui/Icon.js';
import { exportUrl, UNIT_STATUSES, useUnitSummary, useUnits } from '../api.js';
import { hasFilters, type UnitFilters } from '../filters.js';
import { UnitTable } from './UnitTable.js';

/** How many units match, in all and by current status (announced when it changes). */
function Summary({ filters }: { filters: UnitFilters }) {
  const { t } = useTranslation();
  const summary = useUnitSummary(filters);
  if (!summary.data) {
    return null;
  }
  const { total, byStatus } = summary.data;
  const parts = [...UNIT_STATUSES, 'none' as const]
    .filter((s) => byStatus[s])
    .map((s) => t('stock.units.statusCount', { status: t(`stock.status.${s}`), count: byStatus[s] }));
  return (
    <p className="mt-4" role="status" data-testid="unit-summary">
      <strong>{t('stock.units.total', { count: total })}</strong>
      {parts.length > 0 ? `: ${parts.join(', ')}` : null}
    </p>
  );
}

/** The units matching the filters, 25 at a time ("load more"), with their counts and the CSV export. */
export function UnitList({ filters }: { filters: UnitFilters }) {
  const { t } = useTranslation();
  const units = useUnits(filters);
  const rows = units.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = hasFilters(filters);
  return (
    <section aria-labelledby="unit-results-heading" className="mt-5">
      <div className="d-flex flex-wrap justify-content-between align-items-center gap-2">
        <h2 id="unit-results-heading" className="h4 mb-0">
          {t('stock.units.resultsHeading')}
        </h2>
        <a className="btn btn-outline-primary btn-sm" href={exportUrl(filters)} download data-testid="unit-export">
          <Icon name="it-download" color="primary" size="sm" className="me-1" />
          {filtered ? t('stock.units.exportFiltered') : t('stock.units.export')}
        </a>
      </div>
      <Summary filters={filters} />
      {units.isPending ? <Loading label={t('common.loading')} /> : null}
      {units.isError ? <Alert kind="danger">{units.error.detail ?? t('errors.generic')}</Alert> : null}
      {units.isSuccess && rows.length === 0 ? <Alert kind="info">{filtered ? t('stock.units.emptyFiltered') : t('stock.units.empty')}</Alert> : null}
      {rows.length > 0 ? (
        <UnitTable
          units={rows}
          caption={units.hasNextPage ? t('stock.units.captionMore', { count: rows.length }) : t('stock.units.caption', { count: rows.length })}
        />
      ) : null}
      {units.hasNextPage ? (
        <button type="button" className="btn btn-outline-primary" onClick={() => void units.fetchNextPage()} disabled={units.isFetchingNextPage}>
          {t('common.loadMore')}
        </button>
      ) : null}
    </section>
  );
}
