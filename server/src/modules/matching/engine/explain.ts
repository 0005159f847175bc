// Explanations and what-if, as pure functions over the constraint problems.
//
// For each person: the best alternative they did not get, and what it costs the whole solution
// (optimum − optimum with that pair locked). Computing it exactly needs one solve per candidate;
// the duals of the optimum prune most of them: locking a pair costs at least its reduced cost
// (y_a + y_b − w', from LP duality), so candidates are tried in order of reduced cost and the
// search stops as soon as the next lower bound is no better than the best exact cost found.
// People already in a locked pair (an operator's decision) get no alternative, and partners that
// are locked to someone else are not offered as alternatives: the operator's locks stand.

import { assignSparse } from './assignment.js';
import {
  type AllocationProblem,
  type AllocationSolution,
  type Factors,
  MatchingInputError,
  type PairingProblem,
  type PairingSolution,
  reduceAllocation,
  reducePairing,
  solveAllocation,
  solvePairing,
} from './constraints.js';
import { maxWeightMatching } from './general.js';

/**
 * Best total with one more pair forced, computed on the reduced graph prepared once: forcing
 * (x, y) = its reduced weight + the optimum without x and y, and zeroing the weights of x's and
 * y's edges gives that optimum without rebuilding anything (an edge of weight 0 adds nothing).
 */
function forcedTotals(
  nVertices: number,
  a: readonly number[],
  b: readonly number[],
  w: readonly number[],
  solve: (w: Float64Array) => number,
  total: number,
): (x: number, y: number, reducedWeight: number) => number {
  const base = Float64Array.from(w);
  const start = new Int32Array(nVertices + 1);
  for (let k = 0; k < a.length; k++) {
    start[a[k]! + 1]!++;
    start[b[k]! + 1]!++;
  }
  for (let x = 0; x < nVertices; x++) {
    start[x + 1]! += start[x]!;
  }
  const fill = start.slice(0, nVertices);
  const inc = new Int32Array(2 * a.length);
  for (let k = 0; k < a.length; k++) {
    inc[fill[a[k]!]!++] = k;
    inc[fill[b[k]!]!++] = k;
  }
  const constant = total - solve(base);
  return (x, y, reducedWeight) => {
    const wq = base.slice();
    for (const v of [x, y]) {
      for (let i = start[v]!; i < start[v + 1]!; i++) {
        wq[inc[i]!] = 0;
      }
    }
    return constant + reducedWeight + solve(wq);
  };
}

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
  const red = reducePairing(problem);
  const forced = forcedTotals(problem.n, red.u, red.v, red.w, (w) => maxWeightMatching({ n: problem.n, u: red.u, v: red.v, w }).weight, solution.total);
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
    const { alt, solves } = bestAlternative(options, solution.total, (q) => forced(p, q, (options.find((o) => o.other === q)?.weight ?? 0) - uv(p) - uv(q)));
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
  const red = reduceAllocation(problem);
  const nSlots = red.slotCol.length;
  // rows are vertices 0..rows-1 and slots rows..rows+nSlots-1 of the incidence lists
  const forced = forcedTotals(
    rows + nSlots,
    red.rr,
    red.cc.map((s) => rows + s),
    red.ww,
    (w) => assignSparse({ nRows: rows, nCols: nSlots, row: red.rr, col: red.cc, w }).weight,
    solution.total,
  );
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
    // the place's last free slot takes the person (its slots are interchangeable)
    const { alt, solves } = bestAlternative(options, solution.total, (c) =>
      forced(r, rows + red.slotStart[c + 1]! - 1, (options.find((o) => o.other === c)?.weight ?? 0) - ur(r) - us(c)),
    );
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
