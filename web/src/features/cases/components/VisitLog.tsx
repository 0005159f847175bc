import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDay } from '../../../app/format.js';
import { usePageTitle } from '../../../app/usePageTitle.js';
import { Alert, Loading, StatusBadge } from '../../../ui/feedback.js';
import { SelectField, TextField } from '../../../ui/fields.js';
import {
  OBSERVATION_AREAS,
  type Observations,
  type SlotState,
  todayInRome,
  useCase,
  useLogVisit,
  useVisitBoard,
  type VisitBoard,
  type VisitInput,
} from '../api.js';
import { VisitPlanForm } from './VisitPlanForm.js';

const OPEN: SlotState[] = ['overdue', 'due', 'rescheduled', 'upcoming'];
const badge = (s: SlotState) => (s === 'done' ? 'success' : s === 'missed' || s === 'overdue' ? 'danger' : s === 'due' ? 'warning' : 'secondary');

function QuickLog({ caseId, board }: { caseId: string; board: VisitBoard }) {
  const { t, i18n } = useTranslation();
  const log = useLogVisit(caseId);
  const open = board.slots.filter((s) => OPEN.includes(s.state));
  const today = todayInRome();
  // The slot to log first: the oldest one still open up to today, else the next one.
  const first = open.find((s) => s.expectedOn <= today) ?? open[0];
  const [slot, setSlot] = useState(first?.day ?? '');
  const [status, setStatus] = useState<VisitInput['status']>('done');
  const [occurredOn, setOccurredOn] = useState(today);
  const [scores, setScores] = useState<Record<string, string>>({});
  const [reason, setReason] = useState('');
  const [rescheduledTo, setRescheduledTo] = useState('');
  const [notes, setNotes] = useState('');
  const [saved, setSaved] = useState(false);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const observations: Observations = {};
    for (const a of OBSERVATION_AREAS) {
      if (scores[a]) {
        observations[a] = { score: Number(scores[a]) };
      }
    }
    log.mutate(
      {
        slotOn: slot || null,
        status,
        occurredOn,
        reason: status === 'done' ? null : reason,
        rescheduledTo: status === 'rescheduled' ? rescheduledTo : null,
        observations: status === 'done' && Object.keys(observations).length > 0 ? observations : null,
        notes: notes.trim() || null,
      },
      {
        onSuccess: (next) => {
          setSaved(true);
          setScores({});
          setReason('');
          setNotes('');
          const nextOpen = next.slots.filter((s) => OPEN.includes(s.state));
          setSlot((nextOpen.find((s) => s.expectedOn <= today) ?? nextOpen[0])?.day ?? '');
        },
      },
    );
  };
  return (
    <form onSubmit={onSubmit} aria-labelledby="quick-log-heading" className="mt-3">
      <h2 id="quick-log-heading" className="h4">
        {t('cases.visits.log')}
      </h2>
      <SelectField
        id="visit-slot"
        label={t('cases.visits.slot')}
        value={slot}
        onChange={(e) => setSlot(e.target.value)}
        emptyOption={t('cases.visits.extra')}
        options={open.map((s) => ({
          value: s.day,
          label: `${formatDay(s.expectedOn, i18n.language)} ${s.windowStart}–${s.windowEnd} · ${t(`cases.slotState.${s.state}`)}`,
        }))}
      />
      <SelectField
        id="visit-status"
        label={t('cases.visits.outcome')}
        value={status}
        onChange={(e) => setStatus(e.target.value as VisitInput['status'])}
        options={(['done', 'missed', 'rescheduled'] as const).map((s) => ({ value: s, label: t(`cases.visitStatus.${s}`) }))}
      />
      <TextField id="visit-date" type="date" label={t('cases.visits.date')} required value={occurredOn} onChange={(e) => setOccurredOn(e.target.value)} />
      {status === 'done' ? (
        <fieldset className="mb-3">
          <legend className="h6">{t('cases.visits.observations')}</legend>
          <p className="small">{t('cases.visits.scale')}</p>
          <div className="row">
            {OBSERVATION_AREAS.map((a) => (
              <SelectField
                key={a}
                className="col-12 col-sm-6"
                id={`obs-${a}`}
                label={t(`cases.area.${a}`)}
                value={scores[a] ?? ''}
                emptyOption={t('cases.visits.notObserved')}
                onChange={(e) => setScores({ ...scores, [a]: e.target.value })}
                options={[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: `${n} – ${t(`cases.score.${n}`)}` }))}
              />
            ))}
          </div>
        </fieldset>
      ) : (
        <TextField id="visit-reason" label={t('cases.visits.reason')} required value={reason} onChange={(e) => setReason(e.target.value)} />
      )}
      {status === 'rescheduled' ? (
        <TextField
          id="visit-new-date"
          type="date"
          label={t('cases.visits.newDate')}
          required
          value={rescheduledTo}
          onChange={(e) => setRescheduledTo(e.target.value)}
        />
      ) : null}
      <div className="form-group">
        <label htmlFor="visit-notes" className="active">
          {t('cases.visits.notes')}
        </label>
        <textarea id="visit-notes" className="form-control" rows={3} maxLength={4000} value={notes} onChange={(e) => setNotes(e.target.value)} />
      </div>
      {log.isError ? <Alert kind="danger">{log.error.message}</Alert> : null}
      {saved ? <Alert kind="success">{t('cases.visits.saved')}</Alert> : null}
      <button type="submit" className="btn btn-primary w-100" disabled={log.isPending}>
        {t('cases.visits.save')}
      </button>
    </form>
  );
}

/** A participant's visits, built for a phone: this week's count, alerts, a quick log, the history. */
export function VisitLog({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const c = useCase(id);
  const board = useVisitBoard(id);
  usePageTitle(c.data ? t('cases.titles.visits', { name: c.data.person.name }) : t('cases.titles.housingFirst'));
  if (c.isPending || board.isPending) {
    return <Loading label={t('common.loading')} />;
  }
  if (c.isError || board.isError) {
    return <Alert kind="danger">{(c.error ?? board.error)?.message}</Alert>;
  }
  const b = board.data;
  const week = b.thisWeek;
  return (
    <>
      <h1 className="h3">{t('cases.titles.visits', { name: c.data.person.name })}</h1>
      <p>
        <Link to={`/cases/${id}`}>{t('cases.visits.backToCase')}</Link>
      </p>
      <div className="row g-2" aria-live="polite">
        <div className="col-6">
          <div className="card shadow-sm">
            <div className="card-body p-3">
              <p className="small mb-1">{t('cases.visits.thisWeek')}</p>
              <p className="h4 mb-0" data-testid="visits-this-week">
                {t('cases.visits.doneOf', { done: week.done + week.extra, planned: week.planned })}
              </p>
            </div>
          </div>
        </div>
        <div className="col-6">
          <div className="card shadow-sm">
            <div className="card-body p-3">
              <p className="small mb-1">{t('cases.visits.lastWeeks')}</p>
              <p className="h4 mb-0" data-testid="visits-total">
                {t('cases.visits.doneOf', { done: b.total.done + b.total.extra, planned: b.total.planned })}
              </p>
              <p className="small mb-0">{t('cases.visits.missedCount', { count: b.total.missed + b.total.overdue })}</p>
            </div>
          </div>
        </div>
      </div>
      {b.alerts.length > 0 ? (
        <Alert kind="warning" className="mt-3">
          <strong>{t('cases.visits.alerts')}</strong>
          <ul className="mb-0">
            {b.alerts.map((a) => (
              <li key={a.day}>
                {formatDay(a.expectedOn, i18n.language)} – {t(`cases.alertKind.${a.kind}`)}
                {a.level === 'escalation' ? ` (${t('cases.alertLevel.escalation', { count: a.streak })})` : ''}
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {b.trend.direction === 'worsening' ? (
        <Alert kind="warning" className="mt-3">
          {t('cases.trend.worseningText', { areas: b.trend.worseningAreas.map((a) => t(`cases.area.${a}`)).join(', ') || '—' })}
        </Alert>
      ) : null}
      {c.data.policies.logVisit ? <QuickLog key={b.slots.length} caseId={id} board={b} /> : null}
      <section aria-labelledby="history-heading" className="mt-4">
        <h2 id="history-heading" className="h4">
          {t('cases.visits.history')}
        </h2>
        <ul className="list-unstyled" data-testid="visit-history">
          {[...b.slots].reverse().map((s) => {
            const logs = b.visits.filter((v) => v.slotOn === s.day);
            return (
              <li key={s.day} className="border-bottom py-2">
                <strong>{formatDay(s.expectedOn, i18n.language)}</strong> {s.windowStart}–{s.windowEnd}{' '}
                <StatusBadge kind={badge(s.state)}>{t(`cases.slotState.${s.state}`)}</StatusBadge>
                <span className="d-block small">{s.professional}</span>
                {logs.map((v) => (
                  <span key={v.id} className="d-block small">
                    {t(`cases.visitStatus.${v.status}`)}
                    {v.reason ? `: ${v.reason}` : ''}
                    {v.notes ? ` – ${v.notes}` : ''}
                  </span>
                ))}
              </li>
            );
          })}
        </ul>
      </section>
      {c.data.policies.write ? <VisitPlanForm caseId={id} plans={b.plans} /> : null}
    </>
  );
}
