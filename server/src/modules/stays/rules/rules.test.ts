import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { priorityOf, rankWaitingList } from './priority.js';
import { overdueDays, progressWord, stageOf } from './review.js';
import { addDays, staffingDays } from './staffing.js';

describe('waiting-list priority', () => {
  it('hand-computed: burden 4, last stay 73 days ago, severe, waiting 45 days', () => {
    const p = priorityOf({ id: 'a', familyBurden: 4, severity: 'severe', lastStayEndedOn: '2026-09-11', requestedOn: '2026-10-09' }, '2026-11-23');
    // 40 + 30×73/365 = 6 + 10 + 10×45/90 = 5
    expect(p.lines.map((l) => [l.code, l.points])).toEqual([
      ['family_burden', 40],
      ['since_last_stay', 6],
      ['severe', 10],
      ['waiting', 5],
    ]);
    expect(p.score).toBe(61);
  });

  it('never having stayed counts as the full 30 points; waiting is capped at 90 days', () => {
    const p = priorityOf({ id: 'a', familyBurden: 0, severity: 'mild', lastStayEndedOn: null, requestedOn: '2025-01-01' }, '2026-11-23');
    expect(p.score).toBe(40);
  });

  it('orders by score, then older request, then id', () => {
    const today = '2026-11-23';
    const ranked = rankWaitingList(
      [
        { id: 'b', familyBurden: 2, severity: 'mild', lastStayEndedOn: null, requestedOn: '2026-11-01' },
        { id: 'a', familyBurden: 2, severity: 'mild', lastStayEndedOn: null, requestedOn: '2026-11-01' },
        { id: 'c', familyBurden: 5, severity: 'mild', lastStayEndedOn: null, requestedOn: '2026-11-22' },
      ],
      today,
    );
    expect(ranked.map((r) => [r.id, r.rank])).toEqual([
      ['c', 1],
      ['a', 2],
      ['b', 3],
    ]);
  });

  it('property: more burden never lowers the score; the score stays within 0–100', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4 }),
        fc.boolean(),
        fc.option(fc.integer({ min: 0, max: 800 })),
        fc.integer({ min: 0, max: 400 }),
        (b, severe, last, wait) => {
          const today = '2026-11-23';
          const base = {
            id: 'x',
            severity: (severe ? 'severe' : 'mild') as 'severe' | 'mild',
            lastStayEndedOn: last === null ? null : addDays(today, -last),
            requestedOn: addDays(today, -wait),
          };
          const lo = priorityOf({ ...base, familyBurden: b }, today).score;
          const hi = priorityOf({ ...base, familyBurden: b + 1 }, today).score;
          expect(hi).toBeGreaterThan(lo);
          expect(hi).toBeLessThanOrEqual(100);
          expect(lo).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});

describe('staffing', () => {
  it('sums the hours of the guests present each day against the plan', () => {
    const days = staffingDays(
      '2026-12-01',
      '2026-12-04',
      [
        { startsOn: '2026-12-01', endsOn: '2026-12-03', supportHoursPerDay: 6 },
        { startsOn: '2026-12-02', endsOn: '2026-12-10', supportHoursPerDay: 8 },
      ],
      12,
      new Map([['2026-12-03', 4]]),
    );
    expect(days.map((d) => [d.day, d.guests, d.neededHours, d.plannedHours, d.balanceHours, d.status])).toEqual([
      ['2026-12-01', 1, 6, 12, 6, 'ok'],
      ['2026-12-02', 2, 14, 12, -2, 'short'],
      ['2026-12-03', 1, 8, 4, -4, 'short'],
    ]);
  });
});

describe('life-project review', () => {
  it('overdue days from the next review date', () => {
    expect(overdueDays('2026-11-20', '2026-11-23')).toBe(3);
    expect(overdueDays('2026-11-23', '2026-11-23')).toBe(0);
    expect(overdueDays('2026-12-20', '2026-11-23')).toBe(0);
    expect(overdueDays(null, '2026-11-23')).toBe(0);
  });
  it('stage and progress words', () => {
    expect(stageOf({ version: 1, status: 'draft', acknowledgedAt: null })).toBe('draft');
    expect(stageOf({ version: 2, status: 'draft', acknowledgedAt: null })).toBe('revising');
    expect(stageOf({ version: 2, status: 'approved', acknowledgedAt: null })).toBe('approved');
    expect(stageOf({ version: 2, status: 'approved', acknowledgedAt: new Date() })).toBe('acknowledged');
    expect(progressWord(0)).toBe('not_started');
    expect(progressWord(4)).toBe('achieved');
  });
});

describe('mutual-aid pairing fit', () => {
  it('hand-computed: two shared tasks, helper covers 3 of 4 hours', async () => {
    const { pairingFit } = await import('./pairing.js');
    const fit = pairingFit(
      { personId: 'r', hoursPerWeek: 4, tasks: ['Spesa', 'cena', 'bollette'] },
      { personId: 'h', hoursPerWeek: 3, tasks: [' spesa', 'Cena'] },
    );
    expect(fit.sharedTasks).toEqual(['spesa', 'cena']);
    expect(fit.weight).toBe(20 + 20 + 15);
  });
  it('no task in common: not a candidate', async () => {
    const { pairingFit } = await import('./pairing.js');
    expect(pairingFit({ personId: 'r', hoursPerWeek: 4, tasks: ['spesa'] }, { personId: 'h', hoursPerWeek: 9, tasks: ['musica'] }).weight).toBe(0);
  });
});
