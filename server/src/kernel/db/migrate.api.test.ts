import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db.js';
import type { Database } from './database.js';
import { MIGRATIONS_DIR, migrate, readMigrations } from './migrate.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

function dirWith(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'abitare-mig-'));
  for (const [name, text] of Object.entries(files)) {
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe('migrations', () => {
  it('the template is fully migrated and re-running applies nothing', async () => {
    expect(await migrate(database)).toEqual([]);
    const { rows } = await sql<{ version: string }>`SELECT version FROM schema_migration ORDER BY version`.execute(database.db);
    expect(rows.map((r) => r.version)).toEqual(readMigrations(MIGRATIONS_DIR).map((m) => m.version));
  });

  it('applies a new file in a transaction: a failing migration leaves nothing behind', async () => {
    const existing = readMigrations(MIGRATIONS_DIR);
    const files = Object.fromEntries(existing.map((m) => [`${m.version}_${m.name}.sql`, m.sql]));
    const next = String(existing.length + 1).padStart(4, '0');
    const bad = dirWith({ ...files, [`${next}_broken.sql`]: 'CREATE TABLE half_done (id int);\nSELECT no_such_function();' });
    await expect(migrate(database, bad)).rejects.toThrow(new RegExp(`${next}_broken failed`));
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'half_done'`.execute(database.db);
    expect(rows[0]?.n).toBe(0);
    const good = dirWith({ ...files, [`${next}_fine.sql`]: 'CREATE TABLE fine_table (tenant_id uuid, id uuid, PRIMARY KEY (tenant_id, id));' });
    expect(await migrate(database, good)).toEqual([`${next}_fine`]);
    await sql`DROP TABLE fine_table`.execute(database.db);
    await sql`DELETE FROM schema_migration WHERE version = ${next}`.execute(database.db);
  });

  it('refuses an applied migration whose file was edited (append-only)', async () => {
    const existing = readMigrations(MIGRATIONS_DIR);
    const files = Object.fromEntries(existing.map((m) => [`${m.version}_${m.name}.sql`, m.sql]));
    const first = existing[0];
    if (!first) {
      throw new Error('no migrations');
    }
    const edited = dirWith({ ...files, [`${first.version}_${first.name}.sql`]: `${first.sql}\n-- edited` });
    await expect(migrate(database, edited)).rejects.toThrow(/edited after it was applied/);
  });

  it('refuses badly named or non-consecutive files', () => {
    expect(() => readMigrations(dirWith({ '0001_a.sql': '', '0003_c.sql': '' }))).toThrow(/consecutive/);
    expect(() => readMigrations(dirWith({ 'init.sql': '' }))).toThrow(/NNNN_description/);
  });
});
