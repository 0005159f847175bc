// `npm run openapi`: writes docs/openapi.json from the route schemas (a test fails when it drifts).
import { writeFileSync } from 'node:fs';
import { buildApp } from '../app.js';
import { testConfig } from '../kernel/config.js';
import { openPglite } from '../kernel/db/database.js';
import { systemClock } from '../kernel/time.js';

/**
 * One line per path and per component schema: small enough to keep in git (pretty-printed it
 * passed 3 MB) while a diff still shows which route changed. Still plain JSON.
 */
function compactJson(spec: Record<string, unknown>): string {
  const entry = ([k, v]: [string, unknown]) => {
    if (v && typeof v === 'object' && !Array.isArray(v) && (k === 'paths' || k === 'components')) {
      const inner = Object.entries(v as Record<string, unknown>).map(([ik, iv]) =>
        k === 'components' && iv && typeof iv === 'object'
          ? `  ${JSON.stringify(ik)}: {\n${Object.entries(iv as Record<string, unknown>)
              .map(([ck, cv]) => `    ${JSON.stringify(ck)}: ${JSON.stringify(cv)}`)
              .join(',\n')}\n  }`
          : `  ${JSON.stringify(ik)}: ${JSON.stringify(iv)}`,
      );
      return `${JSON.stringify(k)}: {\n${inner.join(',\n')}\n}`;
    }
    return `${JSON.stringify(k)}: ${JSON.stringify(v)}`;
  };
  return `{\n${Object.entries(spec).map(entry).join(',\n')}\n}\n`;
}

const database = await openPglite('memory://');
const app = await buildApp({ db: database.db, config: testConfig(), clock: systemClock, logger: false });
await app.ready();
const target = new URL('../../../docs/openapi.json', import.meta.url).pathname;
writeFileSync(target, compactJson(app.swagger() as Record<string, unknown>));
await app.close();
await database.close();
console.log(`wrote ${target}`);
