// `npm run openapi`: writes docs/openapi.json from the route schemas (a test fails when it drifts).
import { writeFileSync } from 'node:fs';
import { buildApp } from '../app.js';
import { testConfig } from '../kernel/config.js';
import { openPglite } from '../kernel/db/database.js';
import { systemClock } from '../kernel/time.js';

const database = await openPglite('memory://');
const app = await buildApp({ db: database.db, config: testConfig(), clock: systemClock, logger: false });
await app.ready();
const target = new URL('../../../docs/openapi.json', import.meta.url).pathname;
writeFileSync(target, `${JSON.stringify(app.swagger(), null, 2)}\n`);
await app.close();
await database.close();
console.log(`wrote ${target}`);
