// Exhaustive reference solvers: exponential, for tiny instances in the tests only. They share no
// code with the real solvers, so agreement between the two is evidence of optimality.
import type { AllocationProblem, PairingProblem } from './constraints.js';

/** Best total of a pairing problem by trying every matching (n <= ~10). -Infinity if infeasible. */
export function exhaustivePairing(problem: PairingProblem): number {
  const { n } = problem;
  const key = (a: number, b: number): string => `${Math.min(a, b)} ${Math.max(a, b)}`;
  const forbidden = new Set((problem.forbidden ?? []).map(([a, b]) => key(a, b)));
  const weight = new Map<string, number>();
  for (const c of problem.candidates) {
    const k = key(c.a, c.b);
    weight.set(k, Math.max(weight.get(k) ?? Number.NEGATIVE_INFINITY, c.weight));
  }
  const lockedWith = new Array<number>(n).fill(-1);
  for (const [a, b] of problem.locked ?? []) {
    if (lockedWith[a] !== -1 || lockedWith[b] !== -1 || !weight.has(key(a, b)) || forbidden.has(key(a, b))) {
      return Number.NEGATIVE_INFINITY;
    }
    lockedWith[a] = b;
    lockedWith[b] = a;
  }
  const uv = (p: number): number => problem.unmatchedValue?.[p] ?? 0;
  const used = new Array<boolean>(n).fill(false);
  const go = (p: number): number => {
    if (p === n) {
      return 0;
    }
    if (used[p]) {
      return go(p + 1);
    }
    used[p] = true;
    let best = Number.NEGATIVE_INFINITY;
    if (lockedWith[p] === -1) {
      best = uv(p) + go(p + 1);
    }
    for (let q = p + 1; q < n; q++) {
      const w = weight.get(key(p, q));
      if (used[q] || w === undefined || forbidden.has(key(p, q))) {
        continue;
      }
      if (lockedWith[p] !== -1 && lockedWith[p] !== q) {
        continue;
      }
      if (lockedWith[q] !== -1 && lockedWith[q] !== p) {
        continue;
      }
      used[q] = true;
      best = Math.max(best, w + go(p + 1));
      used[q] = false;
    }
    used[p] = false;
    return best;
  };
  return go(0);
}

/** Best total of an allocation problem by trying every assignment (tiny only). */
export function exhaustiveAllocation(problem: AllocationProblem): number {
  const { rows, cols } = problem;
  const forbidden = new Set((problem.forbidden ?? []).map(([r, c]) => r * cols + c));
  const weight = new Map<number, number>();
  for (const x of problem.candidates) {
    const k = x.row * cols + x.col;
    weight.set(k, Math.max(weight.get(k) ?? Number.NEGATIVE_INFINITY, x.weight));
  }
  const lockedTo = new Array<number>(rows).fill(-1);
  for (const [r, c] of problem.locked ?? []) {
    if (lockedTo[r] !== -1 || !weight.has(r * cols + c) || forbidden.has(r * cols + c)) {
      return Number.NEGATIVE_INFINITY;
    }
    lockedTo[r] = c;
  }
  const left = Array.from({ length: cols }, (_, c) => problem.capacity?.[c] ?? 1);
  const ur = (r: number): number => problem.unmatchedRowValue?.[r] ?? 0;
  const us = (c: number): number => problem.emptySlotValue?.[c] ?? 0;
  const go = (r: number): number => {
    if (r === rows) {
      let empty = 0;
      for (let c = 0; c < cols; c++) {
        if (left[c]! < 0) {
          return Number.NEGATIVE_INFINITY;
        }
        empty += left[c]! * us(c);
      }
      return empty;
    }
    let best = lockedTo[r] === -1 ? ur(r) + go(r + 1) : Number.NEGATIVE_INFINITY;
    for (let c = 0; c < cols; c++) {
      const w = weight.get(r * cols + c);
      if (w === undefined || forbidden.has(r * cols + c) || left[c]! <= 0 || (lockedTo[r] !== -1 && lockedTo[r] !== c)) {
        continue;
      }
      left[c]!--;
      best = Math.max(best, w + go(r + 1));
      left[c]!++;
    }
    return best;
  };
  return go(0);
}
