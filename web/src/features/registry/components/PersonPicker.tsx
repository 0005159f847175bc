import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../ui/feedback.js';
import { TextField } from '../../../ui/fields.js';
import { type PersonSummary, usePersons } from '../api.js';

/** Finds a person of the registry by surname or codice fiscale and hands it to `onPick`. */
export function PersonPicker({ label, onPick, exclude }: { label: string; onPick: (p: PersonSummary) => void; exclude: string[] }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');
  const [q, setQ] = useState('');
  const persons = usePersons({ q }, q.length > 0);
  const rows = (persons.data?.pages.flatMap((p) => p.items) ?? []).filter((p) => !exclude.includes(p.id));
  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    e.stopPropagation();
    setQ(draft.trim());
  };
  return (
    <div className="border rounded p-3 mb-3">
      {/* A nested form is not allowed: the search runs on Enter or on the button, outside the outer form. */}
      <div className="d-flex flex-wrap gap-3 align-items-start">
        <TextField
          className="flex-grow-1 mb-0"
          label={label}
          hint={t('registry.search.qHint')}
          type="search"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              onSearch(e);
            }
          }}
        />
        <button type="button" className="btn btn-outline-primary" onClick={onSearch}>
          {t('registry.search.submit')}
        </button>
      </div>
      {q && persons.isFetching ? <Loading label={t('common.loading')} /> : null}
      {q && persons.isSuccess ? (
        <ul className="list-unstyled mt-2 mb-0" aria-live="polite">
          {rows.length === 0 ? <li>{t('registry.search.empty')}</li> : null}
          {rows.slice(0, 10).map((p) => (
            <li key={p.id} className="d-flex align-items-center gap-3 py-1 border-bottom">
              <span className="flex-grow-1">
                {p.familyName} {p.givenName} — {p.codiceFiscale ?? t('registry.cfPending')} {p.birthDate ? `— ${p.birthDate}` : ''}
              </span>
              <button type="button" className="btn btn-sm btn-primary" onClick={() => onPick(p)}>
                {t('registry.households.addThis', { name: `${p.givenName} ${p.familyName}` })}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
