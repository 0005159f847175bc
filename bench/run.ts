// Runs every bench/*.bench.ts (each exports `run(): Promise<Row[]>`) and prints one table.
// Usage: npm run bench [-- <filter>]   (filter: part of a file name, e.g. `list`)
import { readdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { type Benchmark, machine, printTable, type Row } from './lib.js';

const dir = fileURLToPath(new URL('.', import.meta.url));
const filter = process.argv[2];
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filter === undefined || f.includes(filter))
  .sort();

if (files.length === 0) {
  console.error(`No benchmark in bench/ matches ${filter === undefined ? '*.bench.ts' : `"${filter}"`}`);
  process.exit(1);
}

console.log(`Abitare benchmarks: ${machine()}`);
const rows: Row[] = [];
let failed = false;
for (const file of files) {
  const started = performance.now();
  console.log(`\n▶ ${file}`);
  try {
    const mod = (await import(new URL(file, import.meta.url).href)) as { run?: Benchmark };
    if (typeof mod.run !== 'function') {
      throw new Error(`${file} does not export run()`);
    }
    rows.push(...(await mod.run()));
    console.log(`  done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } catch (err) {
    failed = true;
    console.error(`  ${file} failed:`, err);
  }
}
console.log('');
printTable(rows);
// Pools, workers or PGlite handles left open must not keep a finished run alive.
process.exit(failed ? 1 : 0);
