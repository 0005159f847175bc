import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { balanceAt, coveredDays, monthlyCharge, nextMonth, signedAmount } from './ledger.js';

describe('ledger arithmetic', () => {
  it('charges raise the balance, payments and write-offs lower it, adjustments go either way', () => {
    expect(signedAmount('charge', 100)).toBe(100);
    expect(signedAmount('payment', 100)).toBe(-100);
    expect(signedAmount('write_off', 100)).toBe(-100);
    expect(signedAmount('adjustment', 100, 'credit')).toBe(-100);
    expect(signedAmount('adjustment', 100, 'debit')).toBe(100);
  });

  it('the balance at a day is the sum of the rows up to that day', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ entryDate: fc.constantFrom('2026-01-01', '2026-02-01', '2026-03-15'), amountCents: fc.integer({ min: -100_000, max: 100_000 }) })),
        (rows) => {
          const total = rows.reduce((s, r) => s + r.amountCents, 0);
          expect(balanceAt(rows, '2026-12-31')).toBe(total);
          expect(balanceAt(rows, '2026-02-01')).toBe(rows.filter((r) => r.entryDate <= '2026-02-01').reduce((s, r) => s + r.amountCents, 0));
          expect(balanceAt(rows, '2025-12-31')).toBe(0);
        },
      ),
    );
  });

  it('prorates a partial first month by days, rounded to the cent', () => {
    // Tenancy from 16 April: 15 of 30 days. Yearly rent 84,000 c → April instalment 7,000 c → 3,500 c.
    const c = monthlyCharge({ month: '2026-04-01', start: '2026-04-16', end: null, annualRentCents: 84_000, serviceChargesCents: 3_001 });
    expect(c).toMatchObject({ days: 15, daysInMonth: 30, rentCents: 3_500, serviceCents: 1_501 });
    // 3,001 × 15 / 30 = 1,500.5 → 1,501 (half up).
    expect(coveredDays('2026-02-01', '2026-01-01', '2026-02-10')).toBe(9);
    expect(coveredDays('2026-03-01', '2026-01-01', '2026-02-10')).toBe(0);
  });

  it('over a calendar year of full months the charges add up to the yearly rent exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (annual) => {
        let month = '2026-01-01';
        let sum = 0;
        for (let i = 0; i < 12; i += 1) {
          sum += monthlyCharge({ month, start: '2025-06-01', end: null, annualRentCents: annual, serviceChargesCents: 0 }).rentCents;
          month = nextMonth(month);
        }
        expect(sum).toBe(annual);
      }),
    );
  });
});
