import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Italian and English catalogues must hold the same keys, in the shell and in every feature.
const root = join(import.meta.dirname, '..');

function keys(value: unknown, prefix = ''): string[] {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
  }
  return [prefix];
}

function load(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

const pairs: [string, string][] = [[join(root, 'i18n/it.json'), join(root, 'i18n/en.json')]];
for (const feature of readdirSync(join(root, 'features'))) {
  const dir = join(root, 'features', feature, 'i18n');
  try {
    readdirSync(dir);
    pairs.push([join(dir, 'it.json'), join(dir, 'en.json')]);
  } catch {
    // this feature has no catalogue of its own
  }
}

describe('i18n catalogues', () => {
  it.each(pairs)('%s and its English twin hold the same keys', (itPath, enPath) => {
    expect(keys(load(enPath)).sort()).toEqual(keys(load(itPath)).sort());
  });

  it('no key is defined by two catalogues', () => {
    const seen = new Map<string, string>();
    const dupes: string[] = [];
    for (const [itPath] of pairs) {
      for (const k of keys(load(itPath))) {
        if (seen.has(k)) {
          dupes.push(`${k} (${seen.get(k)} and ${itPath})`);
        }
        seen.set(k, itPath);
      }
    }
    expect(dupes).toEqual([]);
  });
});
