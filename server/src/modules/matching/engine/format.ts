// The plain-text instance format of ../shared/bench/matching/README.md, parsed strictly: every
// error names its line. Bytes are scanned directly (a 2-million-edge file parses in well under a
// second, without splitting it into strings).
//   general:    "N E"   then E lines "u v w"  (0 <= u < v < N)
//   assignment: "N M E" then E lines "u v w"  (0 <= u < N rows, 0 <= v < M columns)
// Weights are integers >= 0 (at most 2^53 - 1). Blank lines at the end are allowed; anything
// else after the E edge lines is an error. A repeated edge is accepted: both copies are offered
// to the solver, which can use at most one of them (so the heavier one whenever it matters).
import type { BipartiteGraph } from './assignment.js';
import type { GeneralGraph } from './general.js';

export type InstanceKind = 'general' | 'assignment';

/** A malformed instance: `line` is 1-based. */
export class InstanceFormatError extends Error {
  constructor(
    readonly line: number,
    readonly problem: string,
  ) {
    super(`line ${line}: ${problem}`);
    this.name = 'InstanceFormatError';
  }
}

export interface GeneralInstance extends GeneralGraph {
  kind: 'general';
  u: Int32Array;
  v: Int32Array;
  w: Float64Array;
}

export interface AssignmentInstance extends BipartiteGraph {
  kind: 'assignment';
  row: Int32Array;
  col: Int32Array;
  w: Float64Array;
}

const SPACE = 32;
const TAB = 9;
const CR = 13;
const LF = 10;
const MINUS = 45;
const ZERO = 48;
const NINE = 57;

class LineReader {
  pos = 0;
  line = 0;
  private tokens: number[] = [];

  constructor(private readonly buf: Uint8Array) {}

  /** Next line's integer tokens, or null at the end of the input. */
  next(): number[] | null {
    const buf = this.buf;
    if (this.pos >= buf.length) {
      return null;
    }
    this.line++;
    const tokens = this.tokens;
    tokens.length = 0;
    let p = this.pos;
    for (;;) {
      while (p < buf.length && (buf[p] === SPACE || buf[p] === TAB || buf[p] === CR)) {
        p++;
      }
      if (p >= buf.length || buf[p] === LF) {
        break;
      }
      const startTok = p;
      let neg = false;
      if (buf[p] === MINUS) {
        neg = true;
        p++;
      }
      let x = 0;
      let digits = 0;
      while (p < buf.length && buf[p]! >= ZERO && buf[p]! <= NINE) {
        x = x * 10 + (buf[p]! - ZERO);
        p++;
        digits++;
      }
      const c = p < buf.length ? buf[p]! : LF;
      if (digits === 0 || (c !== SPACE && c !== TAB && c !== CR && c !== LF)) {
        while (p < buf.length && buf[p] !== SPACE && buf[p] !== TAB && buf[p] !== CR && buf[p] !== LF) {
          p++;
        }
        const text = new TextDecoder().decode(buf.subarray(startTok, p));
        throw new InstanceFormatError(this.line, `"${text}" is not an integer`);
      }
      if (x > Number.MAX_SAFE_INTEGER) {
        throw new InstanceFormatError(this.line, `${neg ? '-' : ''}${x} is too large`);
      }
      tokens.push(neg ? -x : x);
    }
    this.pos = p + 1;
    return tokens;
  }
}

function expectCount(tokens: number[] | null, want: number, line: number, what: string): number[] {
  if (tokens === null) {
    throw new InstanceFormatError(line, `missing line: expected ${what}`);
  }
  if (tokens.length !== want) {
    throw new InstanceFormatError(line, `expected ${want} integers (${what}), found ${tokens.length}`);
  }
  return tokens;
}

/** Parses an instance; throws InstanceFormatError naming the line of the first problem. */
export function parseInstance(kind: 'general', input: Uint8Array | string): GeneralInstance;
export function parseInstance(kind: 'assignment', input: Uint8Array | string): AssignmentInstance;
export function parseInstance(kind: InstanceKind, input: Uint8Array | string): GeneralInstance | AssignmentInstance;
export function parseInstance(kind: InstanceKind, input: Uint8Array | string): GeneralInstance | AssignmentInstance {
  const buf = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const reader = new LineReader(buf);
  const headerWhat = kind === 'general' ? 'header "N E"' : 'header "N M E"';
  const header = expectCount(reader.next(), kind === 'general' ? 2 : 3, 1, headerWhat);
  for (const x of header) {
    if (x < 0) {
      throw new InstanceFormatError(1, `counts must be >= 0, found ${x}`);
    }
  }
  const n = header[0]!;
  const nCols = kind === 'general' ? n : header[1]!;
  const e = header[header.length - 1]!;
  if (n > 0x7fffffff || nCols > 0x7fffffff || e > 0x7fffffff) {
    throw new InstanceFormatError(1, 'counts above 2^31 - 1 are not supported');
  }
  const a = new Int32Array(e);
  const b = new Int32Array(e);
  const w = new Float64Array(e);
  for (let k = 0; k < e; k++) {
    const line = reader.line + 1;
    const t = expectCount(reader.next(), 3, line, `edge ${k + 1} of ${e}: "u v w"`);
    const x = t[0]!;
    const y = t[1]!;
    const z = t[2]!;
    if (kind === 'general') {
      if (x < 0 || x >= n || y < 0 || y >= n) {
        throw new InstanceFormatError(line, `vertex out of range: "${x} ${y}" with N = ${n} (vertices are 0..${n - 1})`);
      }
      if (x >= y) {
        throw new InstanceFormatError(line, `edge "${x} ${y}" must have u < v`);
      }
    } else {
      if (x < 0 || x >= n) {
        throw new InstanceFormatError(line, `row ${x} out of range (rows are 0..${n - 1})`);
      }
      if (y < 0 || y >= nCols) {
        throw new InstanceFormatError(line, `column ${y} out of range (columns are 0..${nCols - 1})`);
      }
    }
    if (z < 0) {
      throw new InstanceFormatError(line, `negative weight ${z}`);
    }
    a[k] = x;
    b[k] = y;
    w[k] = z;
  }
  for (let t = reader.next(); t !== null; t = reader.next()) {
    if (t.length > 0) {
      throw new InstanceFormatError(reader.line, `unexpected content after the ${e} edges announced on line 1`);
    }
  }
  if (kind === 'general') {
    return { kind, n, u: a, v: b, w };
  }
  return { kind, nRows: n, nCols, row: a, col: b, w };
}
