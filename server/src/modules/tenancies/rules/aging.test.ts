import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageDebt } from './aging.js';

describe('aged arrears', () => {
  it('payments settle the oldest charges first, by hand', () => {
    // Charges of 100 € on 1 Jun, 1 Sep, 1 Nov; 120 € paid. On 23 Nov: June fully paid,
    // September 80 € unpaid (83 days → 31–90), November 100 € (22 days → 0–30).
    const rows = [
      { entryDate: '2026-06-01', amountCents: 10_000 },
      { entryDate: '2026-09-01', amountCents: 10_000 },
      { entryDate: '2026-11-01', amountCents: 10_000 },
      { entryDate: '2026-07-10', amountCents: -12_000 },
    ];
    expect(ageDebt(rows, '2026-11-23')).toEqual({ d0_30: 10_000, d31_90: 8_000, d91_180: 0, d181_plus: 0 });
    expect(ageDebt([{ entryDate: '2025-01-01', amountCents: 5_000 }], '2026-11-23').d181_plus).toBe(5_000);
  });

  it('the buckets add up to the balance when positive, and to zero otherwise', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            entryDate: fc.constantFrom('2025-10-01', '2026-03-01', '2026-08-15', '2026-10-30', '2026-11-20'),
            amountCents: fc.integer({ min: -50_000, max: 50_000 }),
          }),
        ),
        (rows) => {
          const aged = ageDebt(rows, '2026-11-23');
          const balance = rows.reduce((s, r) => s + r.amountCents, 0);
          expect(aged.d0_30 + aged.d31_90 + aged.d91_180 + aged.d181_plus).toBe(Math.max(0, balance));
        },
      ),
    );
  });
});
