import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDay } from '../../../app/format.js';
import { Alert, Loading, StatusBadge } from '../../../ui/feedback.js';
import { CheckboxField, SelectField, TextField } from '../../../ui/fields.js';
import { programOptions } from '../../identity/labels.js';
import { useCases } from '../api.js';

/** The cases the user sees: their programs' and those whose team they are in. */
export function CaseList() {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState({ q: '', program: '', status: 'open', mine: false });
  const [filters, setFilters] = useState(draft);
  const list = useCases({
    q: filters.q || undefined,
    program: filters.program || undefined,
    status: filters.status || undefined,
    mine: filters.mine ? 'true' : undefined,
  });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    setFilters({ ...draft, q: draft.q.trim() });
  };
  return (
    <section aria-labelledby="case-list-heading">
      <h2 id="case-list-heading" className="h4">
        {t('cases.list.heading')}
      </h2>
      <search>
        <form onSubmit={onSearch} className="row g-3 mt-2 align-items-end">
          <TextField
            className="col-md-4"
            id="case-q"
            label={t('cases.list.search')}
            type="search"
            value={draft.q}
            onChange={(e) => setDraft({ ...draft, q: e.target.value })}
          />
          <SelectField
            className="col-md-3"
            id="case-program"
            label={t('cases.fields.program')}
            value={draft.program}
            emptyOption={t('cases.list.allPrograms')}
            onChange={(e) => setDraft({ ...draft, program: e.target.value })}
            options={programOptions(t)}
          />
          <SelectField
            className="col-md-2"
            id="case-status"
            label={t('cases.fields.status')}
            value={draft.status}
            emptyOption={t('cases.list.allStatuses')}
            onChange={(e) => setDraft({ ...draft, status: e.target.value })}
            options={(['open', 'suspended', 'closed'] as const).map((s) => ({ value: s, label: t(`cases.status.${s}`) }))}
          />
          <div className="col-md-2 mb-4">
            <CheckboxField id="case-mine" label={t('cases.list.mine')} checked={draft.mine} onChange={(e) => setDraft({ ...draft, mine: e.target.checked })} />
          </div>
          <div className="col-md-1 mb-4">
            <button type="submit" className="btn btn-primary">
              {t('cases.list.searchButton')}
            </button>
          </div>
        </form>
      </search>
      {list.isPending ? <Loading label={t('common.loading')} /> : null}
      {list.isError ? <Alert kind="danger">{list.error.message}</Alert> : null}
      {list.isSuccess ? (
        <div className="table-responsive">
          <table className="table table-striped align-middle">
            <caption>{t('cases.list.caption', { count: rows.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cases.fields.person')}</th>
                <th scope="col">{t('cases.fields.program')}</th>
                <th scope="col">{t('cases.fields.stage')}</th>
                <th scope="col">{t('cases.fields.caseManager')}</th>
                <th scope="col">{t('cases.fields.openedOn')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.length === 0 ? (
                <tr>
                  <td colSpan={5}>{t('cases.list.empty')}</td>
                </tr>
              ) : null}
              {rows.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    <Link to={`/cases/${r.id}`}>{r.person.name}</Link>
                    {r.householdName ? <span className="d-block small">{r.householdName}</span> : null}
                  </th>
                  <td>{t(`programs.${r.program}`)}</td>
                  <td>
                    {r.currentStage ? t(`cases.stage.${r.currentStage}`) : '—'}
                    {r.status !== 'open' ? <StatusBadge kind="secondary">{t(`cases.status.${r.status}`)}</StatusBadge> : null}
                  </td>
                  <td>
                    {r.caseManager ?? '—'}
                    {r.inTeam ? <StatusBadge kind="primary">{t('cases.list.inTeam')}</StatusBadge> : null}
                  </td>
                  <td className="text-nowrap">{formatDay(r.openedOn, i18n.language)}</td>
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
