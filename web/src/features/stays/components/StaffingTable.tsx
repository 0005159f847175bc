import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../../../app/format.js';
import { Alert, Loading, StatusBadge } from '../../../ui/feedback.js';
import { TextField } from '../../../ui/fields.js';
import { addDays, useStaffing, useStaffPlan } from '../api.js';

/** Per day: support hours the booked guests need vs the staff hours planned; shortages in words. */
export function StaffingTable({ solutionId, start, canPlan }: { solutionId: string; start: string; canPlan: boolean }) {
  const { t, i18n } = useTranslation();
  const to = addDays(start, 14);
  const staffing = useStaffing(solutionId, start, to);
  const plan = useStaffPlan(solutionId);
  const [form, setForm] = useState({ from: start, to: addDays(start, 7), hours: '16' });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    plan.mutate({ from: form.from, to: form.to, hours: Number(form.hours) });
  };
  return (
    <section aria-labelledby="staffing-heading" className="mb-5">
      <h2 id="staffing-heading" className="h4">
        {t('stays.staffing.heading')}
      </h2>
      {staffing.isPending ? <Loading label={t('common.loading')} /> : null}
      {staffing.isError ? <Alert kind="danger">{staffing.error.message}</Alert> : null}
      {staffing.data ? (
        <div className="table-responsive">
          <table className="table table-sm">
            <caption>{t('stays.staffing.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('stays.staffing.day')}</th>
                <th scope="col" className="text-end">
                  {t('stays.staffing.guests')}
                </th>
                <th scope="col" className="text-end">
                  {t('stays.staffing.needed')}
                </th>
                <th scope="col" className="text-end">
                  {t('stays.staffing.planned')}
                </th>
                <th scope="col" className="text-end">
                  {t('stays.staffing.balance')}
                </th>
                <th scope="col">{t('stays.staffing.status')}</th>
              </tr>
            </thead>
            <tbody>
              {staffing.data.days.map((d) => (
                <tr key={d.day}>
                  <th scope="row">{formatDay(d.day, i18n.language)}</th>
                  <td className="text-end">{d.guests}</td>
                  <td className="text-end">{d.neededHours}</td>
                  <td className="text-end">{d.plannedHours}</td>
                  <td className="text-end">{d.balanceHours}</td>
                  <td>
                    <StatusBadge kind={d.status === 'short' ? 'danger' : d.status === 'ok' ? 'success' : 'secondary'}>
                      {t(`stays.staffing.states.${d.status}`)}
                    </StatusBadge>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {canPlan ? (
        <form onSubmit={onSubmit} className="row g-3 align-items-end mt-2" aria-labelledby="plan-heading">
          <h3 id="plan-heading" className="h6 col-12 mb-0">
            {t('stays.staffing.planHeading')}
          </h3>
          <TextField
            className="col-md-3"
            type="date"
            label={t('stays.staffing.from')}
            value={form.from}
            required
            onChange={(e) => setForm({ ...form, from: e.target.value })}
          />
          <TextField
            className="col-md-3"
            type="date"
            label={t('stays.staffing.to')}
            value={form.to}
            required
            onChange={(e) => setForm({ ...form, to: e.target.value })}
          />
          <TextField
            className="col-md-3"
            type="number"
            min={0}
            max={240}
            step={0.5}
            label={t('stays.staffing.hours')}
            value={form.hours}
            required
            onChange={(e) => setForm({ ...form, hours: e.target.value })}
          />
          <div className="col-md-3 mb-4">
            <button type="submit" className="btn btn-outline-primary" disabled={plan.isPending}>
              {t('stays.staffing.save')}
            </button>
          </div>
          {plan.isError ? <Alert kind="danger">{plan.error.message}</Alert> : null}
          {plan.isSuccess ? <Alert kind="success">{t('stays.staffing.saved')}</Alert> : null}
        </form>
      ) : null}
    </section>
  );
}
