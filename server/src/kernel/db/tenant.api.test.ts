import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db.js';
import { buildOrganisation, buildUser } from '../../../test/factories.js';
import type { Database } from './database.js';
import { runInTenant } from './tenant.js';
import { generateDbTypes } from './typegen.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

describe('row-level security (the second wall)', () => {
  it("hides another tenant's rows even from a query that forgets the tenant filter", async () => {
    const a = await buildOrganisation(database.db, { name: 'Org A' });
    const b = await buildOrganisation(database.db, { name: 'Org B' });
    const seen = await runInTenant(database.db, { tenantId: a.tenantId, userId: null }, (trx) => trx.selectFrom('organisation').select('name').execute());
    expect(seen.map((r) => r.name)).toEqual(['Org A']);
    const updated = await runInTenant(database.db, { tenantId: a.tenantId, userId: null }, (trx) =>
      trx.updateTable('organisation').set({ name: 'Hijacked' }).where('id', '=', b.id).executeTakeFirst(),
    );
    expect(Number(updated.numUpdatedRows)).toBe(0);
  });

  it('refuses to write a row into another tenant', async () => {
    const a = await buildOrganisation(database.db);
    const b = await buildOrganisation(database.db);
    await expect(
      runInTenant(database.db, { tenantId: a.tenantId, userId: null }, (trx) =>
        trx.insertInto('organisation').values({ tenant_id: b.tenantId, name: 'Smuggled', kind: 'other' }).execute(),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('sees nothing outside a tenant context as the application role', async () => {
    await buildUser(database.db);
    const rows = await database.db.transaction().execute(async (trx) => {
      await sql`SET LOCAL ROLE abitare_app`.execute(trx);
      return trx.selectFrom('app_user').select('id').execute();
    });
    expect(rows).toEqual([]);
  });

  it('rolls back every write of a request that fails half way', async () => {
    const org = await buildOrganisation(database.db);
    await expect(
      runInTenant(database.db, { tenantId: org.tenantId, userId: null }, async (trx) => {
        await trx.insertInto('organisation').values({ tenant_id: org.tenantId, name: 'Half way', kind: 'other' }).execute();
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const left = await database.db.selectFrom('organisation').select('id').where('name', '=', 'Half way').execute();
    expect(left).toEqual([]);
  });
});

describe('audit log', () => {
  it('cannot be updated or deleted by the application role (nor by the owner)', async () => {
    const user = await buildUser(database.db);
    await runInTenant(database.db, { tenantId: user.tenantId, userId: user.id }, (trx) =>
      trx.insertInto('audit_log').values({ tenant_id: user.tenantId, user_id: user.id, action: 'test.write' }).execute(),
    );
    await expect(
      runInTenant(database.db, { tenantId: user.tenantId, userId: user.id }, (trx) => trx.updateTable('audit_log').set({ action: 'forged' }).execute()),
    ).rejects.toThrow(/permission denied/);
    await expect(runInTenant(database.db, { tenantId: user.tenantId, userId: user.id }, (trx) => trx.deleteFrom('audit_log').execute())).rejects.toThrow(
      /permission denied/,
    );
    await expect(database.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    const rows = await database.db.selectFrom('audit_log').select('action').where('tenant_id', '=', user.tenantId).execute();
    expect(rows.map((r) => r.action)).toEqual(['test.write']);
  });
});

describe('schema', () => {
  it('server/src/kernel/db/types.ts matches the migrated schema (run `npm run db:types`)', async () => {
    const generated = await generateDbTypes(database.db);
    const committed = readFileSync(new URL('./types.ts', import.meta.url), 'utf8');
    expect(generated).toBe(committed);
  });

  it('every domain table carries tenant_id first in its primary key', async () => {
    const { rows } = await sql<{ table_name: string; first_key: string }>`
      SELECT c.relname AS table_name, a.attname AS first_key
      FROM pg_index i
      JOIN pg_class c ON c.oid = i.indrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = i.indkey[0]
      WHERE i.indisprimary AND n.nspname = 'public' AND c.relname NOT IN ('ente', 'schema_migration')`.execute(database.db);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.first_key !== 'tenant_id')).toEqual([]);
  });

  it('every table with tenant_id has row-level security enabled', async () => {
    const { rows } = await sql<{ relname: string; relrowsecurity: boolean }>`
      SELECT c.relname, c.relrowsecurity FROM pg_class c
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id'
      JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r'`.execute(database.db);
    expect(rows.filter((r) => !r.relrowsecurity)).toEqual([]);
  });
});
