import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** True when the built UI is missing or older than its sources. */
export function webBuildIsStale(root: string): boolean {
  const index = resolve(root, 'web/dist/index.html');
  if (!existsSync(index)) {
    return true;
  }
  const src = resolve(root, 'web/src');
  return existsSync(src) && newestMtime(src) > statSync(index).mtimeMs;
}

/** Builds the web UI with Vite (a dev dependency present after `npm ci`). */
export async function buildWeb(root: string): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: resolve(root, 'web/vite.config.ts'), logLevel: 'warn' });
}
