import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.js';
import { ageOn, deriveFacts, type Facts } from './facts.js';
import { RulesSchema } from './format.js';
import { PRESET_CODES, presetRules } from './presets.js';
import { rank } from './rank.js';

const erp = presetRules('erp_toscana');

/** An applicant meeting every ERP access requirement, before the facts under test. */
const eligible: Facts = {
  'applicant.citizenshipOk': true,
  'applicant.residesOrWorks': true,
  'household.criminalConviction': false,
  'household.ownsAdequateProperty': false,
  'household.propertyValue': 0,
  'household.movableAssets': 0,
};

function erpFacts(declared: Facts, members: { birthDate: string }[] = [], applicantBirthDate = '1980-05-05'): Facts {
  return deriveFacts({
    applicantBirthDate,
    members: members.map((m) => ({ givenName: 'X', familyName: 'Y', relationship: 'other', ...m })),
    referenceDay: '2026-03-01',
    declared: { ...eligible, ...declared },
  });
}

const pointsOf = (e: ReturnType<typeof evaluate>) => Object.fromEntries(e.criteria.filter((c) => c.points > 0).map((c) => [c.code, c.points]));

describe('Tuscan ERP preset, hand-computed', () => {
  it('A: low ISEE, elderly and disabled member, 45% rent burden, eviction, overcrowding, barriers, 25 years', () => {
    const e = evaluate(
      erp,
      erpFacts(
        {
          'household.isee': 4500,
          'household.disabledMember': true,
          'housing.rentBurdenPct': 45,
          'housing.eviction': true,
          'housing.overcrowded': true,
          'housing.barriers': true,
          'applicant.residenceYears': 25,
        },
        [{ birthDate: '1950-01-01' }],
      ),
    );
    // a) low_isee 2 + elderly 1 + disabled_member 2 + rent_burden (45% ≥ 40%) 3 = 8
    // b) eviction 3 + overcrowding 2 + barriers 1 = 6 (= cap 6)
    // c) storicità (25 > 20 years) 4
    // total 8 + 6 + 4 = 18
    expect(e.eligible).toBe(true);
    expect(pointsOf(e)).toEqual({ low_isee: 2, elderly: 1, disabled_member: 2, rent_burden: 3, eviction: 3, overcrowding: 2, barriers: 1, storicita: 4 });
    expect(e.groups.map((g) => g.points)).toEqual([8, 6, 4]);
    expect(e.score).toBe(18);
  });

  it('B: three dependent children (capped at 2), single parent, 30% burden, improper dwelling beats overcrowding, eviction, 12 years', () => {
    const e = evaluate(
      erp,
      erpFacts({
        'household.isee': 12000,
        'household.dependentChildren': 3,
        'household.singleParent': true,
        'housing.rentBurdenPct': 30,
        'housing.improper': true,
        'housing.overcrowded': true,
        'housing.eviction': true,
        'applicant.residenceYears': 12,
      }),
    );
    // a) dependent_children min(3 × 1, 2) = 2 + single_parent 1 + rent_burden (30%) 2 = 5
    // b) eviction 3 + improper_dwelling 3 = 6; overcrowding (2) loses to improper_dwelling (3) in the exclusive set "dwelling"
    // c) storicità 12 years (≥ 10) 2
    // total 5 + 6 + 2 = 13
    expect(e.score).toBe(13);
    expect(pointsOf(e)).toEqual({ dependent_children: 2, single_parent: 1, rent_burden: 2, eviction: 3, improper_dwelling: 3, storicita: 2 });
    expect(e.criteria.find((c) => c.code === 'overcrowding')).toMatchObject({ status: 'exclusive_lost', raw: 2, points: 0, lostTo: 'improper_dwelling' });
  });

  it('C: housing group capped at 6; 2 years of residence give nothing; 29% burden gives nothing', () => {
    const e = evaluate(
      erp,
      erpFacts({
        'household.isee': 7000,
        'housing.eviction': true,
        'housing.improper': true,
        'housing.barriers': true,
        'applicant.residenceYears': 2,
        'housing.rentBurdenPct': 29,
      }),
    );
    // b) eviction 3 + improper 3 = 6 reaches the cap; barriers (1) is cut to 0. a) 0, c) 0 → 6
    expect(e.score).toBe(6);
    expect(e.groups.find((g) => g.code === 'b')).toEqual({ code: 'b', raw: 7, cap: 6, points: 6 });
    expect(e.criteria.find((c) => c.code === 'barriers')).toMatchObject({ status: 'capped', raw: 1, points: 0 });
    expect(e.criteria.find((c) => c.code === 'storicita')).toMatchObject({ status: 'not_met', points: 0 });
  });

  it('D: ISEE 17,000 € is above the 16,500 € limit: not eligible; a missing declaration is not met', () => {
    const e = evaluate(erp, erpFacts({ 'household.isee': 17000, 'applicant.residenceYears': 3 }));
    expect(e.eligible).toBe(false);
    expect(e.failed).toEqual(['isee_max']);
    // storicità 3 years → 1 (verified lower bound)
    expect(e.score).toBe(1);
    const { 'applicant.citizenshipOk': _, ...withoutCitizenship } = erpFacts({ 'household.isee': 5000 });
    const missing = evaluate(erp, withoutCitizenship);
    expect(missing.failed).toEqual(['citizenship']);
    expect(missing.requirements[0]).toEqual({ code: 'citizenship', met: false, missing: ['applicant.citizenshipOk'] });
  });

  it('E: a criterion the office rejects counts 0; a disabled criterion (storicità switched off) too', () => {
    const facts = erpFacts({ 'household.isee': 5000, 'housing.eviction': true, 'applicant.residenceYears': 30 });
    // low_isee 2 + eviction 3 + storicità 4 = 9
    expect(evaluate(erp, facts).score).toBe(9);
    // eviction not proven: 2 + 4 = 6
    const rejected = evaluate(erp, facts, { rejected: new Set(['eviction']) });
    expect(rejected.score).toBe(6);
    expect(rejected.criteria.find((c) => c.code === 'eviction')?.status).toBe('rejected');
    const off = RulesSchema.parse({ ...erp, criteria: erp.criteria.map((c) => (c.code === 'storicita' ? { ...c, enabled: false } : c)) });
    // 2 + 3 = 5
    expect(evaluate(off, facts).score).toBe(5);
  });

  it('tie-break (art. 10 c. 6): lower ISEE first, then older, then a draw by lot recorded by seed', () => {
    const entry = (id: string, isee: number, birth: string) => ({
      id,
      protocol: `2026/${id}`,
      score: 10,
      eligible: true,
      exclusion: null,
      failed: null,
      facts: erpFacts({ 'household.isee': isee }, [], birth),
    });
    const r1 = rank([entry('b', 6000, '1970-01-01'), entry('a', 4500, '1970-01-01')], erp, 's');
    expect(r1.ranked.map((x) => x.id)).toEqual(['a', 'b']);
    expect(r1.ranked[0]?.tieBrokenBy).toBe('tieBreak.0');
    const r2 = rank([entry('d', 5000, '1962-07-15'), entry('c', 5000, '1950-03-01')], erp, 's');
    expect(r2.ranked.map((x) => x.id)).toEqual(['c', 'd']);
    expect(r2.ranked[1]?.tieBrokenBy).toBe('tieBreak.1');
    const r3 = rank([entry('e', 5000, '1960-01-01'), entry('f', 5000, '1960-01-01')], erp, 'seed-1');
    expect(r3.ranked[0]?.tieBrokenBy).toBe('lot');
    // Same seed, same draw.
    expect(rank([entry('f', 5000, '1960-01-01'), entry('e', 5000, '1960-01-01')], erp, 'seed-1').ranked.map((x) => x.id)).toEqual(r3.ranked.map((x) => x.id));
  });
});

describe('derived facts', () => {
  it('counts whole years on the reference day', () => {
    expect(ageOn('2000-03-01', '2026-02-28')).toBe(25);
    expect(ageOn('2000-03-01', '2026-03-01')).toBe(26);
    expect(ageOn('1990-12-31', '2026-01-01')).toBe(35);
    const f = deriveFacts({
      applicantBirthDate: '1958-06-10',
      members: [
        { givenName: 'A', familyName: 'B', relationship: 'child', birthDate: '2012-01-01' },
        { givenName: 'C', familyName: 'D', relationship: 'spouse', birthDate: '1960-01-01' },
      ],
      referenceDay: '2026-03-01',
      declared: {},
    });
    expect(f).toMatchObject({ 'applicant.age': 67, 'household.size': 3, 'household.minors': 1, 'household.elderly': 2 });
  });
});

describe('rules format', () => {
  it('every preset is valid', () => {
    for (const code of PRESET_CODES) {
      expect(RulesSchema.safeParse(presetRules(code)).success).toBe(true);
    }
  });

  it('names the path of each mistake', () => {
    const bad = structuredClone(erp) as unknown as Record<string, unknown[]>;
    (bad.criteria as Record<string, unknown>[])[0] = {
      code: 'x',
      label: { it: 'x', en: 'x' },
      group: 'zz',
      points: 1,
      when: { fact: 'nope', op: 'eq', value: 1 },
    };
    (bad.criteria as Record<string, unknown>[])[1] = {
      code: 'y',
      label: { it: 'y', en: 'y' },
      group: 'a',
      points: 1,
      when: { fact: 'household.isee', op: 'eq', value: true },
    };
    const r = RulesSchema.safeParse(bad);
    expect(r.success).toBe(false);
    const issues = r.error?.issues.map((i) => `${i.path.join('.')}:${i.message}`) ?? [];
    expect(issues).toContain('criteria.0.group:calls.rules.unknown_group');
    expect(issues).toContain('criteria.0.when.fact:calls.rules.unknown_fact');
    expect(issues).toContain('criteria.1.when:calls.rules.value_kind');
  });
});

// --- properties -----------------------------------------------------------------------------

const factsArb = fc.record({
  'applicant.citizenshipOk': fc.boolean(),
  'applicant.residesOrWorks': fc.boolean(),
  'household.criminalConviction': fc.boolean(),
  'household.ownsAdequateProperty': fc.boolean(),
  'household.propertyValue': fc.integer({ min: 0, max: 60000 }),
  'household.movableAssets': fc.integer({ min: 0, max: 60000 }),
  'household.isee': fc.integer({ min: 0, max: 30000 }),
  'household.elderly': fc.integer({ min: 0, max: 3 }),
  'household.disabledMember': fc.boolean(),
  'household.dependentChildren': fc.integer({ min: 0, max: 6 }),
  'household.singleParent': fc.boolean(),
  'housing.rentBurdenPct': fc.integer({ min: 0, max: 90 }),
  'housing.eviction': fc.boolean(),
  'housing.improper': fc.boolean(),
  'housing.overcrowded': fc.boolean(),
  'housing.barriers': fc.boolean(),
  'applicant.residenceYears': fc.integer({ min: 0, max: 40 }),
  'applicant.birthDate': fc.constantFrom('1950-01-01', '1960-06-01', '1975-02-02', '1990-09-09'),
  'applicant.age': fc.integer({ min: 16, max: 90 }),
  'applicant.motivation': fc.integer({ min: 0, max: 10 }),
  'applicant.vulnerability': fc.boolean(),
  'applicant.participatoryPath': fc.boolean(),
  'applicant.familySupport': fc.constantFrom('present', 'ending', 'none'),
  'applicant.disability': fc.constantFrom('none', 'mild', 'severe'),
});
const presetArb = fc.constantFrom(...PRESET_CODES).map((c) => presetRules(c));
const cents = (n: number) => Math.round(n * 100);

describe('evaluator properties', () => {
  it('the explanation sums to the score, per criterion and per group, and caps hold', () => {
    fc.assert(
      fc.property(presetArb, factsArb, fc.subarray(['eviction', 'low_isee', 'motivation', 'no_family']), (rules, facts, rejected) => {
        const e = evaluate(rules, facts, { rejected: new Set(rejected) });
        expect(e.criteria.reduce((s, c) => s + cents(c.points), 0)).toBe(cents(e.score));
        expect(e.groups.reduce((s, g) => s + cents(g.points), 0)).toBe(cents(e.score));
        for (const g of e.groups) {
          if (g.cap !== null) {
            expect(g.points).toBeLessThanOrEqual(g.cap);
          }
        }
        expect(e.score).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});

const entriesArb = fc.uniqueArray(fc.record({ id: fc.uuid(), score: fc.integer({ min: 0, max: 8 }), facts: factsArb }), {
  minLength: 1,
  maxLength: 30,
  selector: (e) => e.id,
});
const toInputs = (xs: { id: string; score: number; facts: Facts }[]) =>
  xs.map((x, i) => ({
    id: x.id,
    protocol: `2026/${String(i).padStart(6, '0')}`,
    score: x.score,
    eligible: true,
    exclusion: null,
    failed: null,
    facts: x.facts,
  }));

describe('ranking properties', () => {
  it('is deterministic (input order does not matter) and total (positions 1..n, each once)', () => {
    fc.assert(
      fc.property(presetArb, entriesArb, fc.string(), (rules, xs, seed) => {
        const inputs = toInputs(xs);
        const a = rank(inputs, rules, seed).ranked;
        const b = rank([...inputs].reverse(), rules, seed).ranked;
        expect(b).toEqual(a);
        expect(a.map((x) => x.position)).toEqual(inputs.map((_, i) => i + 1));
        expect(new Set(a.map((x) => x.id)).size).toBe(inputs.length);
        for (let i = 1; i < a.length; i++) {
          expect(a[i - 1]!.score).toBeGreaterThanOrEqual(a[i]!.score);
        }
      }),
    );
  });

  it('adding points never lowers a position', () => {
    fc.assert(
      fc.property(presetArb, entriesArb, fc.nat(), fc.integer({ min: 1, max: 5 }), (rules, xs, pick, extra) => {
        const inputs = toInputs(xs);
        const target = inputs[pick % inputs.length]!;
        const before = rank(inputs, rules, 'x').ranked.find((r) => r.id === target.id)!.position;
        const boosted = inputs.map((x) => (x.id === target.id ? { ...x, score: x.score + extra } : x));
        const after = rank(boosted, rules, 'x').ranked.find((r) => r.id === target.id)!.position;
        expect(after).toBeLessThanOrEqual(before);
      }),
    );
  });
});
