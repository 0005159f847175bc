// Stock filtering on a large tenant (default 100,000 units, from `seedScale` with 1,000,000 people),
// through the real API (session, tenant transaction with RLS, validation, presenter), on PostgreSQL.
// Shares the database `abitare_scale_<N>` with registry-scale (kept between runs); when that ente
// has people but no units yet, only the stock is added. Target (issue 4): p95 < 50 ms.

import { sql } from 'kysely';
import pg from 'pg';
import { seedScale } from '../server/seeds/scale.js';
import { LUCCA_NEIGHBOURHOODS, seedScaleStock } from '../server/seeds/scale-stock.js';
import { buildApp } from '../server/src/app.js';
import { testConfig } from '../server/src/kernel/config.js';
import { openPostgres, withDatabase } from '../server/src/kernel/db/database.js';
import { migrate } from '../server/src/kernel/db/migrate.js';
import { systemClock } from '../server/src/kernel/time.js';
import { buildUser } from '../server/test/factories.js';
import { measure, type Row, timeRow } from './lib.js';

const SCALE = Number(process.env.BENCH_SCALE ?? 1_000_000);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200);
const PROGRAMS = ['erp', 'agency', 'youth_collab', 'housing_first', 'dopo_di_noi', 'cohousing', 'mediation'];
const STATUSES = ['available', 'reserved', 'maintenance', 'occupied'];
const SEARCHES = ['pisana', 'puccini', 'SC-00123', 'sant', 'complesso arancio', 'tiglio 2', 'fillungo'];

const cycle = <T>(xs: readonly T[]) => {
  let i = 0;
  return () => xs[i++ % xs.length] as T;
};

export async function run(): Promise<Row[]> {
  const serverUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    console.log('stock-scale: SKIPPED — needs PostgreSQL (set BENCH_DATABASE_URL or TEST_DATABASE_URL)');
    return [];
  }
  const name = `abitare_scale_${SCALE}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  if ((await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount !== 1) {
    await admin.query(`CREATE DATABASE ${name}`);
  }
  await admin.end();
  const database = await openPostgres(withDatabase(serverUrl, name), 10);
  const rows: Row[] = [];
  try {
    // BENCH_MIGRATIONS_DIR: migrate from another folder (e.g. the migrations of a given commit).
    await migrate(database, process.env.BENCH_MIGRATIONS_DIR || undefined);
    const { db } = database;
    const units = Math.floor(SCALE / 10);
    let ente = await db.selectFrom('ente').select('id').where('slug', '=', 'scale').executeTakeFirst();
    if (!ente) {
      rows.push(
        timeRow(
          await measure('seed people + stock (bulk insert)', `${SCALE.toLocaleString('en')} people`, () =>
            seedScale(db, { people: SCALE, slug: 'scale', log: (s) => console.log(s) }),
          ),
        ),
      );
      await sql`ANALYZE`.execute(db);
      ente = await db.selectFrom('ente').select('id').where('slug', '=', 'scale').executeTakeFirstOrThrow();
    } else if (!(await db.selectFrom('unit').select('id').where('tenant_id', '=', ente.id).limit(1).executeTakeFirst())) {
      const tenantId = ente.id;
      rows.push(timeRow(await measure('seed stock (INSERT … SELECT)', `${units.toLocaleString('en')} units`, () => seedScaleStock(db, { tenantId, units }))));
      await sql`ANALYZE`.execute(db);
    }
    const tenantId = ente.id;
    // Fresh statistics and visibility maps (index-only scans), also after a new migration.
    await sql`VACUUM ANALYZE estate, building, unit, unit_status, unit_program`.execute(db);
    const sizes = (
      await sql<Record<string, number>>`
        SELECT (SELECT count(*) FROM estate WHERE tenant_id = ${tenantId})::int AS estates,
               (SELECT count(*) FROM building WHERE tenant_id = ${tenantId})::int AS buildings,
               (SELECT count(*) FROM unit WHERE tenant_id = ${tenantId})::int AS units,
               (SELECT count(*) FROM unit_status WHERE tenant_id = ${tenantId})::int AS statuses,
               (SELECT count(*) FROM unit_program WHERE tenant_id = ${tenantId})::int AS programs`.execute(db)
    ).rows[0] as Record<string, number>;
    console.log(
      `stock-scale: ${sizes.units?.toLocaleString('en')} units, ${sizes.buildings?.toLocaleString('en')} buildings, ` +
        `${sizes.estates?.toLocaleString('en')} estates, ${sizes.statuses?.toLocaleString('en')} status periods, ` +
        `${sizes.programs?.toLocaleString('en')} program periods`,
    );
    const size = `${(sizes.units ?? 0).toLocaleString('en')} units`;

    const email = 'patrimonio@scale.example.org';
    if (!(await db.selectFrom('app_user').select('id').where('tenant_id', '=', tenantId).where('email', '=', email).executeTakeFirst())) {
      await buildUser(db, { tenantId, email, roles: [{ role: 'housing_operator' }] });
    }
    const app = await buildApp({ db, config: testConfig({ loginRatePerMinute: 1000 }), clock: systemClock, logger: false });
    await app.ready();
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { ente: 'scale', email, password: 'correct-horse-battery-staple' } });
    const cookie = String(([] as string[]).concat(login.headers['set-cookie'] ?? [])[0]).split(';')[0] as string;
    const get = async (url: string) => {
      const res = await app.inject({ method: 'GET', url, headers: { cookie } });
      if (res.statusCode !== 200) {
        throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      }
      return res;
    };
    const time = async (label: string, url: () => string) =>
      rows.push(timeRow(await measure(label, size, () => get(url()), { iterations: ITERATIONS, warmup: 10 })));

    // Baseline on the same machine and moment: what any signed-in request costs (session, tenant
    // transaction) without the stock; compare the rows below against it when the machine is busy.
    await time('baseline: GET /me (session + tenant, no stock query)', () => '/api/v1/me');
    const nbh = cycle(LUCCA_NEIGHBOURHOODS);
    const status = cycle(STATUSES);
    const program = cycle(PROGRAMS);
    const search = cycle(SEARCHES);
    const q = (s: string) => encodeURIComponent(s);
    await time('GET /stock/units?neighbourhood=…&status=…&limit=50', () => `/api/v1/stock/units?neighbourhood=${q(nbh())}&status=${status()}&limit=50`);
    await time('GET /stock/units?program=…&limit=50', () => `/api/v1/stock/units?program=${program()}&limit=50`);
    await time(
      'GET /stock/units?accessibility=step_free_access,accessible_bathroom&minBedrooms=2&limit=50',
      () => '/api/v1/stock/units?accessibility=step_free_access,accessible_bathroom&minBedrooms=2&limit=50',
    );
    await time('GET /stock/units?q=<address, code or estate>&limit=50', () => `/api/v1/stock/units?q=${q(search())}&limit=50`);
    await time(
      'GET /stock/units?status=available&program=…&minBeds=2&accessibility=lift&limit=50',
      () => `/api/v1/stock/units?status=available&program=${program()}&minBeds=2&accessibility=lift&limit=50`,
    );
    // The second page of a filtered list (keyset cursor).
    const first = (await get('/api/v1/stock/units?program=erp&status=occupied&limit=50')).json() as { nextCursor: string | null };
    await time(
      'GET /stock/units?program=erp&status=occupied&cursor=<page 2>',
      () => `/api/v1/stock/units?program=erp&status=occupied&limit=50&cursor=${first.nextCursor}`,
    );
    await time('GET /stock/units/summary?neighbourhood=…&status=…', () => `/api/v1/stock/units/summary?neighbourhood=${q(nbh())}&status=${status()}`);
    const ids = (await db.selectFrom('unit').select('id').where('tenant_id', '=', tenantId).orderBy('code').limit(ITERATIONS).execute()).map((u) => u.id);
    const unit = cycle(ids);
    await time('GET /stock/units/:id (detail with timelines)', () => `/api/v1/stock/units/${unit()}`);
    await app.close();
  } finally {
    await database.close();
  }
  return rows;
}
