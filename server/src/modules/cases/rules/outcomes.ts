// Housing First indicators and work-grant arithmetic as pure functions.
import { addMonths } from './calendar.js';

export const EXIT_KINDS = ['autonomy', 'eviction', 'prison', 'death', 'drop_out', 'other'] as const;
export type ExitKind = (typeof EXIT_KINDS)[number];

export interface Placement {
  housedOn: string;
  leftOn: string | null;
  exitKind: ExitKind | null;
}

export interface Retention {
  months: number;
  /** Participants housed at least `months` months before the day. */
  eligible: number;
  /** Of those, still housed `months` after moving in, or gone on to a home of their own. */
  retained: number;
  /** retained / eligible in basis points (10000 = 100%), null when nobody is eligible yet. */
  rateBp: number | null;
}

/**
 * Housing retention at N months on a day: among the participants whose N-month mark has passed,
 * those still in the flat at the mark or who left for autonomy (a positive exit) count as
 * retained. Rounded half up to a basis point.
 */
export function housingRetention(placements: readonly Placement[], asOf: string, months: number): Retention {
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
  return { months, eligible, retained, rateBp: eligible === 0 ? null : Math.floor((retained * 10_000 * 2 + eligible) / (2 * eligible)) };
}

export const OBSERVATION_AREAS = ['home', 'psycho', 'physical', 'relations', 'goals'] as const;
export type ObservationArea = (typeof OBSERVATION_AREAS)[number];
export type Observations = Partial<Record<ObservationArea, { score: number; note?: string | null }>>;

export interface Trend {
  direction: 'worsening' | 'stable' | 'improving' | 'unknown';
  /** Least-squares slope of the mean score per visit (scale 1–5), over the visits used. */
  slope: number | null;
  worseningAreas: ObservationArea[];
  visitsUsed: number;
}

function slopeOf(ys: readonly number[]): number {
  const n = ys.length;
  const mx = (n - 1) / 2;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  ys.forEach((y, x) => {
    num += (x - mx) * (y - my);
    den += (x - mx) ** 2;
  });
  return den === 0 ? 0 : num / den;
}

/**
 * Trend of the observations over the last `window` visits (oldest first): worsening when the
 * mean score falls by at least `threshold` per visit; an area worsens on the same test.
 */
export function observationTrend(visits: readonly Observations[], window = 4, threshold = 0.25): Trend {
  const used = visits.filter((v) => Object.keys(v).length > 0).slice(-window);
  if (used.length < 3) {
    return { direction: 'unknown', slope: null, worseningAreas: [], visitsUsed: used.length };
  }
  const means = used.map((v) => {
    const scores = Object.values(v).map((o) => o?.score ?? 0);
    return scores.reduce((a, b) => a + b, 0) / scores.length;
  });
  const slope = slopeOf(means);
  const worseningAreas = OBSERVATION_AREAS.filter((area) => {
    const ys = used.map((v) => v[area]?.score).filter((s): s is number => s !== undefined);
    return ys.length >= 3 && slopeOf(ys) <= -threshold;
  });
  const direction = slope <= -threshold ? 'worsening' : slope >= threshold ? 'improving' : 'stable';
  return { direction, slope: Math.round(slope * 100) / 100, worseningAreas, visitsUsed: used.length };
}

/**
 * A borsa lavoro's payment for a month: the monthly grant in proportion to the hours attended
 * (capped at the hours planned), rounded down to the cent.
 */
export function grantDue(monthlyGrantCents: number, hoursPlanned: number, hoursAttended: number): number {
  if (hoursPlanned <= 0 || monthlyGrantCents <= 0) {
    return 0;
  }
  const hours = Math.min(Math.max(hoursAttended, 0), hoursPlanned);
  return Math.floor((monthlyGrantCents * hours) / hoursPlanned);
}
