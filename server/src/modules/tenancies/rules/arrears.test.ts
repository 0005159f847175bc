import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ArrearsInput, assessArrears } from './arrears.js';
import { explainLine } from './explain.js';

const base: ArrearsInput = {
  today: '2026-11-23',
  balanceCents: 0,
  balanceWindowAgoCents: 0,
  monthlyDueCents: 10_000,
  lastPaymentDate: '2026-11-05',
  tenancyStart: '2024-01-01',
  incomeCents: null,
  previousIncomeCents: null,
};

describe('arrears early warning, by hand', () => {
  it('no debt → score 0, level none', () => {
    const a = assessArrears(base);
    expect(a).toMatchObject({ score: 0, level: 'none', monthsInArrears: 0 });
    expect(explainLine(a.lines[0] as never, 'it')).toBe('Nessun arretrato.');
  });

  it('three months owed, growing by 2 months over 3 months, no payment for 100 days → 45 + 20 + 15 = 80, critical', () => {
    const a = assessArrears({ ...base, balanceCents: 30_000, balanceWindowAgoCents: 10_000, lastPaymentDate: '2026-08-15' });
    // months: 30,000 / 10,000 = 3 → 3 × 15 = 45; trend 20,000 ≥ 10,000 → 20; 100 days > 60 → 15.
    expect(a.score).toBe(80);
    expect(a.level).toBe('critical');
    expect(a.lines.map((l) => l.code)).toEqual(['arrears_months', 'arrears_trend', 'arrears_no_payment']);
  });

  it('half a month owed, paying regularly → 8 points (watch threshold 15 not reached)', () => {
    const a = assessArrears({ ...base, balanceCents: 5_000, balanceWindowAgoCents: 5_000 });
    expect(a.score).toBe(8); // round(0.5 × 15) = 7.5 → 8
    expect(a.level).toBe('none');
  });

  it('an income drop of 40% adds 15 points even without debt', () => {
    const a = assessArrears({ ...base, incomeCents: 600_000, previousIncomeCents: 1_000_000 });
    expect(a.score).toBe(15);
    expect(a.level).toBe('watch');
  });
});

describe('arrears and payment plans', () => {
  it('each missed instalment adds 10 points, up to 20', () => {
    expect(assessArrears({ ...base, missedInstalments: 1 }).score).toBe(10);
    expect(assessArrears({ ...base, missedInstalments: 5 }).lines.map((l) => l.code)).toEqual(['arrears_plan_missed']);
    expect(assessArrears({ ...base, missedInstalments: 5 }).score).toBe(20);
  });
});

describe('arrears properties', () => {
  it('the score is within 0–100 and never falls when the debt grows', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -50_000, max: 500_000 }),
        fc.integer({ min: 0, max: 200_000 }),
        fc.integer({ min: 1, max: 100_000 }),
        (balance, more, due) => {
          const a = assessArrears({ ...base, balanceCents: balance, monthlyDueCents: due, balanceWindowAgoCents: 0 });
          const b = assessArrears({ ...base, balanceCents: balance + more, monthlyDueCents: due, balanceWindowAgoCents: 0 });
          expect(a.score).toBeGreaterThanOrEqual(0);
          expect(b.score).toBeLessThanOrEqual(100);
          expect(b.score).toBeGreaterThanOrEqual(a.score);
        },
      ),
    );
  });
});
