// Person search and stock filtering on a large tenant (default 1,000,000 people, 100,000 units),
// through the real API (session, tenant transaction with RLS, validation, presenter), on PostgreSQL.
// The database `abitare_scale_<N>` is kept between runs so the seed (≈3 min for 1M) happens once.
// Target (issue 4): p95 < 50 ms.

import { sql } from 'kysely';
import pg from 'pg';
import { seedScale } from '../server/seeds/scale.js';
import { buildApp } from '../server/src/app.js';
import { testConfig } from '../server/src/kernel/config.js';
import { openPostgres, withDatabase } from '../server/src/kernel/db/database.js';
import { migrate } from '../server/src/kernel/db/migrate.js';
import { systemClock } from '../server/src/kernel/time.js';
import { buildUser } from '../server/test/factories.js';
import { measure, type Row, timeRow } from './lib.js';

const SCALE = Number(process.env.BENCH_SCALE ?? 1_000_000);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200);

export async function run(): Promise<Row[]> {
  const serverUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    console.log('registry-scale: SKIPPED — needs PostgreSQL (set BENCH_DATABASE_URL or TEST_DATABASE_URL)');
    return [];
  }
  const name = `abitare_scale_${SCALE}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
  if (!exists) {
    await admin.query(`CREATE DATABASE ${name}`);
  }
  await admin.end();
  const database = await openPostgres(withDatabase(serverUrl, name), 10);
  const rows: Row[] = [];
  try {
    await migrate(database);
    const { db } = database;
    let ente = await db.selectFrom('ente').select(['id', 'slug']).where('slug', '=', 'scale').executeTakeFirst();
    if (!ente) {
      const seeded = await measure('seed (bulk insert)', `${SCALE.toLocaleString('en')} people`, () =>
        seedScale(db, { people: SCALE, slug: 'scale', log: (s) => console.log(s) }),
      );
      rows.push(timeRow(seeded));
      await sql`ANALYZE`.execute(db);
      ente = await db.selectFrom('ente').select(['id', 'slug']).where('slug', '=', 'scale').executeTakeFirstOrThrow();
    }
    const counts = await sql<{ people: number }>`SELECT count(*)::int AS people FROM person WHERE tenant_id = ${ente.id}`.execute(db);
    const people = counts.rows[0]?.people ?? 0;
    const size = `${people.toLocaleString('en')} people`;
    const email = 'operatore@scale.example.org';
    const existing = await db.selectFrom('app_user').select('id').where('tenant_id', '=', ente.id).where('email', '=', email).executeTakeFirst();
    if (!existing) {
      await buildUser(db, { tenantId: ente.id, email, roles: [{ role: 'housing_operator' }] });
    }
    const app = await buildApp({ db, config: testConfig({ loginRatePerMinute: 1000 }), clock: systemClock, logger: false });
    await app.ready();
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { ente: 'scale', email, password: 'correct-horse-battery-staple' } });
    const cookie = String(([] as string[]).concat(login.headers['set-cookie'] ?? [])[0]).split(';')[0] as string;
    const sample = await db
      .selectFrom('person')
      .select(['codice_fiscale', 'family_name'])
      .where('tenant_id', '=', ente.id)
      .where('codice_fiscale', 'is not', null)
      .orderBy('id')
      .limit(ITERATIONS)
      .execute();
    let i = 0;
    const get = async (url: string) => {
      const res = await app.inject({ method: 'GET', url, headers: { cookie } });
      if (res.statusCode !== 200) {
        throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      }
    };
    const next = () => sample[i++ % sample.length] as { codice_fiscale: string; family_name: string };
    rows.push(
      timeRow(
        await measure('GET /registry/persons?q=<codice fiscale>', size, () => get(`/api/v1/registry/persons?q=${next().codice_fiscale}`), {
          iterations: ITERATIONS,
          warmup: 10,
        }),
      ),
    );
    rows.push(
      timeRow(
        await measure(
          'GET /registry/persons?q=<surname prefix>&limit=50',
          size,
          () => get(`/api/v1/registry/persons?q=${encodeURIComponent(next().family_name.slice(0, 4))}&limit=50`),
          { iterations: ITERATIONS, warmup: 10 },
        ),
      ),
    );
    rows.push(
      timeRow(
        await measure('GET /registry/persons?program=erp&limit=50', size, () => get('/api/v1/registry/persons?program=erp&limit=50'), {
          iterations: ITERATIONS,
          warmup: 10,
        }),
      ),
    );
    await app.close();
  } finally {
    await database.close();
  }
  return rows;
}
