// The constraints layer: forbidden pairs, locked pairs (an operator's choice, forced into the
// solution), per-place capacity (a flat for two = two slots) and a value for leaving someone
// unmatched, reduced to the plain solvers:
//  - forbidden pairs are dropped; locked pairs are taken out with their two ends (or one slot);
//  - leaving v unmatched is worth u[v] (a bonus if > 0, a cost if < 0), so
//    total = Σ u[v] over everyone + Σ over chosen pairs (w - u[a] - u[b]): each edge's weight is
//    reduced by its ends' values and edges that end at <= 0 are never worth choosing.
import { assignSparse } from './assignment.js';
import { maxWeightMatching } from './general.js';

/** Contributions of named factors to a pair's weight (their sum must equal the weight). */
export type Factors = Readonly<Record<string, number>>;

/** An invalid problem (unknown person, pair locked twice, factors that do not add up …). */
export class MatchingInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MatchingInputError';
  }
}

// ---------------------------------------------------------------------------------------------
// Pairing people (general graph)

export interface PairCandidate {
  a: number;
  b: number;
  /** Integer >= 0. */
  weight: number;
  factors?: Factors;
}

export interface PairingProblem {
  /** People are 0..n-1. */
  n: number;
  candidates: readonly PairCandidate[];
  forbidden?: readonly (readonly [number, number])[];
  /** Pairs forced into the solution; each must be a candidate and a person may be in one only. */
  locked?: readonly (readonly [number, number])[];
  /** Value of leaving each person unmatched (integer; > 0 bonus, < 0 cost; default 0). */
  unmatchedValue?: ArrayLike<number>;
}

export interface ChosenPair {
  a: number;
  b: number;
  weight: number;
  factors?: Factors;
  locked: boolean;
}

export interface PairingSolution {
  /** Σ chosen weights + Σ unmatched values of the people left out. */
  total: number;
  pairs: ChosenPair[];
  unmatched: number[];
  /** partner[p] = the person paired with p, or -1. */
  partner: Int32Array;
  /** Doubled vertex duals of the reduced problem (0 for locked people); see lowerBoundOfLock. */
  dual: Float64Array;
}

const pairKey = (a: number, b: number): number => (a < b ? a * 0x200000 + b : b * 0x200000 + a);

function checkInt(x: number, what: string): void {
  if (!Number.isSafeInteger(x)) {
    throw new MatchingInputError(`${what} must be an integer, got ${x}`);
  }
}

function checkFactors(weight: number, factors: Factors | undefined, what: string): void {
  if (factors === undefined) {
    return;
  }
  let sum = 0;
  for (const v of Object.values(factors)) {
    sum += v;
  }
  if (Math.abs(sum - weight) > 1e-9 * Math.max(1, Math.abs(weight))) {
    throw new MatchingInputError(`${what}: factors add up to ${sum}, not to the weight ${weight}`);
  }
}

/** A pairing problem reduced to a plain graph (see the top of this file). */
export interface PairingReduction {
  u: number[];
  v: number[];
  /** Reduced weights w − u[a] − u[b] (> 0 only). */
  w: number[];
  /** Candidate index of each reduced edge. */
  idx: number[];
  /** Candidate index of each locked person's pair, or -1. */
  lockedEdge: Int32Array;
  /** Partner of each locked person, -1 for the others. */
  partner: Int32Array;
  uv: (p: number) => number;
}

/** Validates a pairing problem and reduces it to a plain graph (shared with the explanations). */
export function reducePairing(problem: PairingProblem): PairingReduction {
  const { n, candidates } = problem;
  const uv = (p: number): number => (problem.unmatchedValue === undefined ? 0 : (problem.unmatchedValue[p] ?? 0));
  const person = (p: number, what: string): void => {
    if (!Number.isInteger(p) || p < 0 || p >= n) {
      throw new MatchingInputError(`${what}: person ${p} is not in 0..${n - 1}`);
    }
  };
  for (let p = 0; p < n; p++) {
    checkInt(uv(p), `unmatched value of ${p}`);
  }
  const forbidden = new Set<number>();
  for (const [a, b] of problem.forbidden ?? []) {
    person(a, 'forbidden pair');
    person(b, 'forbidden pair');
    forbidden.add(pairKey(a, b));
  }
  // best candidate per pair (a repeated candidate keeps the heavier copy)
  const best = new Map<number, number>();
  candidates.forEach((c, i) => {
    person(c.a, `candidate ${i}`);
    person(c.b, `candidate ${i}`);
    if (c.a === c.b) {
      throw new MatchingInputError(`candidate ${i}: a person cannot be paired with themselves`);
    }
    checkInt(c.weight, `candidate ${i} weight`);
    if (c.weight < 0) {
      throw new MatchingInputError(`candidate ${i}: weight ${c.weight} is negative`);
    }
    checkFactors(c.weight, c.factors, `candidate ${i}`);
    const key = pairKey(c.a, c.b);
    const prev = best.get(key);
    if (prev === undefined || candidates[prev]!.weight < c.weight) {
      best.set(key, i);
    }
  });
  const partner = new Int32Array(n).fill(-1);
  const lockedEdge = new Int32Array(n).fill(-1);
  for (const [a, b] of problem.locked ?? []) {
    person(a, 'locked pair');
    person(b, 'locked pair');
    const key = pairKey(a, b);
    const i = best.get(key);
    if (i === undefined) {
      throw new MatchingInputError(`locked pair (${a}, ${b}) is not a candidate pair`);
    }
    if (forbidden.has(key)) {
      throw new MatchingInputError(`pair (${a}, ${b}) is both locked and forbidden`);
    }
    if (partner[a] !== -1 || partner[b] !== -1) {
      throw new MatchingInputError(`person ${partner[a] !== -1 ? a : b} is in more than one locked pair`);
    }
    partner[a] = b;
    partner[b] = a;
    lockedEdge[a] = i;
    lockedEdge[b] = i;
  }
  const u: number[] = [];
  const v: number[] = [];
  const w: number[] = [];
  const idx: number[] = [];
  for (const [key, i] of best) {
    const c = candidates[i]!;
    if (forbidden.has(key) || partner[c.a] !== -1 || partner[c.b] !== -1) {
      continue;
    }
    const reduced = c.weight - uv(c.a) - uv(c.b);
    if (reduced > 0) {
      u.push(c.a);
      v.push(c.b);
      w.push(reduced);
      idx.push(i);
    }
  }
  return { u, v, w, idx, lockedEdge, partner, uv };
}

/** Optimal pairing under the constraints. */
export function solvePairing(problem: PairingProblem): PairingSolution {
  const { n, candidates } = problem;
  const { u, v, w, idx, lockedEdge, partner, uv } = reducePairing(problem);
  const res = maxWeightMatching({ n, u, v, w });
  const pairs: ChosenPair[] = [];
  const unmatched: number[] = [];
  let total = 0;
  for (let p = 0; p < n; p++) {
    let i = -1;
    let locked = false;
    if (lockedEdge[p] !== -1) {
      i = lockedEdge[p]!;
      locked = true;
    } else if (res.mate[p] !== -1) {
      i = idx[res.mateEdge[p]!]!;
      partner[p] = res.mate[p]!;
    }
    if (i === -1) {
      unmatched.push(p);
      total += uv(p);
      continue;
    }
    const c = candidates[i]!;
    if (p === Math.min(c.a, c.b)) {
      total += c.weight;
      pairs.push({ a: c.a, b: c.b, weight: c.weight, ...(c.factors ? { factors: c.factors } : {}), locked });
    }
  }
  const dual = res.dual;
  for (let p = 0; p < n; p++) {
    if (lockedEdge[p] !== -1) {
      dual[p] = 0;
    }
  }
  return { total, pairs, unmatched, partner, dual };
}

// ---------------------------------------------------------------------------------------------
// Allocating people to places with capacities (bipartite)

export interface PlaceCandidate {
  /** Person (row) 0..rows-1. */
  row: number;
  /** Place (column) 0..cols-1. */
  col: number;
  weight: number;
  factors?: Factors;
}

export interface AllocationProblem {
  rows: number;
  cols: number;
  candidates: readonly PlaceCandidate[];
  /** Slots per place (default 1; 0 closes the place). */
  capacity?: ArrayLike<number>;
  forbidden?: readonly (readonly [number, number])[];
  /** (row, col) pairs forced into the solution; each must be a candidate; a row in one only. */
  locked?: readonly (readonly [number, number])[];
  /** Value of leaving a person unassigned (integer, default 0). */
  unmatchedRowValue?: ArrayLike<number>;
  /** Value of each empty slot of a place (integer, default 0). */
  emptySlotValue?: ArrayLike<number>;
}

export interface ChosenPlace {
  row: number;
  col: number;
  weight: number;
  factors?: Factors;
  locked: boolean;
}

export interface AllocationSolution {
  total: number;
  assignments: ChosenPlace[];
  unmatchedRows: number[];
  /** place[r] = the column given to row r, or -1. */
  place: Int32Array;
  /** Empty slots left per column. */
  freeSlots: Int32Array;
  /** Duals of the reduced problem: rowDual[r] (0 when locked) and, per column, the least slot dual. */
  rowDual: Float64Array;
  colDual: Float64Array;
}

const cellKey = (r: number, c: number, cols: number): number => r * cols + c;

/** An allocation problem reduced to a plain bipartite graph of people × slots. */
export interface AllocationReduction {
  rr: number[];
  cc: number[];
  /** Reduced weights (> 0 only). */
  ww: number[];
  idx: number[];
  lockedEdge: Int32Array;
  place: Int32Array;
  freeSlots: Int32Array;
  slotStart: Int32Array;
  slotCol: Int32Array;
  ur: (r: number) => number;
  us: (c: number) => number;
}

/** Validates an allocation problem and reduces it to people × slots (shared with the explanations). */
export function reduceAllocation(problem: AllocationProblem): AllocationReduction {
  const { rows, cols, candidates } = problem;
  const ur = (r: number): number => (problem.unmatchedRowValue === undefined ? 0 : (problem.unmatchedRowValue[r] ?? 0));
  const us = (c: number): number => (problem.emptySlotValue === undefined ? 0 : (problem.emptySlotValue[c] ?? 0));
  const cap = (c: number): number => (problem.capacity === undefined ? 1 : (problem.capacity[c] ?? 1));
  const check = (r: number, c: number, what: string): void => {
    if (!Number.isInteger(r) || r < 0 || r >= rows) {
      throw new MatchingInputError(`${what}: person ${r} is not in 0..${rows - 1}`);
    }
    if (!Number.isInteger(c) || c < 0 || c >= cols) {
      throw new MatchingInputError(`${what}: place ${c} is not in 0..${cols - 1}`);
    }
  };
  for (let r = 0; r < rows; r++) {
    checkInt(ur(r), `unmatched value of person ${r}`);
  }
  for (let c = 0; c < cols; c++) {
    checkInt(us(c), `empty-slot value of place ${c}`);
    checkInt(cap(c), `capacity of place ${c}`);
    if (cap(c) < 0) {
      throw new MatchingInputError(`capacity of place ${c} is negative`);
    }
  }
  const forbidden = new Set<number>();
  for (const [r, c] of problem.forbidden ?? []) {
    check(r, c, 'forbidden pair');
    forbidden.add(cellKey(r, c, cols));
  }
  const best = new Map<number, number>();
  candidates.forEach((x, i) => {
    check(x.row, x.col, `candidate ${i}`);
    checkInt(x.weight, `candidate ${i} weight`);
    if (x.weight < 0) {
      throw new MatchingInputError(`candidate ${i}: weight ${x.weight} is negative`);
    }
    checkFactors(x.weight, x.factors, `candidate ${i}`);
    const key = cellKey(x.row, x.col, cols);
    const prev = best.get(key);
    if (prev === undefined || candidates[prev]!.weight < x.weight) {
      best.set(key, i);
    }
  });
  const place = new Int32Array(rows).fill(-1);
  const lockedEdge = new Int32Array(rows).fill(-1);
  const freeSlots = new Int32Array(cols);
  for (let c = 0; c < cols; c++) {
    freeSlots[c] = cap(c);
  }
  for (const [r, c] of problem.locked ?? []) {
    check(r, c, 'locked pair');
    const key = cellKey(r, c, cols);
    const i = best.get(key);
    if (i === undefined) {
      throw new MatchingInputError(`locked pair (${r}, ${c}) is not a candidate pair`);
    }
    if (forbidden.has(key)) {
      throw new MatchingInputError(`pair (${r}, ${c}) is both locked and forbidden`);
    }
    if (lockedEdge[r] !== -1) {
      throw new MatchingInputError(`person ${r} is in more than one locked pair`);
    }
    if (freeSlots[c]! <= 0) {
      throw new MatchingInputError(`place ${c} has more locked people than slots`);
    }
    freeSlots[c]!--;
    lockedEdge[r] = i;
    place[r] = c;
  }
  // slots: column c owns slot ids slotStart[c] .. slotStart[c+1]-1
  const slotStart = new Int32Array(cols + 1);
  for (let c = 0; c < cols; c++) {
    slotStart[c + 1] = slotStart[c]! + freeSlots[c]!;
  }
  const slotCol = new Int32Array(slotStart[cols]!);
  for (let c = 0; c < cols; c++) {
    slotCol.fill(c, slotStart[c]!, slotStart[c + 1]!);
  }
  const rr: number[] = [];
  const cc: number[] = [];
  const ww: number[] = [];
  const idx: number[] = [];
  for (const [key, i] of best) {
    const x = candidates[i]!;
    if (forbidden.has(key) || lockedEdge[x.row] !== -1) {
      continue;
    }
    const reduced = x.weight - ur(x.row) - us(x.col);
    if (reduced <= 0) {
      continue;
    }
    for (let s = slotStart[x.col]!; s < slotStart[x.col + 1]!; s++) {
      rr.push(x.row);
      cc.push(s);
      ww.push(reduced);
      idx.push(i);
    }
  }
  return { rr, cc, ww, idx, lockedEdge, place, freeSlots, slotStart, slotCol, ur, us };
}

/** Optimal allocation of people to places under the constraints. */
export function solveAllocation(problem: AllocationProblem): AllocationSolution {
  const { rows, cols, candidates } = problem;
  const { rr, cc, ww, idx, lockedEdge, place, freeSlots, slotCol, ur, us } = reduceAllocation(problem);
  const res = assignSparse({ nRows: rows, nCols: slotCol.length, row: rr, col: cc, w: ww });
  const assignments: ChosenPlace[] = [];
  const unmatchedRows: number[] = [];
  let total = 0;
  for (let r = 0; r < rows; r++) {
    let i = lockedEdge[r]!;
    const locked = i !== -1;
    if (!locked && res.rowEdge[r]! >= 0) {
      i = idx[res.rowEdge[r]!]!;
      place[r] = candidates[i]!.col;
      freeSlots[place[r]!]!--;
    }
    if (i === -1) {
      unmatchedRows.push(r);
      total += ur(r);
      continue;
    }
    const x = candidates[i]!;
    total += x.weight;
    assignments.push({ row: r, col: x.col, weight: x.weight, ...(x.factors ? { factors: x.factors } : {}), locked });
  }
  for (let c = 0; c < cols; c++) {
    total += freeSlots[c]! * us(c);
  }
  const rowDual = res.rowDual;
  for (let r = 0; r < rows; r++) {
    if (lockedEdge[r] !== -1) {
      rowDual[r] = 0;
    }
  }
  const colDual = new Float64Array(cols).fill(Number.POSITIVE_INFINITY);
  for (let s = 0; s < slotCol.length; s++) {
    const c = slotCol[s]!;
    colDual[c] = Math.min(colDual[c]!, res.colDual[s]!);
  }
  for (let c = 0; c < cols; c++) {
    if (colDual[c] === Number.POSITIVE_INFINITY) {
      colDual[c] = 0;
    }
  }
  return { total, assignments, unmatchedRows, place, freeSlots, rowDual, colDual };
}
