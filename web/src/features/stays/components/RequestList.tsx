import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../../../app/format.js';
import { Alert, Loading, StatusBadge } from '../../../ui/feedback.js';
import { SelectField, TextField } from '../../../ui/fields.js';
import { hasPermission, useMe } from '../../identity/api.js';
import { type Booking, type BookingStatus, useBookings, useDecide, useSolutions } from '../api.js';

const STATUSES: BookingStatus[] = ['requested', 'offered', 'waitlisted', 'approved', 'refused', 'withdrawn', 'cancelled'];

export function statusKind(s: BookingStatus) {
  return s === 'approved'
    ? 'success'
    : s === 'refused' || s === 'cancelled'
      ? 'danger'
      : s === 'offered'
        ? 'warning'
        : s === 'requested'
          ? 'primary'
          : 'secondary';
}

/** One request with the operator's decision controls: approve on a bed, waiting list, refuse, cancel. */
function Decision({ b, onDone }: { b: Booking; onDone: (text: string) => void }) {
  const { t } = useTranslation();
  const solutions = useSolutions();
  const decide = useDecide();
  const [bedId, setBedId] = useState('');
  const [note, setNote] = useState('');
  const beds = solutions.data?.items.find((s) => s.id === b.solutionId)?.beds ?? [];
  const open = b.status === 'requested' || b.status === 'waitlisted' || b.status === 'offered';
  const run = (action: 'approve' | 'waitlist' | 'refuse' | 'cancel') =>
    decide.mutate(
      { id: b.id, action, bedId: bedId || null, note: note || null },
      { onSuccess: () => onDone(t(`stays.requests.doneFor.${action}`, { name: b.personName })) },
    );
  return (
    <div className="mt-2">
      {open ? (
        <div className="row g-2 align-items-end">
          <SelectField
            className="col-md-4 mb-0"
            label={t('stays.requests.bed')}
            value={bedId}
            onChange={(e) => setBedId(e.target.value)}
            emptyOption={b.status === 'offered' ? t('stays.requests.offeredBed', { n: b.bed?.label ?? '' }) : t('stays.requests.firstFree')}
            options={beds.map((x) => ({ value: x.id, label: t('stays.calendar.bedN', { n: x.label }) }))}
          />
          <TextField className="col-md-4 mb-0" label={t('stays.requests.note')} value={note} maxLength={1000} onChange={(e) => setNote(e.target.value)} />
          <div className="col-md-4 d-flex flex-wrap gap-2 mb-3">
            <button type="button" className="btn btn-primary btn-sm" disabled={decide.isPending} onClick={() => run('approve')}>
              {t('stays.requests.approve', { name: b.personName })}
            </button>
            {b.status !== 'waitlisted' ? (
              <button type="button" className="btn btn-outline-primary btn-sm" disabled={decide.isPending} onClick={() => run('waitlist')}>
                {t('stays.requests.waitlist')}
              </button>
            ) : null}
            <button type="button" className="btn btn-outline-danger btn-sm" disabled={decide.isPending} onClick={() => run('refuse')}>
              {t('stays.requests.refuse')}
            </button>
          </div>
        </div>
      ) : null}
      {b.status === 'approved' ? (
        <button type="button" className="btn btn-outline-danger btn-sm" disabled={decide.isPending} onClick={() => run('cancel')}>
          {t('stays.requests.cancel', { name: b.personName })}
        </button>
      ) : null}
      {decide.isError ? <Alert kind="danger">{decide.error.message}</Alert> : null}
    </div>
  );
}

export function BookingFacts({ b }: { b: Booking }) {
  const { t, i18n } = useTranslation();
  return (
    <dl className="row small mb-0">
      <dt className="col-sm-3">{t('stays.requests.period')}</dt>
      <dd className="col-sm-9">
        {t('stays.requests.periodText', { from: formatDay(b.startsOn, i18n.language), to: formatDay(b.endsOn, i18n.language), count: b.nights })}
      </dd>
      <dt className="col-sm-3">{t('stays.requests.solution')}</dt>
      <dd className="col-sm-9">
        {b.solutionName} ({t(`stays.kinds.${b.solutionKind}`)}){b.bed ? ` — ${t('stays.calendar.bedN', { n: b.bed.label })}` : ''}
      </dd>
      <dt className="col-sm-3">{t('stays.requests.needs')}</dt>
      <dd className="col-sm-9">{b.needs}</dd>
      <dt className="col-sm-3">{t('stays.requests.hours')}</dt>
      <dd className="col-sm-9">{b.supportHoursPerDay}</dd>
      <dt className="col-sm-3">{t('stays.requests.requestedBy')}</dt>
      <dd className="col-sm-9">
        {t(`stays.requestedAs.${b.requestedAs}`)}, {formatDay(b.requestedOn, i18n.language)}
      </dd>
      {b.decisionNote ? (
        <>
          <dt className="col-sm-3">{t('stays.requests.note')}</dt>
          <dd className="col-sm-9">{b.decisionNote}</dd>
        </>
      ) : null}
    </dl>
  );
}

export function RequestList() {
  const { t } = useTranslation();
  const me = useMe();
  const [status, setStatus] = useState<string>('requested');
  const list = useBookings({ status: status || undefined });
  const canManage = hasPermission(me.data, 'stay:manage');
  const [done, setDone] = useState<string | null>(null);
  return (
    <>
      {done ? <Alert kind="success">{done}</Alert> : null}
      <SelectField
        label={t('stays.requests.filter')}
        value={status}
        onChange={(e) => setStatus(e.target.value)}
        emptyOption={t('stays.requests.all')}
        options={STATUSES.map((s) => ({ value: s, label: t(`stays.status.${s}`) }))}
      />
      {list.isPending ? <Loading label={t('common.loading')} /> : null}
      {list.isError ? <Alert kind="danger">{list.error.message}</Alert> : null}
      {list.data && list.data.items.length === 0 ? <p>{t('stays.requests.none')}</p> : null}
      <ul className="list-unstyled" aria-live="polite">
        {list.data?.items.map((b) => (
          <li key={b.id} className="card card-bg mb-3">
            <div className="card-body">
              <h2 className="h5">
                {b.personName} <StatusBadge kind={statusKind(b.status)}>{t(`stays.status.${b.status}`)}</StatusBadge>
              </h2>
              <BookingFacts b={b} />
              {canManage ? <Decision b={b} onDone={setDone} /> : null}
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
