// The public open-data page of an ente: every dataset for a year as a table, with its stable JSON
// and CSV addresses, the licence (CC-BY 4.0) and the suppression rule. No login needed.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Loading } from '../../../ui/feedback.js';
import { SelectField } from '../../../ui/fields.js';
import { type OpenIndex, useOpenDataset, useOpenIndex } from '../api.js';

function Dataset({ d, year, lang }: { d: OpenIndex['datasets'][number]; year: number; lang: 'it' | 'en' }) {
  const { t } = useTranslation();
  const ds = useOpenDataset(d.json, year);
  const headingId = `ds-${d.id}`;
  return (
    <section className="mb-5" aria-labelledby={headingId}>
      <h2 id={headingId} className="h4">
        {d.title[lang]}
      </h2>
      <p>{d.description[lang]}</p>
      <p className="small">
        <a href={`${d.csv}?year=${year}`} download>
          {t('reports.open.csv', { title: d.title[lang] })}
        </a>
        {' · '}
        <a href={`${d.json}?year=${year}`}>{t('reports.open.json', { title: d.title[lang] })}</a>
        <br />
        {t('reports.open.stableUrl')} <code>{d.csv}</code>
      </p>
      {ds.isPending ? <Loading label={t('reports.loading')} /> : null}
      {ds.error ? <Alert kind="danger">{ds.error.message}</Alert> : null}
      {ds.data ? (
        <div className="table-responsive">
          <table className="table table-sm">
            <caption>{t('reports.open.caption', { title: d.title[lang], year })}</caption>
            <thead>
              <tr>
                {ds.data.columns.map((c) => (
                  <th key={c} scope="col">
                    {t(`reports.open.columns.${c}`, { defaultValue: c })}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {ds.data.rows.length === 0 ? (
                <tr>
                  <td colSpan={ds.data.columns.length}>{t('reports.empty')}</td>
                </tr>
              ) : (
                ds.data.rows.map((r) => (
                  <tr key={`${r.program}-${r.neighbourhood}`}>
                    {ds.data.columns.map((c) => (
                      <td key={c}>
                        {c === 'program' && r.program !== 'TOTALE' ? t(`reports.programs.${r.program}`, { defaultValue: String(r.program) }) : String(r[c])}
                      </td>
                    ))}
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

export function OpenData({ ente }: { ente: string }) {
  const { t, i18n } = useTranslation();
  const lang = (i18n.language === 'en' ? 'en' : 'it') as 'it' | 'en';
  const index = useOpenIndex(ente);
  const [year, setYear] = useState<number | null>(null);
  if (index.isPending) {
    return <Loading label={t('reports.loading')} />;
  }
  if (index.error) {
    return <Alert kind="danger">{index.error.message}</Alert>;
  }
  const idx = index.data;
  const y = year ?? idx.years[0] ?? new Date().getFullYear();
  return (
    <>
      <p className="lead">{t('reports.open.intro', { ente: idx.enteName })}</p>
      <Alert kind="info">
        <p className="mb-1">
          {t('reports.open.licence')}{' '}
          <a href={idx.licence.url} rel="license">
            {idx.licence.name}
          </a>
          . {t('reports.open.attribution', { ente: idx.enteName })}
        </p>
        <p className="mb-0">{idx.suppression[lang]}</p>
      </Alert>
      <div className="col-12 col-md-4">
        <SelectField
          label={t('reports.open.year')}
          value={String(y)}
          onChange={(e) => setYear(Number(e.target.value))}
          options={idx.years.map((v) => ({ value: String(v), label: String(v) }))}
        />
      </div>
      {idx.datasets.map((d) => (
        <Dataset key={d.id} d={d} year={y} lang={lang} />
      ))}
    </>
  );
}
