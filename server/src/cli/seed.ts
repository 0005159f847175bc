// `npm run seed`: loads the demo data into an empty database, or with `--scale N` a large tenant
// of about N people (and N/10 units when the stock module is present) for benchmarks.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isEmpty, seedDemo } from '../../seeds/demo/index.js';
import { seedScale } from '../../seeds/scale.js';
import { loadConfig } from '../kernel/config.js';
import { openDatabase } from '../kernel/db/database.js';
import { migrate } from '../kernel/db/migrate.js';

const { values } = parseArgs({ options: { scale: { type: 'string' }, ente: { type: 'string', default: 'scale' } } });
const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: resolve(config.dataDir) });
await migrate(database);
if (values.scale !== undefined) {
  const people = Number(values.scale);
  if (!Number.isInteger(people) || people < 1 || people > 20_000_000) {
    console.error('--scale must be a whole number of people between 1 and 20,000,000');
    process.exit(2);
  }
  console.log(`seeding ente "${values.ente}" with ~${people.toLocaleString('it-IT')} people on ${database.kind}…`);
  const r = await seedScale(database.db, { people, slug: values.ente ?? 'scale', log: console.log });
  const stock = r.stock ? `, ${r.stock.units} units in ${r.stock.buildings} buildings and ${r.stock.estates} estates` : '';
  console.log(`done: ${r.people} people, ${r.households} households${stock} in ${r.seconds.toFixed(1)} s (ente id ${r.tenantId})`);
} else if (await isEmpty(database.db)) {
  await seedDemo(database.db);
  console.log('demo data loaded');
} else {
  console.log('the database is not empty: demo data not loaded');
}
await database.close();
