// The authenticated list endpoint of the whole app (session, permission check, tenant
// transaction with row-level security, zod validation and serialisation, presenter, helmet …)
// against the very same SQL answered by a bare Fastify handler, on the same database, in one run.
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { CompiledQuery, DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import pg from 'pg';
import { buildApp } from '../server/src/app.js';
import { testConfig } from '../server/src/kernel/config.js';
import { type Database, openPglite, openPostgres, withDatabase } from '../server/src/kernel/db/database.js';
import { migrate } from '../server/src/kernel/db/migrate.js';
import { runInTenant } from '../server/src/kernel/db/tenant.js';
import type { DB } from '../server/src/kernel/db/types.js';
import { systemClock } from '../server/src/kernel/time.js';
import { listUsers } from '../server/src/modules/admin/repo.js';
import { buildEnte, buildOrganisation, buildUser } from '../server/test/factories.js';
import { assertClean, defaultDurationMs, type LoadResult, loadRow, measure, mergeLoads, type Row, runLoad, timeRow } from './lib.js';

const USERS = Number(process.env.BENCH_USERS ?? 1_000);
const ORGANISATIONS = 10;
const LIMIT = 50;
const CONCURRENCY = 16;
const POOL_SIZE = 10;
const LIST_URL = `/api/v1/admin/users?limit=${LIMIT}`;

const ROLES = ['citizen', 'landlord', 'housing_operator', 'social_worker', 'housing_first_team', 'mediator', 'agency_operator', 'partner_staff'] as const;
const PROGRAMS = ['youth_collab', 'dopo_di_noi', 'erp', 'agency', 'mediation', 'cohousing', 'housing_first'] as const;
const FIRST = ['Giulia', 'Marco', 'Sara', 'Luca', 'Chiara', 'Matteo', 'Elena', 'Paolo', 'Anna', 'Davide', 'Marta', 'Simone', 'Laura'];
const LAST = ['Rossi', 'Bianchi', 'Lucchesi', 'Martini', 'Del Carlo', 'Giannini', 'Pardini', 'Nieri', 'Bertolucci', 'Guidi', 'Rocchi'];

interface BenchDatabase {
  database: Database;
  label: string;
  /** The bare server's own connection (a pg pool on PostgreSQL; the shared PGlite otherwise). */
  query(q: CompiledQuery): Promise<unknown[]>;
  close(): Promise<void>;
}

/** A fresh PostgreSQL database when a server is given, otherwise PGlite in memory. */
async function openBenchDatabase(): Promise<BenchDatabase> {
  const serverUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const database = await openPglite('memory://');
    return {
      database,
      label: 'pglite',
      query: async (q) => (await database.db.executeQuery(q)).rows,
      close: () => database.close(),
    };
  }
  const name = `abitare_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = withDatabase(serverUrl, name);
  const database = await openPostgres(url, POOL_SIZE);
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE });
  pool.on('error', () => {}); // an idle client cut off by the DROP below must not crash the run
  const version = (await admin.query<{ v: string }>(`SELECT current_setting('server_version') AS v`)).rows[0]?.v.split(' ')[0] ?? '?';
  return {
    database,
    label: `postgres ${version}`,
    query: async (q) => (await pool.query({ text: q.sql, values: q.parameters as unknown[] })).rows,
    close: async () => {
      await pool.end().catch(() => {});
      await database.close().catch(() => {});
      // pg-pool's end() resolves before its clients have hung up, and the app's pool has no
      // 'error' listener: wait (bounded) for the backends to go before forcing the drop.
      for (let i = 0; i < 50; i++) {
        const { rows } = await admin.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name]);
        if ((rows[0]?.n ?? 0) === 0) {
          break;
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** The SQL that the app's repository sends for the list, compiled without a database. */
async function compiledListQuery(tenantId: string): Promise<CompiledQuery> {
  const seen: CompiledQuery[] = [];
  const compiler = new Kysely<DB>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new PostgresIntrospector(db),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
    log: (event) => {
      seen.push(event.query);
    },
  });
  await listUsers(compiler, { tenantId }, { limit: LIMIT });
  await compiler.destroy();
  const q = seen[0];
  if (!q) {
    throw new Error('listUsers sent no query');
  }
  return q;
}

interface Seeded {
  tenantId: string;
  admin: Awaited<ReturnType<typeof buildUser>>;
  users: number;
  roles: number;
}

async function seed(database: Database): Promise<Seeded> {
  const { db } = database;
  const ente = await buildEnte(db, { slug: 'bench', name: 'Comune di Benchmark' });
  const orgs: string[] = [];
  for (let i = 0; i < ORGANISATIONS; i++) {
    orgs.push((await buildOrganisation(db, { tenantId: ente.id, name: `Organisation ${String(i + 1).padStart(2, '0')}` })).id);
  }
  // Only the admin who signs in needs a real (argon2) password hash.
  const admin = await buildUser(db, {
    tenantId: ente.id,
    email: 'admin@bench.example.org',
    fullName: 'Amministratore Benchmark',
    roles: [{ role: 'admin' }],
    organisationId: orgs[0] ?? null,
  });
  let roles = 1;
  const CHUNK = 250;
  for (let from = 1; from < USERS; from += CHUNK) {
    const batch = Array.from({ length: Math.min(CHUNK, USERS - from) }, (_, k) => {
      const i = from + k;
      return {
        tenant_id: ente.id,
        organisation_id: orgs[i % ORGANISATIONS] ?? null,
        email: `user${String(i).padStart(5, '0')}@bench.example.org`,
        full_name: `${LAST[(i * 7) % LAST.length]} ${FIRST[i % FIRST.length]} ${String(i).padStart(5, '0')}`,
        password_hash: 'not-a-real-hash',
        last_login_at: i % 4 === 0 ? null : new Date(Date.UTC(2026, 0, 1 + (i % 300))),
      };
    });
    const ids = await db.insertInto('app_user').values(batch).returning('id').execute();
    const assignments = ids.flatMap(({ id }, k) => {
      const i = from + k;
      const first = { tenant_id: ente.id, user_id: id, role: ROLES[i % ROLES.length] as string, program: null as string | null };
      // Every other user holds a second role, tied to one program.
      return i % 2 === 0 ? [first, { ...first, role: ROLES[(i + 3) % ROLES.length] as string, program: PROGRAMS[i % PROGRAMS.length] as string }] : [first];
    });
    await db.insertInto('role_assignment').values(assignments).execute();
    roles += assignments.length;
  }
  await database.execScript('ANALYZE');
  return { tenantId: ente.id, admin, users: USERS, roles };
}

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

async function login(base: string, user: Seeded['admin']): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ente: user.enteSlug, email: user.email, password: user.password }),
  });
  if (res.status !== 200) {
    throw new Error(`login failed: ${res.status} ${await res.text()}`);
  }
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith('abitare_session='));
  if (!cookie) {
    throw new Error('login set no abitare_session cookie');
  }
  return cookie;
}

/** One request by hand before the load: both servers must answer the same page. */
async function check(url: string, headers: Record<string, string>, expectItems: number): Promise<void> {
  const res = await fetch(url, { headers });
  const body = (await res.json()) as { items?: unknown[] };
  if (res.status !== 200 || body.items?.length !== expectItems) {
    throw new Error(`${url}: status ${res.status}, ${body.items?.length ?? 'no'} items (expected ${expectItems})`);
  }
}

/** BENCH_EXPLAIN=1: the plan of the list query as the owner and as the app role under RLS. */
async function explain(database: Database, q: CompiledQuery, s: Seeded): Promise<void> {
  const plan = CompiledQuery.raw(`EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON) ${q.sql}`, [...q.parameters]);
  const show = (label: string, rows: unknown[]) => {
    console.log(`  plan ${label}:`);
    for (const r of rows as { 'QUERY PLAN': string }[]) {
      console.log(`    ${r['QUERY PLAN']}`);
    }
  };
  show('as owner (bare)', (await database.db.executeQuery(plan)).rows);
  show(
    'as abitare_app in the tenant transaction (RLS)',
    await runInTenant(database.db, { tenantId: s.tenantId, userId: s.admin.id }, async (trx) => (await trx.executeQuery(plan)).rows),
  );
}

const fmt = (r: LoadResult) =>
  `${r.requests} requests in ${(r.elapsedMs / 1000).toFixed(1)} s, p50 ${r.p50.toFixed(1)} / p95 ${r.p95.toFixed(1)} / p99 ${r.p99.toFixed(1)} ms, ${r.bodyBytes} B/response`;

export async function run(): Promise<Row[]> {
  const bench = await openBenchDatabase();
  const { database } = bench;
  const apps: FastifyInstance[] = [];
  try {
    console.log(
      `  database: ${bench.label}${bench.database.kind === 'pglite' ? ' (in memory, one session: every query is serialised)' : ` (fresh database, pools of ${POOL_SIZE})`}`,
    );
    const migrated = await measure('migrate (all migrations)', 'empty db', () => migrate(database));
    let seeded: Seeded | undefined;
    const seeding = await measure('seed (1 ente, bulk insert)', `${USERS} users`, async () => {
      seeded = await seed(database);
    });
    const s = seeded as Seeded;
    const size = `${s.users} users, ${ORGANISATIONS} orgs, ${s.roles} roles`;
    console.log(`  data: 1 ente, ${size}; page limit ${LIMIT}, concurrency ${CONCURRENCY}`);

    // The full application, as in production but with quiet logs.
    const app = await buildApp({ db: database.db, config: testConfig(), clock: systemClock, logger: false });
    apps.push(app);
    const appBase = await listen(app);
    const cookie = await login(appBase, s.admin);

    // The same SQL on a bare Fastify: no session, no permission, no transaction/RLS, no zod.
    const listQuery = await compiledListQuery(s.tenantId);
    const bare = Fastify({ logger: false });
    apps.push(bare);
    bare.get('/users', async () => ({ items: await bench.query(listQuery) }));
    // The bare handler plus the tenant transaction the app opens (BEGIN, set_config, SET LOCAL ROLE, COMMIT).
    bare.get('/users-tx', async () => ({
      items: await runInTenant(database.db, { tenantId: s.tenantId, userId: s.admin.id }, async (trx) => (await trx.executeQuery(listQuery)).rows),
    }));
    const bareBase = await listen(bare);

    await check(`${appBase}${LIST_URL}`, { cookie }, LIMIT);
    await check(`${bareBase}/users`, {}, LIMIT + 1);
    await check(`${bareBase}/users-tx`, {}, LIMIT + 1);

    if (process.env.BENCH_EXPLAIN) {
      await explain(database, listQuery, s);
    }
    const direct = await measure('  the list query alone, serial, no HTTP', size, () => bench.query(listQuery), { iterations: 200, warmup: 20 });

    // Two rounds per variant in A B C C B A order, so no variant always runs first or last;
    // each round gets half the duration, so each variant is measured for BENCH_DURATION_MS.
    const variants = {
      bare: { url: `${bareBase}/users` },
      tx: { url: `${bareBase}/users-tx` },
      abitare: { url: `${appBase}${LIST_URL}`, headers: { cookie } },
    };
    const order = ['bare', 'tx', 'abitare', 'abitare', 'tx', 'bare'] as const;
    const rounds: Record<keyof typeof variants, LoadResult[]> = { bare: [], tx: [], abitare: [] };
    for (const v of order) {
      rounds[v].push(assertClean(await runLoad({ ...variants[v], concurrency: CONCURRENCY, durationMs: defaultDurationMs() / 2, warmupMs: 500 })));
    }
    const rBare = mergeLoads(rounds.bare);
    const rTx = mergeLoads(rounds.tx);
    const rApp = mergeLoads(rounds.abitare);
    console.log(`  bare:      ${fmt(rBare)}`);
    console.log(`  bare + tx: ${fmt(rTx)}`);
    console.log(`  abitare:   ${fmt(rApp)}`);

    const db = bench.label;
    return [
      timeRow({ ...migrated, name: `list endpoint [${db}]: migrate` }),
      timeRow({ ...seeding, name: `list endpoint [${db}]: seed (bulk insert)` }),
      timeRow(direct),
      loadRow(`  bare Fastify + same SQL, c=${CONCURRENCY}`, size, rBare),
      loadRow(`  bare + tenant tx (RLS), c=${CONCURRENCY}`, size, rTx, rBare),
      loadRow(`  abitare GET ${LIST_URL}, c=${CONCURRENCY}`, size, rApp, rBare),
    ];
  } finally {
    for (const a of apps) {
      await a.close().catch(() => {});
    }
    await bench.close();
  }
}
