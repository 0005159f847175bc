import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCents, formatDay } from '../../../app/format.js';
import { Alert, Loading } from '../../../ui/feedback.js';
import { SelectField } from '../../../ui/fields.js';
import { type AgedRow, useAgedArrears } from '../api.js';

const BUCKETS = ['d0_30', 'd31_90', 'd91_180', 'd181_plus'] as const;

/** Unpaid debt by age, by estate or program, with a CSV download. */
export function AgedArrears() {
  const { t, i18n } = useTranslation();
  const [by, setBy] = useState<'estate' | 'program'>('estate');
  const report = useAgedArrears(by);
  const money = (c: number) => formatCents(c, i18n.language);
  const label = (r: AgedRow) => (r.key === null ? t('tenancies.aged.noEstate') : by === 'program' ? t(`programs.${r.key}`) : r.key);
  return (
    <section aria-labelledby="aged-heading" className="mt-5">
      <h2 id="aged-heading" className="h4">
        {t('tenancies.aged.heading')}
      </h2>
      <p>{t('tenancies.aged.intro')}</p>
      <div className="d-flex flex-wrap gap-3 align-items-end">
        <SelectField
          id="aged-by"
          label={t('tenancies.aged.by')}
          value={by}
          onChange={(e) => setBy(e.target.value as 'estate' | 'program')}
          options={[
            { value: 'estate', label: t('tenancies.aged.byEstate') },
            { value: 'program', label: t('tenancies.aged.byProgram') },
          ]}
        />
        <a className="btn btn-outline-primary mb-4" href={`/api/v1/tenancies/aged-arrears.csv?by=${by}`} download>
          {t('tenancies.aged.csv')}
        </a>
      </div>
      {report.isPending ? <Loading label={t('common.loading')} /> : null}
      {report.isError ? <Alert kind="danger">{report.error.message}</Alert> : null}
      {report.data ? (
        <div className="table-responsive">
          <table className="table table-sm align-middle">
            <caption>{t('tenancies.aged.caption', { day: formatDay(report.data.at, i18n.language) })}</caption>
            <thead>
              <tr>
                <th scope="col">{by === 'estate' ? t('tenancies.aged.estate') : t('tenancies.list.program')}</th>
                <th scope="col" className="text-end">
                  {t('tenancies.aged.tenancies')}
                </th>
                {BUCKETS.map((b) => (
                  <th scope="col" className="text-end" key={b}>
                    {t(`tenancies.aged.${b}`)}
                  </th>
                ))}
                <th scope="col" className="text-end">
                  {t('tenancies.aged.total')}
                </th>
              </tr>
            </thead>
            <tbody>
              {report.data.rows.map((r) => (
                <tr key={r.key ?? '—'}>
                  <th scope="row">{label(r)}</th>
                  <td className="text-end">{r.tenancies}</td>
                  {BUCKETS.map((b) => (
                    <td className="text-end text-nowrap" key={b}>
                      {money(r[b])}
                    </td>
                  ))}
                  <td className="text-end text-nowrap fw-semibold">{money(r.total)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('tenancies.aged.total')}</th>
                <td className="text-end">{report.data.totals.tenancies}</td>
                {BUCKETS.map((b) => (
                  <td className="text-end text-nowrap" key={b}>
                    {money(report.data.totals[b])}
                  </td>
                ))}
                <td className="text-end text-nowrap fw-semibold">{money(report.data.totals.total)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      ) : null}
    </section>
  );
}
