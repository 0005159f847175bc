import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../../ui/fields.js';
import { type Fact, type FactValue, pick } from '../api.js';
import { enumKey } from '../labels.js';

/** Form values (strings) of the given facts, typed for the API; empty ones left out. */
export function factValues(facts: Fact[], values: Record<string, string>): Record<string, FactValue> {
  const out: Record<string, FactValue> = {};
  for (const f of facts) {
    const v = values[f.name] ?? '';
    if (v !== '') {
      out[f.name] = f.kind === 'number' ? Number(v.replace(',', '.')) : f.kind === 'boolean' ? v === 'true' : v;
    }
  }
  return out;
}

/** One labelled control per fact: yes/no radios, a select for enums, a number input otherwise. */
export function FactFields({
  facts,
  values,
  onChange,
  errorOf,
  idPrefix = 'fact',
}: {
  facts: Fact[];
  values: Record<string, string>;
  onChange: (values: Record<string, string>) => void;
  errorOf: (name: string) => string | undefined;
  idPrefix?: string;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const setValues = onChange;
  const id = (name: string) => `${idPrefix}-${name.replace('.', '-')}`;
  return (
    <>
      {facts.map((f) => {
        const label = pick(f.label, lang);
        const error = errorOf(f.name);
        if (f.kind === 'boolean') {
          return (
            <fieldset key={f.name} className="mb-3" aria-describedby={error ? `${id(f.name)}-error` : undefined}>
              <legend className="fs-6 fw-semibold">{label}</legend>
              {(['true', 'false'] as const).map((v) => (
                <div className="form-check form-check-inline" key={v}>
                  <input
                    type="radio"
                    id={`${id(f.name)}-${v}`}
                    name={`${idPrefix}-${f.name}`}
                    value={v}
                    checked={values[f.name] === v}
                    onChange={() => setValues({ ...values, [f.name]: v })}
                  />
                  <label htmlFor={`${id(f.name)}-${v}`}>{v === 'true' ? t('calls.yes') : t('calls.no')}</label>
                </div>
              ))}
              {error ? (
                <div id={`${id(f.name)}-error`} className="invalid-feedback d-block">
                  {error}
                </div>
              ) : null}
            </fieldset>
          );
        }
        if (f.kind === 'enum') {
          return (
            <SelectField
              key={f.name}
              id={id(f.name)}
              label={label}
              value={values[f.name] ?? ''}
              emptyOption={t('calls.apply.choose')}
              onChange={(e) => setValues({ ...values, [f.name]: e.target.value })}
              options={(f.values ?? []).map((v) => ({ value: v, label: t(enumKey(f.name, v)) }))}
              error={error}
            />
          );
        }
        return (
          <TextField
            key={f.name}
            id={id(f.name)}
            label={label}
            type="number"
            inputMode="decimal"
            min={f.min}
            max={f.max}
            value={values[f.name] ?? ''}
            onChange={(e) => setValues({ ...values, [f.name]: e.target.value })}
            error={error}
          />
        );
      })}
    </>
  );
}
