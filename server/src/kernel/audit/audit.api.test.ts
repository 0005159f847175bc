import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../../test/factories.js';
import { createTestApp, loginAs, type TestApp } from '../../../test/http.js';
import { grantsOf } from '../auth/permissions.js';
import type { TenantContext } from '../context.js';
import { runInTenant } from '../db/tenant.js';
import { auditSensitiveRead } from './audit.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ loginMaxFailures: 5, loginRatePerMinute: 1000 });
});
afterAll(async () => {
  await t?.close();
});

describe('audit', () => {
  it('records special-category reads with purpose, and the admin finds them with sensitive=true', async () => {
    const admin = await buildUser(t.database.db, { roles: [{ role: 'admin' }] });
    const worker = await buildUser(t.database.db, { tenantId: admin.tenantId, roles: [{ role: 'housing_first_team', program: 'housing_first' }] });
    const ctx = {
      requestId: 'req-1',
      ip: '127.0.0.1',
      userAgent: undefined,
      lang: 'it',
      tenantId: worker.tenantId,
      auditCount: 0,
      can: () => true,
      principal: { userId: worker.id, organisationId: null, grants: grantsOf([]) },
    } as unknown as TenantContext;
    await runInTenant(t.database.db, { tenantId: worker.tenantId, userId: worker.id }, (trx) =>
      auditSensitiveRead(trx, ctx, { category: 'homelessness', entityType: 'person', entityId: 'p-42', purpose: 'weekly visit plan' }),
    );
    expect(ctx.auditCount).toBe(1);
    const c = await loginAs(t.app, admin);
    const res = await c.get('/api/v1/admin/audit?sensitive=true');
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([
      expect.objectContaining({
        action: 'sensitive.read',
        sensitiveCategory: 'homelessness',
        purpose: 'weekly visit plan',
        userId: worker.id,
        entityId: 'p-42',
      }),
    ]);
  });

  it('audits every write, with request id and IP, even when the handler wrote no specific row', async () => {
    const user = await buildUser(t.database.db);
    const c = await loginAs(t.app, user);
    const res = await c.post('/api/v1/auth/logout');
    const rows = await t.database.db.selectFrom('audit_log').selectAll().where('tenant_id', '=', user.tenantId).where('action', '=', 'auth.logout').execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ user_id: user.id, request_id: res.headers['x-request-id'], ip: '127.0.0.1', outcome: 'success' });
  });

  it('counts parallel wrong passwords exactly and locks the account (concurrency proven on PostgreSQL)', async () => {
    const user = await buildUser(t.database.db);
    const attempts = await Promise.all(
      Array.from({ length: 8 }, () =>
        t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { ente: user.enteSlug, email: user.email, password: 'wrong-password-0' } }),
      ),
    );
    expect(attempts.every((r) => r.statusCode === 401 || r.statusCode === 423)).toBe(true);
    const failures = await t.database.db
      .selectFrom('audit_log')
      .select('outcome')
      .where('tenant_id', '=', user.tenantId)
      .where('action', '=', 'auth.login')
      .execute();
    expect(failures).toHaveLength(8);
    const row = await t.database.db.selectFrom('app_user').select(['locked_until']).where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(row.locked_until).not.toBeNull();
    const right = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { ente: user.enteSlug, email: user.email, password: user.password },
    });
    expect(right.statusCode).toBe(423);
  });
});
