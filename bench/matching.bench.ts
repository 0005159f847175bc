// The matching engine on the reference instances of ../shared/bench/matching/README.md, next to
// the reference solvers run in the same session through its baselines.sh (LEMON C++, scipy).
//
//   npm run bench:matching                 every instance of the README table + references
//   npm run bench:matching -- G-sparse     only instances whose name contains the filter
//   BENCH_MATCHING_REFS=0 npm run bench:matching     the engine only
//   BENCH_MATCHING_DENSE=full npm run bench:matching A-dense    the plain Hungarian scan on dense
//                                          matrices instead of sparsify-and-certify (the default)
//   npm run bench -- matching              inside the common harness: a quick run (3 small
//                                          instances, engine only), so `npm run bench` stays short
//
// Instances are generated with gen.js into a temporary folder (deleted at the end). Each instance
// is solved in a child process (so peak RSS is its own): parsing is excluded from the time, as in
// the references; the dense assignment matrix is built before the clock starts (scipy's is too)
// and solved as `maxWeightAssignment` does (certified.ts);
// median of 3 runs, 1 run for instances of 2 million edges or more. Every weight is checked
// against the README optimum and every matching is checked to be a matching of listed edges.
// A reference gets 60 s of solve time (after its loading) and prints "timeout" past it; one that
// cannot be installed or fails prints "unavailable" and the reason.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { assignDense, assignDenseCertified, maxWeightAssignment, maxWeightMatching, parseInstance } from '../server/src/modules/matching/engine/index.js';
import { machine, type Row } from './lib.js';

const SHARED = fileURLToPath(new URL('../../shared/bench/matching/', import.meta.url));
const GEN = join(SHARED, 'gen.js');
const BASELINES = join(SHARED, 'baselines.sh');
const SELF = fileURLToPath(import.meta.url);
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const REF_SOLVE_CAP_S = 60;
// BENCH_MATCHING_DENSE=full times the plain Hungarian scan instead of sparsify-and-certify
const FULL_SCAN = process.env.BENCH_MATCHING_DENSE === 'full';

type Target = { kind: 'ratio'; tool: 'lemon-mwm' | 'lemon-ns' | 'fastest'; max: number } | { kind: 'seconds'; max: number } | null;

interface Instance {
  name: string;
  gen: string[];
  optimum: number;
  refs: string[];
  target: Target;
}

const INSTANCES: Instance[] = [
  { name: 'G-dense-500', gen: ['gen-dense', '500', '1000000'], optimum: 249209604, refs: ['lemon-mwm'], target: { kind: 'ratio', tool: 'lemon-mwm', max: 3 } },
  {
    name: 'G-dense-1000',
    gen: ['gen-dense', '1000', '1000000'],
    optimum: 499132774,
    refs: ['lemon-mwm'],
    target: { kind: 'ratio', tool: 'lemon-mwm', max: 3 },
  },
  { name: 'G-dense-1000-easy', gen: ['gen-dense', '1000', '100'], optimum: 50000, refs: ['lemon-mwm'], target: null },
  { name: 'G-sparse-2k', gen: ['gen-sparse', '2000', '10', '100'], optimum: 83956, refs: ['lemon-mwm', 'networkx'], target: null },
  { name: 'G-sparse-10k', gen: ['gen-sparse', '10000', '10', '100'], optimum: 420757, refs: ['lemon-mwm'], target: { kind: 'seconds', max: 1 } },
  {
    name: 'A-dense-1000',
    gen: ['bip-dense', '1000', '1000', '1000'],
    optimum: 998811,
    refs: ['lemon-ns', 'scipy-lsa'],
    target: { kind: 'ratio', tool: 'fastest', max: 2 },
  },
  {
    name: 'A-dense-2000',
    gen: ['bip-dense', '2000', '2000', '1000'],
    optimum: 1999263,
    refs: ['lemon-ns', 'scipy-lsa'],
    target: { kind: 'ratio', tool: 'fastest', max: 2 },
  },
  {
    name: 'A-dense-4000',
    gen: ['bip-dense', '4000', '4000', '1000'],
    optimum: 3999821,
    refs: ['lemon-ns', 'scipy-lsa'],
    target: { kind: 'ratio', tool: 'fastest', max: 2 },
  },
  {
    name: 'A-sparse-20k',
    gen: ['bip-sparse', '20000', '5000', '20', '1000'],
    optimum: 4935560,
    refs: ['lemon-ns', 'scipy-mwfbm'],
    target: { kind: 'ratio', tool: 'lemon-ns', max: 2 },
  },
  {
    name: 'A-sparse-100k',
    gen: ['bip-sparse', '100000', '20000', '20', '1000'],
    optimum: 19801787,
    refs: ['lemon-ns', 'scipy-mwfbm'],
    target: { kind: 'ratio', tool: 'lemon-ns', max: 2 },
  },
];

interface Solved {
  seconds: number[];
  weight: number;
  valid: boolean;
  maxRssMb: number;
  size: string;
}

// ---------------------------------------------------------------------------------------------
// Child: solve one file and print one JSON line

function solveFile(kind: 'general' | 'assignment', file: string, repeats: number): Solved {
  const buf = readFileSync(file);
  const seconds: number[] = [];
  let weight = 0;
  let valid = true;
  let size: string;
  if (kind === 'general') {
    const g = parseInstance('general', buf);
    size = `n=${g.n} m=${g.u.length}`;
    for (let i = 0; i < repeats; i++) {
      const t0 = performance.now();
      const res = maxWeightMatching(g);
      seconds.push((performance.now() - t0) / 1000);
      weight = res.weight;
      let sum = 0;
      for (let x = 0; x < g.n; x++) {
        const y = res.mate[x]!;
        const k = res.mateEdge[x]!;
        if (y >= 0) {
          valid &&= res.mate[y] === x && ((g.u[k] === x && g.v[k] === y) || (g.u[k] === y && g.v[k] === x));
          sum += x < y ? g.w[k]! : 0;
        }
      }
      valid &&= sum === weight;
    }
  } else {
    const g = parseInstance('assignment', buf);
    size = `${g.nRows}×${g.nCols} m=${g.row.length}`;
    const cells = g.nRows * g.nCols;
    const dense = g.row.length * 4 >= cells && cells <= 1 << 26;
    let W: Int32Array | undefined;
    if (dense) {
      W = new Int32Array(cells);
      for (let k = 0; k < g.row.length; k++) {
        W[g.row[k]! * g.nCols + g.col[k]!] = g.w[k]!;
      }
      size += FULL_SCAN ? ' dense (full scan)' : ' dense';
    }
    for (let i = 0; i < repeats; i++) {
      const t0 = performance.now();
      const res = W ? (FULL_SCAN ? assignDense(g.nRows, g.nCols, W) : assignDenseCertified(g.nRows, g.nCols, W)) : maxWeightAssignment(g, 'sparse');
      seconds.push((performance.now() - t0) / 1000);
      weight = res.weight;
      let sum = 0;
      for (let r = 0; r < g.nRows; r++) {
        const c = res.rowMate[r]!;
        if (c >= 0) {
          valid &&= res.colMate[c] === r;
          sum += W ? W[r * g.nCols + c]! : g.w[res.rowEdge[r]!]!;
          valid &&= W !== undefined || (g.row[res.rowEdge[r]!] === r && g.col[res.rowEdge[r]!] === c);
        }
      }
      valid &&= sum === weight;
    }
  }
  return { seconds, weight, valid, maxRssMb: process.resourceUsage().maxRSS / 1024, size };
}

// ---------------------------------------------------------------------------------------------
// Parent

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (s: number): string => (s < 0.1 ? `${(s * 1000).toFixed(1)} ms` : `${s.toFixed(2)} s`);

function edgeCount(file: string): number {
  const fd = openSync(file, 'r');
  const head = Buffer.alloc(64);
  readSync(fd, head, 0, 64, 0);
  closeSync(fd);
  return Number(head.toString('utf8').split('\n')[0]!.trim().split(' ').pop());
}

function solveInChild(kind: string, file: string, repeats: number): Solved {
  const res = spawnSync(process.execPath, ['--import', 'tsx', SELF, '--solve', kind, file, String(repeats)], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (res.status !== 0) {
    throw new Error(`engine failed on ${file}: ${res.stderr}`);
  }
  return JSON.parse(res.stdout.trim().split('\n').pop()!) as Solved;
}

type RefResult = { ok: true; seconds: number; weight: number } | { ok: false; text: string };

function runReference(tool: string, file: string): Promise<RefResult> {
  return new Promise((resolve) => {
    const child: ChildProcess = spawn('bash', [BASELINES, tool, file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    let timedOut = false;
    const kill = () => {
      timedOut = true;
      child.kill('SIGKILL');
    };
    const hard = setTimeout(kill, 15 * 60_000); // installs + loading, a safety net only
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      if (timer === undefined && out.includes('"loaded"')) {
        timer = setTimeout(kill, REF_SOLVE_CAP_S * 1000);
      }
    });
    child.stderr?.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.on('close', (code) => {
      clearTimeout(hard);
      clearTimeout(timer);
      if (timedOut) {
        resolve({ ok: false, text: 'timeout' });
        return;
      }
      const done = out
        .split('\n')
        .filter((l) => l.includes('"done"'))
        .pop();
      if (code !== 0 || done === undefined) {
        const why = (err.trim().split('\n').pop() ?? '').slice(0, 80) || `exit ${code}`;
        resolve({ ok: false, text: `unavailable (${why})` });
        return;
      }
      const j = JSON.parse(done) as { solve_s: number; weight: number };
      resolve({ ok: true, seconds: j.solve_s, weight: j.weight });
    });
  });
}

function pad(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) =>
    r
      .map((c, i) => c.padEnd(widths[i]!))
      .join(' | ')
      .trimEnd(),
  );
}

async function full(filter: string | undefined): Promise<boolean> {
  const withRefs = process.env.BENCH_MATCHING_REFS !== '0';
  const chosen = INSTANCES.filter((i) => filter === undefined || i.name.includes(filter));
  console.log(`Matching engine benchmark: ${machine()}`);
  const dir = mkdtempSync(join(tmpdir(), 'abitare-matching-bench-'));
  const table: string[][] = [
    ['instance', 'size', 'ours', 'our weight', 'optimum', 'check', 'references (solve time, weight check)', 'target', 'ratio', 'met', 'peak RSS'],
  ];
  let allOk = true;
  try {
    for (const inst of chosen) {
      const file = join(dir, `${inst.name}.txt`);
      spawnSync(process.execPath, [GEN, ...inst.gen, '--seed', '12345', '--out', file], { stdio: 'inherit' });
      const kind = inst.name.startsWith('G') ? 'general' : 'assignment';
      const edges = edgeCount(file);
      const repeats = edges >= 2_000_000 ? 1 : 3;
      process.stdout.write(`${inst.name}: engine (${repeats} run${repeats > 1 ? 's' : ''})`);
      const ours = solveInChild(kind, file, repeats);
      const t = median(ours.seconds);
      process.stdout.write(` ${fmt(t)}`);
      const refs: { tool: string; r: RefResult }[] = [];
      for (const tool of withRefs ? inst.refs : []) {
        process.stdout.write(`, ${tool}`);
        const r = await runReference(tool, file);
        process.stdout.write(` ${r.ok ? fmt(r.seconds) : r.text}`);
        refs.push({ tool, r });
      }
      process.stdout.write('\n');
      const ok = ours.valid && ours.weight === inst.optimum;
      allOk &&= ok;
      let target = '';
      let ratio = '';
      let met = '';
      const tg = inst.target;
      if (tg?.kind === 'seconds') {
        target = `< ${tg.max} s`;
        met = t < tg.max ? 'yes' : 'NO';
      } else if (tg?.kind === 'ratio') {
        const okRefs = refs.filter((x) => x.r.ok && (tg.tool === 'fastest' || x.tool === tg.tool));
        const best = okRefs.reduce<number>((m, x) => Math.min(m, x.r.ok ? x.r.seconds : m), Number.POSITIVE_INFINITY);
        target = `≤ ${tg.max}× ${tg.tool}`;
        if (Number.isFinite(best)) {
          ratio = `${(t / best).toFixed(2)}×`;
          met = t / best <= tg.max ? 'yes' : 'NO';
        } else {
          met = withRefs ? 'no reference' : 'refs off';
        }
      }
      if (ratio === '') {
        const lemon = refs.find((x) => x.tool.startsWith('lemon') && x.r.ok);
        if (lemon?.r.ok) {
          ratio = `${(t / lemon.r.seconds).toFixed(2)}× ${lemon.tool}`;
        }
      }
      const refText = refs
        .map(({ tool, r }) => `${tool} ${r.ok ? `${fmt(r.seconds)} ${r.weight === inst.optimum ? 'ok' : `weight ${r.weight}`}` : r.text}`)
        .join('; ');
      table.push([
        inst.name,
        ours.size,
        fmt(t),
        String(ours.weight),
        String(inst.optimum),
        ok ? 'OK' : 'MISMATCH',
        refText || '–',
        target,
        ratio,
        met,
        `${ours.maxRssMb.toFixed(0)} MB`,
      ]);
      rmSync(file, { force: true });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log('');
  for (const line of pad(table)) {
    console.log(line);
  }
  return allOk;
}

/** Quick run for `npm run bench` (three small instances, engine only). */
export async function run(): Promise<Row[]> {
  if (!existsSync(GEN)) {
    console.log('matching: SKIPPED — ../shared/bench/matching/gen.js not found');
    return [];
  }
  const dir = mkdtempSync(join(tmpdir(), 'abitare-matching-bench-'));
  const rows: Row[] = [];
  try {
    for (const inst of INSTANCES.filter((i) => ['G-sparse-2k', 'A-dense-1000', 'A-sparse-20k'].includes(i.name))) {
      const file = join(dir, `${inst.name}.txt`);
      spawnSync(process.execPath, [GEN, ...inst.gen, '--seed', '12345', '--out', file]);
      const ours = solveInChild(inst.name.startsWith('G') ? 'general' : 'assignment', file, 3);
      const ok = ours.valid && ours.weight === inst.optimum;
      rows.push({
        name: `matching ${inst.name} (${ok ? 'optimum OK' : 'MISMATCH'})`,
        size: ours.size,
        value: `${fmt(median(ours.seconds))} median`,
        p95: '–',
        ratio: 'npm run bench:matching for references',
      });
      if (!ok) {
        throw new Error(`${inst.name}: weight ${ours.weight}, expected ${inst.optimum}`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const argv = process.argv.slice(2);
  if (argv[0] === '--solve') {
    console.log(JSON.stringify(solveFile(argv[1] as 'general' | 'assignment', argv[2]!, Number(argv[3]))));
  } else {
    const ok = await full(argv[0]);
    process.exit(ok ? 0 : 1);
  }
}
