// Builds one migrated template database per test run; each test file clones it (db.ts).
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPglite, openPostgres, withDatabase } from '../src/kernel/db/database.js';
import { migrate } from '../src/kernel/db/migrate.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    pgTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  // Global setup runs in the main process, where the project's `env` is not applied.
  if (project.name === 'api-postgres') {
    const url = process.env.TEST_DATABASE_URL as string;
    const template = `abitare_tpl_${randomUUID().slice(0, 8)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${template}`);
    const database = await openPostgres(withDatabase(url, template), 1);
    await migrate(database);
    await database.close();
    project.provide('pgTemplate', template);
    return async () => {
      // Drop the clones left by this run, then the template.
      const { rows } = await admin.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [`${template}_%`]);
      for (const r of rows) {
        await admin.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`);
      }
      await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
      await admin.end();
    };
  }
  const database = await openPglite('memory://');
  await migrate(database);
  const dump = await database.dump?.();
  if (!dump) {
    throw new Error('PGlite dump unavailable');
  }
  const file = join(tmpdir(), `abitare-template-${randomUUID()}.tar`);
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  project.provide('pgliteTemplate', file);
}
