import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { Database } from './database.js';

export const MIGRATIONS_DIR = new URL('../../../migrations/', import.meta.url).pathname;

export interface MigrationFile {
  version: string;
  name: string;
  sql: string;
  checksum: string;
}

/** Reads `NNNN_description.sql` files in order; refuses gaps and duplicate numbers. */
export function readMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  return files.map((file, i) => {
    const m = /^(\d{4})_([a-z0-9_]+)\.sql$/.exec(file);
    if (!m) {
      throw new Error(`Migration file name must be NNNN_description.sql: ${file}`);
    }
    const [, version, name] = m as unknown as [string, string, string];
    if (Number(version) !== i + 1) {
      throw new Error(`Migration numbers must be consecutive from 0001: ${file}`);
    }
    const text = readFileSync(join(dir, file), 'utf8');
    return { version, name, sql: text, checksum: createHash('sha256').update(text).digest('hex') };
  });
}

/**
 * Applies pending migrations in order, each in its own transaction, and records them.
 * An applied migration whose file changed is an error: migrations are append-only.
 */
export async function migrate(database: Database, dir = MIGRATIONS_DIR): Promise<string[]> {
  const { db } = database;
  await database.execScript(`
    CREATE TABLE IF NOT EXISTS schema_migration (
      version text PRIMARY KEY,
      name text NOT NULL,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    );`);
  const applied = new Map(
    (await sql<{ version: string; checksum: string }>`SELECT version, checksum FROM schema_migration`.execute(db)).rows.map((r) => [r.version, r.checksum]),
  );
  const done: string[] = [];
  for (const m of readMigrations(dir)) {
    const known = applied.get(m.version);
    if (known !== undefined) {
      if (known !== m.checksum) {
        throw new Error(`Migration ${m.version}_${m.name} was edited after it was applied; add a new migration instead`);
      }
      continue;
    }
    // One transaction per file: a failing migration leaves nothing behind. The advisory lock
    // keeps two servers starting together from applying the same file twice.
    await database
      .execScript(
        `BEGIN;
       SELECT pg_advisory_xact_lock(727274);
       ${m.sql}
       ;
       INSERT INTO schema_migration (version, name, checksum) VALUES ('${m.version}', '${m.name}', '${m.checksum}');
       COMMIT;`,
      )
      .catch(async (err: unknown) => {
        await database.execScript('ROLLBACK').catch(() => {});
        throw new Error(`Migration ${m.version}_${m.name} failed: ${(err as Error).message}`);
      });
    done.push(`${m.version}_${m.name}`);
  }
  return done;
}
