// `npm run migrate`: applies pending migrations to DATABASE_URL or the embedded database.
import { resolve } from 'node:path';
import { loadConfig } from '../kernel/config.js';
import { openDatabase } from '../kernel/db/database.js';
import { migrate } from '../kernel/db/migrate.js';

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: resolve(config.dataDir) });
const applied = await migrate(database);
console.log(applied.length > 0 ? `applied: ${applied.join(', ')}` : 'nothing to apply');
await database.close();
