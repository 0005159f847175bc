// Writes server/src/kernel/db/types.ts from the schema the migrations build.
import { writeFileSync } from 'node:fs';
import { openPglite } from '../kernel/db/database.js';
import { migrate } from '../kernel/db/migrate.js';
import { generateDbTypes } from '../kernel/db/typegen.js';

const database = await openPglite('memory://');
await migrate(database);
const text = await generateDbTypes(database.db);
const target = new URL('../kernel/db/types.ts', import.meta.url).pathname;
writeFileSync(target, text);
await database.close();
console.log(`wrote ${target}`);
