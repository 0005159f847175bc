import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { manualClock } from '../../../kernel/time.js';
import { addDays, addMonths, isoWeekday, romeInstant, weekStart } from './calendar.js';
import { countVisits, generateSlots, missedVisitAlerts, slotStatuses, type VisitLog, type VisitPlan } from './visits.js';

const plan = (o: Partial<VisitPlan> = {}): VisitPlan => ({
  id: 'p1',
  weekday: 2,
  windowStart: '10:00',
  windowEnd: '12:00',
  professionalId: 'u1',
  validFrom: '2026-01-01',
  validTo: null,
  ...o,
});

const log = (slotOn: string, status: VisitLog['status'], o: Partial<VisitLog> = {}): VisitLog => ({
  slotOn,
  status,
  occurredOn: slotOn,
  rescheduledTo: null,
  loggedAt: new Date(`${slotOn}T15:00:00Z`),
  ...o,
});

describe('calendar', () => {
  it('weekdays, weeks and months', () => {
    expect(isoWeekday('2026-03-29')).toBe(7);
    expect(isoWeekday('2026-03-30')).toBe(1);
    expect(weekStart('2026-03-29')).toBe('2026-03-23');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2025-08-31', 6)).toBe('2026-02-28');
    expect(addMonths('2026-05-15', 12)).toBe('2027-05-15');
  });

  it('wall-clock times in Europe/Rome: +1 h in winter, +2 h in summer, the skipped hour moves on', () => {
    expect(romeInstant('2026-01-13', '10:00').toISOString()).toBe('2026-01-13T09:00:00.000Z');
    expect(romeInstant('2026-07-14', '10:00').toISOString()).toBe('2026-07-14T08:00:00.000Z');
    expect(romeInstant('2026-03-29', '02:30').toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });

  it('round-trips every quarter hour of the year (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 364 }), fc.integer({ min: 4, max: 23 }), fc.constantFrom(0, 15, 30, 45), (d, h, m) => {
        const day = addDays('2026-01-01', d);
        const time = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
        const at = romeInstant(day, time);
        const shown = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Rome', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
        expect(shown).toBe(time);
      }),
    );
  });
});

describe('visit slots across the DST changes', () => {
  it('a Saturday 10:00 visit stays at 10:00 local before and after the spring change (UTC moves by one hour)', () => {
    const slots = generateSlots([plan({ weekday: 6 })], '2026-03-21', '2026-04-04');
    expect(slots.map((s) => s.day)).toEqual(['2026-03-21', '2026-03-28', '2026-04-04']);
    expect(slots.map((s) => s.startsAt.toISOString())).toEqual(['2026-03-21T09:00:00.000Z', '2026-03-28T09:00:00.000Z', '2026-04-04T08:00:00.000Z']);
  });

  it('a Sunday visit on the day of the change in autumn (25 Oct 2026) and in spring (29 Mar 2026)', () => {
    const autumn = generateSlots([plan({ weekday: 7, windowStart: '09:00', windowEnd: '11:00' })], '2026-10-18', '2026-11-01');
    expect(autumn.map((s) => [s.day, s.startsAt.toISOString(), s.endsAt.toISOString()])).toEqual([
      ['2026-10-18', '2026-10-18T07:00:00.000Z', '2026-10-18T09:00:00.000Z'],
      ['2026-10-25', '2026-10-25T08:00:00.000Z', '2026-10-25T10:00:00.000Z'],
      ['2026-11-01', '2026-11-01T08:00:00.000Z', '2026-11-01T10:00:00.000Z'],
    ]);
    const spring = generateSlots([plan({ weekday: 7 })], '2026-03-29', '2026-03-29');
    expect(spring[0]?.startsAt.toISOString()).toBe('2026-03-29T08:00:00.000Z');
    // Window length is wall-clock: two hours on both days.
    expect(spring[0] && spring[0].endsAt.getTime() - spring[0].startsAt.getTime()).toBe(2 * 3_600_000);
  });

  it('one slot per week per plan, within the plan validity (valid_to exclusive), ordered', () => {
    const slots = generateSlots(
      [plan({ validFrom: '2026-01-06', validTo: '2026-01-27' }), plan({ id: 'p2', weekday: 5, professionalId: 'u2', validFrom: '2026-01-20' })],
      '2026-01-01',
      '2026-01-31',
    );
    expect(slots.map((s) => `${s.day}/${s.planId}`)).toEqual(['2026-01-06/p1', '2026-01-13/p1', '2026-01-20/p1', '2026-01-23/p2', '2026-01-30/p2']);
  });
});

describe('missed-visit alerts with a controllable clock', () => {
  const slots = generateSlots([plan()], '2026-01-06', '2026-01-27'); // Tuesdays 6, 13, 20, 27 Jan, 10–12 (09–11 UTC)

  it('a slot not logged alerts only after the end of the window plus the delay', () => {
    const clock = manualClock('2026-01-06T10:30:00Z');
    const at = () => slotStatuses(slots.slice(0, 1), [], clock.now(), 24)[0]?.state;
    expect(at()).toBe('due');
    clock.set('2026-01-07T10:59:59Z'); // window ends 11:00 UTC, + 24 h
    expect(at()).toBe('due');
    expect(missedVisitAlerts(slotStatuses(slots.slice(0, 1), [], clock.now(), 24))).toEqual([]);
    clock.advance(2000);
    expect(at()).toBe('overdue');
    expect(missedVisitAlerts(slotStatuses(slots.slice(0, 1), [], clock.now(), 24))).toEqual([
      { day: '2026-01-06', expectedOn: '2026-01-06', professionalId: 'u1', kind: 'not_logged', streak: 1, level: 'alert' },
    ]);
    // Logging it (even late) clears the alert.
    expect(missedVisitAlerts(slotStatuses(slots.slice(0, 1), [log('2026-01-06', 'done')], clock.now(), 24))).toEqual([]);
  });

  it('a rescheduled slot is due on its new day; repeated misses escalate; a done visit ends the streak', () => {
    const now = new Date('2026-01-29T12:00:00Z');
    const logs = [
      log('2026-01-06', 'rescheduled', { rescheduledTo: '2026-01-08', reason: 'ospedale' } as Partial<VisitLog>),
      log('2026-01-13', 'missed'),
      log('2026-01-20', 'missed'),
    ];
    const statuses = slotStatuses(slots, logs, now, 24);
    expect(statuses.map((s) => s.state)).toEqual(['overdue', 'missed', 'missed', 'overdue']);
    expect(statuses[0]?.logBy.toISOString()).toBe('2026-01-09T11:00:00.000Z');
    expect(missedVisitAlerts(statuses).map((a) => [a.day, a.kind, a.streak, a.level])).toEqual([
      ['2026-01-06', 'not_logged', 1, 'alert'],
      ['2026-01-13', 'missed', 2, 'escalation'],
      ['2026-01-20', 'missed', 3, 'escalation'],
      ['2026-01-27', 'not_logged', 4, 'escalation'],
    ]);
    const withDone = slotStatuses(slots, [...logs, log('2026-01-06', 'done', { occurredOn: '2026-01-08' })], now, 24);
    expect(missedVisitAlerts(withDone).map((a) => [a.day, a.level])).toEqual([
      ['2026-01-20', 'escalation'],
      ['2026-01-27', 'escalation'],
    ]);
    expect(countVisits(withDone)).toEqual({ planned: 4, done: 1, missed: 2, overdue: 1, pending: 0, extra: 0 });
  });

  it('a rescheduled slot before its new day is neither due nor overdue', () => {
    const logs = [log('2026-01-06', 'rescheduled', { rescheduledTo: '2026-01-09' })];
    const s = slotStatuses(slots.slice(0, 1), logs, new Date('2026-01-08T12:00:00Z'), 24);
    expect(s[0]?.state).toBe('rescheduled');
    expect(s[0]?.expectedOn).toBe('2026-01-09');
  });
});
