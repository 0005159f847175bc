// `npm run -s match -- general FILE` / `npm run -s match -- assignment FILE`: solves one instance in
// the text format of ../shared/bench/matching/README.md and prints the total weight, then the chosen
// edges "u v" one per line (general: u < v; assignment: row column), pairs of weight 0 left out.
// A malformed file exits with status 1 and "FILE:LINE: problem" on stderr; bad usage exits 2.
// `--time` adds the solve time (parsing excluded) on stderr.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { InstanceFormatError, maxWeightAssignment, maxWeightMatching, parseInstance } from '../modules/matching/engine/index.js';

const USAGE = 'usage: npm run -s match -- general|assignment FILE [--time]';

function main(argv: string[]): number {
  const time = argv.includes('--time');
  const args = argv.filter((a) => a !== '--time');
  const [kind, file] = args;
  if ((kind !== 'general' && kind !== 'assignment') || file === undefined || args.length !== 2) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  let buf: Uint8Array;
  try {
    buf = readFileSync(file);
  } catch (err) {
    process.stderr.write(`${file}: cannot read: ${(err as Error).message}\n`);
    return 1;
  }
  let lines: string[];
  let weight: number;
  let solveMs: number;
  try {
    if (kind === 'general') {
      const g = parseInstance('general', buf);
      const t0 = performance.now();
      const res = maxWeightMatching(g);
      solveMs = performance.now() - t0;
      weight = res.weight;
      lines = [];
      for (let x = 0; x < g.n; x++) {
        const y = res.mate[x]!;
        if (y > x && g.w[res.mateEdge[x]!]! > 0) {
          lines.push(`${x} ${y}`);
        }
      }
    } else {
      const g = parseInstance('assignment', buf);
      const t0 = performance.now();
      const res = maxWeightAssignment(g);
      solveMs = performance.now() - t0;
      weight = res.weight;
      lines = [];
      for (let r = 0; r < g.nRows; r++) {
        const c = res.rowMate[r]!;
        if (c >= 0 && g.w[res.rowEdge[r]!]! > 0) {
          lines.push(`${r} ${c}`);
        }
      }
    }
  } catch (err) {
    if (err instanceof InstanceFormatError) {
      process.stderr.write(`${file}:${err.line}: ${err.problem}\n`);
      return 1;
    }
    throw err;
  }
  process.stdout.write(`${weight}\n${lines.length > 0 ? `${lines.join('\n')}\n` : ''}`);
  if (time) {
    process.stderr.write(`solve ${(solveMs / 1000).toFixed(3)} s\n`);
  }
  return 0;
}

// `… | head` closes the pipe early: that is not an error of ours
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') {
    throw err;
  }
});
process.exitCode = main(process.argv.slice(2));
