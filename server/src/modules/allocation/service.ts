// The pairing plan of a youth call: the engine pairs the admitted applicants who filled the
// questionnaire (solvePairing over the compatibility rule), then gives the pairs flats of the
// call's program (solveAllocation; a flat with 4+ bedrooms takes two pairs). Explanations and
// what-if come straight from the engine. Nothing here decides: the operator confirms.
import type { Transaction } from 'kysely';
import type { DB } from '../../kernel/db/types.js';
import { AppError } from '../../kernel/http/errors.js';
import {
  explainPairing,
  MatchingInputError,
  type PairingProblem,
  type PairingSolution,
  solveAllocation,
  solvePairing,
  whatIfPairing,
} from '../matching/engine/index.js';
import * as repo from './repo.js';
import { type Answers, ageOn, type ScoringConfig, scorePair, scorePlace } from './rules/compatibility.js';

type Ctx = { tenantId: string };
type Pair = repo.Pair;

export interface CallWorld {
  call: repo.CallRow;
  config: ScoringConfig;
  applicants: repo.ApplicantRow[];
  /** The applicants that take part: admitted, questionnaire filled. */
  people: (repo.ApplicantRow & { answers: Answers })[];
  index: Map<string, number>;
}

export async function loadWorld(db: Transaction<DB>, ctx: Ctx, call: repo.CallRow): Promise<CallWorld> {
  if (call.program !== 'youth_collab') {
    throw new AppError(409, 'allocation.not_pairing_call');
  }
  const applicants = await repo.admitted(db, ctx, call.id);
  const people = applicants.filter((a): a is repo.ApplicantRow & { answers: Answers } => a.answers !== null);
  return { call, config: await repo.callConfig(db, ctx, call.id), applicants, people, index: new Map(people.map((p, i) => [p.applicationId, i])) };
}

/** The pairing problem of a call with the operator's locks and forbidden pairs (unknown people are dropped). */
export function pairingProblem(w: CallWorld, today: string, locked: readonly Pair[], forbidden: readonly Pair[]): PairingProblem {
  const persons = w.people.map((p) => ({ answers: p.answers, age: ageOn(p.birthDate, today) }));
  const candidates: PairingProblem['candidates'][number][] = [];
  for (let a = 0; a < persons.length; a++) {
    for (let b = a + 1; b < persons.length; b++) {
      const s = scorePair(persons[a]!, persons[b]!, w.config);
      if (s.allowed) {
        candidates.push({ a, b, weight: s.score, factors: s.factors });
      }
    }
  }
  const toIdx = (list: readonly Pair[]) =>
    list.flatMap(([x, y]) => {
      const a = w.index.get(x);
      const b = w.index.get(y);
      return a === undefined || b === undefined ? [] : [[a, b] as const];
    });
  return { n: persons.length, candidates, locked: toIdx(locked), forbidden: toIdx(forbidden) };
}

export function solve(problem: PairingProblem): PairingSolution {
  try {
    return solvePairing(problem);
  } catch (e) {
    if (e instanceof MatchingInputError) {
      throw new AppError(409, 'allocation.lock_not_allowed');
    }
    throw e;
  }
}

export interface PlacedPair {
  a: string;
  b: string;
  score: number;
  factors: Record<string, number>;
  locked: boolean;
  unitId: string | null;
  placeScore: number | null;
  placeFactors: Record<string, number>;
}

/** Gives flats to the pairs: pairs are rows, flats columns with 1 or 2 slots. */
export function placePairs(w: CallWorld, solution: PairingSolution, flats: repo.FlatRow[]): { pairs: PlacedPair[]; placeTotal: number } {
  const candidates: { row: number; col: number; weight: number; factors: Record<string, number> }[] = [];
  solution.pairs.forEach((p, row) => {
    flats.forEach((f, col) => {
      const s = scorePlace(w.people[p.a]!.answers, w.people[p.b]!.answers, f, w.config);
      if (s.allowed) {
        candidates.push({ row, col, weight: s.score, factors: s.factors });
      }
    });
  });
  const placed = solveAllocation({
    rows: solution.pairs.length,
    cols: flats.length,
    candidates,
    capacity: flats.map((f) => (f.bedrooms >= 4 ? 2 : 1)),
  });
  const byRow = new Map(placed.assignments.map((x) => [x.row, x]));
  const pairs = solution.pairs.map((p, row) => {
    const x = byRow.get(row);
    return {
      a: w.people[p.a]!.applicationId,
      b: w.people[p.b]!.applicationId,
      score: p.weight,
      factors: (p.factors ?? {}) as Record<string, number>,
      locked: p.locked,
      unitId: x ? flats[x.col]!.id : null,
      placeScore: x ? x.weight : null,
      placeFactors: (x?.factors ?? {}) as Record<string, number>,
    };
  });
  return { pairs, placeTotal: placed.total };
}

/** Recomputes the draft plan of a call (created on first use) with the given adjustments. */
export async function computeDraft(
  db: Transaction<DB>,
  ctx: Ctx,
  call: repo.CallRow,
  today: string,
  userId: string,
  adjust: (plan: { locked: Pair[]; forbidden: Pair[] }) => { locked: Pair[]; forbidden: Pair[] },
): Promise<{ planId: string; before: number | null; after: number }> {
  const w = await loadWorld(db, ctx, call);
  let plan = await repo.findPlan(db, ctx, { callId: call.id }, true);
  if (plan?.status === 'confirmed') {
    throw new AppError(409, 'allocation.plan_confirmed');
  }
  const next = adjust({ locked: plan?.locked ?? [], forbidden: plan?.forbidden ?? [] });
  const solution = solve(pairingProblem(w, today, next.locked, next.forbidden));
  const flats = await repo.availableFlats(db, ctx, call.program, today);
  const { pairs, placeTotal } = placePairs(w, solution, flats);
  if (!plan) {
    const row = await db
      .insertInto('allocation_plan')
      .values({ tenant_id: ctx.tenantId, call_id: call.id, created_by: userId })
      .returning('id')
      .executeTakeFirstOrThrow();
    plan = { id: row.id, callId: call.id, status: 'draft', locked: [], forbidden: [], pairTotal: 0, placeTotal: 0, computedAt: new Date(), confirmedAt: null };
  }
  await db
    .updateTable('allocation_plan')
    .set({
      locked: JSON.stringify(next.locked) as never,
      forbidden: JSON.stringify(next.forbidden) as never,
      pair_total: solution.total,
      place_total: placeTotal,
      computed_at: new Date(),
    })
    .where('tenant_id', '=', ctx.tenantId)
    .where('id', '=', plan.id)
    .execute();
  await db.deleteFrom('allocation_pair').where('tenant_id', '=', ctx.tenantId).where('plan_id', '=', plan.id).execute();
  if (pairs.length > 0) {
    await db
      .insertInto('allocation_pair')
      .values(
        pairs.map((p) => ({
          tenant_id: ctx.tenantId,
          plan_id: plan.id,
          application_a: p.a,
          application_b: p.b,
          unit_id: p.unitId,
          score: p.score,
          factors: JSON.stringify(p.factors) as never,
          place_score: p.placeScore,
          place_factors: JSON.stringify(p.placeFactors) as never,
          locked: p.locked,
        })),
      )
      .execute();
  }
  return { planId: plan.id, before: plan.pairTotal === 0 && plan.locked.length === 0 ? null : plan.pairTotal, after: solution.total };
}

const samePair = (x: Pair, y: Pair) => (x[0] === y[0] && x[1] === y[1]) || (x[0] === y[1] && x[1] === y[0]);
export const withPair = (list: readonly Pair[], p: Pair) => [...list.filter((x) => !samePair(x, p)), p];
export const withoutPair = (list: readonly Pair[], p: Pair) => list.filter((x) => !samePair(x, p));

/** For each person: partner, and the best alternative partner with its exact cost (explainPairing). */
export function explain(w: CallWorld, today: string, plan: repo.PlanRow) {
  const problem = pairingProblem(w, today, plan.locked, plan.forbidden);
  const solution = solve(problem);
  return explainPairing(problem, solution).map((e) => ({
    applicationId: w.people[e.person]!.applicationId,
    partner: e.current >= 0 ? w.people[e.current]!.applicationId : null,
    locked: e.locked,
    alternative: e.alternative
      ? {
          applicationId: w.people[e.alternative.other]!.applicationId,
          weight: e.alternative.weight,
          factors: (e.alternative.factors ?? {}) as Record<string, number>,
          cost: e.alternative.cost,
          totalWithIt: e.alternative.totalWithIt,
        }
      : null,
  }));
}

/** The new optimum if a pair were locked or forbidden (nothing saved). */
export function whatIf(w: CallWorld, today: string, plan: repo.PlanRow, change: { lock?: Pair; forbid?: Pair; unlock?: Pair }) {
  const problem = pairingProblem(w, today, plan.locked, plan.forbidden);
  const idx = (p?: Pair) => {
    if (!p) {
      return undefined;
    }
    const a = w.index.get(p[0]);
    const b = w.index.get(p[1]);
    if (a === undefined || b === undefined) {
      throw new AppError(409, 'allocation.lock_not_allowed');
    }
    return [[a, b] as const];
  };
  try {
    const r = whatIfPairing(problem, { lock: idx(change.lock), forbid: idx(change.forbid), unlock: idx(change.unlock) });
    return {
      before: r.solution.total - r.delta,
      total: r.solution.total,
      delta: r.delta,
      pairs: r.solution.pairs.map((p) => ({ a: w.people[p.a]!.applicationId, b: w.people[p.b]!.applicationId, score: p.weight, locked: p.locked })),
    };
  } catch (e) {
    if (e instanceof MatchingInputError) {
      throw new AppError(409, 'allocation.lock_not_allowed');
    }
    throw e;
  }
}

/** The best allowed partner for `applicationId` among people with no live offer and not in `exclude`. */
export function nextBest(w: CallWorld, today: string, applicationId: string, exclude: Set<string>) {
  const me = w.people.find((p) => p.applicationId === applicationId);
  if (!me) {
    return null;
  }
  let best: { applicationId: string; score: number; factors: Record<string, number> } | null = null;
  for (const other of w.people) {
    if (other.applicationId === applicationId || exclude.has(other.applicationId)) {
      continue;
    }
    const s = scorePair({ answers: me.answers, age: ageOn(me.birthDate, today) }, { answers: other.answers, age: ageOn(other.birthDate, today) }, w.config);
    if (s.allowed && (!best || s.score > best.score)) {
      best = { applicationId: other.applicationId, score: s.score, factors: s.factors };
    }
  }
  return best;
}
