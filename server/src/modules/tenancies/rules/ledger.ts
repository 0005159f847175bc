// Ledger arithmetic: signed amounts in cents, positive = the tenant owes (a charge), negative =
// the debt goes down (a payment, a write-off). The balance is the sum of the rows.
import { divRound, instalmentOf } from './money.js';

export type EntryKind = 'charge' | 'payment' | 'adjustment' | 'write_off';

/** Signed amount of a row from its kind and the positive amount an operator types. */
export function signedAmount(kind: EntryKind, amountCents: number, direction: 'debit' | 'credit' = 'debit'): number {
  switch (kind) {
    case 'charge':
      return amountCents;
    case 'payment':
    case 'write_off':
      return -amountCents;
    case 'adjustment':
      return direction === 'debit' ? amountCents : -amountCents;
  }
}

/** Balance on `day` (rows dated on or before it). */
export function balanceAt(rows: readonly { entryDate: string; amountCents: number }[], day: string): number {
  let sum = 0;
  for (const r of rows) {
    if (r.entryDate <= day) {
      sum += r.amountCents;
    }
  }
  return sum;
}

const pad = (n: number) => n.toString().padStart(2, '0');

/** First day of the month of a YYYY-MM-DD day. */
export function monthOf(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

export function daysInMonth(month: string): number {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** The first day of the next month. */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${pad(m + 1)}-01`;
}

/** Days of `month` covered by a tenancy [start, end) (end null = open). */
export function coveredDays(month: string, start: string, end: string | null): number {
  const first = month;
  const after = nextMonth(month);
  const from = start > first ? start : first;
  const to = end !== null && end < after ? end : after;
  if (from >= to) {
    return 0;
  }
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The charge of a month: that month's instalment of the yearly rent (and the monthly service
 * charges), prorated by the days the tenancy covers, rounded to the cent, halves up.
 */
export function monthlyCharge(o: { month: string; start: string; end: string | null; annualRentCents: number; serviceChargesCents: number }) {
  const days = coveredDays(o.month, o.start, o.end);
  const total = daysInMonth(o.month);
  const monthNo = Number(o.month.slice(5, 7));
  const rentFull = instalmentOf(o.annualRentCents, monthNo);
  const prorate = (full: number) => (days === total ? full : divRound(full * days, total));
  return { days, daysInMonth: total, rentCents: prorate(rentFull), serviceCents: prorate(o.serviceChargesCents), rentFullCents: rentFull };
}
