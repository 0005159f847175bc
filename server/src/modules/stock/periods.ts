import { TIME_ZONE } from '../../kernel/time.js';

const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day of an instant in Europe/Rome, as YYYY-MM-DD ("current" status and program). */
export function romeDay(at: Date): string {
  return dayFormat.format(at);
}

/** True when two [from, to) periods share a day; `to` null means open-ended. */
export function overlaps(a: { from: string; to: string | null }, b: { from: string; to: string | null }): boolean {
  return (a.to === null || b.from < a.to) && (b.to === null || a.from < b.to);
}
