import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatDay } from '../../../app/format.js';
import { Alert, Loading, StatusBadge } from '../../../ui/feedback.js';
import { CheckboxField, SelectField, TextField } from '../../../ui/fields.js';
import { programOptions } from '../../identity/labels.js';
import { type PersonFilters, usePersons } from '../api.js';

/** Search of the registry; the filters live in the URL so a link reproduces the view. */
export function PersonSearch() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters: PersonFilters = {
    q: params.get('q') ?? undefined,
    program: params.get('program') ?? undefined,
    pendingCf: params.get('pendingCf') === 'true' || undefined,
  };
  const [draft, setDraft] = useState({ q: filters.q ?? '', program: filters.program ?? '', pendingCf: Boolean(filters.pendingCf) });
  const persons = usePersons(filters);
  const rows = persons.data?.pages.flatMap((p) => p.items) ?? [];

  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    const next = new URLSearchParams();
    if (draft.q.trim()) {
      next.set('q', draft.q.trim());
    }
    if (draft.program) {
      next.set('program', draft.program);
    }
    if (draft.pendingCf) {
      next.set('pendingCf', 'true');
    }
    setParams(next);
  };

  return (
    <section aria-labelledby="persons-heading">
      <h2 id="persons-heading" className="h4">
        {t('registry.search.heading')}
      </h2>
      <search>
        <form onSubmit={onSearch} className="row g-3 align-items-end mt-2">
          <div className="col-12 col-lg-5">
            <TextField
              label={t('registry.search.q')}
              hint={t('registry.search.qHint')}
              type="search"
              name="q"
              value={draft.q}
              onChange={(e) => setDraft({ ...draft, q: e.target.value })}
            />
          </div>
          <div className="col-12 col-md-6 col-lg-3">
            <SelectField
              label={t('registry.search.program')}
              value={draft.program}
              emptyOption={t('registry.search.anyProgram')}
              options={programOptions(t)}
              onChange={(e) => setDraft({ ...draft, program: e.target.value })}
            />
          </div>
          <div className="col-12 col-md-6 col-lg-2 mb-4">
            <CheckboxField
              label={t('registry.search.pendingCf')}
              checked={draft.pendingCf}
              onChange={(e) => setDraft({ ...draft, pendingCf: e.target.checked })}
            />
          </div>
          <div className="col-12 col-lg-2 mb-4">
            <button type="submit" className="btn btn-primary w-100">
              {t('registry.search.submit')}
            </button>
          </div>
        </form>
      </search>
      {persons.isPending ? <Loading label={t('common.loading')} /> : null}
      {persons.isError ? <Alert kind="danger">{persons.error.message}</Alert> : null}
      {persons.isSuccess ? (
        <div className="table-responsive mt-2">
          <table className="table table-striped align-middle">
            <caption>{t('registry.search.caption', { count: rows.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('registry.fields.name')}</th>
                <th scope="col">{t('registry.fields.codiceFiscale')}</th>
                <th scope="col">{t('registry.fields.birthDate')}</th>
                <th scope="col">{t('registry.fields.residenceCity')}</th>
                <th scope="col">{t('registry.fields.programs')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.length === 0 ? (
                <tr>
                  <td colSpan={5}>{t('registry.search.empty')}</td>
                </tr>
              ) : null}
              {rows.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    <Link to={`/registry/persons/${p.id}`}>
                      {p.familyName} {p.givenName}
                    </Link>
                  </th>
                  <td>{p.codiceFiscale ?? <StatusBadge kind="warning">{t('registry.cfPending')}</StatusBadge>}</td>
                  <td>{formatDay(p.birthDate, i18n.language)}</td>
                  <td>{p.noFixedAddress ? t('registry.noFixedAddress') : (p.residenceCity ?? '—')}</td>
                  <td>{p.programs.map((x) => t(`programs.${x}`)).join(', ') || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {persons.hasNextPage ? (
        <button type="button" className="btn btn-outline-primary" onClick={() => void persons.fetchNextPage()} disabled={persons.isFetchingNextPage}>
          {t('common.loadMore')}
        </button>
      ) : null}
    </section>
  );
}
