import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCents, formatDay } from '../../../app/format.js';
import { Alert, StatusBadge } from '../../../ui/feedback.js';
import { TextField } from '../../../ui/fields.js';
import { type Plan, useCreatePlan } from '../api.js';

const PLAN_BADGE = { active: 'primary', completed: 'success', broken: 'danger', cancelled: 'secondary' } as const;
const INSTALMENT_BADGE = { paid: 'success', due: 'secondary', missed: 'danger' } as const;

/** Payment plans with each instalment's state. */
export function PlanList({ plans }: { plans: Plan[] }) {
  const { t, i18n } = useTranslation();
  const money = (c: number) => formatCents(c, i18n.language);
  if (plans.length === 0) {
    return <p>{t('tenancies.plans.none')}</p>;
  }
  return (
    <>
      {plans.map((p) => (
        <div key={p.id} className="card card-bg p-3 mb-3" data-testid="plan">
          <p className="mb-2">
            <StatusBadge kind={PLAN_BADGE[p.state]}>{t(`tenancies.plans.state.${p.state}`)}</StatusBadge>
            {t('tenancies.plans.summary', { total: money(p.totalCents), count: p.instalments.length, day: formatDay(p.startDate, i18n.language) })}
          </p>
          {p.note ? <p className="small mb-2">{p.note}</p> : null}
          <ol className="mb-0">
            {p.instalments.map((i) => (
              <li key={i.no}>
                {formatDay(i.dueDate, i18n.language)} – {money(i.amountCents)}{' '}
                <StatusBadge kind={INSTALMENT_BADGE[i.state]}>{t(`tenancies.plans.instalment.${i.state}`)}</StatusBadge>
              </li>
            ))}
          </ol>
        </div>
      ))}
    </>
  );
}

/** Agrees a plan for the balance owed today. */
export function PlanForm({ tenancyId, defaultFirstDue }: { tenancyId: string; defaultFirstDue: string }) {
  const { t } = useTranslation();
  const create = useCreatePlan(tenancyId);
  const [count, setCount] = useState('6');
  const [firstDue, setFirstDue] = useState(defaultFirstDue);
  const [note, setNote] = useState('');
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ instalments: Number(count), firstDue, note: note.trim() || null });
  };
  return (
    <form onSubmit={onSubmit} className="row g-3 align-items-end" aria-labelledby="plan-form-heading">
      <h3 id="plan-form-heading" className="h5 col-12">
        {t('tenancies.plans.formHeading')}
      </h3>
      {create.isError ? <Alert kind="danger">{create.error.message}</Alert> : null}
      {create.isSuccess ? <Alert kind="success">{t('tenancies.plans.created')}</Alert> : null}
      <TextField
        className="col-md-2"
        id="plan-count"
        type="number"
        min={2}
        max={36}
        label={t('tenancies.plans.count')}
        value={count}
        onChange={(e) => setCount(e.target.value)}
      />
      <TextField
        className="col-md-3"
        id="plan-first"
        type="date"
        label={t('tenancies.plans.firstDue')}
        value={firstDue}
        onChange={(e) => setFirstDue(e.target.value)}
        error={create.error?.fieldMessage('firstDue')}
      />
      <TextField className="col-md-5" id="plan-note" label={t('tenancies.plans.note')} value={note} onChange={(e) => setNote(e.target.value)} />
      <div className="col-md-2 mb-4">
        <button type="submit" className="btn btn-outline-primary" disabled={create.isPending}>
          {t('tenancies.plans.submit')}
        </button>
      </div>
    </form>
  );
}
