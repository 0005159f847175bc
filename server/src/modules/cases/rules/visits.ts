// Housing First weekly visits as pure functions: the slots a visit plan generates (wall-clock
// windows in Europe/Rome, so a 10:00 visit stays at 10:00 across DST changes), the state of each
// slot against the visit log at an instant, the week's done vs planned, and missed-visit alerts
// (a slot not logged within a delay alerts the team lead; repeated misses escalate).
import { addDays, isoWeekday, romeInstant } from './calendar.js';

export interface VisitPlan {
  id: string;
  weekday: number; // ISO: 1 = Monday … 7 = Sunday
  windowStart: string; // HH:MM
  windowEnd: string; // HH:MM
  professionalId: string;
  validFrom: string;
  validTo: string | null; // exclusive
}

export interface Slot {
  day: string;
  planId: string;
  professionalId: string;
  windowStart: string;
  windowEnd: string;
  startsAt: Date;
  endsAt: Date;
}

/** The planned slots on the days [from, to] (inclusive), ordered by start. */
export function generateSlots(plans: readonly VisitPlan[], from: string, to: string): Slot[] {
  const slots: Slot[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const wd = isoWeekday(day);
    for (const p of plans) {
      if (p.weekday !== wd || day < p.validFrom || (p.validTo !== null && day >= p.validTo)) {
        continue;
      }
      slots.push({
        day,
        planId: p.id,
        professionalId: p.professionalId,
        windowStart: p.windowStart,
        windowEnd: p.windowEnd,
        startsAt: romeInstant(day, p.windowStart),
        endsAt: romeInstant(day, p.windowEnd),
      });
    }
  }
  return slots.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

export interface VisitLog {
  slotOn: string | null;
  status: 'done' | 'missed' | 'rescheduled';
  occurredOn: string;
  rescheduledTo: string | null;
  loggedAt: Date;
}

/** done/missed: logged; rescheduled: moved and not yet due; overdue: not logged within the delay. */
export type SlotState = 'done' | 'missed' | 'rescheduled' | 'overdue' | 'due' | 'upcoming';

export interface SlotStatus {
  slot: Slot;
  state: SlotState;
  /** When the slot (or its rescheduled day) must be logged by: end of the window + delay. */
  logBy: Date;
  /** The day the visit is expected on (the rescheduled day when moved). */
  expectedOn: string;
}

/**
 * The state of each slot at `now`. A done log wins over a missed one, a missed one over a
 * rescheduling; a rescheduled slot is due on its new day in the same window.
 */
export function slotStatuses(slots: readonly Slot[], logs: readonly VisitLog[], now: Date, delayHours: number): SlotStatus[] {
  const delayMs = delayHours * 3_600_000;
  return slots.map((slot) => {
    const mine = logs.filter((l) => l.slotOn === slot.day);
    const rescheduled = mine
      .filter((l) => l.status === 'rescheduled')
      .sort((a, b) => a.loggedAt.getTime() - b.loggedAt.getTime())
      .at(-1);
    const expectedOn = rescheduled?.rescheduledTo ?? slot.day;
    const endsAt = rescheduled ? romeInstant(expectedOn, slot.windowEnd) : slot.endsAt;
    const startsAt = rescheduled ? romeInstant(expectedOn, slot.windowStart) : slot.startsAt;
    const logBy = new Date(endsAt.getTime() + delayMs);
    let state: SlotState;
    if (mine.some((l) => l.status === 'done')) {
      state = 'done';
    } else if (mine.some((l) => l.status === 'missed')) {
      state = 'missed';
    } else if (now.getTime() > logBy.getTime()) {
      state = 'overdue';
    } else if (rescheduled) {
      state = 'rescheduled';
    } else if (now.getTime() >= startsAt.getTime()) {
      state = 'due';
    } else {
      state = 'upcoming';
    }
    return { slot, state, logBy, expectedOn };
  });
}

export interface VisitCount {
  planned: number;
  done: number;
  missed: number;
  overdue: number;
  pending: number;
  extra: number;
}

/** Done vs planned over the slots given (e.g. one week); extra = done visits outside any slot. */
export function countVisits(statuses: readonly SlotStatus[], extraDone = 0): VisitCount {
  const n = (s: SlotState) => statuses.filter((x) => x.state === s).length;
  return {
    planned: statuses.length,
    done: n('done'),
    missed: n('missed'),
    overdue: n('overdue'),
    pending: n('due') + n('upcoming') + n('rescheduled'),
    extra: extraDone,
  };
}

export interface MissedVisitAlert {
  day: string;
  expectedOn: string;
  professionalId: string;
  kind: 'not_logged' | 'missed';
  /** Consecutive missed or unlogged slots up to and including this one. */
  streak: number;
  level: 'alert' | 'escalation';
}

/**
 * Alerts for the team lead: every slot not logged within the delay, and every missed visit that
 * is part of a streak of at least `escalateAfter` consecutive misses (escalation). A done visit
 * ends a streak.
 */
export function missedVisitAlerts(statuses: readonly SlotStatus[], escalateAfter = 2): MissedVisitAlert[] {
  const alerts: MissedVisitAlert[] = [];
  let streak = 0;
  for (const s of statuses) {
    if (s.state === 'done') {
      streak = 0;
      continue;
    }
    if (s.state !== 'missed' && s.state !== 'overdue') {
      continue;
    }
    streak += 1;
    const level = streak >= escalateAfter ? 'escalation' : 'alert';
    if (s.state === 'overdue' || level === 'escalation') {
      alerts.push({
        day: s.slot.day,
        expectedOn: s.expectedOn,
        professionalId: s.slot.professionalId,
        kind: s.state === 'overdue' ? 'not_logged' : 'missed',
        streak,
        level,
      });
    }
  }
  return alerts;
}
