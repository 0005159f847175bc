import { type ChangeEvent, type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCents, formatDateTime, formatDay } from '../../../app/format.js';
import { Alert, Loading } from '../../../ui/feedback.js';
import { TextField } from '../../../ui/fields.js';
import { useMe } from '../../identity/api.js';
import { type UnmatchedPayment, useImportPayments, usePaymentImports, useRejectUnmatched, useResolveUnmatched, useUnmatched } from '../api.js';

/** Upload a payments file (CSV): matched rows are posted, the others wait below. */
export function PaymentImportForm() {
  const { t } = useTranslation();
  const me = useMe().data;
  const run = useImportPayments(me?.csrfToken ?? '');
  const [file, setFile] = useState<File | null>(null);
  const onFile = (e: ChangeEvent<HTMLInputElement>) => setFile(e.target.files?.[0] ?? null);
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (file) {
      run.mutate({ csv: await file.text(), fileName: file.name });
    }
  };
  return (
    <section aria-labelledby="import-heading" className="mb-5">
      <h2 id="import-heading" className="h4">
        {t('tenancies.payments.importHeading')}
      </h2>
      <p>{t('tenancies.payments.importIntro')}</p>
      <form onSubmit={(e) => void onSubmit(e)} className="d-flex flex-wrap gap-3 align-items-end">
        <div className="form-group mb-0">
          <label htmlFor="payments-file" className="active d-block">
            {t('tenancies.payments.file')}
          </label>
          <input id="payments-file" type="file" accept=".csv,text/csv" className="form-control" onChange={onFile} />
        </div>
        <button type="submit" className="btn btn-primary" disabled={!file || run.isPending}>
          {t('tenancies.payments.import')}
        </button>
      </form>
      {run.isSuccess ? (
        <Alert kind="success" className="mt-3">
          {t('tenancies.payments.imported', { rows: run.data.rows, posted: run.data.posted, unmatched: run.data.unmatched, duplicates: run.data.duplicates })}
        </Alert>
      ) : null}
      {run.isError ? (
        <Alert kind="danger" className="mt-3">
          {run.error.message}
          {run.error.fieldErrors.length > 0 ? (
            <ul className="mb-0">
              {run.error.fieldErrors.map((e) => (
                <li key={`${e.field}-${e.code}`}>
                  {e.field}: {e.message}
                </li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}
    </section>
  );
}

function UnmatchedRow({ p }: { p: UnmatchedPayment }) {
  const { t, i18n } = useTranslation();
  const resolve = useResolveUnmatched();
  const reject = useRejectUnmatched();
  const [code, setCode] = useState('');
  const onResolve = (e: FormEvent) => {
    e.preventDefault();
    if (code.trim()) {
      resolve.mutate({ id: p.id, code: code.trim(), note: null });
    }
  };
  return (
    <tr>
      <td>{formatDay(p.paidOn, i18n.language)}</td>
      <td className="text-end text-nowrap">{formatCents(p.amountCents, i18n.language)}</td>
      <td>
        {p.noticeNumber ? <span className="d-block font-monospace">{p.noticeNumber}</span> : null}
        {p.payerFiscalCode ? <span className="d-block font-monospace">{p.payerFiscalCode}</span> : null}
        {p.description ? <span className="d-block small">{p.description}</span> : null}
        <span className="d-block small text-muted">{t('tenancies.payments.fromFile', { file: p.fileName ?? '—', line: p.line })}</span>
      </td>
      <td>
        <form onSubmit={onResolve} className="d-flex flex-wrap gap-2 align-items-end">
          <TextField
            className="mb-0"
            id={`resolve-${p.id}`}
            label={t('tenancies.payments.tenancyCode')}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            error={resolve.error?.detail ?? resolve.error?.message}
          />
          <button type="submit" className="btn btn-primary btn-sm" disabled={resolve.isPending}>
            {t('tenancies.payments.assign')}
          </button>
          <button
            type="button"
            className="btn btn-outline-secondary btn-sm"
            disabled={reject.isPending}
            onClick={() => reject.mutate({ id: p.id, note: t('tenancies.payments.rejectNote') })}
          >
            {t('tenancies.payments.reject')}
          </button>
        </form>
      </td>
    </tr>
  );
}

/** The queue of payments that matched no tenancy. */
export function UnmatchedQueue() {
  const { t, i18n } = useTranslation();
  const queue = useUnmatched('open');
  const imports = usePaymentImports();
  return (
    <>
      <section aria-labelledby="queue-heading" className="mb-5">
        <h2 id="queue-heading" className="h4">
          {t('tenancies.payments.queueHeading')}
        </h2>
        {queue.isPending ? <Loading label={t('common.loading')} /> : null}
        {queue.isError ? <Alert kind="danger">{queue.error.message}</Alert> : null}
        {queue.data ? (
          <div className="table-responsive">
            <table className="table align-middle" data-testid="unmatched">
              <caption>{t('tenancies.payments.queueCaption', { count: queue.data.items.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('tenancies.ledger.date')}</th>
                  <th scope="col" className="text-end">
                    {t('tenancies.ledger.amount')}
                  </th>
                  <th scope="col">{t('tenancies.payments.reference')}</th>
                  <th scope="col">{t('tenancies.payments.action')}</th>
                </tr>
              </thead>
              <tbody>
                {queue.data.items.length === 0 ? (
                  <tr>
                    <td colSpan={4}>{t('tenancies.payments.queueEmpty')}</td>
                  </tr>
                ) : null}
                {queue.data.items.map((p) => (
                  <UnmatchedRow key={p.id} p={p} />
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
      {imports.data && imports.data.items.length > 0 ? (
        <section aria-labelledby="imports-heading">
          <h2 id="imports-heading" className="h4">
            {t('tenancies.payments.importsHeading')}
          </h2>
          <ul>
            {imports.data.items.map((i) => (
              <li key={i.id}>
                {formatDateTime(i.createdAt, i18n.language)} – {i.fileName ?? '—'}:{' '}
                {t('tenancies.payments.imported', { rows: i.rows, posted: i.posted, unmatched: i.unmatched, duplicates: i.duplicates })}
                {i.createdByName ? ` (${i.createdByName})` : ''}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
