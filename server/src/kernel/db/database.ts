import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PGliteDialect } from './pglite-dialect.js';
import type { DB } from './types.js';

export type DatabaseKind = 'pglite' | 'postgres';

/** An open database: the Kysely handle plus what is needed to close it. */
export interface Database {
  db: Kysely<DB>;
  kind: DatabaseKind;
  /** Runs multi-statement SQL text (migrations) outside Kysely's query builder. */
  execScript(sql: string): Promise<void>;
  close(): Promise<void>;
  /** PGlite only: a tarball of the data directory, to clone the database (test templates). */
  dump?: () => Promise<Blob>;
}

// Dates (`date`) stay 'YYYY-MM-DD' strings: a day is not an instant. int8 becomes a number
// (counts and sums stay far below 2^53).
const DATE_OID = 1082;
const INT8_OID = 20;
const NUMERIC_OID = 1700;
pg.types.setTypeParser(DATE_OID, (v: string) => v);
pg.types.setTypeParser(INT8_OID, (v: string) => Number(v));
pg.types.setTypeParser(NUMERIC_OID, (v: string) => Number(v));

const pgliteParsers = {
  [DATE_OID]: (v: string) => v,
  [INT8_OID]: (v: string) => Number(v),
  [NUMERIC_OID]: (v: string) => Number(v),
};

/** Opens PGlite persisted in `dataDir`, or in memory when dataDir is 'memory://'. */
export async function openPglite(dataDir: string, loadDataDir?: Blob): Promise<Database> {
  if (!dataDir.startsWith('memory://')) {
    mkdirSync(dataDir, { recursive: true });
  }
  // Contrib extensions the migrations create (CREATE EXTENSION still runs in SQL, as on a server).
  const client = new PGlite(dataDir, { parsers: pgliteParsers, loadDataDir, extensions: { btree_gist, pg_trgm } });
  await client.waitReady;
  return {
    db: new Kysely<DB>({ dialect: new PGliteDialect(client) }),
    kind: 'pglite',
    execScript: async (sql) => {
      await client.exec(sql);
    },
    close: async () => {
      await client.close();
    },
    dump: async () => (await client.dumpDataDir('none')) as Blob,
  };
}

/** Opens a pool on a PostgreSQL server. */
export async function openPostgres(connectionString: string, max = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max });
  // An idle connection closed by the server (restart, failover) must not crash the process;
  // the pool replaces it on the next query.
  pool.on('error', (err) => {
    console.error(`[abitare] idle database connection lost: ${err.message}`);
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'postgres',
    execScript: async (sql) => {
      const client = await pool.connect();
      try {
        await client.query(sql);
      } finally {
        client.release();
      }
    },
    close: async () => {
      await db.destroy();
    },
  };
}

/** PostgreSQL when a URL is given, otherwise embedded PGlite in `dataDir`. */
export function openDatabase(opts: { databaseUrl?: string; dataDir: string }): Promise<Database> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl) : openPglite(opts.dataDir);
}

/** The same server URL pointing at another database (test clones, benchmarks). */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
