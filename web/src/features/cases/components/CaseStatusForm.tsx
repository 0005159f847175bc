import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../ui/feedback.js';
import { SelectField, TextField } from '../../../ui/fields.js';
import { type CaseDetail, type CaseStatus, todayInRome, useCaseAction } from '../api.js';

/** Suspend, reopen or close a case (closing needs a day and a reason). */
export function CaseStatusForm({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const [form, setForm] = useState<{ status: CaseStatus; closedOn: string; closeReason: string }>({
    status: c.status,
    closedOn: c.closedOn ?? todayInRome(),
    closeReason: c.closeReason ?? '',
  });
  const save = useCaseAction<typeof form>(
    c.id,
    'PATCH',
    () => '',
    (b) => (b.status === 'closed' ? { status: b.status, closedOn: b.closedOn, closeReason: b.closeReason.trim() || null } : { status: b.status }),
  );
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(form);
  };
  return (
    <details className="mt-2">
      <summary className="btn btn-outline-secondary btn-sm">{t('cases.statusForm.change')}</summary>
      <form onSubmit={onSubmit} className="row mt-3 align-items-end">
        <SelectField
          className="col-md-3"
          id="case-status-new"
          label={t('cases.fields.status')}
          value={form.status}
          onChange={(e) => setForm({ ...form, status: e.target.value as CaseStatus })}
          options={(['open', 'suspended', 'closed'] as const).map((s) => ({ value: s, label: t(`cases.status.${s}`) }))}
        />
        {form.status === 'closed' ? (
          <>
            <TextField
              className="col-md-3"
              id="case-closed-on"
              type="date"
              label={t('cases.statusForm.closedOn')}
              required
              value={form.closedOn}
              onChange={(e) => setForm({ ...form, closedOn: e.target.value })}
            />
            <TextField
              className="col-md-6"
              id="case-close-reason"
              label={t('cases.statusForm.reason')}
              required
              value={form.closeReason}
              onChange={(e) => setForm({ ...form, closeReason: e.target.value })}
            />
          </>
        ) : null}
        {save.isError ? <Alert kind="danger">{save.error.message}</Alert> : null}
        <div className="col-12">
          <button type="submit" className="btn btn-primary" disabled={save.isPending}>
            {t('cases.statusForm.save')}
          </button>
        </div>
      </form>
    </details>
  );
}
