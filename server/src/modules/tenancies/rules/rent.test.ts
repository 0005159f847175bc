import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explainLine } from './explain.js';
import { monthlyInstalments } from './money.js';
import {
  computeRent,
  DEFAULT_ERP_TUSCANY,
  DEFAULT_HOUSING_FIRST,
  DEFAULT_SUSTAINABLE_SHARE,
  type ErpTuscanyParams,
  type RentInput,
  type RentRuleParams,
  ruleInForce,
} from './rent.js';

const input = (o: Partial<RentInput>): RentInput => ({
  annualIncomeCents: 0,
  protectedIncomeOnly: true,
  iseeCents: null,
  dependants: 0,
  surfaceM2Tenths: 625,
  ...o,
});

describe('Tuscan ERP rule, by hand', () => {
  it('canone sociale: 12,000 € from a pension → 7% = 840 €/year = 70 €/month', () => {
    // limit = 2 × 7,781.93 € = 15,563.86 €; 12,000 € ≤ limit and protected → 7%.
    // 1,200,000 c × 700 / 10,000 = 84,000 c; ceiling 4 €/m² × 62.5 m² = 250 €/month, not reached.
    const r = computeRent(DEFAULT_ERP_TUSCANY, input({ annualIncomeCents: 1_200_000 }));
    expect(r.category).toBe('canone_sociale');
    expect(r.annualCents).toBe(84_000);
    expect(r.monthlyCents).toBe(7_000);
    expect(r.instalments).toEqual(Array(12).fill(7_000));
    expect(r.lines.map((l) => l.code)).toEqual(['erp_income', 'erp_conventional_income', 'erp_social', 'erp_share', 'erp_valore_locativo', 'instalments_even']);
  });

  it('band 2: 20,000 € → 14% = 2,800 €/year, 12 instalments adding up to the cent', () => {
    // 2,000,000 c > 1,556,386 c; 1,600,000 < 2,000,000 ≤ 2,800,000 → band 2, 14%.
    // 2,000,000 × 1,400 / 10,000 = 280,000 c; 280,000 / 12 = 23,333 rem 4 → 4 × 23,334 + 8 × 23,333.
    const r = computeRent(DEFAULT_ERP_TUSCANY, input({ annualIncomeCents: 2_000_000 }));
    expect(r.category).toBe('band_2');
    expect(r.annualCents).toBe(280_000);
    expect(r.instalments.slice(0, 4)).toEqual([23_334, 23_334, 23_334, 23_334]);
    expect(r.instalments.slice(4)).toEqual(Array(8).fill(23_333));
    expect(4 * 23_334 + 8 * 23_333).toBe(280_000);
  });

  it('ceiling: 40,000 € in a 50 m² flat → 16% = 6,400 € but capped at 4 € × 50 m² = 200 €/month', () => {
    // valore locativo = 400 c × 500 tenths × 10,000 bp / 100,000 = 20,000 c/month = 240,000 c/year < 640,000 c.
    const r = computeRent(DEFAULT_ERP_TUSCANY, input({ annualIncomeCents: 4_000_000, surfaceM2Tenths: 500, protectedIncomeOnly: false }));
    expect(r.category).toBe('valore_locativo');
    expect(r.annualCents).toBe(240_000);
    expect(r.monthlyCents).toBe(20_000);
  });

  it('canone minimo: 3,000 € → 7% = 210 €/year, raised to 40 €/month', () => {
    // 300,000 × 700 / 10,000 = 21,000 c < 12 × 4,000 c = 48,000 c.
    const r = computeRent(DEFAULT_ERP_TUSCANY, input({ annualIncomeCents: 300_000 }));
    expect(r.category).toBe('canone_minimo');
    expect(r.annualCents).toBe(48_000);
    expect(r.monthlyCents).toBe(4_000);
  });

  it('low income not only from protected sources → band 1 (12%), not the canone sociale', () => {
    // 1,000,000 × 1,200 / 10,000 = 120,000 c = 100 €/month.
    const r = computeRent(DEFAULT_ERP_TUSCANY, input({ annualIncomeCents: 1_000_000, protectedIncomeOnly: false }));
    expect(r.category).toBe('band_1');
    expect(r.annualCents).toBe(120_000);
    expect(r.lines.map((l) => l.code)).toContain('erp_band_not_protected');
  });

  it('family-load deduction can bring the income under the social limit', () => {
    // 17,000 € − 2 × 1,000 € = 15,000 € ≤ 15,563.86 € → 7% of 1,500,000 = 105,000 c.
    const p: ErpTuscanyParams = { ...DEFAULT_ERP_TUSCANY, dependantDeductionCents: 100_000 };
    const r = computeRent(p, input({ annualIncomeCents: 1_700_000, dependants: 2 }));
    expect(r.category).toBe('canone_sociale');
    expect(r.annualCents).toBe(105_000);
  });

  it('rounds each percentage to the cent, halves up', () => {
    // 1,234,567 × 700 / 10,000 = 86,419.69 → 86,420 c.
    expect(computeRent(DEFAULT_ERP_TUSCANY, input({ annualIncomeCents: 1_234_567 })).annualCents).toBe(86_420);
    // 1,000,050 × 700 / 10,000 = 70,003.5 → 70,004 c (half up).
    expect(computeRent(DEFAULT_ERP_TUSCANY, input({ annualIncomeCents: 1_000_050 })).annualCents).toBe(70_004);
  });

  it('explains every line in Italian and English', () => {
    const r = computeRent(DEFAULT_ERP_TUSCANY, input({ annualIncomeCents: 2_000_000 }));
    // Intl separates the euro sign with a no-break space (and groups Italian thousands from 10.000).
    const plain = (s: string) => s.replace(/\u00a0|\u202f/g, ' ');
    const it_ = r.lines.map((l) => plain(explainLine(l, 'it')));
    expect(it_[0]).toBe('Reddito imponibile annuo del nucleo: 20.000,00 €.');
    expect(it_).toContain("14% di 20.000,00 € = 2800,00 € all'anno (arrotondato al centesimo).");
    expect(plain(explainLine(r.lines[0] as never, 'en'))).toBe("Household's yearly taxable income: €20,000.00.");
  });
});

describe('sustainable share and Housing First, by hand', () => {
  it('collaborative housing: 15% of 18,000 € = 2,700 €/year = 225 €/month', () => {
    const r = computeRent(DEFAULT_SUSTAINABLE_SHARE, input({ annualIncomeCents: 1_800_000 }));
    expect(r.annualCents).toBe(270_000);
    expect(r.monthlyCents).toBe(22_500);
  });

  it('collaborative housing: floor 50 €/month and cap 350 €/month', () => {
    // 15% of 2,000 € = 300 € < 600 € (12 × 50 €); 15% of 40,000 € = 6,000 € > 4,200 € (12 × 350 €).
    expect(computeRent(DEFAULT_SUSTAINABLE_SHARE, input({ annualIncomeCents: 200_000 })).annualCents).toBe(60_000);
    expect(computeRent(DEFAULT_SUSTAINABLE_SHARE, input({ annualIncomeCents: 4_000_000 })).annualCents).toBe(420_000);
  });

  it('ISEE base: 20% of an ISEE of 9,000 € = 1,800 €/year; without ISEE the income is used', () => {
    const p = { ...DEFAULT_SUSTAINABLE_SHARE, base: 'isee' as const, shareBp: 2_000 };
    expect(computeRent(p, input({ annualIncomeCents: 1_500_000, iseeCents: 900_000 })).annualCents).toBe(180_000);
    const noIsee = computeRent(p, input({ annualIncomeCents: 1_500_000 }));
    expect(noIsee.annualCents).toBe(300_000);
    expect(noIsee.lines[0]?.code).toBe('share_base_income_no_isee');
  });

  it('Housing First: fixed 50 €/month = 600 €/year; income share 10% of 6,000 € = 600 €/year', () => {
    expect(computeRent({ ...DEFAULT_HOUSING_FIRST, mode: 'fixed' }, input({ annualIncomeCents: 9_999_999 })).annualCents).toBe(60_000);
    expect(computeRent(DEFAULT_HOUSING_FIRST, input({ annualIncomeCents: 600_000 })).annualCents).toBe(60_000);
    expect(computeRent(DEFAULT_HOUSING_FIRST, input({ annualIncomeCents: 0 })).annualCents).toBe(0);
  });
});

describe('rule versions', () => {
  it('picks the latest version that started on or before the day', () => {
    const v = [
      { id: 'a', effectiveFrom: '2024-01-01' },
      { id: 'b', effectiveFrom: '2025-01-01' },
      { id: 'c', effectiveFrom: '2026-01-01' },
    ];
    expect(ruleInForce(v, '2023-12-31')).toBeUndefined();
    expect(ruleInForce(v, '2025-06-30')?.id).toBe('b');
    expect(ruleInForce(v, '2026-01-01')?.id).toBe('c');
  });
});

// ---- properties ----

const bandsArb = fc
  .tuple(
    fc.integer({ min: 0, max: 800 }),
    fc.array(fc.integer({ min: 0, max: 600 }), { minLength: 1, maxLength: 4 }),
    fc.array(fc.integer({ min: 100_000, max: 2_000_000 }), { minLength: 4, maxLength: 4 }),
  )
  .map(([social, steps, limits]) => {
    let bp = social;
    let limit = 0;
    const bands = steps.map((s, i) => {
      bp += s;
      limit += limits[i] as number;
      return { upToCents: i === steps.length - 1 ? null : limit, bp };
    });
    return { socialBp: social, bands };
  });

const erpArb: fc.Arbitrary<ErpTuscanyParams> = fc
  .record({
    b: bandsArb,
    minimumRentCents: fc.integer({ min: 0, max: 10_000 }),
    dependantDeductionCents: fc.integer({ min: 0, max: 300_000 }),
    valoreLocativoCoefficientBp: fc.integer({ min: 5_000, max: 15_000 }),
  })
  .map(({ b, ...rest }) => ({ ...DEFAULT_ERP_TUSCANY, ...rest, socialBp: b.socialBp, bands: b.bands }));

const inputArb = fc.record({
  annualIncomeCents: fc.integer({ min: 0, max: 15_000_000 }),
  protectedIncomeOnly: fc.boolean(),
  iseeCents: fc.option(fc.integer({ min: 0, max: 6_000_000 }), { nil: null }),
  dependants: fc.integer({ min: 0, max: 6 }),
  surfaceM2Tenths: fc.integer({ min: 150, max: 2_000 }),
});

const anyRuleArb: fc.Arbitrary<RentRuleParams> = fc.oneof(
  erpArb,
  fc
    .record({
      base: fc.constantFrom('income' as const, 'isee' as const),
      shareBp: fc.integer({ min: 0, max: 5_000 }),
      floorCents: fc.integer({ min: 0, max: 10_000 }),
      capCents: fc.integer({ min: 0, max: 100_000 }),
    })
    .map((r) => ({ kind: 'sustainable_share' as const, ...r })),
  fc
    .record({
      mode: fc.constantFrom('fixed' as const, 'income_share' as const),
      fixedCents: fc.integer({ min: 0, max: 50_000 }),
      shareBp: fc.integer({ min: 0, max: 5_000 }),
      floorCents: fc.integer({ min: 0, max: 10_000 }),
      capCents: fc.integer({ min: 0, max: 100_000 }),
    })
    .map((r) => ({ kind: 'housing_first' as const, ...r })),
);

describe('rent properties', () => {
  it('ERP rent never decreases when income grows (bands non-decreasing, social ≤ first band)', () => {
    fc.assert(
      fc.property(erpArb, inputArb, fc.integer({ min: 0, max: 5_000_000 }), (p, i, more) => {
        const low = computeRent(p, i).annualCents;
        const high = computeRent(p, { ...i, annualIncomeCents: i.annualIncomeCents + more }).annualCents;
        expect(high).toBeGreaterThanOrEqual(low);
      }),
    );
  });

  it('ERP rent never increases with more dependants', () => {
    fc.assert(
      fc.property(erpArb, inputArb, (p, i) => {
        expect(computeRent(p, { ...i, dependants: i.dependants + 1 }).annualCents).toBeLessThanOrEqual(computeRent(p, i).annualCents);
      }),
    );
  });

  it('share rules never decrease when their base grows', () => {
    fc.assert(
      fc.property(
        anyRuleArb.filter((r) => r.kind !== 'erp_tuscany'),
        inputArb,
        fc.integer({ min: 0, max: 5_000_000 }),
        (p, i, more) => {
          const grown = { ...i, annualIncomeCents: i.annualIncomeCents + more, iseeCents: i.iseeCents === null ? null : i.iseeCents + more };
          expect(computeRent(p, grown).annualCents).toBeGreaterThanOrEqual(computeRent(p, i).annualCents);
        },
      ),
    );
  });

  it('the rent stays within floor and cap (the floor wins when they cross)', () => {
    fc.assert(
      fc.property(anyRuleArb, inputArb, (p, i) => {
        const r = computeRent(p, i);
        if (p.kind === 'erp_tuscany') {
          const cap = Math.round((p.valoreLocativoM2Cents * i.surfaceM2Tenths * p.valoreLocativoCoefficientBp) / 100_000);
          expect(r.annualCents).toBeGreaterThanOrEqual(12 * p.minimumRentCents);
          expect(r.annualCents).toBeLessThanOrEqual(Math.max(12 * p.minimumRentCents, 12 * cap));
        } else if (p.kind === 'housing_first' && p.mode === 'fixed') {
          expect(r.annualCents).toBe(12 * p.fixedCents);
        } else {
          expect(r.annualCents).toBeGreaterThanOrEqual(12 * p.floorCents);
          expect(r.annualCents).toBeLessThanOrEqual(Math.max(12 * p.floorCents, 12 * p.capCents));
        }
      }),
    );
  });

  it('12 instalments add up to the yearly rent exactly and differ by at most one cent', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000 }), (annual) => {
        const parts = monthlyInstalments(annual);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(annual);
        expect(Math.max(...parts) - Math.min(...parts)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('every explanation line has a sentence in both languages, and the last one states the instalments', () => {
    fc.assert(
      fc.property(anyRuleArb, inputArb, (p, i) => {
        const r = computeRent(p, i);
        for (const line of r.lines) {
          expect(explainLine(line, 'it')).not.toBe(line.code);
          expect(explainLine(line, 'en')).not.toBe(line.code);
        }
        expect(r.lines.at(-1)?.code).toMatch(/^instalments_/);
      }),
    );
  });
});
