// Exact maximum-weight bipartite matching ("rectangular assignment where not every row must be
// matched") by the primal-dual Hungarian method with shortest augmenting paths.
//
// Dual: a[left] >= 0, b[right] >= 0, a + b >= w on every edge, 0 on every unmatched vertex. One
// search per free left vertex with a positive dual grows Dijkstra-like (times are the reduced
// costs, potentials kept lazily): a right vertex becomes reachable when its least slack edge to
// the tree becomes tight; the search ends at a free right vertex (augment) or when a left dual in
// the tree reaches 0 (the path to it flips and that vertex is the one left unmatched). Greedy
// start: a[i] = max weight of i, tight edges matched greedily. Integer weights stay integer.
// The sparse variant keeps a heap over the right vertices touched by the search (memory O(edges));
// the dense variant scans a row of the matrix (Jonker–Volgenant style, no heap).
import { EventHeap } from './heap.js';

/** Edges of a bipartite graph: edge k joins row[k] (0..nRows-1) and col[k] (0..nCols-1). */
export interface BipartiteGraph {
  nRows: number;
  nCols: number;
  row: ArrayLike<number>;
  col: ArrayLike<number>;
  /** Integer weights >= 0. */
  w: ArrayLike<number>;
}

export interface Assignment {
  weight: number;
  /** rowMate[r] = column of row r, or -1. */
  rowMate: Int32Array;
  /** colMate[c] = row of column c, or -1. */
  colMate: Int32Array;
  /** rowEdge[r] = index of the edge used by row r, or -1 (dense: -1 always). */
  rowEdge: Int32Array;
  /** Duals: rowDual[r] + colDual[c] >= w(r, c) for every edge, 0 on unmatched vertices. */
  rowDual: Float64Array;
  colDual: Float64Array;
}

interface LeftCsr {
  nLeft: number;
  nRight: number;
  start: Int32Array;
  right: Int32Array;
  weight: Float64Array;
  edge: Int32Array;
}

function buildCsr(g: BipartiteGraph, leftIsRow: boolean): LeftCsr {
  const m = g.row.length;
  const nLeft = leftIsRow ? g.nRows : g.nCols;
  const nRight = leftIsRow ? g.nCols : g.nRows;
  const L = leftIsRow ? g.row : g.col;
  const R = leftIsRow ? g.col : g.row;
  const start = new Int32Array(nLeft + 1);
  for (let k = 0; k < m; k++) {
    const l = L[k]!;
    const r = R[k]!;
    if (!(l >= 0 && l < nLeft && r >= 0 && r < nRight) || !Number.isSafeInteger(g.w[k]) || g.w[k]! < 0) {
      throw new RangeError(`edge ${k} (${g.row[k]}, ${g.col[k]}, ${g.w[k]}) is out of range`);
    }
    start[l + 1]!++;
  }
  for (let i = 0; i < nLeft; i++) {
    start[i + 1]! += start[i]!;
  }
  const fill = start.slice(0, nLeft);
  const right = new Int32Array(m);
  const weight = new Float64Array(m);
  const edge = new Int32Array(m);
  for (let k = 0; k < m; k++) {
    const at = fill[L[k]!]!++;
    right[at] = R[k]!;
    weight[at] = g.w[k]!;
    edge[at] = k;
  }
  return { nLeft, nRight, start, right, weight, edge };
}

/**
 * Maximum-weight matching of a sparse bipartite graph (memory proportional to the edges).
 * Searches start from the smaller side.
 */
export function assignSparse(g: BipartiteGraph): Assignment {
  const leftIsRow = g.nRows <= g.nCols;
  const csr = buildCsr(g, leftIsRow);
  const { nLeft, nRight, start, right, weight } = csr;
  const mateL = new Int32Array(nLeft).fill(-1); // CSR slot of the matching edge
  const mateR = new Int32Array(nRight).fill(-1); // left vertex
  const a = new Float64Array(nLeft);
  const b = new Float64Array(nRight);
  // search state
  const dist = new Float64Array(nRight);
  const stampR = new Int32Array(nRight).fill(-1);
  const predSlot = new Int32Array(nRight); // CSR slot of the edge that reached it
  const isT = new Int32Array(nRight).fill(-1); // stage number when labelled T
  const enterL = new Float64Array(nLeft);
  const heap = new EventHeap(1024);
  const sLeft: number[] = [];
  const tRight: number[] = [];
  const tTime: number[] = [];
  const slotLeft = new Int32Array(start[nLeft]!);
  for (let i = 0; i < nLeft; i++) {
    for (let s = start[i]!; s < start[i + 1]!; s++) {
      slotLeft[s] = i;
    }
  }

  // greedy start
  for (let i = 0; i < nLeft; i++) {
    let best = 0;
    for (let s = start[i]!; s < start[i + 1]!; s++) {
      if (weight[s]! > best) {
        best = weight[s]!;
      }
    }
    a[i] = best;
    if (best > 0) {
      for (let s = start[i]!; s < start[i + 1]!; s++) {
        if (weight[s] === best && mateR[right[s]!] === -1) {
          mateL[i] = s;
          mateR[right[s]!] = i;
          break;
        }
      }
    }
  }

  let stage = 0;
  for (let root = 0; root < nLeft; root++) {
    if (mateL[root] !== -1 || a[root] === 0) {
      continue;
    }
    stage++;
    heap.clear();
    sLeft.length = 0;
    tRight.length = 0;
    tTime.length = 0;
    let dissolveAt = Number.POSITIVE_INFINITY;
    let dissolveLeft = -1;
    let end = 0;
    let freeRight = -1;
    // left vertex i joins the tree at time t (its stored dual is still current); inlined rather
    // than a closure, which would be a new function for every search
    let i = root;
    let t = 0;
    for (;;) {
      sLeft.push(i);
      enterL[i] = t;
      const ai = a[i]!;
      if (t + ai < dissolveAt) {
        dissolveAt = t + ai;
        dissolveLeft = i;
      }
      for (let s = start[i]!, se = start[i + 1]!; s < se; s++) {
        const j = right[s]!;
        if (isT[j] === stage) {
          continue;
        }
        const key = t + ai + b[j]! - weight[s]!;
        if (stampR[j] !== stage || key < dist[j]!) {
          stampR[j] = stage;
          dist[j] = key;
          predSlot[j] = s;
          heap.push(key, j);
        }
      }
      // next right vertex to become tight
      let j = -1;
      let key = Number.POSITIVE_INFINITY;
      while (heap.size > 0) {
        const k = heap.topKey();
        const v = heap.topVal();
        if (isT[v] === stage || k !== dist[v]) {
          heap.pop();
          continue;
        }
        j = v;
        key = k;
        break;
      }
      if (j === -1 || dissolveAt <= key) {
        end = dissolveAt;
        break;
      }
      heap.pop();
      isT[j] = stage;
      tRight.push(j);
      tTime.push(key);
      const i2 = mateR[j]!;
      if (i2 === -1) {
        end = key;
        freeRight = j;
        break;
      }
      i = i2;
      t = key;
    }
    // duals at time `end`
    for (const i of sLeft) {
      a[i] = a[i]! - (end - enterL[i]!);
    }
    for (let x = 0; x < tRight.length; x++) {
      b[tRight[x]!] = b[tRight[x]!]! + (end - tTime[x]!);
    }
    if (freeRight >= 0) {
      // augment: walk back along predecessor edges
      let j = freeRight;
      for (;;) {
        const s = predSlot[j]!;
        const i = slotLeft[s]!;
        const old = mateL[i]!;
        mateL[i] = s;
        mateR[j] = i;
        if (old === -1) {
          break;
        }
        j = right[old]!;
      }
    } else {
      // dissolve: the left vertex whose dual reached 0 becomes free, the root gets matched
      let i = dissolveLeft;
      let s = mateL[i]!;
      mateL[i] = -1;
      while (s !== -1) {
        const j = right[s]!;
        const ps = predSlot[j]!;
        const i2 = slotLeft[ps]!;
        const next = mateL[i2]!;
        mateL[i2] = ps;
        mateR[j] = i2;
        i = i2;
        s = next;
      }
    }
  }

  const rowMate = new Int32Array(g.nRows).fill(-1);
  const colMate = new Int32Array(g.nCols).fill(-1);
  const rowEdge = new Int32Array(g.nRows).fill(-1);
  let total = 0;
  for (let i = 0; i < nLeft; i++) {
    const s = mateL[i]!;
    if (s < 0) {
      continue;
    }
    const j = right[s]!;
    const r = leftIsRow ? i : j;
    const c = leftIsRow ? j : i;
    rowMate[r] = c;
    colMate[c] = r;
    rowEdge[r] = csr.edge[s]!;
    total += weight[s]!;
  }
  return { weight: total, rowMate, colMate, rowEdge, rowDual: leftIsRow ? a : b, colDual: leftIsRow ? b : a };
}

/**
 * Maximum-weight assignment on a dense nRows × nCols matrix (row-major, integer weights >= 0;
 * 0 = no edge, int32 range). Pairs of weight 0 are not reported (they add nothing). rowEdge is the
 * matrix index.
 */
export function assignDense(nRows: number, nCols: number, weights: ArrayLike<number>): Assignment {
  if (weights.length !== nRows * nCols) {
    throw new RangeError(`a ${nRows} × ${nCols} matrix needs ${nRows * nCols} weights, got ${weights.length}`);
  }
  // int32 halves the memory traffic of the row scans, the hot loop
  const W = weights instanceof Int32Array ? weights : Int32Array.from(weights);
  for (let x = 0; x < W.length; x++) {
    if (W[x] !== weights[x]) {
      throw new RangeError(`weight ${weights[x]} at row ${Math.floor(x / nCols)}, column ${x % nCols} is not an int32 integer`);
    }
  }
  const nL = nRows;
  const nR = nCols;
  const mateL = new Int32Array(nL).fill(-1);
  const mateR = new Int32Array(nR).fill(-1);
  const a = new Float64Array(nL);
  const b = new Float64Array(nR);
  const dist = new Float64Array(nR);
  const pred = new Int32Array(nR);
  const tIn = new Uint8Array(nR);
  const enterL = new Float64Array(nL);
  const sLeft = new Int32Array(nL);
  const tRight = new Int32Array(nR);
  const tTime = new Float64Array(nR);

  for (let i = 0; i < nL; i++) {
    const off = i * nR;
    let best = 0;
    let arg = -1;
    for (let j = 0; j < nR; j++) {
      const x = W[off + j]!;
      if (x < 0) {
        throw new RangeError(`negative weight at row ${i}, column ${j}`);
      }
      if (x > best || (x === best && arg >= 0 && mateR[arg] !== -1 && mateR[j] === -1)) {
        best = x;
        arg = j;
      }
    }
    a[i] = best;
    if (best > 0 && mateR[arg] === -1) {
      mateL[i] = arg;
      mateR[arg] = i;
    }
  }

  for (let root = 0; root < nL; root++) {
    if (mateL[root] !== -1 || a[root] === 0) {
      continue;
    }
    dist.fill(Number.POSITIVE_INFINITY);
    tIn.fill(0);
    let nS = 0;
    let nT = 0;
    let dissolveAt = Number.POSITIVE_INFINITY;
    let dissolveLeft = -1;
    let i = root;
    let t = 0;
    let end = 0;
    let freeRight = -1;
    for (;;) {
      sLeft[nS++] = i;
      enterL[i] = t;
      const ai = a[i]!;
      if (t + ai < dissolveAt) {
        dissolveAt = t + ai;
        dissolveLeft = i;
      }
      // relax row i and find the next right vertex to become tight
      const off = i * nR;
      const base = t + ai;
      let key = Number.POSITIVE_INFINITY;
      let jmin = -1;
      for (let j = 0; j < nR; j++) {
        if (tIn[j] === 1) {
          continue;
        }
        let d = dist[j]!;
        const k = base + b[j]! - W[off + j]!;
        if (k < d) {
          d = k;
          dist[j] = k;
          pred[j] = i;
        }
        if (d < key || (d === key && mateR[j] === -1)) {
          key = d;
          jmin = j;
        }
      }
      if (jmin === -1 || dissolveAt <= key) {
        end = dissolveAt;
        break;
      }
      tIn[jmin] = 1;
      tRight[nT] = jmin;
      tTime[nT++] = key;
      t = key;
      if (mateR[jmin] === -1) {
        end = key;
        freeRight = jmin;
        break;
      }
      i = mateR[jmin]!;
    }
    for (let x = 0; x < nS; x++) {
      const l = sLeft[x]!;
      a[l] = a[l]! - (end - enterL[l]!);
    }
    for (let x = 0; x < nT; x++) {
      const r = tRight[x]!;
      b[r] = b[r]! + (end - tTime[x]!);
    }
    if (freeRight >= 0) {
      let j = freeRight;
      for (;;) {
        const l = pred[j]!;
        const old = mateL[l]!;
        mateL[l] = j;
        mateR[j] = l;
        if (old === -1) {
          break;
        }
        j = old;
      }
    } else {
      let l = dissolveLeft;
      let j = mateL[l]!;
      mateL[l] = -1;
      while (j !== -1) {
        const l2 = pred[j]!;
        const next = mateL[l2]!;
        mateL[l2] = j;
        mateR[j] = l2;
        l = l2;
        j = next;
      }
    }
  }

  const rowMate = new Int32Array(nRows).fill(-1);
  const colMate = new Int32Array(nCols).fill(-1);
  const rowEdge = new Int32Array(nRows).fill(-1);
  let total = 0;
  for (let r = 0; r < nL; r++) {
    const c = mateL[r]!;
    if (c < 0 || W[r * nR + c] === 0) {
      continue;
    }
    rowMate[r] = c;
    colMate[c] = r;
    rowEdge[r] = r * nR + c;
    total += W[r * nR + c]!;
  }
  return { weight: total, rowMate, colMate, rowEdge, rowDual: a, colDual: b };
}
