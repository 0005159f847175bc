// Calendar arithmetic on YYYY-MM-DD days and Europe/Rome wall-clock times, without a library.
import { TIME_ZONE } from '../../../kernel/time.js';

const parts = (day: string) => day.split('-').map(Number) as [number, number, number];

const iso = (d: Date) => d.toISOString().slice(0, 10);

export function addDays(day: string, n: number): string {
  const [y, m, d] = parts(day);
  return iso(new Date(Date.UTC(y, m - 1, d + n)));
}

/** Adds calendar months; the day is clamped to the end of a shorter month (31 Jan + 1 = 28/29 Feb). */
export function addMonths(day: string, n: number): string {
  const [y, m, d] = parts(day);
  const last = new Date(Date.UTC(y, m - 1 + n + 1, 0)).getUTCDate();
  return iso(new Date(Date.UTC(y, m - 1 + n, Math.min(d, last))));
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: string): number {
  const [y, m, d] = parts(day);
  const wd = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return wd === 0 ? 7 : wd;
}

/** The Monday of the ISO week of a day. */
export function weekStart(day: string): string {
  return addDays(day, 1 - isoWeekday(day));
}

export function daysBetween(from: string, to: string): number {
  const [y1, m1, d1] = parts(from);
  const [y2, m2, d2] = parts(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
}

const offsetFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

/** Offset of Europe/Rome from UTC at an instant, in milliseconds (+1 h winter, +2 h summer). */
function romeOffset(at: number): number {
  const p = Object.fromEntries(offsetFormat.formatToParts(new Date(at)).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return asUtc - Math.floor(at / 1000) * 1000;
}

/**
 * The instant of a wall-clock time on a day in Europe/Rome. A time that does not exist (the
 * hour skipped in spring) is taken one hour later; an ambiguous one (autumn) resolves to one of
 * the two (visits are never planned in the night).
 */
export function romeInstant(day: string, time: string): Date {
  const [y, m, d] = parts(day);
  const [hh = 0, mm = 0] = time.split(':').map(Number);
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  let t = wall - romeOffset(wall);
  const corrected = wall - romeOffset(t);
  if (corrected !== t) {
    t = corrected;
  }
  return new Date(t);
}
