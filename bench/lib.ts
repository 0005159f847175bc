// A tiny benchmark harness: timings of a function, an HTTP load generator for servers on
// 127.0.0.1 (run in a worker thread so it does not share the servers' event loop), and one table.
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';

/** One line of the printed table. */
export interface Row {
  name: string;
  /** What the figure was measured on (rows, users …), printed as given. */
  size: string;
  /** Throughput (`1234 req/s`) or time per call (`12.3 ms`). */
  value: string;
  p95: string;
  /** Against a baseline row of the same benchmark, or '' when there is none. */
  ratio: string;
}

/** Every benchmark file (`bench/*.bench.ts`) exports this. */
export type Benchmark = () => Promise<Row[]>;

// ---------------------------------------------------------------------------------------------
// Statistics

export interface Latencies {
  count: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentile of an ascending array (p in 0–100). */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) {
    return Number.NaN;
  }
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

export function summarize(samples: ArrayLike<number>): Latencies {
  const sorted = Float64Array.from(samples).sort();
  let sum = 0;
  for (const v of sorted) {
    sum += v;
  }
  return {
    count: sorted.length,
    mean: sorted.length === 0 ? Number.NaN : sum / sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length === 0 ? Number.NaN : (sorted[sorted.length - 1] as number),
  };
}

// ---------------------------------------------------------------------------------------------
// Timing a function

export interface Timing extends Latencies {
  name: string;
  size: string;
  /** Wall time of all measured calls, in ms. */
  totalMs: number;
}

/**
 * Times `fn` `iterations` times one after another (after `warmup` unmeasured calls).
 * Use iterations 1 for one-off steps such as seeding.
 */
export async function measure(name: string, size: string, fn: () => Promise<unknown>, opts: { iterations?: number; warmup?: number } = {}): Promise<Timing> {
  const iterations = Math.max(1, opts.iterations ?? 1);
  for (let i = 0; i < (opts.warmup ?? 0); i++) {
    await fn();
  }
  const samples: number[] = [];
  const start = performance.now();
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return { name, size, totalMs: performance.now() - start, ...summarize(samples) };
}

// ---------------------------------------------------------------------------------------------
// HTTP load

export interface LoadOptions {
  /** Must point at 127.0.0.1: benchmarks never send traffic elsewhere. */
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** Requests in flight at once (one keep-alive socket each). Default 16. */
  concurrency?: number;
  /** Measured phase; capped at 10 s. Default 5 s, or BENCH_DURATION_MS. */
  durationMs?: number;
  /** Stop the measured phase after this many requests, whichever comes first. */
  maxRequests?: number;
  /** Unmeasured phase before, to warm JIT, pools and caches; capped at 5 s. Default 1 s. */
  warmupMs?: number;
  /** A request slower than this fails (and ends its loop); default 5 s. */
  timeoutMs?: number;
}

export interface LoadResult extends Latencies {
  url: string;
  concurrency: number;
  /** Completed requests in the measured phase (any status). */
  requests: number;
  /** Non-2xx answers, timeouts and socket errors in the measured phase. */
  errors: number;
  statuses: Record<string, number>;
  elapsedMs: number;
  /** Completed requests per second of the measured phase. */
  rps: number;
  /** Mean response body size in bytes. */
  bodyBytes: number;
  /** Every measured latency in ms, in completion order (to merge rounds). */
  latencies: number[];
}

const MAX_DURATION_MS = 10_000;
const MAX_WARMUP_MS = 5_000;

export function defaultDurationMs(): number {
  const env = Number(process.env.BENCH_DURATION_MS);
  return Number.isFinite(env) && env > 0 ? env : 5_000;
}

/** Resolved options the worker receives (plain data, clamped). */
export interface LoadPlan {
  host: '127.0.0.1';
  port: number;
  path: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  concurrency: number;
  durationMs: number;
  maxRequests: number;
  warmupMs: number;
  timeoutMs: number;
}

export function planLoad(o: LoadOptions): LoadPlan {
  const u = new URL(o.url);
  if (u.protocol !== 'http:' || u.hostname !== '127.0.0.1') {
    throw new Error(`load generator only targets http://127.0.0.1, not ${o.url}`);
  }
  return {
    host: '127.0.0.1',
    port: Number(u.port || 80),
    path: `${u.pathname}${u.search}`,
    method: o.method ?? 'GET',
    headers: o.headers ?? {},
    concurrency: Math.max(1, Math.min(256, o.concurrency ?? 16)),
    durationMs: Math.max(100, Math.min(MAX_DURATION_MS, o.durationMs ?? defaultDurationMs())),
    maxRequests: o.maxRequests ?? Number.POSITIVE_INFINITY,
    warmupMs: Math.max(0, Math.min(MAX_WARMUP_MS, o.warmupMs ?? 1_000)),
    timeoutMs: Math.max(100, o.timeoutMs ?? 5_000),
  };
}

/**
 * Drives `url` with a fixed number of concurrent keep-alive connections for a fixed time (or
 * request count) from a worker thread, and reports throughput and latency percentiles.
 * Always ends by itself: warm-up + duration + one request timeout at most.
 */
export function runLoad(o: LoadOptions): Promise<LoadResult> {
  const plan = planLoad(o);
  const file = new URL('./load-worker.ts', import.meta.url).href;
  // Node 20 cannot start a worker from a .ts URL; the worker registers tsx, then loads it.
  const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(file)}); })`;
  const hardLimitMs = plan.warmupMs + plan.durationMs + 2 * plan.timeoutMs + 5_000;
  return new Promise<LoadResult>((resolve, reject) => {
    const worker = new Worker(boot, { eval: true, workerData: plan });
    let settled = false;
    const finish = (err: Error | null, result?: LoadResult) => {
      if (settled) {
        return;
      }
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      if (err) {
        reject(err);
      } else {
        resolve(result as LoadResult);
      }
    };
    const timer = setTimeout(() => finish(new Error(`load on ${o.url} did not finish within ${hardLimitMs} ms`)), hardLimitMs);
    worker.once('message', (m: LoadResult) => finish(null, { ...m, url: o.url }));
    worker.once('error', (e) => finish(e));
    worker.once('exit', (code) => finish(new Error(`load worker exited with code ${code} before reporting`)));
  });
}

/**
 * One result from several rounds of the same load (e.g. run in A B B A order so that neither
 * side always goes first): throughput over the summed time, percentiles over all latencies.
 */
export function mergeLoads(rounds: readonly LoadResult[]): LoadResult {
  const first = rounds[0];
  if (!first) {
    throw new Error('mergeLoads needs at least one round');
  }
  const statuses: Record<string, number> = {};
  let requests = 0;
  let errors = 0;
  let elapsedMs = 0;
  let bytes = 0;
  const latencies: number[] = [];
  for (const r of rounds) {
    requests += r.requests;
    errors += r.errors;
    elapsedMs += r.elapsedMs;
    bytes += r.bodyBytes * r.requests;
    latencies.push(...r.latencies);
    for (const [k, n] of Object.entries(r.statuses)) {
      statuses[k] = (statuses[k] ?? 0) + n;
    }
  }
  return {
    url: first.url,
    concurrency: first.concurrency,
    requests,
    errors,
    statuses,
    elapsedMs,
    rps: (requests / elapsedMs) * 1000,
    bodyBytes: requests === 0 ? 0 : Math.round(bytes / requests),
    latencies,
    ...summarize(latencies),
  };
}

/** Throws when a load run saw failures: figures of 401s or timeouts would mean nothing. */
export function assertClean(r: LoadResult): LoadResult {
  if (r.errors > 0 || r.requests === 0) {
    throw new Error(`load on ${r.url}: ${r.errors} errors in ${r.requests} requests (statuses ${JSON.stringify(r.statuses)})`);
  }
  return r;
}

// ---------------------------------------------------------------------------------------------
// Rows and the table

const ms = (v: number) => (Number.isNaN(v) ? '–' : v >= 100 ? `${v.toFixed(0)} ms` : v >= 10 ? `${v.toFixed(1)} ms` : `${v.toFixed(2)} ms`);
const num = (v: number) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));

/** A row for a load run; with a baseline, ratio = throughput ratio (and p95 ratio). */
export function loadRow(name: string, size: string, r: LoadResult, baseline?: LoadResult): Row {
  return {
    name,
    size,
    value: `${num(r.rps)} req/s`,
    p95: ms(r.p95),
    ratio: baseline ? `${(r.rps / baseline.rps).toFixed(2)}× rps, ${(r.p95 / baseline.p95).toFixed(1)}× p95` : 'baseline',
  };
}

/** A row for a timing; with a baseline, ratio = median time ratio. */
export function timeRow(t: Timing, baseline?: Timing): Row {
  const value = t.count === 1 ? ms(t.totalMs) : `${ms(t.p50)} median`;
  return {
    name: t.name,
    size: t.size,
    value,
    p95: t.count === 1 ? '–' : ms(t.p95),
    ratio: baseline ? `${(t.p50 / baseline.p50).toFixed(2)}× time` : '',
  };
}

export function printTable(rows: readonly Row[], out: (line: string) => void = console.log): void {
  const header: Row = { name: 'name', size: 'size', value: 'throughput/time', p95: 'p95', ratio: 'ratio' };
  const cols = ['name', 'size', 'value', 'p95', 'ratio'] as const;
  const all = [header, ...rows];
  const width = Object.fromEntries(cols.map((c) => [c, Math.max(...all.map((r) => r[c].length))])) as Record<(typeof cols)[number], number>;
  const right = new Set<string>(['value', 'p95']);
  const line = (r: Row) =>
    cols
      .map((c) => (right.has(c) ? r[c].padStart(width[c]) : r[c].padEnd(width[c])))
      .join(' | ')
      .trimEnd();
  out(line(header));
  out(cols.map((c) => '-'.repeat(width[c])).join('-|-'));
  for (const r of rows) {
    out(line(r));
  }
}

/** One line describing the machine, printed above the table. */
export function machine(): string {
  const c = cpus();
  return `node ${process.version}, ${c.length} cores (${c[0]?.model.trim() ?? 'unknown cpu'}), ${process.platform}/${process.arch}`;
}
