import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../../../app/format.js';
import { Alert } from '../../../ui/feedback.js';
import { SelectField, TextField } from '../../../ui/fields.js';
import { todayInRome, useAddVisitPlan, useDirectory, type VisitBoard } from '../api.js';

/** The weekly visit plan: the current one and a form to replace it from a day. */
export function VisitPlanForm({ caseId, plans }: { caseId: string; plans: VisitBoard['plans'] }) {
  const { t, i18n } = useTranslation();
  const directory = useDirectory();
  const add = useAddVisitPlan(caseId);
  const [form, setForm] = useState({ weekday: '2', windowStart: '10:00', windowEnd: '12:00', professionalId: '', validFrom: todayInRome() });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate({ ...form, weekday: Number(form.weekday) });
  };
  return (
    <section aria-labelledby="plan-heading" className="mt-4">
      <h2 id="plan-heading" className="h4">
        {t('cases.plan.heading')}
      </h2>
      <ul>
        {plans.map((p) => (
          <li key={p.id}>
            {t(`cases.weekday.${p.weekday}`)} {p.windowStart}–{p.windowEnd} · {p.professional} · {formatDay(p.validFrom, i18n.language)} –{' '}
            {p.validTo ? formatDay(p.validTo, i18n.language) : ''}
          </li>
        ))}
      </ul>
      <details>
        <summary className="btn btn-outline-primary btn-sm">{t('cases.plan.change')}</summary>
        <form onSubmit={onSubmit} className="row mt-3">
          <SelectField
            className="col-md-3"
            id="plan-weekday"
            label={t('cases.plan.weekday')}
            value={form.weekday}
            onChange={(e) => setForm({ ...form, weekday: e.target.value })}
            options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: String(d), label: t(`cases.weekday.${d}`) }))}
          />
          <TextField
            className="col-6 col-md-2"
            id="plan-start"
            type="time"
            label={t('cases.plan.from')}
            required
            value={form.windowStart}
            onChange={(e) => setForm({ ...form, windowStart: e.target.value })}
          />
          <TextField
            className="col-6 col-md-2"
            id="plan-end"
            type="time"
            label={t('cases.plan.to')}
            required
            value={form.windowEnd}
            onChange={(e) => setForm({ ...form, windowEnd: e.target.value })}
          />
          <SelectField
            className="col-md-5"
            id="plan-professional"
            label={t('cases.plan.professional')}
            required
            value={form.professionalId}
            emptyOption={t('cases.team.choose')}
            onChange={(e) => setForm({ ...form, professionalId: e.target.value })}
            options={(directory.data?.staff ?? []).map((s) => ({ value: s.id, label: s.name }))}
          />
          <TextField
            className="col-md-4"
            id="plan-valid"
            type="date"
            label={t('cases.plan.validFrom')}
            required
            value={form.validFrom}
            onChange={(e) => setForm({ ...form, validFrom: e.target.value })}
          />
          {add.isError ? <Alert kind="danger">{add.error.message}</Alert> : null}
          <div className="col-12">
            <button type="submit" className="btn btn-primary" disabled={add.isPending}>
              {t('cases.plan.save')}
            </button>
          </div>
        </form>
      </details>
    </section>
  );
}
