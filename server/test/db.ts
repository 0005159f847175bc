// A fresh database per test file, cloned from the run's migrated template (global-setup.ts):
// PGlite from a data-dir tarball, PostgreSQL with CREATE DATABASE … TEMPLATE.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, openPglite, openPostgres, withDatabase } from '../src/kernel/db/database.js';

export async function createTestDatabase(): Promise<Database> {
  if (process.env.ABITARE_TEST_DB === 'postgres') {
    const url = process.env.TEST_DATABASE_URL as string;
    const template = inject('pgTemplate');
    const name = `${template}_${randomUUID().slice(0, 8)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    await admin.end();
    const database = await openPostgres(withDatabase(url, name), 5);
    return {
      ...database,
      close: async () => {
        await database.close();
        const dropper = new pg.Client({ connectionString: url });
        await dropper.connect();
        await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await dropper.end();
      },
    };
  }
  const blob = new Blob([readFileSync(inject('pgliteTemplate'))]);
  return openPglite('memory://', blob);
}
