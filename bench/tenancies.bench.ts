// Tenancies at scale on PostgreSQL (issue 7): the monthly charge run over BENCH_TENANCIES tenancies
// (default 100,000; target < 10 s), the same run again (idempotent: nothing new), then — with
// BENCH_LEDGER_MONTHS months of charges and payments in the ledger (default 12, i.e. ~4 rows per
// tenancy and month) — the balance of one tenancy (target p95 < 50 ms) and the arrears risk list.
// A fresh database `abitare_bench_ten_<random>` is created, migrated, filled with SQL and dropped.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { openPostgres, withDatabase } from '../server/src/kernel/db/database.js';
import { migrate } from '../server/src/kernel/db/migrate.js';
import { runInTenant } from '../server/src/kernel/db/tenant.js';
import { arrearsOf } from '../server/src/modules/tenancies/arrears.js';
import { runMonthlyCharges } from '../server/src/modules/tenancies/index.js';
import * as repo from '../server/src/modules/tenancies/repo.js';
import { measure, type Row, timeRow } from './lib.js';

const N = Number(process.env.BENCH_TENANCIES ?? 100_000);
const MONTHS = Number(process.env.BENCH_LEDGER_MONTHS ?? 12);

export async function run(): Promise<Row[]> {
  const serverUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    console.log('tenancies: SKIPPED — needs PostgreSQL (set BENCH_DATABASE_URL or TEST_DATABASE_URL)');
    return [];
  }
  const name = `abitare_bench_ten_${randomUUID().slice(0, 8)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const database = await openPostgres(withDatabase(serverUrl, name), 10);
  const rows: Row[] = [];
  const size = `${N.toLocaleString('en')} tenancies`;
  try {
    await migrate(database);
    const { db } = database;
    const tenantId = (await sql<{ id: string }>`INSERT INTO ente (slug, name, kind) VALUES ('bench', 'Comune di Bench', 'comune') RETURNING id`.execute(db))
      .rows[0]?.id as string;
    rows.push(
      timeRow(
        await measure(
          'seed units, households, tenancies, rents (SQL)',
          size,
          async () => {
            await sql`INSERT INTO building (tenant_id, address, city) SELECT ${tenantId}, 'via Bench ' || g, 'Lucca' FROM generate_series(1, ${Math.ceil(N / 20)}) g`.execute(
              db,
            );
            await sql`INSERT INTO unit (tenant_id, building_id, code, surface_m2, rooms, bedrooms, beds, owner_kind)
              SELECT ${tenantId}, b.id, 'U' || lpad((row_number() OVER ())::text, 8, '0'), 40 + (k * 3), 3, 2, 3, 'municipality'
              FROM building b, generate_series(1, 20) k WHERE b.tenant_id = ${tenantId}`.execute(db);
            await sql`INSERT INTO household (tenant_id, name) SELECT ${tenantId}, 'Nucleo ' || g FROM generate_series(1, ${N}) g`.execute(db);
            await sql`INSERT INTO tenancy (tenant_id, code, unit_id, household_id, program, kind, during, service_charges_cents)
              SELECT ${tenantId}, 'B-' || lpad(row_number() OVER ()::text, 7, '0'), u.id, h.id, 'erp', 'erp_lease',
                daterange('2024-01-01'::date, NULL, '[)'), 2500
              FROM (SELECT id, row_number() OVER (ORDER BY id) n FROM unit WHERE tenant_id = ${tenantId}) u
              JOIN (SELECT id, row_number() OVER (ORDER BY id) n FROM household WHERE tenant_id = ${tenantId}) h USING (n)
              LIMIT ${N}`.execute(db);
            await sql`INSERT INTO rent_assessment (tenant_id, tenancy_id, effective_from, annual_cents, monthly_cents, category, rule_kind, rule_params, surface_m2, lines, reason)
              SELECT ${tenantId}, id, '2024-01-01', 48000 + (abs(hashtext(id::text)) % 200000), 4000, 'bench', 'erp_tuscany', '{}', 60, '[]', 'start'
              FROM tenancy WHERE tenant_id = ${tenantId}`.execute(db);
            await sql`ANALYZE`.execute(db);
          },
          { iterations: 1, warmup: 0 },
        ),
      ),
    );
    const month = '2026-01-01';
    rows.push(
      timeRow(
        await measure(
          'monthly charge run (target < 10 s)',
          size,
          () => runInTenant(db, { tenantId, userId: null }, (trx) => runMonthlyCharges(trx, { tenantId }, month, null, new Date())),
          {
            iterations: 1,
            warmup: 0,
          },
        ),
      ),
    );
    rows.push(
      timeRow(
        await measure(
          'same month again (creates nothing)',
          size,
          () => runInTenant(db, { tenantId, userId: null }, (trx) => runMonthlyCharges(trx, { tenantId }, month, null, new Date())),
          {
            iterations: 1,
            warmup: 0,
          },
        ),
      ),
    );
    // Ledger history: MONTHS months of rent + service charges and a payment for most of them.
    await sql`INSERT INTO ledger_entry (tenant_id, tenancy_id, kind, component, entry_date, amount_cents, reason, charge_month)
      SELECT ${tenantId}, t.id, 'charge', c.component, m::date, c.amount, 'bench', m::date
      FROM tenancy t, generate_series('2025-01-01'::date, '2025-01-01'::date + (${MONTHS - 1} || ' months')::interval, '1 month') m,
        (VALUES ('rent', 4000), ('service_charges', 2500)) c(component, amount)
      WHERE t.tenant_id = ${tenantId}`.execute(db);
    await sql`INSERT INTO ledger_entry (tenant_id, tenancy_id, kind, entry_date, amount_cents, reason)
      SELECT ${tenantId}, t.id, 'payment', m::date + 9, -6500, 'bench'
      FROM tenancy t, generate_series('2025-01-01'::date, '2025-01-01'::date + (${MONTHS - 1} || ' months')::interval, '1 month') m
      WHERE t.tenant_id = ${tenantId} AND abs(hashtext(t.id::text || m::text)) % 10 <> 0`.execute(db);
    await sql`ANALYZE ledger_entry`.execute(db);
    const ledgerRows = Number((await sql<{ n: string }>`SELECT count(*) n FROM ledger_entry`.execute(db)).rows[0]?.n);
    const ids = (await sql<{ id: string }>`SELECT id FROM tenancy WHERE tenant_id = ${tenantId} ORDER BY random() LIMIT 200`.execute(db)).rows.map((r) => r.id);
    let i = 0;
    rows.push(
      timeRow(
        await measure('balance of one tenancy (target p95 < 50 ms)', `${ledgerRows.toLocaleString('en')} ledger rows`, () =>
          runInTenant(db, { tenantId, userId: null }, (trx) => repo.findTenancy(trx, { tenantId }, 'all', '2026-01-15', ids[i++ % ids.length] as string)),
        ),
      ),
    );
    rows.push(
      timeRow(
        await measure(
          'arrears risk list (whole ente)',
          `${ledgerRows.toLocaleString('en')} ledger rows`,
          () => runInTenant(db, { tenantId, userId: null }, (trx) => arrearsOf(trx, { tenantId }, 'all', '2026-01-15', { activeOnly: true })),
          { iterations: 3, warmup: 0 },
        ),
      ),
    );
  } finally {
    await database.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
  return rows;
}
