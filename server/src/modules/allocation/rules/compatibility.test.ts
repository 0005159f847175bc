import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACCESSIBILITY, type Answers, ageOn, DEFAULT_CONFIG, GENDERS, GUESTS, RHYTHMS, scorePair, scorePlace } from './compatibility.js';

const base: Answers = {
  gender: 'F',
  rhythm: 'regular',
  smoker: false,
  acceptsSmoker: false,
  hasPets: false,
  acceptsPets: true,
  tidiness: 4,
  noise: 2,
  guests: 'sometimes',
  languages: ['it', 'en'],
  interests: ['music', 'cooking'],
  cohabitantGender: 'any',
  cohabitantAgeMin: null,
  cohabitantAgeMax: null,
  neighbourhoods: [],
  accessibilityNeeds: [],
};
const p = (o: Partial<Answers> = {}, age = 25) => ({ answers: { ...base, ...o }, age });

describe('scorePair', () => {
  it('scores identical people with every factor at full weight', () => {
    const r = scorePair(p(), p({ interests: ['music', 'cooking', 'hiking'] }));
    expect(r).toEqual({
      allowed: true,
      score: 20 + 12 + 10 + 10 + 6 + 6 + 6 + 8,
      factors: { base: 20, rhythm: 12, tidiness: 10, noise: 10, guests: 6, languages: 6, interests: 6, age: 8 },
    });
  });

  it('computes each factor by hand', () => {
    const r = scorePair(p({ rhythm: 'early', tidiness: 1, noise: 3, guests: 'often', languages: ['it'], interests: [] }, 22), p({ rhythm: 'regular' }, 29));
    // rhythm one step: 6; tidiness |1-4|=3: 10*1/4 → 2; noise |3-2|=1: 10*3/4 → 7; guests one step: 3;
    // languages 1 shared: 3; interests 0; age |22-29|=7: 8*3/10 → 2
    expect(r).toEqual({
      allowed: true,
      score: 20 + 6 + 2 + 7 + 3 + 3 + 0 + 2,
      factors: { base: 20, rhythm: 6, tidiness: 2, noise: 7, guests: 3, languages: 3, interests: 0, age: 2 },
    });
  });

  it('forbids pairs with incompatible answers, naming each reason', () => {
    expect(scorePair(p({ smoker: true }), p())).toEqual({ allowed: false, reasons: ['smoking'] });
    expect(scorePair(p({ hasPets: true }), p({ acceptsPets: false }))).toEqual({ allowed: false, reasons: ['pets'] });
    expect(scorePair(p({ cohabitantGender: 'F' }), p({ gender: 'M' }))).toEqual({ allowed: false, reasons: ['gender'] });
    expect(scorePair(p({ cohabitantAgeMax: 25 }, 24), p({}, 30))).toEqual({ allowed: false, reasons: ['age'] });
    expect(scorePair(p({ languages: ['it'] }), p({ languages: ['en'] }))).toEqual({ allowed: false, reasons: ['language'] });
    expect(scorePair(p({ smoker: true, acceptsSmoker: true }), p({ acceptsSmoker: true })).allowed).toBe(true);
  });

  it('drops a hard constraint switched off in the call settings', () => {
    const config = { ...DEFAULT_CONFIG, hard: { ...DEFAULT_CONFIG.hard, smoking: false } };
    expect(scorePair(p({ smoker: true }), p(), config).allowed).toBe(true);
  });

  const answers = fc.record({
    gender: fc.constantFrom(...GENDERS),
    rhythm: fc.constantFrom(...RHYTHMS),
    smoker: fc.boolean(),
    acceptsSmoker: fc.boolean(),
    hasPets: fc.boolean(),
    acceptsPets: fc.boolean(),
    tidiness: fc.integer({ min: 1, max: 5 }),
    noise: fc.integer({ min: 1, max: 5 }),
    guests: fc.constantFrom(...GUESTS),
    languages: fc.subarray(['it', 'en', 'fr', 'ar', 'ro'], { minLength: 1 }),
    interests: fc.subarray(['music', 'sport', 'cooking', 'books', 'games']),
    cohabitantGender: fc.constantFrom('any' as const, ...GENDERS),
    cohabitantAgeMin: fc.option(fc.integer({ min: 18, max: 26 })),
    cohabitantAgeMax: fc.option(fc.integer({ min: 27, max: 35 })),
    neighbourhoods: fc.constant([] as string[]),
    accessibilityNeeds: fc.subarray([...ACCESSIBILITY]),
  });
  const person = fc.record({ answers, age: fc.integer({ min: 18, max: 35 }) });

  it('is symmetric, integer, bounded, and its factors add up to the score (property)', () => {
    const max = Object.values(DEFAULT_CONFIG.weights).reduce((s, x) => s + x, 0);
    fc.assert(
      fc.property(person, person, (a, b) => {
        const ab = scorePair(a, b);
        expect(scorePair(b, a)).toEqual(ab);
        if (ab.allowed) {
          expect(Number.isInteger(ab.score)).toBe(true);
          expect(ab.score).toBe(Object.values(ab.factors).reduce((s, x) => s + x, 0));
          expect(ab.score).toBeGreaterThanOrEqual(DEFAULT_CONFIG.weights.base);
          expect(ab.score).toBeLessThanOrEqual(max);
        } else {
          expect(ab.reasons.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('never scores a pair higher after a worse answer on a graded factor (property)', () => {
    fc.assert(
      fc.property(person, fc.integer({ min: 1, max: 5 }), (a, t) => {
        const b = { ...a, answers: { ...a.answers, tidiness: t } };
        const same = scorePair(a, a);
        const other = scorePair(a, b);
        if (same.allowed && other.allowed) {
          expect(other.factors.tidiness).toBeLessThanOrEqual(same.factors.tidiness as number);
        }
      }),
    );
  });
});

describe('scorePlace', () => {
  const flat = { neighbourhood: 'San Vito', bedrooms: 2, surfaceM2: 70, accessibility: ['lift'] };
  it('refuses a flat without a needed feature or a second bedroom', () => {
    expect(scorePlace({ ...base, accessibilityNeeds: ['step_free_access'] }, base, flat)).toEqual({ allowed: false, reasons: ['accessibility'] });
    expect(scorePlace(base, base, { ...flat, bedrooms: 1 })).toEqual({ allowed: false, reasons: ['size'] });
  });
  it('adds the neighbourhood wishes and the size', () => {
    expect(scorePlace({ ...base, neighbourhoods: ['san vito'] }, { ...base, neighbourhoods: ['Pontetetto'] }, { ...flat, surfaceM2: 35 })).toEqual({
      allowed: true,
      score: 20 + 10 + 3,
      factors: { base: 20, neighbourhood: 10, size: 3 },
    });
    expect(scorePlace(base, base, flat)).toEqual({ allowed: true, score: 20 + 10 + 6, factors: { base: 20, neighbourhood: 10, size: 6 } });
  });
});

describe('ageOn', () => {
  it('counts whole years', () => {
    expect(ageOn('2000-06-15', '2026-06-14')).toBe(25);
    expect(ageOn('2000-06-15', '2026-06-15')).toBe(26);
  });
});
