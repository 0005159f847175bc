import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'abitare-match-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[], content?: string): { status: number | null; stdout: string; stderr: string } {
  const file = join(dir, `i${Math.random().toString(36).slice(2)}.txt`);
  if (content !== undefined) {
    writeFileSync(file, content);
  }
  const res = spawnSync(process.execPath, ['--import', 'tsx', 'server/src/cli/match.ts', ...args.map((a) => (a === 'FILE' ? file : a))], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { status: res.status, stdout: res.stdout, stderr: res.stderr.replace(file, 'FILE') };
}

describe('npm run match', { timeout: 60_000 }, () => {
  it('general: prints the total weight, then the chosen edges u < v', () => {
    const r = run(['general', 'FILE'], '4 3\n0 1 5\n1 2 8\n2 3 5\n');
    expect(r).toEqual({ status: 0, stdout: '10\n0 1\n2 3\n', stderr: '' });
  });

  it('assignment: rows may stay unmatched; weight-0 pairs are left out', () => {
    const r = run(['assignment', 'FILE'], '3 2 4\n0 0 10\n1 0 1\n1 1 0\n2 1 4\n');
    expect(r).toEqual({ status: 0, stdout: '14\n0 0\n2 1\n', stderr: '' });
  });

  it('exits 1 with the line and the problem on a malformed file', () => {
    expect(run(['general', 'FILE'], '3 2\n0 1 5\n')).toEqual({ status: 1, stdout: '', stderr: 'FILE:3: missing line: expected edge 2 of 2: "u v w"\n' });
    expect(run(['general', 'FILE'], '3 1\n2 1 5\n').stderr).toBe('FILE:2: edge "2 1" must have u < v\n');
    expect(run(['assignment', 'FILE'], '2 2 1\n0 0 -1\n')).toMatchObject({ status: 1, stderr: 'FILE:2: negative weight -1\n' });
    expect(run(['assignment', 'FILE'], '2 2 1\n0 9 1\n')).toMatchObject({ status: 1, stderr: 'FILE:2: column 9 out of range (columns are 0..1)\n' });
  });

  it('exits 1 on a missing file and 2 on bad usage', () => {
    expect(run(['general', join(dir, 'nope.txt')]).status).toBe(1);
    const usage = run(['pairs', 'FILE'], '1 0\n');
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/^usage:/);
  });
});
