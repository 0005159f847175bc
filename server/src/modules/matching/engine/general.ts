// Exact maximum-weight matching on a general graph (Edmonds' blossom algorithm, primal-dual).
//
// The structure follows the classic formulation of Galil ("Efficient algorithms for finding
// maximum matching in graphs", 1986) as popularised by Van Rantwijk's mwmatching, with three
// changes that make it fast on large sparse graphs:
//  1. a greedy start: vertex duals are lowered until every vertex has a tight edge (or is 0) and
//     tight edges are matched greedily, so only the remaining free vertices need a search;
//  2. one alternating tree at a time, grown from a free vertex whose dual is positive; a stage
//     ends with an augmentation (to any free vertex) or when an outer vertex's dual reaches 0
//     (the path to it is flipped so that it becomes the free one, which the optimality
//     conditions allow);
//  3. dual changes are lazy: every pending event (an edge becoming tight, a dual reaching 0,
//     a T-blossom dual reaching 0) has a fixed "time" while labels do not change, so all events
//     sit in one priority queue and a stage costs O(size of the tree · log), not O(n).
// Duals are kept doubled (slack = y_u + y_v - 2w), so with integer weights every time is an
// integer or a half, exact in float64.
import { maxWeightAssignment } from './certified.js';
import { EventHeap } from './heap.js';

/** Edges of a general graph: edge k joins u[k] and v[k] (u != v) with integer weight w[k] >= 0. */
export interface GeneralGraph {
  n: number;
  u: ArrayLike<number>;
  v: ArrayLike<number>;
  w: ArrayLike<number>;
}

export interface GeneralMatching {
  /** Total weight of the matching. */
  weight: number;
  /** mate[v] = the vertex matched to v, or -1. */
  mate: Int32Array;
  /** mateEdge[v] = index of the edge matching v, or -1. */
  mateEdge: Int32Array;
  /**
   * Vertex duals, doubled: y[u] + y[v] >= 2·w(u,v) for every edge not inside a blossom, 0 for
   * every unmatched vertex. (y[u] + y[v] - 2w)/2 is a lower bound of what forcing edge (u,v)
   * into the matching costs.
   */
  dual: Float64Array;
}

/** How the duals start: `auto` = fractional when the average degree is >= 32, else greedy. */
export type MatchingStart = 'auto' | 'fractional' | 'greedy';

const S = 1;
const T = 2;
const INF = Number.POSITIVE_INFINITY;

/** Maximum-weight matching (not necessarily of maximum cardinality) of a general graph. */
// Solver state, module-level so that the functions below are created once: closures made per
// call would be new call targets each time and throw V8's optimised code away on every solve.
// maxWeightMatching is synchronous and not re-entrant, so one state is enough.
let n = 0;
let endpoint = new Int32Array(0);
let wt = new Float64Array(0);
let adjStart = new Int32Array(0);
let adj = new Int32Array(0);
let mate = new Int32Array(0); // remote endpoint index, or -1
let label = new Int32Array(0);
let labelend = new Int32Array(0);
let inblossom = new Int32Array(0);
let blossomparent = new Int32Array(0);
let blossombase = new Int32Array(0);
let childs: (number[] | null)[] = [];
let endps: (number[] | null)[] = [];
let unused: number[] = [];
// lazy duals: actual = base + sign · (now - since)
let yBase = new Float64Array(0);
let ySince = new Float64Array(0);
let ySign = new Int8Array(0);
let zBase = new Float64Array(0);
let zSince = new Float64Array(0);
let zSign = new Int8Array(0);
let bestT = new Float64Array(0);
let bestStamp = new Int32Array(0);
const heap = new EventHeap(1024);
let now = 0;
let stage = 0;
const touchedV: number[] = [];
const touchedZ: number[] = [];
const touchedB: number[] = [];

// Greedy duals: y[v] = heaviest incident weight (doubled units: y = 2 · w / 2), then each vertex
// lowered as far as feasibility allows.
function greedyDuals(m: number): void {
  for (let k = 0; k < m; k++) {
    const a = endpoint[2 * k]!;
    const b = endpoint[2 * k + 1]!;
    if (wt[k]! > yBase[a]!) {
      yBase[a] = wt[k]!;
    }
    if (wt[k]! > yBase[b]!) {
      yBase[b] = wt[k]!;
    }
  }
  for (let x = 0; x < n; x++) {
    let need = 0;
    for (let i = adjStart[x]!, end = adjStart[x + 1]!; i < end; i++) {
      const p = adj[i]!;
      const t = 2 * wt[p >> 1]! - yBase[endpoint[p]!]!;
      if (t > need) {
        need = t;
      }
    }
    yBase[x] = need;
  }
}

// Fractional start: the optimum of the bipartite double cover (every vertex once as a row, once
// as a column, each edge both ways) is the best fractional matching; its duals a, b give feasible
// doubled duals y[v] = a[v] + b[v] (y[u] + y[v] = (a[u] + b[v]) + (a[v] + b[u]) >= 2w), tight on
// every edge the cover uses both ways, which are matched at once. What is left for the blossom
// stages is the odd cycles of the fractional optimum: few, and with duals already close.
function fractionalStart(m: number): void {
  const row = new Int32Array(2 * m);
  const col = new Int32Array(2 * m);
  const w = new Float64Array(2 * m);
  for (let k = 0; k < m; k++) {
    row[2 * k] = col[2 * k + 1] = endpoint[2 * k]!;
    col[2 * k] = row[2 * k + 1] = endpoint[2 * k + 1]!;
    w[2 * k] = w[2 * k + 1] = wt[k]!;
  }
  const cover = maxWeightAssignment({ nRows: n, nCols: n, row, col, w });
  for (let x = 0; x < n; x++) {
    yBase[x] = cover.rowDual[x]! + cover.colDual[x]!;
  }
  for (let x = 0; x < n; x++) {
    const y = cover.rowMate[x]!;
    if (y > x && cover.rowMate[y] === x && mate[x] === -1 && mate[y] === -1) {
      // the cover's edge x -> y, used both ways: find it among x's edges
      for (let i = adjStart[x]!, end = adjStart[x + 1]!; i < end; i++) {
        const p = adj[i]!;
        if (endpoint[p] === y && yBase[x]! + yBase[y]! === 2 * wt[p >> 1]!) {
          mate[x] = p;
          mate[y] = p ^ 1;
          break;
        }
      }
    }
  }
}

// Drops the last solve's arrays (the module would otherwise keep them alive until the next one).
function release(): void {
  wt = yBase = ySince = zBase = zSince = bestT = new Float64Array(0);
  endpoint = adjStart = adj = mate = label = labelend = inblossom = blossomparent = blossombase = bestStamp = new Int32Array(0);
  ySign = zSign = new Int8Array(0);
  childs = [];
  endps = [];
  unused = [];
  heap.clear();
}

function yOf(v: number): number {
  return yBase[v]! + ySign[v]! * (now - ySince[v]!);
}
function zOf(b: number): number {
  return zBase[b]! + zSign[b]! * (now - zSince[b]!);
}
function setYSign(v: number, s: number): void {
  yBase[v] = yOf(v);
  ySince[v] = now;
  if (s !== 0 && ySign[v] === 0) {
    touchedV.push(v);
  }
  ySign[v] = s;
}
function setZSign(b: number, s: number): void {
  zBase[b] = zOf(b);
  zSince[b] = now;
  if (s !== 0 && zSign[b] === 0) {
    touchedZ.push(b);
  }
  zSign[b] = s;
}
function leaves(b: number): number[] {
  if (b < n) {
    return [b];
  }
  const out: number[] = [];
  const stack = [b];
  while (stack.length > 0) {
    const x = stack.pop()!;
    if (x < n) {
      out.push(x);
    } else {
      for (const c of childs[x]!) {
        stack.push(c);
      }
    }
  }
  return out;
}

// Event values: 3k edge k, 3v+1 vertex v's dual reaches 0, 3b+2 T-blossom b's dual reaches 0.
function scanS(x: number): void {
  const yx = yOf(x);
  heap.push(now + yx, 3 * x + 1);
  const bx = inblossom[x]!;
  for (let i = adjStart[x]!, end = adjStart[x + 1]!; i < end; i++) {
    const p = adj[i]!;
    const w = endpoint[p]!;
    const bw = inblossom[w]!;
    if (bw === bx) {
      continue;
    }
    const lw = label[bw]!;
    if (lw === S) {
      heap.push(now + (yx + yOf(w) - 2 * wt[p >> 1]!) / 2, 3 * (p >> 1));
    } else if (lw === 0) {
      const t = now + yx + yBase[w]! - 2 * wt[p >> 1]!;
      if (bestStamp[w] !== stage || t < bestT[w]!) {
        bestStamp[w] = stage;
        bestT[w] = t;
        heap.push(t, 3 * (p >> 1));
      }
    }
  }
}
// A vertex that left the tree (T-blossom expanded): find its least-slack edge to an S vertex.
function rescanFree(w: number): void {
  bestStamp[w] = stage;
  bestT[w] = INF;
  const bw = inblossom[w]!;
  const yw = yOf(w);
  for (let i = adjStart[w]!, end = adjStart[w + 1]!; i < end; i++) {
    const p = adj[i]!;
    const x = endpoint[p]!;
    const bx = inblossom[x]!;
    if (bx !== bw && label[bx] === S) {
      const t = now + yOf(x) + yw - 2 * wt[p >> 1]!;
      if (t < bestT[w]!) {
        bestT[w] = t;
        heap.push(t, 3 * (p >> 1));
      }
    }
  }
}

function assignLabel(w: number, t: number, p: number): void {
  const b = inblossom[w]!;
  label[b] = t;
  labelend[b] = p;
  touchedB.push(b);
  const lv = leaves(b);
  if (t === S) {
    if (b >= n) {
      setZSign(b, 2);
    }
    for (const v of lv) {
      setYSign(v, -1);
    }
    for (const v of lv) {
      scanS(v);
    }
  } else {
    if (b >= n) {
      setZSign(b, -2);
      heap.push(now + zOf(b) / 2, 3 * b + 2);
    }
    for (const v of lv) {
      setYSign(v, 1);
    }
    const mb = mate[blossombase[b]!]!;
    assignLabel(endpoint[mb]!, S, mb ^ 1);
  }
}

// Trace back from v and w to find the base of a new blossom (both are in the one tree).
function scanBlossom(v0: number, w0: number): number {
  const path: number[] = [];
  let base = -1;
  let v = v0;
  let w = w0;
  while (v !== -1 || w !== -1) {
    let b = inblossom[v]!;
    if (label[b]! & 4) {
      base = blossombase[b]!;
      break;
    }
    path.push(b);
    label[b] = 5;
    if (labelend[b] === -1) {
      v = -1;
    } else {
      v = endpoint[labelend[b]!]!;
      b = inblossom[v]!;
      v = endpoint[labelend[b]!]!;
    }
    if (w !== -1) {
      const t = v;
      v = w;
      w = t;
    }
  }
  for (const b of path) {
    label[b] = S;
  }
  return base;
}

function addBlossom(base: number, k: number): void {
  let v = endpoint[2 * k]!;
  let w = endpoint[2 * k + 1]!;
  const bb = inblossom[base]!;
  let bv = inblossom[v]!;
  let bw = inblossom[w]!;
  const b = unused.pop()!;
  blossombase[b] = base;
  blossomparent[b] = -1;
  blossomparent[bb] = b;
  const path: number[] = [];
  const ends: number[] = [];
  while (bv !== bb) {
    blossomparent[bv] = b;
    path.push(bv);
    ends.push(labelend[bv]!);
    v = endpoint[labelend[bv]!]!;
    bv = inblossom[v]!;
  }
  path.push(bb);
  path.reverse();
  ends.reverse();
  ends.push(2 * k);
  while (bw !== bb) {
    blossomparent[bw] = b;
    path.push(bw);
    ends.push(labelend[bw]! ^ 1);
    w = endpoint[labelend[bw]!]!;
    bw = inblossom[w]!;
  }
  childs[b] = path;
  endps[b] = ends;
  label[b] = S;
  labelend[b] = labelend[bb]!;
  touchedB.push(b);
  for (const c of path) {
    if (c >= n) {
      setZSign(c, 0);
    }
  }
  zBase[b] = 0;
  zSince[b] = now;
  zSign[b] = 0;
  setZSign(b, 2);
  const lv = leaves(b);
  for (const x of lv) {
    inblossom[x] = b;
  }
  for (const x of lv) {
    if (ySign[x] === 1) {
      setYSign(x, -1);
      scanS(x);
    }
  }
}

function expandBlossom(b: number, endstage: boolean): void {
  const cs = childs[b]!;
  for (const s of cs) {
    blossomparent[s] = -1;
    if (s < n) {
      inblossom[s] = s;
    } else if (endstage && zOf(s) === 0) {
      expandBlossom(s, endstage);
    } else {
      for (const v of leaves(s)) {
        inblossom[v] = s;
      }
    }
  }
  if (!endstage && label[b] === T) {
    for (const s of cs) {
      for (const v of leaves(s)) {
        setYSign(v, 0);
      }
    }
    const es = endps[b]!;
    const len = cs.length;
    const at = (j: number): number => ((j % len) + len) % len;
    const entrychild = inblossom[endpoint[labelend[b]! ^ 1]!]!;
    let j = cs.indexOf(entrychild);
    let jstep: number;
    let endptrick: number;
    if (j & 1) {
      j -= len;
      jstep = 1;
      endptrick = 0;
    } else {
      jstep = -1;
      endptrick = 1;
    }
    let p = labelend[b]!;
    while (j !== 0) {
      assignLabel(endpoint[p ^ 1]!, T, p);
      j += jstep;
      p = es[at(j - endptrick)]! ^ endptrick;
      j += jstep;
    }
    const bv = cs[at(j)]!;
    label[bv] = T;
    labelend[bv] = p;
    touchedB.push(bv);
    for (const v of leaves(bv)) {
      setYSign(v, 1);
    }
    if (bv >= n) {
      setZSign(bv, -2);
      heap.push(now + zOf(bv) / 2, 3 * bv + 2);
    }
    j += jstep;
    while (cs[at(j)] !== entrychild) {
      const c = cs[at(j)]!;
      if (label[c] !== S) {
        for (const v of leaves(c)) {
          rescanFree(v);
        }
      }
      j += jstep;
    }
  }
  label[b] = 0;
  labelend[b] = -1;
  childs[b] = null;
  endps[b] = null;
  blossombase[b] = -1;
  zBase[b] = 0;
  zSign[b] = 0;
  unused.push(b);
}

// Swap matched/unmatched edges inside blossom b so that vertex v becomes its base.
function augmentBlossom(b: number, v: number): void {
  let t = v;
  while (blossomparent[t] !== b) {
    t = blossomparent[t]!;
  }
  if (t >= n) {
    augmentBlossom(t, v);
  }
  const cs = childs[b]!;
  const es = endps[b]!;
  const len = cs.length;
  const at = (j: number): number => ((j % len) + len) % len;
  const i = cs.indexOf(t);
  let j = i;
  let jstep: number;
  let endptrick: number;
  if (i & 1) {
    j -= len;
    jstep = 1;
    endptrick = 0;
  } else {
    jstep = -1;
    endptrick = 1;
  }
  while (j !== 0) {
    j += jstep;
    let c = cs[at(j)]!;
    const p = es[at(j - endptrick)]! ^ endptrick;
    if (c >= n) {
      augmentBlossom(c, endpoint[p]!);
    }
    j += jstep;
    c = cs[at(j)]!;
    if (c >= n) {
      augmentBlossom(c, endpoint[p ^ 1]!);
    }
    mate[endpoint[p]!] = p ^ 1;
    mate[endpoint[p ^ 1]!] = p;
  }
  childs[b] = cs.slice(i).concat(cs.slice(0, i));
  endps[b] = es.slice(i).concat(es.slice(0, i));
  blossombase[b] = blossombase[childs[b]![0]!]!;
}

// Flip the alternating path from vertex s (given its new mate endpoint p, or -1) to the root.
function flipToRoot(s0: number, p0: number): void {
  let s = s0;
  let p = p0;
  for (;;) {
    const bs = inblossom[s]!;
    if (bs >= n) {
      augmentBlossom(bs, s);
    }
    mate[s] = p;
    if (labelend[bs] === -1) {
      break;
    }
    const t = endpoint[labelend[bs]!]!;
    const bt = inblossom[t]!;
    s = endpoint[labelend[bt]!]!;
    const j = endpoint[labelend[bt]! ^ 1]!;
    if (bt >= n) {
      augmentBlossom(bt, j);
    }
    mate[j] = labelend[bt]!;
    p = labelend[bt]! ^ 1;
  }
}

function endStage(): void {
  for (const b of touchedB) {
    if (b >= n && blossomparent[b] === -1 && blossombase[b]! >= 0 && label[b] === S && zOf(b) === 0) {
      expandBlossom(b, true);
    }
  }
  for (const v of touchedV) {
    setYSign(v, 0);
  }
  for (const b of touchedZ) {
    setZSign(b, 0);
  }
  for (const b of touchedB) {
    label[b] = 0;
    labelend[b] = -1;
  }
  touchedV.length = 0;
  touchedZ.length = 0;
  touchedB.length = 0;
  heap.clear();
  stage++;
}

// One stage: grow a tree from free vertex r until it augments or dissolves.
function runStage(r: number): void {
  assignLabel(r, S, -1);
  for (;;) {
    if (heap.size === 0) {
      throw new Error('matching: empty event queue (internal error)');
    }
    const key = heap.topKey();
    const ev = heap.topVal();
    heap.pop();
    now = key;
    const kind = ev % 3;
    const id = (ev - kind) / 3;
    if (kind === 0) {
      const a = endpoint[2 * id]!;
      const c = endpoint[2 * id + 1]!;
      const ba = inblossom[a]!;
      const bc = inblossom[c]!;
      if (ba === bc) {
        continue;
      }
      const la = label[ba]!;
      const lc = label[bc]!;
      if (la === S && lc === S) {
        if (yOf(a) + yOf(c) - 2 * wt[id]! !== 0) {
          continue;
        }
        const base = scanBlossom(a, c);
        if (base < 0) {
          throw new Error('matching: two trees met (internal error)');
        }
        addBlossom(base, id);
      } else if ((la === S && lc === 0) || (la === 0 && lc === S)) {
        if (yOf(a) + yOf(c) - 2 * wt[id]! !== 0) {
          continue;
        }
        // x is the tree side, px the endpoint of x on this edge
        const x = la === S ? a : c;
        const w = la === S ? c : a;
        const px = la === S ? 2 * id : 2 * id + 1;
        const bw = la === S ? bc : ba;
        if (mate[blossombase[bw]!] === -1) {
          flipToRoot(x, px ^ 1);
          flipToRoot(w, px);
          return;
        }
        assignLabel(w, T, px);
      }
    } else if (kind === 1) {
      if (label[inblossom[id]!] === S && yOf(id) === 0) {
        flipToRoot(id, -1);
        return;
      }
    } else if (id >= n && blossombase[id]! >= 0 && blossomparent[id] === -1 && label[id] === T && zOf(id) === 0) {
      expandBlossom(id, false);
    }
  }
}

export function maxWeightMatching(graph: GeneralGraph, start: MatchingStart = 'auto'): GeneralMatching {
  // small functions rather than one long body: each is optimised on its own by V8
  try {
    const m = loadGraph(graph);
    initState();
    // the fractional start pays off on dense graphs (G-dense-1000: 20× fewer stages' work) and
    // costs more than it saves on sparse ones (G-sparse-10k: 3× slower): pick by average degree
    if (start === 'fractional' || (start === 'auto' && m >= 16 * n)) {
      fractionalStart(m);
    } else {
      greedyDuals(m);
    }
    matchTightEdges();
    for (let r = 0; r < n; r++) {
      if (mate[r] === -1 && yBase[r]! > 0) {
        runStage(r);
        endStage();
      }
    }
    return collect();
  } finally {
    release();
  }
}

// Edges and adjacency (for vertex i the remote endpoints p: endpoint[p] is the neighbour, p >> 1
// the edge). Returns the number of edges.
function loadGraph(graph: GeneralGraph): number {
  n = graph.n;
  const m = graph.u.length;
  endpoint = new Int32Array(2 * m);
  wt = new Float64Array(m);
  const deg = new Int32Array(n + 1);
  for (let k = 0; k < m; k++) {
    const a = graph.u[k]!;
    const b = graph.v[k]!;
    if (a === b || a < 0 || b < 0 || a >= n || b >= n) {
      throw new RangeError(`edge ${k} (${a}, ${b}) is not an edge of a simple graph on ${n} vertices`);
    }
    const x = graph.w[k]!;
    if (!Number.isSafeInteger(x) || x < 0) {
      // exactness rests on integer arithmetic (duals are integers or halves)
      throw new RangeError(`edge ${k} (${a}, ${b}): weight ${x} is not an integer >= 0`);
    }
    endpoint[2 * k] = a;
    endpoint[2 * k + 1] = b;
    wt[k] = x;
    deg[a]!++;
    deg[b]!++;
  }
  adjStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    adjStart[i + 1] = adjStart[i]! + deg[i]!;
  }
  adj = new Int32Array(2 * m);
  const fill = adjStart.slice(0, n);
  for (let k = 0; k < m; k++) {
    adj[fill[endpoint[2 * k]!]!++] = 2 * k + 1;
    adj[fill[endpoint[2 * k + 1]!]!++] = 2 * k;
  }
  return m;
}

function initState(): void {
  mate = new Int32Array(n).fill(-1);
  const nb = 2 * n;
  label = new Int32Array(nb);
  labelend = new Int32Array(nb).fill(-1);
  inblossom = new Int32Array(n);
  blossomparent = new Int32Array(nb).fill(-1);
  blossombase = new Int32Array(nb).fill(-1);
  childs = new Array(nb).fill(null);
  endps = new Array(nb).fill(null);
  unused = [];
  for (let b = nb - 1; b >= n; b--) {
    unused.push(b);
  }
  for (let i = 0; i < n; i++) {
    inblossom[i] = i;
    blossombase[i] = i;
  }
  yBase = new Float64Array(n);
  ySince = new Float64Array(n);
  ySign = new Int8Array(n);
  zBase = new Float64Array(nb);
  zSince = new Float64Array(nb);
  zSign = new Int8Array(nb);
  bestT = new Float64Array(n);
  bestStamp = new Int32Array(n).fill(-1);
  heap.clear();
  now = 0;
  stage = 0;
  touchedV.length = 0;
  touchedZ.length = 0;
  touchedB.length = 0;
}

function matchTightEdges(): void {
  for (let x = 0; x < n; x++) {
    if (mate[x] !== -1 || yBase[x] === 0) {
      continue;
    }
    for (let i = adjStart[x]!, end = adjStart[x + 1]!; i < end; i++) {
      const p = adj[i]!;
      const w = endpoint[p]!;
      if (mate[w] === -1 && yBase[x]! + yBase[w]! === 2 * wt[p >> 1]!) {
        mate[x] = p;
        mate[w] = p ^ 1;
        break;
      }
    }
  }
}

function collect(): GeneralMatching {
  const mateV = new Int32Array(n).fill(-1);
  const mateEdge = new Int32Array(n).fill(-1);
  let weight = 0;
  for (let x = 0; x < n; x++) {
    const p = mate[x]!;
    if (p >= 0) {
      mateV[x] = endpoint[p]!;
      mateEdge[x] = p >> 1;
      if (x < endpoint[p]!) {
        weight += wt[p >> 1]!;
      }
    }
  }
  return { weight, mate: mateV, mateEdge, dual: yBase };
}
