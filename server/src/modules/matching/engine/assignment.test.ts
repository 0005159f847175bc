import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Assignment, assignDense, assignSparse, type BipartiteGraph } from './assignment.js';
import { assignDenseCertified, maxWeightAssignment } from './certified.js';
import { exhaustiveAllocation } from './exhaustive.js';
import { parseInstance } from './format.js';

const GEN = fileURLToPath(new URL('../../../../../../shared/bench/matching/gen.js', import.meta.url));
if (!existsSync(GEN)) {
  console.warn(
    `\n⚠️  SKIPPED: reference-optimum test in ${import.meta.url.split('/').at(-1)} — the instance generator ${GEN} is not next to this checkout (../shared/bench/matching).\n`,
  );
}

/** Checks the answer is a matching of edges of g (dense: of positive cells) and returns its weight. */
function checkedWeight(g: BipartiteGraph, res: Assignment, dense = false): number {
  let sum = 0;
  for (let r = 0; r < g.nRows; r++) {
    const c = res.rowMate[r]!;
    if (c === -1) {
      continue;
    }
    expect(res.colMate[c]).toBe(r);
    const k = res.rowEdge[r]!;
    if (dense) {
      expect(k).toBe(r * g.nCols + c);
    } else {
      expect([g.row[k], g.col[k]]).toEqual([r, c]);
    }
    sum += g.w[k]!;
  }
  let cols = 0;
  for (let c = 0; c < g.nCols; c++) {
    cols += res.colMate[c]! >= 0 ? 1 : 0;
  }
  expect(cols).toBe([...res.rowMate].filter((c) => c >= 0).length);
  expect(res.weight).toBe(sum);
  return sum;
}

const bipArb = fc
  .record({
    nRows: fc.integer({ min: 0, max: 7 }),
    nCols: fc.integer({ min: 0, max: 7 }),
    density: fc.integer({ min: 0, max: 100 }),
    maxW: fc.constantFrom(0, 1, 3, 10, 1000),
    seed: fc.integer(),
  })
  .map(({ nRows, nCols, density, maxW, seed }) => {
    const rnd = fc.sample(fc.integer({ min: 0, max: 1_000_000_000 }), { seed, numRuns: nRows * nCols * 2 + 1 });
    const g = { nRows, nCols, row: [] as number[], col: [] as number[], w: [] as number[] };
    let at = 0;
    for (let r = 0; r < nRows; r++) {
      for (let c = 0; c < nCols; c++) {
        if (rnd[at++]! % 100 < density) {
          g.row.push(r);
          g.col.push(c);
          g.w.push(rnd[at++]! % (maxW + 1));
        }
      }
    }
    return g;
  });

const toDense = (g: BipartiteGraph): Int32Array => {
  const W = new Int32Array(g.nRows * g.nCols);
  for (let k = 0; k < g.row.length; k++) {
    W[g.row[k]! * g.nCols + g.col[k]!] = g.w[k]!;
  }
  return W;
};

describe('bipartite assignment (not every row must be matched)', { timeout: 60_000 }, () => {
  it('hand cases: maximum weight, not maximum cardinality', () => {
    // rows 0,1; cols 0,1: 0-0 = 10, 0-1 = 9, 1-0 = 9: the two 9s (18) beat the 10
    const g = { nRows: 2, nCols: 2, row: [0, 0, 1], col: [0, 1, 0], w: [10, 9, 9] };
    expect(assignSparse(g).weight).toBe(18);
    // 0-0 = 10, 0-1 = 1, 1-0 = 1: one heavy pair beats two light ones
    const h = { nRows: 2, nCols: 2, row: [0, 0, 1], col: [0, 1, 0], w: [10, 1, 1] };
    expect(assignSparse(h).weight).toBe(10);
    expect([...assignSparse(h).rowMate]).toEqual([0, -1]);
    const one = { nRows: 2, nCols: 1, row: [0, 1], col: [0, 0], w: [3, 7] };
    expect([...assignSparse(one).rowMate]).toEqual([-1, 0]);
    // more rows than columns and the other way round
    const wide = assignDense(1, 3, [4, 9, 2]);
    expect(wide.weight).toBe(9);
    expect(wide.rowMate[0]).toBe(1);
    const tall = assignDense(3, 1, [4, 9, 2]);
    expect([...tall.colMate]).toEqual([1]);
    // zero-weight cells are never reported by the dense solver
    expect([...assignDense(2, 2, [0, 0, 0, 0]).rowMate]).toEqual([-1, -1]);
  });

  it('sparse, dense and auto equal exhaustive search on thousands of small instances', () => {
    fc.assert(
      fc.property(bipArb, (g) => {
        const expected = exhaustiveAllocation({ rows: g.nRows, cols: g.nCols, candidates: g.row.map((row, k) => ({ row, col: g.col[k]!, weight: g.w[k]! })) });
        expect(checkedWeight(g, assignSparse(g))).toBe(expected);
        expect(checkedWeight({ ...g, w: toDense(g) }, assignDense(g.nRows, g.nCols, toDense(g)), true)).toBe(expected);
        expect(checkedWeight(g, maxWeightAssignment(g, 'dense'))).toBe(expected);
        // k = 1 keeps very few cells, so the certificate often fails and cells are added
        expect(checkedWeight({ ...g, w: toDense(g) }, assignDenseCertified(g.nRows, g.nCols, toDense(g), 1), true)).toBe(expected);
        expect(checkedWeight(g, maxWeightAssignment(g))).toBe(expected);
        const res = assignSparse(g);
        for (let k = 0; k < g.row.length; k++) {
          expect(res.rowDual[g.row[k]!]! + res.colDual[g.col[k]!]!).toBeGreaterThanOrEqual(g.w[k]!);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('sparse and dense agree on larger random instances', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 120 }),
        fc.integer({ min: 1, max: 120 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.integer(),
        (nRows, nCols, maxW, seed) => {
          const rnd = fc.sample(fc.integer({ min: 0, max: maxW }), { seed, numRuns: nRows * nCols });
          const g = { nRows, nCols, row: [] as number[], col: [] as number[], w: rnd };
          for (let r = 0; r < nRows; r++) {
            for (let c = 0; c < nCols; c++) {
              g.row.push(r);
              g.col.push(c);
            }
          }
          const full = assignDense(nRows, nCols, rnd).weight;
          expect(checkedWeight(g, assignSparse(g))).toBe(full);
          for (const k of [1, 2, 10]) {
            expect(checkedWeight({ ...g, w: rnd }, assignDenseCertified(nRows, nCols, rnd, k), true)).toBe(full);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('refuses malformed input', () => {
    expect(() => assignDense(2, 2, [1, 2, 3])).toThrow(RangeError);
    expect(() => assignDense(1, 1, [1.5])).toThrow(RangeError);
    expect(() => assignDense(1, 1, [-1])).toThrow(RangeError);
    expect(() => assignSparse({ nRows: 1, nCols: 1, row: [0], col: [1], w: [1] })).toThrow(RangeError);
    expect(() => assignSparse({ nRows: 1, nCols: 1, row: [0], col: [0], w: [0.5] })).toThrow(RangeError);
    expect(() => assignDenseCertified(1, 2, [3, -1])).toThrow(RangeError);
  });

  it.skipIf(!existsSync(GEN))(
    'finds the reference optimum of A-dense-1000 (998811)',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'abitare-matching-'));
      try {
        const file = join(dir, 'a-dense-1000.txt');
        execFileSync(process.execPath, [GEN, 'bip-dense', '1000', '1000', '1000', '--seed', '12345', '--out', file]);
        const g = parseInstance('assignment', readFileSync(file));
        const res = maxWeightAssignment(g);
        expect(res.weight).toBe(998811);
        expect(checkedWeight(g, res)).toBe(998811);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    30_000,
  );
});
