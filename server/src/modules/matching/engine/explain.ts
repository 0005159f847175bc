// Explanations and what-if, as pure functions over the constraint problems.
//
// For each person: the best alternative they did not get, and what it costs the whole solution
// (optimum − optimum with that pair locked). Computing it exactly needs one solve per candidate;
// the duals of the optimum prune most of them: locking a pair costs at least its reduced cost
// (y_a + y_b − w', from LP duality), so candidates are tried in order of reduced cost and the
// search stops as soon as the next lower bound is no better than the best exact cost found.
// People already in a locked pair (an operator's decision) get no alternative, and partners that
// are locked to someone else are not offered as alternatives: the operator's locks stand.
import {
  type AllocationProblem,
  type AllocationSolution,
  type Factors,
  MatchingInputError,
  type PairingProblem,
  type PairingSolution,
  solveAllocation,
  solvePairing,
} from './constraints.js';

export interface PairAlternative {
  /** The other person (pairing) or the place (allocation). */
  other: number;
  weight: number;
  factors?: Factors;
  /** How much lower the best total is with this pair locked (>= 0). */
  cost: number;
  /** The best total with this pair locked. */
  totalWithIt: number;
}

export interface PersonExplanation {
  person: number;
  /** Partner (pairing) or place (allocation) in the solution, -1 when none. */
  current: number;
  locked: boolean;
  /** The best alternative not chosen, or null (locked, or no other candidate). */
  alternative: PairAlternative | null;
  /** Exact solves spent on this person (the rest were pruned by the dual bound). */
  solves: number;
}

interface Option {
  other: number;
  weight: number;
  factors?: Factors;
  bound: number;
}

function bestAlternative(options: Option[], totalNow: number, totalWith: (other: number) => number): { alt: PairAlternative | null; solves: number } {
  options.sort((x, y) => x.bound - y.bound || y.weight - x.weight || x.other - y.other);
  let alt: PairAlternative | null = null;
  let solves = 0;
  for (const o of options) {
    if (alt !== null && o.bound >= alt.cost) {
      break;
    }
    const t = totalWith(o.other);
    solves++;
    const cost = totalNow - t;
    if (alt === null || cost < alt.cost) {
      alt = { other: o.other, weight: o.weight, ...(o.factors ? { factors: o.factors } : {}), cost, totalWithIt: t };
    }
  }
  return { alt, solves };
}

/** Best alternative partner of each person (or of `people` only). */
export function explainPairing(problem: PairingProblem, solution: PairingSolution = solvePairing(problem), people?: readonly number[]): PersonExplanation[] {
  const uv = (p: number): number => (problem.unmatchedValue === undefined ? 0 : (problem.unmatchedValue[p] ?? 0));
  const isLocked = new Uint8Array(problem.n);
  for (const [a, b] of problem.locked ?? []) {
    isLocked[a] = 1;
    isLocked[b] = 1;
  }
  const forbidden = new Set((problem.forbidden ?? []).map(([a, b]) => `${Math.min(a, b)} ${Math.max(a, b)}`));
  const byPerson = new Map<number, Map<number, Option>>();
  for (const c of problem.candidates) {
    if (forbidden.has(`${Math.min(c.a, c.b)} ${Math.max(c.a, c.b)}`) || isLocked[c.a] || isLocked[c.b]) {
      continue;
    }
    for (const [p, q] of [
      [c.a, c.b],
      [c.b, c.a],
    ] as const) {
      let m = byPerson.get(p);
      if (m === undefined) {
        m = new Map();
        byPerson.set(p, m);
      }
      const prev = m.get(q);
      if (prev === undefined || prev.weight < c.weight) {
        const bound = (solution.dual[p]! + solution.dual[q]!) / 2 - (c.weight - uv(p) - uv(q));
        m.set(q, { other: q, weight: c.weight, ...(c.factors ? { factors: c.factors } : {}), bound });
      }
    }
  }
  const locked = problem.locked ?? [];
  const out: PersonExplanation[] = [];
  for (const p of people ?? Array.from({ length: problem.n }, (_, i) => i)) {
    if (!Number.isInteger(p) || p < 0 || p >= problem.n) {
      throw new MatchingInputError(`person ${p} is not in 0..${problem.n - 1}`);
    }
    const current = solution.partner[p]!;
    if (isLocked[p]) {
      out.push({ person: p, current, locked: true, alternative: null, solves: 0 });
      continue;
    }
    const options = [...(byPerson.get(p)?.values() ?? [])].filter((o) => o.other !== current);
    const { alt, solves } = bestAlternative(options, solution.total, (q) => solvePairing({ ...problem, locked: [...locked, [p, q]] }).total);
    out.push({ person: p, current, locked: false, alternative: alt, solves });
  }
  return out;
}

/** Best alternative place of each person (row), or of `people` only. */
export function explainAllocation(
  problem: AllocationProblem,
  solution: AllocationSolution = solveAllocation(problem),
  people?: readonly number[],
): PersonExplanation[] {
  const { rows, cols } = problem;
  const ur = (r: number): number => (problem.unmatchedRowValue === undefined ? 0 : (problem.unmatchedRowValue[r] ?? 0));
  const us = (c: number): number => (problem.emptySlotValue === undefined ? 0 : (problem.emptySlotValue[c] ?? 0));
  const locked = problem.locked ?? [];
  const isLocked = new Uint8Array(rows);
  const openSlots = new Int32Array(cols);
  for (let c = 0; c < cols; c++) {
    openSlots[c] = problem.capacity === undefined ? 1 : (problem.capacity[c] ?? 1);
  }
  for (const [r, c] of locked) {
    isLocked[r] = 1;
    openSlots[c]!--;
  }
  const forbidden = new Set((problem.forbidden ?? []).map(([r, c]) => r * cols + c));
  const byRow = new Map<number, Map<number, Option>>();
  for (const x of problem.candidates) {
    if (forbidden.has(x.row * cols + x.col) || isLocked[x.row] || openSlots[x.col]! <= 0) {
      continue;
    }
    let m = byRow.get(x.row);
    if (m === undefined) {
      m = new Map();
      byRow.set(x.row, m);
    }
    const prev = m.get(x.col);
    if (prev === undefined || prev.weight < x.weight) {
      const bound = solution.rowDual[x.row]! + solution.colDual[x.col]! - (x.weight - ur(x.row) - us(x.col));
      m.set(x.col, { other: x.col, weight: x.weight, ...(x.factors ? { factors: x.factors } : {}), bound });
    }
  }
  const out: PersonExplanation[] = [];
  for (const r of people ?? Array.from({ length: rows }, (_, i) => i)) {
    if (!Number.isInteger(r) || r < 0 || r >= rows) {
      throw new MatchingInputError(`person ${r} is not in 0..${rows - 1}`);
    }
    const current = solution.place[r]!;
    if (isLocked[r]) {
      out.push({ person: r, current, locked: true, alternative: null, solves: 0 });
      continue;
    }
    const options = [...(byRow.get(r)?.values() ?? [])].filter((o) => o.other !== current);
    const { alt, solves } = bestAlternative(options, solution.total, (c) => solveAllocation({ ...problem, locked: [...locked, [r, c]] }).total);
    out.push({ person: r, current, locked: false, alternative: alt, solves });
  }
  return out;
}

/** Changes an operator tries on a problem. */
export interface WhatIfChange {
  lock?: readonly (readonly [number, number])[];
  forbid?: readonly (readonly [number, number])[];
  /** Locks to release (either order of the two ends for pairing). */
  unlock?: readonly (readonly [number, number])[];
}

export interface WhatIf<P, S> {
  problem: P;
  solution: S;
  /** New optimum − old optimum (<= 0 when only adding locks and forbidden pairs). */
  delta: number;
}

const samePair = (x: readonly [number, number], y: readonly [number, number], unordered: boolean): boolean =>
  (x[0] === y[0] && x[1] === y[1]) || (unordered && x[0] === y[1] && x[1] === y[0]);

function changed<P extends { locked?: readonly (readonly [number, number])[]; forbidden?: readonly (readonly [number, number])[] }>(
  problem: P,
  change: WhatIfChange,
  unordered: boolean,
): P {
  const kept = (problem.locked ?? []).filter((l) => !(change.unlock ?? []).some((u) => samePair(l, u, unordered)));
  return { ...problem, locked: [...kept, ...(change.lock ?? [])], forbidden: [...(problem.forbidden ?? []), ...(change.forbid ?? [])] };
}

/** The optimum after locking / forbidding / releasing pairs, and the change of total. */
export function whatIfPairing(
  problem: PairingProblem,
  change: WhatIfChange,
  before: PairingSolution = solvePairing(problem),
): WhatIf<PairingProblem, PairingSolution> {
  const next = changed(problem, change, true);
  const solution = solvePairing(next);
  return { problem: next, solution, delta: solution.total - before.total };
}

/** The optimum after locking / forbidding / releasing (row, place) pairs, and the change of total. */
export function whatIfAllocation(
  problem: AllocationProblem,
  change: WhatIfChange,
  before: AllocationSolution = solveAllocation(problem),
): WhatIf<AllocationProblem, AllocationSolution> {
  const next = changed(problem, change, false);
  const solution = solveAllocation(next);
  return { problem: next, solution, delta: solution.total - before.total };
}
