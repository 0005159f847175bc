// The one evaluator: eligibility and score of an application under a call's rules, with an
// explanation per requirement and per criterion. Pure: plain data in, plain data out.
// Points are added in hundredths (integers) so the explanation always sums exactly to the score.
import type { Facts, FactValue } from './facts.js';
import type { Condition, CriterionDef, Rules } from './format.js';

export interface RequirementResult {
  code: string;
  met: boolean;
  /** A fact the requirement needs was not provided (counted as not met). */
  missing: string[];
}

export type CriterionStatus = 'awarded' | 'not_met' | 'exclusive_lost' | 'capped' | 'rejected' | 'disabled';

export interface CriterionResult {
  code: string;
  group: string;
  /** Points the criterion counts for in the score. */
  points: number;
  /** Points it would be worth alone (before exclusivity and the group cap). */
  raw: number;
  status: CriterionStatus;
  /** The fact values the criterion looked at. */
  inputs: Record<string, FactValue | null>;
  /** For `exclusive_lost`: the criterion that won the exclusive set. */
  lostTo?: string;
}

export interface GroupResult {
  code: string;
  raw: number;
  cap: number | null;
  points: number;
}

export interface Evaluation {
  eligible: boolean;
  failed: string[];
  requirements: RequirementResult[];
  criteria: CriterionResult[];
  groups: GroupResult[];
  score: number;
}

const toCents = (p: number) => Math.round(p * 100);
const fromCents = (c: number) => c / 100;

function factsOf(c: Condition, out: string[]) {
  if ('all' in c) {
    for (const x of c.all) {
      factsOf(x, out);
    }
  } else if ('any' in c) {
    for (const x of c.any) {
      factsOf(x, out);
    }
  } else if ('not' in c) {
    factsOf(c.not, out);
  } else {
    out.push(c.fact);
  }
  return out;
}

function compare(a: FactValue, b: FactValue): number {
  if (typeof a === 'number' && typeof b === 'number') {
    return a - b;
  }
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

/** True when the condition holds; a condition on a missing fact does not hold. */
export function holds(c: Condition, facts: Facts): boolean {
  if ('all' in c) {
    return c.all.every((x) => holds(x, facts));
  }
  if ('any' in c) {
    return c.any.some((x) => holds(x, facts));
  }
  if ('not' in c) {
    return !holds(c.not, facts);
  }
  const v = facts[c.fact];
  if (v === undefined) {
    return false;
  }
  switch (c.op) {
    case 'eq':
      return v === c.value;
    case 'ne':
      return v !== c.value;
    case 'lt':
      return compare(v, c.value) < 0;
    case 'lte':
      return compare(v, c.value) <= 0;
    case 'gt':
      return compare(v, c.value) > 0;
    case 'gte':
      return compare(v, c.value) >= 0;
    case 'between':
      return typeof v === 'number' && v >= c.min && v <= c.max;
    case 'in':
      return (c.values as FactValue[]).includes(v);
  }
}

function inputsOf(names: string[], facts: Facts): Record<string, FactValue | null> {
  const out: Record<string, FactValue | null> = {};
  for (const n of names) {
    out[n] = facts[n] ?? null;
  }
  return out;
}

/** Hundredths of a point a criterion is worth alone, and the facts it read. */
function rawPoints(c: CriterionDef, facts: Facts, explain: boolean): { cents: number; read: string[] } {
  const read = explain && c.when ? factsOf(c.when, []) : [];
  if (c.when && !holds(c.when, facts)) {
    return { cents: 0, read: [...read, ...(c.bands ? [c.bands.fact] : []), ...(c.perUnit ? [c.perUnit.fact] : [])] };
  }
  if (c.points !== undefined) {
    return { cents: toCents(c.points), read };
  }
  if (c.bands) {
    const v = facts[c.bands.fact];
    let best = 0;
    if (typeof v === 'number') {
      for (const step of c.bands.steps) {
        if (v >= step.gte) {
          best = Math.max(best, toCents(step.points));
        }
      }
    }
    return { cents: best, read: [...read, c.bands.fact] };
  }
  if (c.perUnit) {
    const v = facts[c.perUnit.fact];
    const units = typeof v === 'number' && v > 0 ? Math.floor(v) : 0;
    return { cents: Math.min(units * toCents(c.perUnit.points), toCents(c.perUnit.max)), read: [...read, c.perUnit.fact] };
  }
  return { cents: 0, read };
}

export interface EvaluateOptions {
  /** Criteria the office found not proven: they count 0 whatever was declared. */
  rejected?: ReadonlySet<string>;
  /** false: skip the per-criterion `inputs` (ranking many applications needs only the points). */
  explain?: boolean;
}

/** The facts each requirement reads, computed once per rules object. */
const requirementFacts = new WeakMap<Rules, string[][]>();
function factsRead(rules: Rules): string[][] {
  let r = requirementFacts.get(rules);
  if (!r) {
    r = rules.requirements.map((q) => [...new Set(factsOf(q.when, []))]);
    requirementFacts.set(rules, r);
  }
  return r;
}

/** Eligibility and score of one application, with a per-requirement and per-criterion explanation. */
export function evaluate(rules: Rules, facts: Facts, opts: EvaluateOptions = {}): Evaluation {
  const reads = factsRead(rules);
  const requirements: RequirementResult[] = rules.requirements.map((q, i) => ({
    code: q.code,
    met: holds(q.when, facts),
    missing: (reads[i] as string[]).filter((f) => facts[f] === undefined),
  }));
  const failed = requirements.filter((r) => !r.met).map((r) => r.code);

  // 1. Each criterion alone.
  const work = rules.criteria.map((c) => {
    const { cents, read } = rawPoints(c, facts, opts.explain !== false);
    const disabled = c.enabled === false;
    const rejected = opts.rejected?.has(c.code) ?? false;
    const status: CriterionStatus = disabled ? 'disabled' : rejected && cents > 0 ? 'rejected' : cents > 0 ? 'awarded' : 'not_met';
    return { c, raw: cents, points: status === 'awarded' ? cents : 0, status: status as CriterionStatus, read, lostTo: undefined as string | undefined };
  });
  // 2. Mutually exclusive sets: the criterion worth most counts (first listed on a tie).
  const sets = new Map<string, typeof work>();
  for (const w of work) {
    if (w.c.exclusive && w.status === 'awarded') {
      sets.set(w.c.exclusive, [...(sets.get(w.c.exclusive) ?? []), w]);
    }
  }
  for (const members of sets.values()) {
    const winner = members.reduce((best, w) => (w.points > best.points ? w : best));
    for (const w of members) {
      if (w !== winner) {
        w.status = 'exclusive_lost';
        w.points = 0;
        w.lostTo = winner.c.code;
      }
    }
  }
  // 3. Group caps, filled in the order criteria are listed.
  const groups: GroupResult[] = rules.groups.map((g) => {
    const cap = g.cap === undefined ? null : toCents(g.cap);
    let used = 0;
    let raw = 0;
    for (const w of work) {
      if (w.c.group !== g.code || w.points === 0) {
        continue;
      }
      raw += w.points;
      if (cap !== null && used + w.points > cap) {
        w.points = Math.max(0, cap - used);
        w.status = 'capped';
      }
      used += w.points;
    }
    return { code: g.code, raw: fromCents(raw), cap: g.cap ?? null, points: fromCents(used) };
  });
  const total = work.reduce((s, w) => s + w.points, 0);
  return {
    eligible: failed.length === 0,
    failed,
    requirements,
    criteria: work.map((w) => ({
      code: w.c.code,
      group: w.c.group,
      points: fromCents(w.points),
      raw: fromCents(w.raw),
      status: w.status,
      inputs: opts.explain === false ? {} : inputsOf([...new Set(w.read)], facts),
      ...(w.lostTo ? { lostTo: w.lostTo } : {}),
    })),
    groups,
    score: fromCents(total),
  };
}
