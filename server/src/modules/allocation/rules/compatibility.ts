// Compatibility of two young people who would share a flat, and fit of a pair with a flat. Pure:
// plain data in, an integer score with the contribution of each factor out (the engine needs
// integer weights; the factors add up to the score). Hard constraints make a pair forbidden.
import { z } from 'zod';

export const RHYTHMS = ['early', 'regular', 'late'] as const;
export const GUESTS = ['rarely', 'sometimes', 'often'] as const;
export const GENDERS = ['F', 'M', 'X'] as const;
export const ACCESSIBILITY = ['step_free_access', 'lift', 'accessible_bathroom', 'wheelchair_turning_space'] as const;

export const Answers = z
  .object({
    gender: z.enum(GENDERS).describe('Own gender'),
    rhythm: z.enum(RHYTHMS).describe('Daily rhythm'),
    smoker: z.boolean().describe('Smokes at home'),
    acceptsSmoker: z.boolean().describe('Would live with someone who smokes at home'),
    hasPets: z.boolean(),
    acceptsPets: z.boolean(),
    tidiness: z.number().int().min(1).max(5).describe('1 relaxed … 5 very tidy'),
    noise: z.number().int().min(1).max(5).describe('1 needs quiet … 5 lively'),
    guests: z.enum(GUESTS),
    languages: z
      .array(z.string().regex(/^[a-z]{2}$/))
      .min(1)
      .max(10)
      .describe('ISO 639-1 codes'),
    interests: z.array(z.string().min(1).max(40)).max(20),
    cohabitantGender: z.enum(['any', ...GENDERS]).describe('Preferred gender of the cohabitant'),
    cohabitantAgeMin: z.number().int().min(18).max(99).nullable(),
    cohabitantAgeMax: z.number().int().min(18).max(99).nullable(),
    neighbourhoods: z.array(z.string().min(1).max(100)).max(10).describe('Wished neighbourhoods (empty: any)'),
    accessibilityNeeds: z.array(z.enum(ACCESSIBILITY)).max(4),
  })
  .refine((a) => a.cohabitantAgeMin === null || a.cohabitantAgeMax === null || a.cohabitantAgeMin <= a.cohabitantAgeMax, {
    path: ['cohabitantAgeMax'],
    message: 'cohabitantAgeMax < cohabitantAgeMin',
  });
export type Answers = z.infer<typeof Answers>;

const Weight = z.number().int().min(0).max(1000);
export const ScoringConfig = z.object({
  hard: z
    .object({
      smoking: z.boolean().describe('A smoker is never paired with someone who does not accept smoking'),
      pets: z.boolean(),
      gender: z.boolean().describe('The preferred gender of the cohabitant is binding'),
      age: z.boolean().describe('The preferred age range of the cohabitant is binding'),
      language: z.boolean().describe('The two must share a language'),
    })
    .strict(),
  weights: z
    .object({
      base: Weight.describe('Value of any allowed pair (pairing beats leaving people alone)'),
      rhythm: Weight,
      tidiness: Weight,
      noise: Weight,
      guests: Weight,
      languages: Weight,
      interests: Weight,
      age: Weight,
    })
    .strict(),
  place: z.object({ base: Weight, neighbourhood: Weight, size: Weight }).strict(),
});
export type ScoringConfig = z.infer<typeof ScoringConfig>;

export const DEFAULT_CONFIG: ScoringConfig = {
  hard: { smoking: true, pets: true, gender: true, age: true, language: true },
  weights: { base: 20, rhythm: 12, tidiness: 10, noise: 10, guests: 6, languages: 6, interests: 9, age: 8 },
  place: { base: 20, neighbourhood: 10, size: 6 },
};

export interface Person {
  answers: Answers;
  /** Age in whole years on the reference day. */
  age: number;
}

export type HardReason = 'smoking' | 'pets' | 'gender' | 'age' | 'language';
export type PairScore = { allowed: true; score: number; factors: Record<string, number> } | { allowed: false; reasons: HardReason[] };

const steps = (list: readonly string[], a: string, b: string) => Math.abs(list.indexOf(a) - list.indexOf(b));
const shared = (a: readonly string[], b: readonly string[]) => {
  const set = new Set(a.map((x) => x.toLowerCase()));
  return new Set(b.map((x) => x.toLowerCase()).filter((x) => set.has(x))).size;
};

function oneWayHard(x: Person, y: Person, hard: ScoringConfig['hard']): HardReason[] {
  const out: HardReason[] = [];
  if (hard.smoking && y.answers.smoker && !x.answers.acceptsSmoker) {
    out.push('smoking');
  }
  if (hard.pets && y.answers.hasPets && !x.answers.acceptsPets) {
    out.push('pets');
  }
  if (hard.gender && x.answers.cohabitantGender !== 'any' && x.answers.cohabitantGender !== y.answers.gender) {
    out.push('gender');
  }
  const { cohabitantAgeMin: min, cohabitantAgeMax: max } = x.answers;
  if (hard.age && ((min !== null && y.age < min) || (max !== null && y.age > max))) {
    out.push('age');
  }
  return out;
}

/**
 * The compatibility of a and b (symmetric). Every factor is an integer in [0, its weight]:
 * rhythm and guests full when equal, half (rounded down) one step apart; tidiness and noise
 * w·(4 − |difference|)/4; languages w per 2 shared (w/2 for one); interests w·min(shared, 3)/3;
 * age w·max(0, 10 − |difference|)/10; all rounded down, plus the base value of any allowed pair.
 */
export function scorePair(a: Person, b: Person, config: ScoringConfig = DEFAULT_CONFIG): PairScore {
  const reasons = [...new Set([...oneWayHard(a, b, config.hard), ...oneWayHard(b, a, config.hard)])];
  const languages = shared(a.answers.languages, b.answers.languages);
  if (config.hard.language && languages === 0) {
    reasons.push('language');
  }
  if (reasons.length > 0) {
    return { allowed: false, reasons: reasons.sort() };
  }
  const w = config.weights;
  const graded = (weight: number, d: number) => (d === 0 ? weight : d === 1 ? Math.floor(weight / 2) : 0);
  const factors: Record<string, number> = {
    base: w.base,
    rhythm: graded(w.rhythm, steps(RHYTHMS, a.answers.rhythm, b.answers.rhythm)),
    tidiness: Math.floor((w.tidiness * (4 - Math.abs(a.answers.tidiness - b.answers.tidiness))) / 4),
    noise: Math.floor((w.noise * (4 - Math.abs(a.answers.noise - b.answers.noise))) / 4),
    guests: graded(w.guests, steps(GUESTS, a.answers.guests, b.answers.guests)),
    languages: Math.floor((w.languages * Math.min(languages, 2)) / 2),
    interests: Math.floor((w.interests * Math.min(shared(a.answers.interests, b.answers.interests), 3)) / 3),
    age: Math.floor((w.age * Math.max(0, 10 - Math.abs(a.age - b.age))) / 10),
  };
  return { allowed: true, score: Object.values(factors).reduce((s, x) => s + x, 0), factors };
}

export interface Flat {
  neighbourhood: string | null;
  bedrooms: number;
  surfaceM2: number;
  accessibility: readonly string[];
}

export type PlaceScore = { allowed: true; score: number; factors: Record<string, number> } | { allowed: false; reasons: ('accessibility' | 'size')[] };

/**
 * The fit of a pair with a flat: refused when the flat lacks a needed accessibility feature or
 * has fewer than two bedrooms; otherwise base + neighbourhood (w per member who wished the flat's
 * neighbourhood, w/2 for a member with no wish) + size (w·min(surface, 70)/70, rounded down).
 */
export function scorePlace(a: Answers, b: Answers, flat: Flat, config: ScoringConfig = DEFAULT_CONFIG): PlaceScore {
  const reasons: ('accessibility' | 'size')[] = [];
  const needs = new Set([...a.accessibilityNeeds, ...b.accessibilityNeeds]);
  if ([...needs].some((n) => !flat.accessibility.includes(n))) {
    reasons.push('accessibility');
  }
  if (flat.bedrooms < 2) {
    reasons.push('size');
  }
  if (reasons.length > 0) {
    return { allowed: false, reasons };
  }
  const p = config.place;
  const wish = (x: Answers) =>
    x.neighbourhoods.length === 0
      ? Math.floor(p.neighbourhood / 2)
      : flat.neighbourhood !== null && x.neighbourhoods.some((n) => n.toLowerCase() === flat.neighbourhood?.toLowerCase())
        ? p.neighbourhood
        : 0;
  const factors = {
    base: p.base,
    neighbourhood: wish(a) + wish(b),
    size: Math.floor((p.size * Math.min(Math.max(flat.surfaceM2, 0), 70)) / 70),
  };
  return { allowed: true, score: factors.base + factors.neighbourhood + factors.size, factors };
}

/** Whole years between a birth day and a reference day (both YYYY-MM-DD). */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
