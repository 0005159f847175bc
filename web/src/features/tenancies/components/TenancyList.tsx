import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatCents, formatDay } from '../../../app/format.js';
import { Alert, Loading, StatusBadge } from '../../../ui/feedback.js';
import { SelectField, TextField } from '../../../ui/fields.js';
import { programOptions } from '../../identity/labels.js';
import { useTenancies } from '../api.js';

/** Searchable list of tenancies with today's rent and balance. */
export function TenancyList() {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState({ q: '', program: '', state: 'active' });
  const [filters, setFilters] = useState(draft);
  const list = useTenancies({ q: filters.q || undefined, program: filters.program || undefined, state: filters.state || undefined });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    setFilters({ ...draft, q: draft.q.trim() });
  };
  return (
    <section aria-labelledby="tenancy-list-heading">
      <h2 id="tenancy-list-heading" className="h4">
        {t('tenancies.list.heading')}
      </h2>
      <search>
        <form onSubmit={onSearch} className="row g-3 mt-2 align-items-end">
          <TextField
            className="col-md-5"
            id="tenancy-q"
            label={t('tenancies.list.search')}
            type="search"
            value={draft.q}
            onChange={(e) => setDraft({ ...draft, q: e.target.value })}
          />
          <SelectField
            className="col-md-3"
            id="tenancy-program"
            label={t('tenancies.list.program')}
            value={draft.program}
            emptyOption={t('tenancies.list.allPrograms')}
            onChange={(e) => setDraft({ ...draft, program: e.target.value })}
            options={programOptions(t)}
          />
          <SelectField
            className="col-md-2"
            id="tenancy-state"
            label={t('tenancies.list.state')}
            value={draft.state}
            emptyOption={t('tenancies.list.allStates')}
            onChange={(e) => setDraft({ ...draft, state: e.target.value })}
            options={(['active', 'future', 'ended'] as const).map((s) => ({ value: s, label: t(`tenancies.state.${s}`) }))}
          />
          <div className="col-md-2 mb-4">
            <button type="submit" className="btn btn-primary">
              {t('tenancies.list.searchButton')}
            </button>
          </div>
        </form>
      </search>
      {list.isPending ? <Loading label={t('common.loading')} /> : null}
      {list.isError ? <Alert kind="danger">{list.error.message}</Alert> : null}
      {list.isSuccess ? (
        <div className="table-responsive">
          <table className="table table-striped align-middle">
            <caption>{t('tenancies.list.caption', { count: rows.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('tenancies.list.code')}</th>
                <th scope="col">{t('tenancies.list.tenant')}</th>
                <th scope="col">{t('tenancies.list.unit')}</th>
                <th scope="col">{t('tenancies.list.program')}</th>
                <th scope="col">{t('tenancies.list.period')}</th>
                <th scope="col" className="text-end">
                  {t('tenancies.list.rent')}
                </th>
                <th scope="col" className="text-end">
                  {t('tenancies.list.balance')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.length === 0 ? (
                <tr>
                  <td colSpan={7}>{t('tenancies.list.empty')}</td>
                </tr>
              ) : null}
              {rows.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    <Link to={`/tenancies/${r.id}`}>{r.code}</Link>
                  </th>
                  <td>{r.tenantName}</td>
                  <td>
                    {r.unitCode}
                    <span className="d-block small">{r.estateName ?? r.address}</span>
                  </td>
                  <td>{t(`programs.${r.program}`)}</td>
                  <td className="text-nowrap">
                    {formatDay(r.startDate, i18n.language)} – {r.endDate ? formatDay(r.endDate, i18n.language) : t('tenancies.openEnded')}
                    {r.state !== 'active' ? <StatusBadge kind="secondary">{t(`tenancies.state.${r.state}`)}</StatusBadge> : null}
                  </td>
                  <td className="text-end text-nowrap">{r.monthlyRentCents === null ? '—' : formatCents(r.monthlyRentCents, i18n.language)}</td>
                  <td className={`text-end text-nowrap${r.balanceCents > 0 ? ' text-danger fw-semibold' : ''}`}>
                    {formatCents(r.balanceCents, i18n.language)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {list.hasNextPage ? (
        <button type="button" className="btn btn-outline-primary" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
          {t('common.loadMore')}
        </button>
      ) : null}
    </section>
  );
}
