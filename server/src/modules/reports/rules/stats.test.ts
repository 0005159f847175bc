import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  daysBetween,
  mean,
  median,
  overlapDays,
  rateBp,
  retention,
  SUPPRESSED_SMALL,
  SUPPRESSED_TOTAL,
  suppressCell,
  suppressGroup,
  weekdayCount,
} from './stats.js';

describe('mean and median (hand-computed)', () => {
  it('empty lists have none', () => {
    expect(mean([])).toBeNull();
    expect(median([])).toBeNull();
  });
  it('odd and even counts, unsorted input', () => {
    expect(median([30, 10, 20])).toBe(20);
    expect(median([40, 10, 30, 20])).toBe(25); // (20 + 30) / 2
    expect(median([7])).toBe(7);
    expect(mean([10, 20, 60])).toBe(30);
    expect(median([10, 20, 60])).toBe(20); // the median ignores the outlier the mean follows
  });
});

describe('rates in basis points', () => {
  it('rounds half up and has no rate for an empty whole', () => {
    expect(rateBp(1, 3)).toBe(3333); // 33.333 %
    expect(rateBp(2, 3)).toBe(6667); // 66.667 %
    expect(rateBp(1, 8)).toBe(1250);
    expect(rateBp(1, 20_000)).toBe(1); // 0.5 bp rounds up
    expect(rateBp(0, 5)).toBe(0);
    expect(rateBp(3, 0)).toBeNull();
  });
});

describe('days', () => {
  it('counts days, overlaps and weekdays', () => {
    expect(daysBetween('2025-01-01', '2025-03-01')).toBe(59);
    expect(daysBetween('2024-01-01', '2024-03-01')).toBe(60); // leap year
    expect(overlapDays('2025-01-10', '2025-01-20', '2025-01-15', '2025-02-01')).toBe(5);
    expect(overlapDays('2025-01-10', '2025-01-20', '2025-01-20', '2025-02-01')).toBe(0);
    // January 2025: 1 Jan is a Wednesday; Mondays 6, 13, 20, 27 → 4; Wednesdays 1, 8, 15, 22, 29 → 5.
    expect(weekdayCount('2025-01-01', '2025-02-01', 1)).toBe(4);
    expect(weekdayCount('2025-01-01', '2025-02-01', 3)).toBe(5);
    expect(weekdayCount('2025-01-01', '2025-01-01', 3)).toBe(0);
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2025-08-15', 6)).toBe('2026-02-15');
  });
  it('weekday counts add up to the days of any range', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 400 }), (start, len) => {
        const from = new Date(Date.UTC(2020, 0, 1 + start)).toISOString().slice(0, 10);
        const to = new Date(Date.UTC(2020, 0, 1 + start + len)).toISOString().slice(0, 10);
        let s = 0;
        for (let w = 1; w <= 7; w++) {
          s += weekdayCount(from, to, w);
        }
        return s === len;
      }),
    );
  });
});

describe('Housing First retention (hand-computed)', () => {
  it('counts only participants past the mark; autonomy exits count as retained', () => {
    const placements = [
      { housedOn: '2025-01-10', leftOn: null, exitKind: null }, // 6 m mark 2025-07-10: retained
      { housedOn: '2025-02-01', leftOn: '2025-05-01', exitKind: 'eviction' }, // left before the mark
      { housedOn: '2025-03-01', leftOn: '2025-04-01', exitKind: 'autonomy' }, // positive exit
      { housedOn: '2025-06-01', leftOn: null, exitKind: null }, // mark 2025-12-01 after asOf: not eligible
    ];
    expect(retention(placements, '2025-10-01', 6)).toEqual({ eligible: 3, retained: 2, rateBp: 6667 });
    expect(retention(placements, '2025-10-01', 12)).toEqual({ eligible: 0, retained: 0, rateBp: null });
  });
});

describe('open-data suppression', () => {
  it('shows every count under 5 as "< 5" and suppresses the total of a group with a suppressed cell', () => {
    expect(suppressCell(0)).toBe(SUPPRESSED_SMALL);
    expect(suppressCell(4)).toBe(SUPPRESSED_SMALL);
    expect(suppressCell(5)).toBe(5);
    expect(suppressGroup([12, 7, 9])).toEqual({ cells: [12, 7, 9], total: 28 });
    expect(suppressGroup([12, 3, 9])).toEqual({ cells: [12, SUPPRESSED_SMALL, 9], total: SUPPRESSED_TOTAL });
    expect(suppressGroup([1, 2])).toEqual({ cells: [SUPPRESSED_SMALL, SUPPRESSED_SMALL], total: SUPPRESSED_SMALL });
  });

  it('property: no published number is under 5, and no suppressed cell can be recovered from the published figures', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 40 }), { minLength: 1, maxLength: 12 }), (cells) => {
        const total = cells.reduce((a, b) => a + b, 0);
        const out = suppressGroup(cells, total);
        const published = [...out.cells, out.total].filter((c): c is number => typeof c === 'number');
        if (published.some((n) => n < 5)) {
          return false;
        }
        // Recovery: the only equation among the published figures is total = Σ cells. A suppressed
        // cell is recoverable iff the total is published together with every other cell.
        const suppressed = out.cells.filter((c) => typeof c === 'string').length;
        if (suppressed > 0 && typeof out.total === 'number') {
          return false;
        }
        // Published cells keep their true values.
        return out.cells.every((c, i) => typeof c === 'string' || c === cells[i]);
      }),
      { numRuns: 2000 },
    );
  });
});
