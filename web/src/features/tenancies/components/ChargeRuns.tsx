import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCents, formatDateTime } from '../../../app/format.js';
import { Alert, StatusBadge } from '../../../ui/feedback.js';
import { TextField } from '../../../ui/fields.js';
import { useChargeRuns, useRunCharges } from '../api.js';
import { romeToday } from '../labels.js';

/** The monthly charge run: start it for a month, see past runs and their progress. */
export function ChargeRuns({ canRun }: { canRun: boolean }) {
  const { t, i18n } = useTranslation();
  const runs = useChargeRuns();
  const run = useRunCharges();
  const [month, setMonth] = useState(romeToday().slice(0, 7));
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    run.mutate(month);
  };
  return (
    <section aria-labelledby="runs-heading" className="mt-5">
      <h2 id="runs-heading" className="h4">
        {t('tenancies.runs.heading')}
      </h2>
      <p>{t('tenancies.runs.intro')}</p>
      {canRun ? (
        <form onSubmit={onSubmit} className="row g-3 align-items-end">
          <TextField
            className="col-md-3"
            id="run-month"
            type="month"
            label={t('tenancies.runs.month')}
            value={month}
            onChange={(e) => setMonth(e.target.value)}
            required
          />
          <div className="col-md-3 mb-4">
            <button type="submit" className="btn btn-primary" disabled={run.isPending}>
              {t('tenancies.runs.submit')}
            </button>
          </div>
        </form>
      ) : null}
      {run.isSuccess ? (
        <Alert kind="success">
          {t('tenancies.runs.done', {
            created: run.data.chargesCreated,
            total: run.data.tenanciesTotal,
            amount: formatCents(run.data.amountCents, i18n.language),
          })}
        </Alert>
      ) : null}
      {run.isError ? <Alert kind="danger">{run.error.message}</Alert> : null}
      {runs.data && runs.data.items.length > 0 ? (
        <div className="table-responsive">
          <table className="table table-sm">
            <caption>{t('tenancies.runs.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('tenancies.runs.month')}</th>
                <th scope="col">{t('tenancies.runs.status')}</th>
                <th scope="col">{t('tenancies.runs.progress')}</th>
                <th scope="col" className="text-end">
                  {t('tenancies.runs.amount')}
                </th>
                <th scope="col">{t('tenancies.runs.started')}</th>
              </tr>
            </thead>
            <tbody>
              {runs.data.items.map((r) => (
                <tr key={r.id}>
                  <td>{r.month}</td>
                  <td>
                    <StatusBadge kind={r.status === 'done' ? 'success' : r.status === 'failed' ? 'danger' : 'warning'}>
                      {t(`tenancies.runs.statuses.${r.status}`)}
                    </StatusBadge>
                  </td>
                  <td>{t('tenancies.runs.progressText', { done: r.tenanciesDone, total: r.tenanciesTotal, created: r.chargesCreated })}</td>
                  <td className="text-end text-nowrap">{formatCents(r.amountCents, i18n.language)}</td>
                  <td>
                    {formatDateTime(r.startedAt, i18n.language)}
                    {r.startedByName ? <span className="d-block small">{r.startedByName}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
