import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEnte, buildOrganisation, buildUser } from '../../../test/factories.js';
import { type Client, createTestApp, loginAs, type TestApp } from '../../../test/http.js';
import { ROLES } from '../../kernel/auth/permissions.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

async function adminOfNewEnte() {
  const ente = await buildEnte(t.database.db);
  const org = await buildOrganisation(t.database.db, { tenantId: ente.id, name: 'Ufficio Casa' });
  const admin = await buildUser(t.database.db, { tenantId: ente.id, organisationId: org.id, roles: [{ role: 'admin' }], fullName: 'Anna Admin' });
  return { ente, org, admin, c: await loginAs(t.app, admin) };
}

const countUsers = async (tenantId: string) =>
  Number(
    (
      await t.database.db
        .selectFrom('app_user')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('tenant_id', '=', tenantId)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('who may manage users', () => {
  it('only the admin role; every other role gets 403 and anonymous gets 401', async () => {
    const { ente } = await adminOfNewEnte();
    for (const role of ROLES) {
      const user = await buildUser(t.database.db, { tenantId: ente.id, roles: [{ role }] });
      const c = await loginAs(t.app, user);
      const expected = role === 'admin' ? 200 : 403;
      expect((await c.get('/api/v1/admin/users')).statusCode, role).toBe(expected);
      expect((await c.get('/api/v1/admin/audit')).statusCode, role).toBe(expected);
      const create = await c.post('/api/v1/admin/users', { email: `x-${role}@example.org`, fullName: 'X', password: 'long-enough-password' });
      expect(create.statusCode, role).toBe(role === 'admin' ? 201 : 403);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/admin/users' })).statusCode).toBe(401);
  });
});

describe('tenant isolation', () => {
  it("an admin of ente A gets 404 on ente B's rows by id and sees none of them in lists", async () => {
    const a = await adminOfNewEnte();
    const b = await adminOfNewEnte();
    const bUser = await buildUser(t.database.db, { tenantId: b.ente.id, fullName: 'Bruno Altroente' });
    for (const [method, url, payload] of [
      ['GET', `/api/v1/admin/users/${bUser.id}`, undefined],
      ['PATCH', `/api/v1/admin/users/${bUser.id}`, { fullName: 'Hijacked' }],
      ['POST', `/api/v1/admin/users/${bUser.id}/roles`, { role: 'admin' }],
    ] as const) {
      const res = await a.c.request({ method, url, ...(payload ? { payload } : {}) });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.json().code).toBe('resource.not_found');
    }
    const list = (await a.c.get('/api/v1/admin/users?limit=200')).json<{ items: { id: string }[] }>();
    expect(list.items.map((u) => u.id)).toEqual([a.admin.id]);
    const orgs = (await a.c.get('/api/v1/admin/organisations')).json<{ items: { id: string }[] }>();
    expect(orgs.items.map((o) => o.id)).toEqual([a.org.id]);
    const audit = (await a.c.get('/api/v1/admin/audit?limit=200')).json<{ items: { userId: string | null }[] }>();
    expect(audit.items.every((r) => r.userId === a.admin.id)).toBe(true);
    const unchanged = await t.database.db.selectFrom('app_user').select(['full_name']).where('id', '=', bUser.id).executeTakeFirstOrThrow();
    expect(unchanged.full_name).toBe('Bruno Altroente');
    // An organisation of another ente cannot be attached either.
    const res = await a.c.post('/api/v1/admin/users', {
      email: 'cross@example.org',
      fullName: 'Cross',
      password: 'long-enough-password',
      organisationId: b.org.id,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('organisationId');
  });
});

describe('user management', () => {
  let ctx: Awaited<ReturnType<typeof adminOfNewEnte>>;
  let c: Client;
  beforeAll(async () => {
    ctx = await adminOfNewEnte();
    c = ctx.c;
  });

  it('creates a user with program-limited roles, audited, and the new user can sign in with those permissions', async () => {
    const res = await c.post('/api/v1/admin/users', {
      email: 'Nuovo.Operatore@example.org',
      fullName: 'Nuovo Operatore',
      organisationId: ctx.org.id,
      password: 'initial-password-1',
      roles: [{ role: 'housing_first_team', program: 'housing_first' }],
    });
    expect(res.statusCode).toBe(201);
    const user = res.json();
    expect(user).toMatchObject({
      fullName: 'Nuovo Operatore',
      organisationName: 'Ufficio Casa',
      active: true,
      roles: [{ role: 'housing_first_team', program: 'housing_first' }],
    });
    expect(user).not.toHaveProperty('passwordHash');
    const audit = await c.get(`/api/v1/admin/audit?entityId=${user.id}&action=user.*`);
    expect(audit.json().items[0]).toMatchObject({ action: 'user.created', entityType: 'app_user', userId: ctx.admin.id, outcome: 'success' });
    const newbie = await loginAs(t.app, {
      id: user.id,
      tenantId: ctx.ente.id,
      email: 'nuovo.operatore@example.org',
      password: 'initial-password-1',
      enteSlug: ctx.ente.slug,
    });
    const me = (await newbie.get('/api/v1/me')).json();
    expect(me.permissions).toContain('visit:log');
    const dup = await c.post('/api/v1/admin/users', { email: 'nuovo.operatore@EXAMPLE.org', fullName: 'Dup', password: 'initial-password-1' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors[0].field).toBe('email');
  });

  it('rejects bad input with field errors and writes nothing', async () => {
    const before = await countUsers(ctx.ente.id);
    const auditBefore = (await c.get('/api/v1/admin/audit?limit=200')).json().items.length;
    const res = await c.post('/api/v1/admin/users', { email: 'bad', fullName: '', password: 'short', roles: [{ role: 'emperor' }] });
    expect(res.statusCode).toBe(400);
    const fields = res.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['email', 'fullName', 'password', 'roles.0.role']));
    expect(await countUsers(ctx.ente.id)).toBe(before);
    // A check that fails inside the handler leaves nothing behind either.
    const partial = await c.post('/api/v1/admin/users', {
      email: 'partial@example.org',
      fullName: 'Partial',
      password: 'initial-password-1',
      organisationId: '00000000-0000-4000-8000-000000000000',
    });
    expect(partial.statusCode).toBe(400);
    expect(await countUsers(ctx.ente.id)).toBe(before);
    expect((await c.get('/api/v1/admin/audit?limit=200')).json().items.length).toBe(auditBefore);
  });

  it('deactivates a user, which ends their sessions; refuses to deactivate oneself or the last admin', async () => {
    const worker = await buildUser(t.database.db, { tenantId: ctx.ente.id, roles: [{ role: 'mediator', program: 'mediation' }] });
    const wc = await loginAs(t.app, worker);
    const res = await c.patch(`/api/v1/admin/users/${worker.id}`, { active: false });
    expect(res.statusCode).toBe(200);
    expect(res.json().active).toBe(false);
    expect((await wc.get('/api/v1/me')).statusCode).toBe(401);
    const self = await c.patch(`/api/v1/admin/users/${ctx.admin.id}`, { active: false });
    expect(self.statusCode).toBe(409);
    const adminRole = (await c.get(`/api/v1/admin/users/${ctx.admin.id}`)).json().roles[0];
    const last = await c.delete(`/api/v1/admin/users/${ctx.admin.id}/roles/${adminRole.id}`);
    expect(last.statusCode).toBe(409);
    expect(last.json().code).toBe('user.last_admin');
  });

  it('assigns and removes roles, refusing duplicates', async () => {
    const user = await buildUser(t.database.db, { tenantId: ctx.ente.id });
    const added = await c.post(`/api/v1/admin/users/${user.id}/roles`, { role: 'partner_staff', program: 'cohousing' });
    expect(added.statusCode).toBe(201);
    expect((await c.post(`/api/v1/admin/users/${user.id}/roles`, { role: 'partner_staff', program: 'cohousing' })).statusCode).toBe(409);
    const assignment = added.json().roles[0];
    const removed = await c.delete(`/api/v1/admin/users/${user.id}/roles/${assignment.id}`);
    expect(removed.statusCode).toBe(200);
    expect(removed.json().roles).toEqual([]);
    const actions = (await c.get(`/api/v1/admin/audit?entityId=${user.id}`)).json().items.map((a: { action: string }) => a.action);
    expect(actions).toEqual(['role.removed', 'role.assigned']);
  });

  it('unlocks a locked account', async () => {
    const user = await buildUser(t.database.db, { tenantId: ctx.ente.id });
    await t.database.db
      .updateTable('app_user')
      .set({ locked_until: new Date(t.clock.now().getTime() + 3_600_000) })
      .where('id', '=', user.id)
      .execute();
    expect((await c.get(`/api/v1/admin/users/${user.id}`)).json().locked).toBe(true);
    expect((await c.patch(`/api/v1/admin/users/${user.id}`, { unlock: true })).json().locked).toBe(false);
  });

  it('searches users by name or email', async () => {
    await buildUser(t.database.db, { tenantId: ctx.ente.id, fullName: 'Zelda Cercabile', email: 'zelda@example.org' });
    const byName = (await c.get('/api/v1/admin/users?q=cercab')).json().items;
    expect(byName.map((u: { fullName: string }) => u.fullName)).toEqual(['Zelda Cercabile']);
    const wildcard = (await c.get('/api/v1/admin/users?q=%25')).json().items;
    expect(wildcard).toEqual([]);
  });

  it('creates organisations (admin) and audits it', async () => {
    const res = await c.post('/api/v1/admin/organisations', { name: 'Associazione Vicini', kind: 'association' });
    expect(res.statusCode).toBe(201);
    const bad = await c.post('/api/v1/admin/organisations', { name: 'Bad', kind: 'club', fiscalCode: '123' });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['fiscalCode', 'kind']);
    const list = (await c.get('/api/v1/admin/organisations')).json().items.map((o: { name: string }) => o.name);
    expect(list).toContain('Associazione Vicini');
  });
});
