import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../ui/feedback.js';
import { SelectField, TextField } from '../../../ui/fields.js';
import { UNIT_STATUSES, type UnitDetail, type UnitStatus, useChangeStatus } from '../api.js';
import { formatDay, romeToday, statusLabel } from '../labels.js';

/**
 * Changes the unit's status from a day on: the period in force then ends that day and an open
 * one starts. Field errors come from the server's problem+json; an overlap (409) is shown above.
 */
export function StatusChangeForm({ unit }: { unit: UnitDetail }) {
  const { t, i18n } = useTranslation();
  const change = useChangeStatus(unit.id);
  const [form, setForm] = useState({ status: '', from: romeToday(), note: '' });
  const [done, setDone] = useState<{ status: UnitStatus; from: string } | null>(null);
  const error = change.error;
  const fieldError = error ? error.fieldMessage('status') || error.fieldMessage('from') || error.fieldMessage('note') : undefined;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    change.mutate(
      { status: form.status as UnitStatus, from: form.from, note: form.note.trim() || null },
      {
        onSuccess: () => {
          setDone({ status: form.status as UnitStatus, from: form.from });
          setForm({ status: '', from: romeToday(), note: '' });
        },
      },
    );
  };

  return (
    <section aria-labelledby="status-change-heading" className="mt-5">
      <h2 id="status-change-heading" className="h4">
        {t('stock.change.heading')}
      </h2>
      <p>{t('stock.change.intro')}</p>
      {done ? <Alert kind="success">{t('stock.change.done', { status: statusLabel(t, done.status), from: formatDay(done.from, i18n.language) })}</Alert> : null}
      {error && (error.status !== 400 || !fieldError) ? <Alert kind="danger">{error.detail ?? t('errors.generic')}</Alert> : null}
      <form onSubmit={onSubmit} noValidate>
        <div className="row">
          <div className="col-12 col-md-6">
            <SelectField
              id="status-new"
              label={t('stock.change.status')}
              emptyOption={t('stock.change.choose')}
              required
              value={form.status}
              onChange={(e) => setForm({ ...form, status: e.target.value })}
              options={UNIT_STATUSES.map((s) => ({ value: s, label: t(`stock.status.${s}`) }))}
              error={error?.fieldMessage('status')}
            />
          </div>
          <div className="col-12 col-md-6">
            <TextField
              id="status-from"
              type="date"
              label={t('stock.change.from')}
              required
              value={form.from}
              onChange={(e) => setForm({ ...form, from: e.target.value })}
              error={error?.fieldMessage('from')}
            />
          </div>
        </div>
        <div className="form-group">
          <label htmlFor="status-note" className="active">
            {t('stock.change.note')}
          </label>
          <textarea
            id="status-note"
            className={`form-control${error?.fieldMessage('note') ? ' is-invalid' : ''}`}
            rows={2}
            maxLength={1000}
            value={form.note}
            aria-invalid={error?.fieldMessage('note') ? true : undefined}
            aria-describedby={error?.fieldMessage('note') ? 'status-note-error' : undefined}
            onChange={(e) => setForm({ ...form, note: e.target.value })}
          />
          {error?.fieldMessage('note') ? (
            <div id="status-note-error" className="invalid-feedback d-block">
              {error.fieldMessage('note')}
            </div>
          ) : null}
        </div>
        <button type="submit" className="btn btn-primary" disabled={change.isPending}>
          {t('stock.change.submit')}
        </button>
      </form>
    </section>
  );
}
