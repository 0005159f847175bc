import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatCents, formatDay, parseEuro } from '../../../app/format.js';
import { Alert, Loading, StatusBadge } from '../../../ui/feedback.js';
import { SelectField, TextField } from '../../../ui/fields.js';
import { type CaseDetail, todayInRome, useCentres, useWorkAction, useWorkPaths, WORK_KINDS, WORK_OUTCOMES, WORK_STATUSES, type WorkPath } from '../api.js';

function PathRow({ w, canWrite, showPerson }: { w: WorkPath; canWrite: boolean; showPerson: boolean }) {
  const { t, i18n } = useTranslation();
  const [month, setMonth] = useState(todayInRome().slice(0, 7));
  const [hours, setHours] = useState('');
  const [close, setClose] = useState({ status: 'completed', outcome: 'employment_contract' });
  const attend = useWorkAction<{ month: string; hoursAttended: number }>(
    'PUT',
    () => `/api/v1/work-paths/${w.id}/attendance`,
    (b) => b,
  );
  const update = useWorkAction<typeof close>(
    'PATCH',
    () => `/api/v1/work-paths/${w.id}`,
    (b) => ({ ...b, outcomeNote: null }),
  );
  return (
    <li className="border-bottom py-3" data-testid="work-path">
      <h3 className="h6 mb-1">
        {showPerson ? (
          <>
            <Link to={`/cases/${w.caseId}`}>{w.person.name}</Link> –{' '}
          </>
        ) : null}
        {w.title} <StatusBadge kind={w.status === 'active' ? 'primary' : 'secondary'}>{t(`cases.work.status.${w.status}`)}</StatusBadge>
      </h3>
      <p className="small mb-1">
        {t(`cases.work.kind.${w.kind}`)} · {w.centre.name} · {formatDay(w.startedOn, i18n.language)} – {formatDay(w.endsOn, i18n.language)} ·{' '}
        {t('cases.work.hours', { hours: w.hoursPerMonth })}
        {w.kind === 'work_grant' ? ` · ${t('cases.work.grant', { amount: formatCents(w.monthlyGrantCents, i18n.language) })}` : ''}
      </p>
      {w.outcome ? <p className="small mb-1">{t('cases.work.outcomeWas', { outcome: t(`cases.work.outcome.${w.outcome}`) })}</p> : null}
      {w.attendance.length > 0 ? (
        <p className="small mb-1">
          {t('cases.work.attendance')}:{' '}
          {w.attendance
            .map((a) => `${a.month} ${a.hoursAttended}h${w.kind === 'work_grant' ? ` (${formatCents(a.grantDueCents, i18n.language)})` : ''}`)
            .join(' · ')}
          {w.kind === 'work_grant' ? ` — ${t('cases.work.due', { amount: formatCents(w.grantDueTotalCents, i18n.language) })}` : ''}
        </p>
      ) : null}
      {canWrite && w.status === 'active' ? (
        <div className="row g-2 align-items-end">
          <TextField
            className="col-6 col-md-3"
            id={`att-month-${w.id}`}
            type="month"
            label={t('cases.work.month')}
            value={month}
            onChange={(e) => setMonth(e.target.value)}
          />
          <TextField
            className="col-6 col-md-2"
            id={`att-hours-${w.id}`}
            type="number"
            min={0}
            max={400}
            label={t('cases.work.hoursAttended')}
            value={hours}
            onChange={(e) => setHours(e.target.value)}
          />
          <div className="col-12 col-md-2 mb-4">
            <button
              type="button"
              className="btn btn-sm btn-outline-primary"
              disabled={hours === ''}
              onClick={() => attend.mutate({ month, hoursAttended: Number(hours) })}
            >
              {t('cases.work.record')}
            </button>
          </div>
          <SelectField
            className="col-6 col-md-3"
            id={`close-outcome-${w.id}`}
            label={t('cases.work.outcomeLabel')}
            value={close.outcome}
            onChange={(e) => setClose({ status: e.target.value === 'dropped_out' ? 'interrupted' : 'completed', outcome: e.target.value })}
            options={WORK_OUTCOMES.map((o) => ({ value: o, label: t(`cases.work.outcome.${o}`) }))}
          />
          <div className="col-6 col-md-2 mb-4">
            <button type="button" className="btn btn-sm btn-outline-secondary" onClick={() => update.mutate(close)}>
              {t('cases.work.close')}
            </button>
          </div>
          {attend.isError || update.isError ? <Alert kind="danger">{(attend.error ?? update.error)?.message}</Alert> : null}
        </div>
      ) : null}
    </li>
  );
}

/** The work paths of one case, and a form to start one. */
export function CaseWorkPaths({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const paths = useWorkPaths({ caseId: c.id });
  const centres = useCentres();
  const empty = { kind: 'work_grant', centreId: '', title: '', hoursPerMonth: '60', grant: '', startedOn: todayInRome(), endsOn: '' };
  const [form, setForm] = useState(empty);
  const start = useWorkAction<typeof form>(
    'POST',
    () => `/api/v1/cases/${c.id}/work-paths`,
    (b) => ({
      kind: b.kind,
      centreId: b.centreId,
      title: b.title,
      hoursPerMonth: Number(b.hoursPerMonth),
      monthlyGrantCents: b.kind === 'work_grant' ? (parseEuro(b.grant) ?? 0) : 0,
      startedOn: b.startedOn,
      endsOn: b.endsOn,
    }),
  );
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    start.mutate(form, { onSuccess: () => setForm(empty) });
  };
  return (
    <section aria-labelledby="work-heading" className="mt-5">
      <h2 id="work-heading" className="h4">
        {t('cases.work.heading')}
      </h2>
      {paths.isPending ? <Loading label={t('common.loading')} /> : null}
      {paths.data?.items.length === 0 ? <p>{t('cases.work.empty')}</p> : null}
      <ul className="list-unstyled">
        {paths.data?.items.map((w) => (
          <PathRow key={w.id} w={w} canWrite={c.policies.write} showPerson={false} />
        ))}
      </ul>
      {c.policies.write ? (
        <details>
          <summary className="btn btn-outline-primary btn-sm">{t('cases.work.add')}</summary>
          <form onSubmit={onSubmit} className="row mt-3">
            <SelectField
              className="col-md-4"
              id="work-kind"
              label={t('cases.work.kindLabel')}
              value={form.kind}
              onChange={(e) => setForm({ ...form, kind: e.target.value })}
              options={WORK_KINDS.map((k) => ({ value: k, label: t(`cases.work.kind.${k}`) }))}
            />
            <SelectField
              className="col-md-8"
              id="work-centre"
              label={t('cases.work.centre')}
              required
              value={form.centreId}
              emptyOption={t('cases.work.chooseCentre')}
              onChange={(e) => setForm({ ...form, centreId: e.target.value })}
              options={(centres.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }))}
            />
            <TextField
              className="col-md-6"
              id="work-title"
              label={t('cases.work.title')}
              required
              value={form.title}
              onChange={(e) => setForm({ ...form, title: e.target.value })}
            />
            <TextField
              className="col-md-3"
              id="work-hours"
              type="number"
              min={1}
              max={200}
              label={t('cases.work.hoursPerMonth')}
              required
              value={form.hoursPerMonth}
              onChange={(e) => setForm({ ...form, hoursPerMonth: e.target.value })}
            />
            {form.kind === 'work_grant' ? (
              <TextField
                className="col-md-3"
                id="work-grant"
                inputMode="decimal"
                label={t('cases.work.monthlyGrant')}
                value={form.grant}
                onChange={(e) => setForm({ ...form, grant: e.target.value })}
              />
            ) : null}
            <TextField
              className="col-md-3"
              id="work-start"
              type="date"
              label={t('cases.work.start')}
              required
              value={form.startedOn}
              onChange={(e) => setForm({ ...form, startedOn: e.target.value })}
            />
            <TextField
              className="col-md-3"
              id="work-end"
              type="date"
              label={t('cases.work.end')}
              required
              value={form.endsOn}
              onChange={(e) => setForm({ ...form, endsOn: e.target.value })}
            />
            {start.isError ? <Alert kind="danger">{start.error.message}</Alert> : null}
            <div className="col-12">
              <button type="submit" className="btn btn-primary" disabled={start.isPending}>
                {t('cases.work.save')}
              </button>
            </div>
          </form>
        </details>
      ) : null}
    </section>
  );
}

/** Every work path the user sees, by status. */
export function WorkPathList({ canWrite }: { canWrite: boolean }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState('active');
  const paths = useWorkPaths({ status: status || undefined });
  return (
    <section aria-labelledby="work-list-heading">
      <h2 id="work-list-heading" className="visually-hidden">
        {t('cases.work.heading')}
      </h2>
      <SelectField
        className="col-md-3"
        id="work-status"
        label={t('cases.fields.status')}
        value={status}
        emptyOption={t('cases.list.allStatuses')}
        onChange={(e) => setStatus(e.target.value)}
        options={WORK_STATUSES.map((s) => ({ value: s, label: t(`cases.work.status.${s}`) }))}
      />
      {paths.isPending ? <Loading label={t('common.loading')} /> : null}
      {paths.isError ? <Alert kind="danger">{paths.error.message}</Alert> : null}
      {paths.data?.items.length === 0 ? <p>{t('cases.work.empty')}</p> : null}
      <ul className="list-unstyled">
        {paths.data?.items.map((w) => (
          <PathRow key={w.id} w={w} canWrite={canWrite} showPerson />
        ))}
      </ul>
    </section>
  );
}
