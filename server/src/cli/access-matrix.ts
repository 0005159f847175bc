// `npm run authz:matrix`: writes server/src/kernel/auth/access-matrix.md from the route table.
import { writeFileSync } from 'node:fs';
import { buildApp } from '../app.js';
import { matrixRoutes, renderMatrix } from '../kernel/auth/access-matrix.js';
import { testConfig } from '../kernel/config.js';
import { openPglite } from '../kernel/db/database.js';
import { systemClock } from '../kernel/time.js';

const database = await openPglite('memory://');
const app = await buildApp({ db: database.db, config: testConfig(), clock: systemClock, logger: false });
await app.ready();
const target = new URL('../kernel/auth/access-matrix.md', import.meta.url).pathname;
const routes = matrixRoutes(app.routeTable);
writeFileSync(target, renderMatrix(routes));
await app.close();
await database.close();
console.log(`wrote ${target} (${routes.length} routes)`);
