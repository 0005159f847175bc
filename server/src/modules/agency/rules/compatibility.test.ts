import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compatibility, type ListingFacts, maxAffordableRent, type SeekerFacts } from './compatibility.js';

const seeker = (o: Partial<SeekerFacts>): SeekerFacts => ({
  annualIncomeCents: 2_000_000,
  maxRentCents: null,
  minBedrooms: 2,
  preferredZones: ['C'],
  accessibilityNeeds: [],
  hasPets: false,
  wantedFrom: '2026-12-01',
  ...o,
});
const listing = (o: Partial<ListingFacts>): ListingFacts => ({
  rentCents: 40_000,
  expensesCents: 5_000,
  bedrooms: 2,
  zone: 'C',
  accessibility: [],
  petsAllowed: false,
  availableFrom: '2026-11-15',
  ...o,
});
const rule = { shareBp: 3_000, includeExpenses: true };

describe('compatibility, by hand', () => {
  it('20,000 € a year at 30% → 500 €/month; 450 € cost, 2 bedrooms, zone C, available → 20 + 20 + 25 + 15', () => {
    // Headroom (500 − 450) / 500 = 10% = 1,000 bp → 20 + floor(1,000 × 20 / 2,500) = 28 points.
    expect(maxAffordableRent(2_000_000, 3_000)).toBe(50_000);
    const c = compatibility(seeker({}), listing({}), rule, '2026-11-23');
    expect(c).toMatchObject({ compatible: true, ceilingCents: 50_000, costCents: 45_000, score: 28 + 20 + 25 + 15 });
  });

  it('cost above the ceiling, too few bedrooms, missing accessibility or pets make the pair incompatible (score 0)', () => {
    expect(compatibility(seeker({}), listing({ rentCents: 46_000 }), rule, '2026-11-23').compatible).toBe(false);
    expect(compatibility(seeker({}), listing({ bedrooms: 1 }), rule, '2026-11-23').compatible).toBe(false);
    expect(compatibility(seeker({ accessibilityNeeds: ['lift'] }), listing({}), rule, '2026-11-23').score).toBe(0);
    expect(compatibility(seeker({ hasPets: true }), listing({}), rule, '2026-11-23').compatible).toBe(false);
    // Expenses left out of the cost when the ente says so.
    expect(compatibility(seeker({}), listing({ rentCents: 46_000 }), { ...rule, includeExpenses: false }, '2026-11-23').compatible).toBe(true);
  });
});

describe('compatibility, properties', () => {
  const arbS = fc.record({
    annualIncomeCents: fc.integer({ min: 0, max: 10_000_000 }),
    maxRentCents: fc.constant(null),
    minBedrooms: fc.integer({ min: 0, max: 4 }),
    preferredZones: fc.subarray(['A', 'B', 'C', 'D']),
    accessibilityNeeds: fc.subarray(['lift', 'step_free_access']),
    hasPets: fc.boolean(),
    wantedFrom: fc.constant(null),
  });
  const arbL = fc.record({
    rentCents: fc.integer({ min: 1, max: 300_000 }),
    expensesCents: fc.integer({ min: 0, max: 50_000 }),
    bedrooms: fc.integer({ min: 0, max: 5 }),
    zone: fc.constantFrom('A', 'B', 'C', 'D'),
    accessibility: fc.subarray(['lift', 'step_free_access']),
    petsAllowed: fc.boolean(),
    availableFrom: fc.constantFrom('2026-11-01', '2026-12-10', '2027-03-01'),
  });
  it('scores stay in 0…100 and a higher income never turns a compatible pair incompatible', () => {
    fc.assert(
      fc.property(arbS, arbL, fc.integer({ min: 0, max: 5_000_000 }), (s, l, more) => {
        const a = compatibility(s, l, rule, '2026-11-23');
        const b = compatibility({ ...s, annualIncomeCents: s.annualIncomeCents + more }, l, rule, '2026-11-23');
        return a.score >= 0 && a.score <= 100 && (!a.compatible || b.compatible) && (a.compatible || a.score === 0);
      }),
    );
  });
});
