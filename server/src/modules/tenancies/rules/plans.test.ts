import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitPlan, trackPlan } from './plans.js';

describe('payment plans', () => {
  it('splits a debt into monthly instalments that add up to the cent, clamping the day to short months', () => {
    // 1,000.00 € in 3: 333.34 + 333.33 + 333.33; due on the 31st → 31 Jan, 28 Feb, 31 Mar.
    expect(splitPlan(100_000, 3, '2026-01-31')).toEqual([
      { no: 1, dueDate: '2026-01-31', amountCents: 33_334 },
      { no: 2, dueDate: '2026-02-28', amountCents: 33_333 },
      { no: 3, dueDate: '2026-03-31', amountCents: 33_333 },
    ]);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 1, max: 36 }), (total, n) => {
        expect(splitPlan(total, n, '2026-05-10').reduce((s, i) => s + i.amountCents, 0)).toBe(total);
      }),
    );
  });

  it('an instalment is paid when payments since the start cover the new charges and the instalments so far', () => {
    const plan = { startDate: '2026-01-01', instalments: splitPlan(30_000, 3, '2026-01-20') };
    // Monthly charge of 10,000 on the 1st; the tenant pays 20,000 in January (charge + instalment 1),
    // 10,000 in February (charge only), nothing in March.
    const rows = [
      { entryDate: '2026-01-01', amountCents: 10_000, kind: 'charge' },
      { entryDate: '2026-01-15', amountCents: -20_000, kind: 'payment' },
      { entryDate: '2026-02-01', amountCents: 10_000, kind: 'charge' },
      { entryDate: '2026-02-10', amountCents: -10_000, kind: 'payment' },
      { entryDate: '2026-03-01', amountCents: 10_000, kind: 'charge' },
    ];
    const t = trackPlan(plan, rows, '2026-04-10');
    expect(t.instalments.map((i) => i.state)).toEqual(['paid', 'missed', 'missed']);
    expect(t.state).toBe('broken');
    expect(trackPlan(plan, rows, '2026-02-25').instalments.map((i) => i.state)).toEqual(['paid', 'due', 'due']);
    const full = [...rows, { entryDate: '2026-03-05', amountCents: -30_000, kind: 'payment' }];
    expect(trackPlan(plan, full, '2026-04-10').state).toBe('completed');
  });
});
