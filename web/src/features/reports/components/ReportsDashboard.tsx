// The indicators dashboard: filters kept in the page address, each figure with its definition and
// (for roles allowed to open it) the list behind it, charts with table alternatives, downloads.
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Alert, Loading } from '../../../ui/feedback.js';
import { SelectField, TextField } from '../../../ui/fields.js';
import { filterQuery, formatValue, type Indicator, type ReportFilter, type ReportTable, useReport } from '../api.js';
import { Chart, HorizontalBars } from './Charts.js';

const GROUPS = ['calls', 'stock', 'stays', 'cases', 'tenancies', 'agency', 'mediation'] as const;

function currentFilter(sp: URLSearchParams): ReportFilter {
  const f: ReportFilter = {};
  for (const k of ['program', 'from', 'to', 'estateId', 'organisationId'] as const) {
    const v = sp.get(k);
    if (v) {
      f[k] = v;
    }
  }
  return f;
}

function IndicatorCard({ ind, lang }: { ind: Indicator; lang: 'it' | 'en' }) {
  const { t } = useTranslation();
  return (
    <div className="col-12 col-md-6 col-lg-4 mb-3">
      <div className="card card-bg h-100 shadow-sm" data-indicator={ind.id}>
        <div className="card-body">
          <h3 className="h6 card-title mb-1">{ind.label[lang]}</h3>
          <p className="h3 mb-1">{formatValue(ind.value, ind.unit, lang)}</p>
          {ind.denominator !== null ? (
            <p className="small text-muted mb-1">{t('reports.fraction', { numerator: ind.numerator ?? 0, denominator: ind.denominator })}</p>
          ) : null}
          <p className="small mb-2">{ind.definition[lang]}</p>
          {ind.drill ? (
            <Link to={ind.drill} className="small">
              {t('reports.drill', { label: ind.label[lang] })}
            </Link>
          ) : null}
        </div>
      </div>
    </div>
  );
}

function Downloads({ table, filter, lang }: { table: Pick<ReportTable, 'id' | 'title'>; filter: ReportFilter; lang: 'it' | 'en' }) {
  const { t } = useTranslation();
  const q = filterQuery(filter, lang);
  return (
    <p className="small">
      <a href={`/api/v1/reports/tables/${table.id}.csv${q}`} download>
        {t('reports.download.csv', { title: table.title[lang] })}
      </a>
      {' · '}
      <a href={`/api/v1/reports/tables/${table.id}.xlsx${q}`} download>
        {t('reports.download.xlsx', { title: table.title[lang] })}
      </a>
    </p>
  );
}

export function ReportsDashboard({ canExport }: { canExport: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = (i18n.language === 'en' ? 'en' : 'it') as 'it' | 'en';
  const [sp, setSp] = useSearchParams();
  const filter = currentFilter(sp);
  const report = useReport(filter);
  const [draft, setDraft] = useState<ReportFilter>(filter);

  const apply = (e: FormEvent) => {
    e.preventDefault();
    const next = new URLSearchParams();
    for (const [k, v] of Object.entries(draft)) {
      if (v) {
        next.set(k, v);
      }
    }
    setSp(next);
  };

  const data = report.data;
  const byProgram = data?.tables.find((x) => x.id === 'applications_by_program');
  const byMonth = data?.tables.find((x) => x.id === 'applications_by_month');
  const arrears = data?.tables.find((x) => x.id === 'arrears_by_estate');
  const rates = data?.indicators.filter((i) => i.unit === 'rate') ?? [];
  const programName = (p: string) => t(`reports.programs.${p}`);

  return (
    <>
      <form onSubmit={apply} className="row g-3 mb-4" aria-label={t('reports.filters.title')}>
        <div className="col-12 col-md-4">
          <SelectField
            label={t('reports.filters.program')}
            value={draft.program ?? ''}
            onChange={(e) => setDraft({ ...draft, program: e.target.value || undefined })}
            emptyOption={t('reports.filters.allPrograms')}
            options={(data?.options.programs ?? []).map((p) => ({ value: p, label: programName(p) }))}
          />
        </div>
        <div className="col-6 col-md-4">
          <TextField
            label={t('reports.filters.from')}
            type="date"
            value={draft.from ?? ''}
            onChange={(e) => setDraft({ ...draft, from: e.target.value || undefined })}
          />
        </div>
        <div className="col-6 col-md-4">
          <TextField
            label={t('reports.filters.to')}
            type="date"
            value={draft.to ?? ''}
            onChange={(e) => setDraft({ ...draft, to: e.target.value || undefined })}
          />
        </div>
        <div className="col-12 col-md-4">
          <SelectField
            label={t('reports.filters.estate')}
            value={draft.estateId ?? ''}
            onChange={(e) => setDraft({ ...draft, estateId: e.target.value || undefined })}
            emptyOption={t('reports.filters.allEstates')}
            options={(data?.options.estates ?? []).map((x) => ({ value: x.id, label: x.name }))}
          />
        </div>
        <div className="col-12 col-md-4">
          <SelectField
            label={t('reports.filters.organisation')}
            value={draft.organisationId ?? ''}
            onChange={(e) => setDraft({ ...draft, organisationId: e.target.value || undefined })}
            emptyOption={t('reports.filters.allOrganisations')}
            options={(data?.options.organisations ?? []).map((x) => ({ value: x.id, label: x.name }))}
          />
        </div>
        <div className="col-12 col-md-4 d-flex align-items-start">
          <button type="submit" className="btn btn-primary">
            {t('reports.filters.apply')}
          </button>
        </div>
      </form>

      {report.isPending ? <Loading label={t('reports.loading')} /> : null}
      {report.error ? <Alert kind="danger">{report.error.message}</Alert> : null}
      {data ? (
        <>
          <p aria-live="polite">
            {t('reports.scope', {
              programs: data.programs.map(programName).join(', '),
              from: data.period.from,
              to: data.period.to,
              ref: data.period.ref,
            })}
          </p>
          {canExport ? (
            <p>
              <a className="btn btn-outline-primary btn-sm me-2" href={`/api/v1/reports/funder.pdf${filterQuery(filter)}`} download>
                {t('reports.download.pdf')}
              </a>
            </p>
          ) : null}
          {GROUPS.map((g) => {
            const items = data.indicators.filter((i) => i.group === g);
            return items.length === 0 ? null : (
              <section key={g} className="mb-4" aria-labelledby={`group-${g}`}>
                <h2 id={`group-${g}`} className="h4">
                  {t(`reports.groups.${g}`)}
                </h2>
                <div className="row">
                  {items.map((i) => (
                    <IndicatorCard key={i.id} ind={i} lang={lang} />
                  ))}
                </div>
              </section>
            );
          })}
          {canExport ? <Downloads table={{ id: 'indicators', title: { it: 'Indicatori', en: 'Indicators' } }} filter={filter} lang={lang} /> : null}

          <section className="mb-4" aria-labelledby="charts">
            <h2 id="charts" className="h4">
              {t('reports.charts')}
            </h2>
            <HorizontalBars
              title={t('reports.chart.rates')}
              unit="rate"
              max={10_000}
              categories={rates.map((r) => r.label[lang])}
              values={rates.map((r) => r.value)}
            />
            {byProgram ? (
              <>
                <Chart
                  kind="bar"
                  title={byProgram.title[lang]}
                  unit="count"
                  categories={byProgram.rows.map((r) => programName(String(r.program)))}
                  series={byProgram.columns.slice(1).map((c) => ({ name: c.label[lang], values: byProgram.rows.map((r) => Number(r[c.key] ?? 0)) }))}
                />
                {canExport ? <Downloads table={byProgram} filter={filter} lang={lang} /> : null}
              </>
            ) : null}
            {byMonth ? (
              <>
                <Chart
                  kind="line"
                  title={byMonth.title[lang]}
                  unit="count"
                  categories={byMonth.rows.map((r) => String(r.month))}
                  series={[{ name: byMonth.columns[1]?.label[lang] ?? '', values: byMonth.rows.map((r) => Number(r.received ?? 0)) }]}
                />
                {canExport ? <Downloads table={byMonth} filter={filter} lang={lang} /> : null}
              </>
            ) : null}
          </section>

          {arrears ? (
            <section className="mb-4" aria-labelledby="arrears">
              <h2 id="arrears" className="h4">
                {arrears.title[lang]}
              </h2>
              <div className="table-responsive">
                <table className="table">
                  <thead>
                    <tr>
                      {arrears.columns.map((c) => (
                        <th key={c.key} scope="col" className={c.unit === 'text' ? undefined : 'text-end'}>
                          {c.label[lang]}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {arrears.rows.length === 0 ? (
                      <tr>
                        <td colSpan={arrears.columns.length}>{t('reports.empty')}</td>
                      </tr>
                    ) : (
                      arrears.rows.map((r) => (
                        <tr key={String(r.estate)}>
                          {arrears.columns.map((c) => (
                            <td key={c.key} className={c.unit === 'text' ? undefined : 'text-end'}>
                              {formatValue(r[c.key], c.unit, lang)}
                            </td>
                          ))}
                        </tr>
                      ))
                    )}
                  </tbody>
                </table>
              </div>
              {canExport ? <Downloads table={arrears} filter={filter} lang={lang} /> : null}
            </section>
          ) : null}
        </>
      ) : null}
    </>
  );
}
