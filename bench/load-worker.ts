// The load generator's loop, run in a worker thread by runLoad() (lib.ts): `concurrency` loops,
// each sending one request at a time on its own keep-alive socket, until the deadline.
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { type LoadPlan, type LoadResult, summarize } from './lib.js';

const plan = workerData as LoadPlan;
const agent = new http.Agent({ keepAlive: true, maxSockets: plan.concurrency, maxFreeSockets: plan.concurrency });

function send(): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ agent, host: plan.host, port: plan.port, path: plan.path, method: plan.method, headers: plan.headers }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes }));
      res.on('error', reject);
    });
    req.setTimeout(plan.timeoutMs, () => req.destroy(new Error(`timeout after ${plan.timeoutMs} ms`)));
    req.on('error', reject);
    req.end();
  });
}

interface Phase {
  latencies: number[];
  statuses: Record<string, number>;
  errors: number;
  bytes: number;
  elapsedMs: number;
}

async function phase(durationMs: number, maxRequests: number): Promise<Phase> {
  const out: Phase = { latencies: [], statuses: {}, errors: 0, bytes: 0, elapsedMs: 0 };
  const start = performance.now();
  const deadline = start + durationMs;
  let started = 0;
  const loop = async () => {
    while (performance.now() < deadline && started < maxRequests) {
      started++;
      const t0 = performance.now();
      try {
        const { status, bytes } = await send();
        out.latencies.push(performance.now() - t0);
        out.statuses[status] = (out.statuses[status] ?? 0) + 1;
        out.bytes += bytes;
        if (status < 200 || status > 299) {
          out.errors++;
        }
      } catch (err) {
        out.errors++;
        const key = (err as Error).message.startsWith('timeout') ? 'timeout' : 'error';
        out.statuses[key] = (out.statuses[key] ?? 0) + 1;
        return; // a broken socket or a stuck server ends this loop; the others carry on
      }
    }
  };
  await Promise.all(Array.from({ length: plan.concurrency }, loop));
  out.elapsedMs = performance.now() - start;
  return out;
}

if (plan.warmupMs > 0) {
  await phase(plan.warmupMs, Number.POSITIVE_INFINITY);
}
const m = await phase(plan.durationMs, plan.maxRequests);
agent.destroy();
const result: LoadResult = {
  url: '',
  concurrency: plan.concurrency,
  requests: m.latencies.length,
  errors: m.errors,
  statuses: m.statuses,
  elapsedMs: m.elapsedMs,
  rps: (m.latencies.length / m.elapsedMs) * 1000,
  bodyBytes: m.latencies.length === 0 ? 0 : Math.round(m.bytes / m.latencies.length),
  latencies: m.latencies,
  ...summarize(m.latencies),
};
parentPort?.postMessage(result);
