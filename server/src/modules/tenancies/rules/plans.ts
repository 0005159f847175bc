// Payment plans (rateizzazione): a debt split into monthly instalments, tracked against the
// payments made since the plan started. The tenant must keep paying the new charges too: an
// instalment counts as paid when the payments since the start cover the charges since the start
// (up to its due day) plus every instalment up to it.
import { nextMonth } from './ledger.js';

export interface Instalment {
  no: number;
  dueDate: string;
  amountCents: number;
}

export type InstalmentState = 'paid' | 'due' | 'missed';
export type PlanState = 'active' | 'completed' | 'broken' | 'cancelled';

/** Splits `totalCents` into `n` monthly instalments from `firstDue` that add up exactly (first ones carry the extra cents). */
export function splitPlan(totalCents: number, n: number, firstDue: string): Instalment[] {
  const base = Math.floor(totalCents / n);
  const extra = totalCents - base * n;
  const day = Number(firstDue.slice(8, 10));
  let month = `${firstDue.slice(0, 7)}-01`;
  return Array.from({ length: n }, (_, i) => {
    const last = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
    const due = `${month.slice(0, 8)}${String(Math.min(day, last)).padStart(2, '0')}`;
    month = nextMonth(month);
    return { no: i + 1, dueDate: due, amountCents: base + (i < extra ? 1 : 0) };
  });
}

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

export interface PlanTracking {
  state: PlanState;
  instalments: (Instalment & { state: InstalmentState })[];
  paidCents: number;
  missed: number;
}

/**
 * Tracks a plan on `today` from the ledger rows dated on or after its start. An unpaid instalment
 * past its due day plus `graceDays` is missed; `brokenAfter` missed instalments break the plan.
 */
export function trackPlan(
  plan: { startDate: string; instalments: Instalment[]; cancelled?: boolean },
  rows: readonly { entryDate: string; amountCents: number; kind: string }[],
  today: string,
  o: { graceDays: number; brokenAfter: number } = { graceDays: 15, brokenAfter: 2 },
): PlanTracking {
  const since = rows.filter((r) => r.entryDate >= plan.startDate && r.entryDate <= today);
  const paid = since.filter((r) => r.kind === 'payment').reduce((s, r) => s - r.amountCents, 0);
  let cumulative = 0;
  let missed = 0;
  const instalments = plan.instalments.map((i) => {
    cumulative += i.amountCents;
    const charges = since.filter((r) => r.kind === 'charge' && r.entryDate <= i.dueDate).reduce((s, r) => s + r.amountCents, 0);
    const covered = paid - charges >= cumulative;
    const state: InstalmentState = covered ? 'paid' : today > addDays(i.dueDate, o.graceDays) ? 'missed' : 'due';
    if (state === 'missed') {
      missed += 1;
    }
    return { ...i, state };
  });
  const state: PlanState = plan.cancelled
    ? 'cancelled'
    : instalments.every((i) => i.state === 'paid')
      ? 'completed'
      : missed >= o.brokenAfter
        ? 'broken'
        : 'active';
  return { state, instalments, paidCents: paid, missed };
}
