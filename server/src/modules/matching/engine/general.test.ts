import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignSparse } from './assignment.js';
import { exhaustivePairing } from './exhaustive.js';
import { parseInstance } from './format.js';
import { maxWeightMatching } from './general.js';

const GEN = fileURLToPath(new URL('../../../../../../shared/bench/matching/gen.js', import.meta.url));
if (!existsSync(GEN)) {
  console.warn(
    `\n⚠️  SKIPPED: reference-optimum test in ${import.meta.url.split('/').at(-1)} — the instance generator ${GEN} is not next to this checkout (../shared/bench/matching).\n`,
  );
}

interface Edges {
  n: number;
  u: number[];
  v: number[];
  w: number[];
}

/** Checks that the answer is a matching made of the given edges and returns its weight. */
function checkedWeight(g: Edges, res: ReturnType<typeof maxWeightMatching>): number {
  let sum = 0;
  for (let x = 0; x < g.n; x++) {
    const y = res.mate[x]!;
    if (y === -1) {
      expect(res.mateEdge[x]).toBe(-1);
      continue;
    }
    expect(res.mate[y]).toBe(x);
    const k = res.mateEdge[x]!;
    expect(res.mateEdge[y]).toBe(k);
    expect([g.u[k], g.v[k]].sort()).toEqual([x, y].sort());
    if (x < y) {
      sum += g.w[k]!;
    }
  }
  expect(res.weight).toBe(sum);
  return sum;
}

const graphArb = (maxN: number) =>
  fc
    .record({
      n: fc.integer({ min: 0, max: maxN }),
      density: fc.integer({ min: 0, max: 100 }),
      maxW: fc.constantFrom(0, 1, 2, 5, 100, 1_000_000),
      seed: fc.integer(),
    })
    .map(({ n, density, maxW, seed }) => {
      const rnd = fc.sample(fc.integer({ min: 0, max: 1_000_000_000 }), { seed, numRuns: n * n * 2 + 1 });
      let at = 0;
      const next = () => rnd[at++ % rnd.length]!;
      const g: Edges = { n, u: [], v: [], w: [] };
      for (let a = 0; a < n; a++) {
        for (let b = a + 1; b < n; b++) {
          if (next() % 100 < density) {
            g.u.push(a);
            g.v.push(b);
            g.w.push(next() % (maxW + 1));
          }
        }
      }
      return g;
    });

describe('maxWeightMatching (general graphs)', { timeout: 60_000 }, () => {
  it('hand cases', () => {
    // a path a-b-c-d: the two ends beat the heavier middle edge
    expect(maxWeightMatching({ n: 4, u: [0, 1, 2], v: [1, 2, 3], w: [5, 8, 5] }).weight).toBe(10);
    // not maximum cardinality: one heavy edge beats two light ones
    expect(maxWeightMatching({ n: 4, u: [0, 1, 2], v: [1, 2, 3], w: [1, 10, 1] }).weight).toBe(10);
    // a triangle with a pendant: needs a blossom
    const tri = maxWeightMatching({ n: 4, u: [0, 1, 0, 2], v: [1, 2, 2, 3], w: [6, 6, 6, 7] });
    expect(tri.weight).toBe(13);
    expect(tri.mate[3]).toBe(2);
    // blossom cases from Van Rantwijk's test suite (vertex 0 unused)
    const vr = (edges: number[][]) => maxWeightMatching({ n: 7, u: edges.map((e) => e[0]!), v: edges.map((e) => e[1]!), w: edges.map((e) => e[2]!) });
    const sBlossom = vr([
      [1, 2, 8],
      [1, 3, 9],
      [2, 3, 10],
      [3, 4, 7],
      [1, 6, 5],
      [4, 5, 6],
    ]);
    expect(sBlossom.weight).toBe(21);
    expect([...sBlossom.mate]).toEqual([-1, 6, 3, 2, 5, 4, 1]);
    const tBlossom = vr([
      [1, 2, 9],
      [1, 3, 8],
      [2, 3, 10],
      [1, 4, 5],
      [4, 5, 4],
      [1, 6, 3],
    ]);
    expect(tBlossom.weight).toBe(17);
    expect([...tBlossom.mate]).toEqual([-1, 6, 3, 2, 5, 4, 1]);
    const nested = vr([
      [1, 2, 9],
      [1, 3, 9],
      [2, 3, 10],
      [2, 4, 8],
      [3, 5, 8],
      [4, 5, 10],
      [5, 6, 6],
    ]);
    expect(nested.weight).toBe(23);
    expect([...nested.mate]).toEqual([-1, 3, 4, 1, 2, 6, 5]);
    // empty graph, isolated vertices, zero weights
    expect(maxWeightMatching({ n: 0, u: [], v: [], w: [] }).weight).toBe(0);
    expect(maxWeightMatching({ n: 3, u: [0], v: [1], w: [0] }).weight).toBe(0);
    // parallel edges: the heavier copy is used
    const par = maxWeightMatching({ n: 2, u: [0, 1], v: [1, 0], w: [3, 9] });
    expect(par.weight).toBe(9);
    expect(par.mateEdge[0]).toBe(1);
  });

  it('refuses loops and out-of-range vertices', () => {
    expect(() => maxWeightMatching({ n: 2, u: [1], v: [1], w: [1] })).toThrow(RangeError);
    expect(() => maxWeightMatching({ n: 2, u: [0], v: [2], w: [1] })).toThrow(RangeError);
    expect(() => maxWeightMatching({ n: 2, u: [0], v: [1], w: [1.5] })).toThrow(/not an integer/);
    expect(() => maxWeightMatching({ n: 2, u: [0], v: [1], w: [-1] })).toThrow(/not an integer >= 0/);
  });

  it('equals exhaustive search on thousands of small random graphs', () => {
    fc.assert(
      fc.property(graphArb(10), fc.constantFrom('auto', 'fractional', 'greedy' as const), (g, start) => {
        const res = maxWeightMatching(g, start);
        const expected = exhaustivePairing({ n: g.n, candidates: g.u.map((a, k) => ({ a, b: g.v[k]!, weight: g.w[k]! })) });
        expect(checkedWeight(g, res)).toBe(expected);
        // duals are feasible and zero on unmatched vertices
        for (let x = 0; x < g.n; x++) {
          expect(res.dual[x]).toBeGreaterThanOrEqual(0);
          if (res.mate[x] === -1) {
            expect(res.dual[x]).toBe(0);
          }
        }
      }),
      { numRuns: 5000 },
    );
  });

  it('agrees with the bipartite solver on larger bipartite graphs', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 80 }), fc.integer({ min: 1, max: 80 }), fc.integer({ min: 1, max: 30 }), fc.integer(), (nr, nc, deg, seed) => {
        const rnd = fc.sample(fc.integer({ min: 0, max: 1_000_000 }), { seed, numRuns: nr * deg * 2 });
        const row: number[] = [];
        const col: number[] = [];
        const w: number[] = [];
        for (let r = 0; r < nr; r++) {
          for (let d = 0; d < deg; d++) {
            row.push(r);
            col.push(rnd[(r * deg + d) * 2]! % nc);
            w.push(rnd[(r * deg + d) * 2 + 1]! % 50);
          }
        }
        const g = { n: nr + nc, u: row, v: col.map((c) => nr + c), w };
        const expected = assignSparse({ nRows: nr, nCols: nc, row, col, w }).weight;
        expect(checkedWeight(g, maxWeightMatching(g, 'greedy'))).toBe(expected);
        expect(checkedWeight(g, maxWeightMatching(g, 'fractional'))).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it.skipIf(!existsSync(GEN))('finds the reference optimum of G-sparse-2k (83956)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'abitare-matching-'));
    try {
      const file = join(dir, 'g-sparse-2k.txt');
      execFileSync(process.execPath, [GEN, 'gen-sparse', '2000', '10', '100', '--seed', '12345', '--out', file]);
      const g = parseInstance('general', readFileSync(file));
      const res = maxWeightMatching(g);
      expect(res.weight).toBe(83956);
      expect(checkedWeight({ n: g.n, u: [...g.u], v: [...g.v], w: [...g.w] }, res)).toBe(83956);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
