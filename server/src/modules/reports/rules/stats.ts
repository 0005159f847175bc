// Pure statistics behind the indicators: mean, median, rates in basis points, day arithmetic,
// and the open-data suppression rule. No I/O; unit- and property-tested.

/** Arithmetic mean, or null for an empty list. */
export function mean(xs: readonly number[]): number | null {
  if (xs.length === 0) {
    return null;
  }
  let s = 0;
  for (const x of xs) {
    s += x;
  }
  return s / xs.length;
}

/** Median (the mean of the two middle values for an even count), or null for an empty list. */
export function median(xs: readonly number[]): number | null {
  if (xs.length === 0) {
    return null;
  }
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** part / whole in basis points (10,000 = 100 %), rounded half up; null when whole is 0. */
export function rateBp(part: number, whole: number): number | null {
  if (whole <= 0) {
    return null;
  }
  return Math.floor((part * 10_000 * 2 + whole) / (2 * whole));
}

const DAY_MS = 86_400_000;
const dayNumber = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / DAY_MS;

/** Whole days from `a` to `b` (ISO dates, b exclusive of a: 2025-01-01 → 2025-01-02 = 1). */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

/** Days (nights) shared by the half-open ranges [aFrom, aTo) and [bFrom, bTo). */
export function overlapDays(aFrom: string, aTo: string, bFrom: string, bTo: string): number {
  const from = aFrom > bFrom ? aFrom : bFrom;
  const to = aTo < bTo ? aTo : bTo;
  return to > from ? daysBetween(from, to) : 0;
}

/** The ISO date `months` after `day` (clamped to the month's last day: 31 Jan + 1 = 28/29 Feb). */
export function addMonths(day: string, months: number): string {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7)) - 1 + months;
  const d = Number(day.slice(8, 10));
  const ty = y + Math.floor(m / 12);
  const tm = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  return new Date(Date.UTC(ty, tm, Math.min(d, last))).toISOString().slice(0, 10);
}

/** The ISO date one day after `day`. */
export function nextDay(day: string): string {
  return new Date((dayNumber(day) + 1) * DAY_MS).toISOString().slice(0, 10);
}

/** How many times `weekday` (1 = Monday … 7 = Sunday) falls in [from, to) (ISO dates). */
export function weekdayCount(from: string, to: string, weekday: number): number {
  const n = daysBetween(from, to);
  if (n <= 0) {
    return 0;
  }
  const first = ((new Date(dayNumber(from) * DAY_MS).getUTCDay() + 6) % 7) + 1;
  const offset = (weekday - first + 7) % 7;
  return offset >= n ? 0 : Math.floor((n - 1 - offset) / 7) + 1;
}

export interface Placement {
  housedOn: string;
  leftOn: string | null;
  exitKind: string | null;
}

/**
 * Housing First retention at N months on a day — the same definition as the Housing First
 * dashboard: among the participants whose N-month mark has passed by `asOf`, those still in the
 * flat at the mark or who left for autonomy (a positive exit) count as retained.
 */
export function retention(placements: readonly Placement[], asOf: string, months: number): { eligible: number; retained: number; rateBp: number | null } {
  let eligible = 0;
  let retained = 0;
  for (const p of placements) {
    const mark = addMonths(p.housedOn, months);
    if (mark > asOf) {
      continue;
    }
    eligible += 1;
    if (p.leftOn === null || p.leftOn >= mark || p.exitKind === 'autonomy') {
      retained += 1;
    }
  }
  return { eligible, retained, rateBp: rateBp(retained, eligible) };
}

// ---------------------------------------------------------------------------------------------
// Open-data suppression.
//
// Primary: every count below SUPPRESSION_THRESHOLD (0 to 4) is published as "< 5".
// Secondary (complementary): a table publishes, besides its cells, one total per group (e.g. per
// program and year, across neighbourhoods). A group's total is published only when none of its
// cells is suppressed; otherwise the total is suppressed too (shown as "< 5" when it is itself
// under 5, else as "n.d."). A suppressed cell then appears in no published equation, so it
// cannot be recovered by subtraction. Periods are whole calendar years only (no overlapping
// periods to difference) and rates are never published for suppressed counts.

export const SUPPRESSION_THRESHOLD = 5;
export const SUPPRESSED_SMALL = '< 5';
export const SUPPRESSED_TOTAL = 'n.d.';

export type PublishedCount = number | typeof SUPPRESSED_SMALL | typeof SUPPRESSED_TOTAL;

export interface CountTable {
  /** The group (e.g. "erp|2025") and the cells' counts, one array per measure. */
  groups: { key: string; cells: number[]; total: number }[];
}

export interface SuppressedGroup {
  key: string;
  cells: PublishedCount[];
  total: PublishedCount;
}

/** Primary suppression of one count. */
export function suppressCell(n: number): PublishedCount {
  return n < SUPPRESSION_THRESHOLD ? SUPPRESSED_SMALL : n;
}

/** Primary suppression of the cells and complementary suppression of the group total. */
export function suppressGroup(cells: readonly number[], total: number = cells.reduce((a, b) => a + b, 0)): { cells: PublishedCount[]; total: PublishedCount } {
  const out = cells.map(suppressCell);
  const anySuppressed = out.some((c) => typeof c === 'string');
  const t: PublishedCount = total < SUPPRESSION_THRESHOLD ? SUPPRESSED_SMALL : anySuppressed ? SUPPRESSED_TOTAL : total;
  return { cells: out, total: t };
}
