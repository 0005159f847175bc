import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCents, parseEuro } from '../../../app/format.js';
import { Alert } from '../../../ui/feedback.js';
import { SelectField, TextField } from '../../../ui/fields.js';
import { type EntryKind, usePostEntry } from '../api.js';

/** Records a payment (or an adjustment, a write-off, an extra charge) as a new ledger row. */
export function EntryForm({ tenancyId, today }: { tenancyId: string; today: string }) {
  const { t, i18n } = useTranslation();
  const post = usePostEntry(tenancyId);
  const [kind, setKind] = useState<EntryKind>('payment');
  const [direction, setDirection] = useState<'debit' | 'credit'>('credit');
  const [amount, setAmount] = useState('');
  const [date, setDate] = useState(today);
  const [reason, setReason] = useState('');
  const [amountError, setAmountError] = useState<string | undefined>();

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const cents = parseEuro(amount);
    if (cents === null || cents <= 0) {
      setAmountError(t('tenancies.entryForm.amountInvalid'));
      return;
    }
    setAmountError(undefined);
    post.mutate(
      { kind, entryDate: date, amountCents: cents, direction, reason: reason.trim() || t(`tenancies.entry.${kind}`) },
      {
        onSuccess: () => {
          setAmount('');
          setReason('');
        },
      },
    );
  };

  return (
    <section aria-labelledby="entry-form-heading" className="mt-4">
      <h2 id="entry-form-heading" className="h4">
        {t('tenancies.entryForm.heading')}
      </h2>
      <p className="small">{t('tenancies.entryForm.intro')}</p>
      {post.isSuccess ? <Alert kind="success">{t('tenancies.entryForm.done', { balance: formatCents(post.data.balanceCents, i18n.language) })}</Alert> : null}
      {post.isError ? <Alert kind="danger">{post.error.message}</Alert> : null}
      <form onSubmit={onSubmit} noValidate className="row g-3">
        <SelectField
          className="col-md-3"
          id="entry-kind"
          label={t('tenancies.entryForm.kind')}
          value={kind}
          onChange={(e) => setKind(e.target.value as EntryKind)}
          options={(['payment', 'adjustment', 'write_off', 'charge'] as const).map((k) => ({ value: k, label: t(`tenancies.entry.${k}`) }))}
        />
        {kind === 'adjustment' ? (
          <SelectField
            className="col-md-3"
            id="entry-direction"
            label={t('tenancies.entryForm.direction')}
            value={direction}
            onChange={(e) => setDirection(e.target.value as 'debit' | 'credit')}
            options={[
              { value: 'credit', label: t('tenancies.entryForm.credit') },
              { value: 'debit', label: t('tenancies.entryForm.debit') },
            ]}
          />
        ) : null}
        <TextField
          className="col-md-3"
          id="entry-amount"
          label={t('tenancies.entryForm.amount')}
          inputMode="decimal"
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          error={amountError ?? post.error?.fieldMessage('amountCents')}
          required
        />
        <TextField
          className="col-md-3"
          id="entry-date"
          type="date"
          label={t('tenancies.entryForm.date')}
          value={date}
          onChange={(e) => setDate(e.target.value)}
          error={post.error?.fieldMessage('entryDate')}
          required
        />
        <TextField
          className="col-md-12"
          id="entry-reason"
          label={t('tenancies.entryForm.reason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={post.error?.fieldMessage('reason')}
        />
        <div className="col-12">
          <button type="submit" className="btn btn-primary" disabled={post.isPending}>
            {t('tenancies.entryForm.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
