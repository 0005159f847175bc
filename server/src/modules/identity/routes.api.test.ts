import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEnte, buildUser } from '../../../test/factories.js';
import { createTestApp, loginAs, type TestApp } from '../../../test/http.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ loginMaxFailures: 3, loginLockMinutes: 15, loginRatePerMinute: 1000 });
});
afterAll(async () => {
  await t?.close();
});

const login = (payload: object, headers: Record<string, string> = {}) => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload, headers });

async function auditActions(tenantId: string, userId?: string) {
  let q = t.database.db.selectFrom('audit_log').select(['action', 'outcome', 'details']).where('tenant_id', '=', tenantId);
  if (userId) {
    q = q.where('user_id', '=', userId);
  }
  return q.orderBy('at').orderBy('action').execute();
}

describe('login', () => {
  it('signs in with a session cookie that is HttpOnly and SameSite=Lax, and /me describes the user', async () => {
    const user = await buildUser(t.database.db, { roles: [{ role: 'social_worker', program: 'housing_first' }] });
    const res = await login({ ente: user.enteSlug, email: user.email.toUpperCase(), password: user.password });
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/abitare_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const c = await loginAs(t.app, user);
    const me = await c.get('/api/v1/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      user: { id: user.id, email: user.email },
      roles: [{ role: 'social_worker', program: 'housing_first' }],
      authMethod: 'password',
    });
    expect(me.json().permissions).toContain('visit:log');
    expect(me.json().permissions).not.toContain('admin:users');
    expect((await auditActions(user.tenantId, user.id)).map((a) => a.action)).toContain('auth.login');
  });

  it('answers the same 401 for an unknown email and a wrong password, and audits both', async () => {
    const user = await buildUser(t.database.db);
    const unknown = await login({ ente: user.enteSlug, email: 'nobody@example.org', password: 'whatever-password' });
    const wrong = await login({ ente: user.enteSlug, email: user.email, password: 'wrong-password-123' });
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json().code).toBe('auth.invalid_credentials');
    expect(wrong.json().detail).toBe(unknown.json().detail);
    const failures = (await auditActions(user.tenantId)).filter((a) => a.outcome === 'failure');
    expect(failures).toHaveLength(2);
  });

  it('does not let a user of one ente sign in to another', async () => {
    const user = await buildUser(t.database.db);
    const other = await buildEnte(t.database.db);
    const res = await login({ ente: other.slug, email: user.email, password: user.password });
    expect(res.statusCode).toBe(401);
  });

  it('locks the account after repeated failures, even for the right password, until the lock expires', async () => {
    const user = await buildUser(t.database.db);
    for (let i = 0; i < 2; i++) {
      expect((await login({ ente: user.enteSlug, email: user.email, password: 'bad-password-xyz' })).statusCode).toBe(401);
    }
    const third = await login({ ente: user.enteSlug, email: user.email, password: 'bad-password-xyz' });
    expect(third.statusCode).toBe(423);
    expect(third.json().code).toBe('auth.locked');
    const right = await login({ ente: user.enteSlug, email: user.email, password: user.password });
    expect(right.statusCode).toBe(423);
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);
    t.clock.advance(16 * 60_000);
    expect((await login({ ente: user.enteSlug, email: user.email, password: user.password })).statusCode).toBe(200);
  });

  it('refuses a deactivated account', async () => {
    const user = await buildUser(t.database.db, { active: false });
    expect((await login({ ente: user.enteSlug, email: user.email, password: user.password })).statusCode).toBe(401);
  });

  it('validates the body: 400 problem+json with field errors in the request language', async () => {
    const res = await login({ ente: 'x', email: 'not-an-email' }, { 'accept-language': 'en' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    const body = res.json();
    expect(body.code).toBe('request.invalid');
    expect(body.detail).toBe('The request contains invalid data.');
    const fields = body.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['email', 'ente', 'password']);
    const it = await login({ ente: 'lucca', email: 'not-an-email', password: 'x' });
    expect(it.json().errors[0]).toMatchObject({ field: 'email', in: 'body' });
    expect(it.json().errors[0].message).toMatch(/email/i);
    expect(it.json().detail).toBe('La richiesta contiene dati non validi.');
  });

  it('answers malformed JSON and wrong content types with problem+json, not 500', async () => {
    const bad = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: '{"ente":', headers: { 'content-type': 'application/json' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('request.malformed');
    const text = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: '<login/>', headers: { 'content-type': 'application/xml' } });
    expect(text.statusCode).toBe(415);
    expect(text.headers['content-type']).toMatch(/problem\+json/);
  });
});

describe('sessions, CSRF and logout', () => {
  it('refuses a state-changing request without the CSRF token, and accepts it with the token', async () => {
    const user = await buildUser(t.database.db);
    const c = await loginAs(t.app, user);
    const without = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: c.cookie } });
    expect(without.statusCode).toBe(403);
    expect(without.json().code).toBe('auth.csrf');
    const forged = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: c.cookie, 'x-csrf-token': 'forged' } });
    expect(forged.statusCode).toBe(403);
    expect((await c.get('/api/v1/me')).statusCode).toBe(200);
    expect((await c.post('/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await c.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('refuses a cross-site Origin on state-changing requests', async () => {
    const user = await buildUser(t.database.db);
    const res = await login({ ente: user.enteSlug, email: user.email, password: user.password }, { origin: 'https://evil.example', host: 'localhost' });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('auth.origin');
  });

  it('expires sessions after the idle timeout', async () => {
    const user = await buildUser(t.database.db);
    const c = await loginAs(t.app, user);
    t.clock.advance(59 * 60_000);
    expect((await c.get('/api/v1/me')).statusCode).toBe(200);
    t.clock.advance(61 * 60_000);
    expect((await c.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('401 problem+json for signed-in routes without a session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/me' });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('auth.required');
  });
});

describe('password change', () => {
  it('checks the current password and the policy, then ends the other sessions', async () => {
    const user = await buildUser(t.database.db);
    const a = await loginAs(t.app, user);
    const b = await loginAs(t.app, user);
    const wrong = await a.post('/api/v1/me/password', { currentPassword: 'nope-nope-nope', newPassword: 'a-brand-new-password' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].field).toBe('currentPassword');
    const short = await a.post('/api/v1/me/password', { currentPassword: user.password, newPassword: 'short' });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0]).toMatchObject({ field: 'newPassword', code: 'password.too_weak' });
    const ok = await a.post('/api/v1/me/password', { currentPassword: user.password, newPassword: 'a-brand-new-password' });
    expect(ok.statusCode).toBe(204);
    expect((await a.get('/api/v1/me')).statusCode).toBe(200);
    expect((await b.get('/api/v1/me')).statusCode).toBe(401);
    expect((await login({ ente: user.enteSlug, email: user.email, password: 'a-brand-new-password' })).statusCode).toBe(200);
    const hash = await t.database.db.selectFrom('app_user').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(hash.password_hash).toMatch(/^\$argon2id\$/);
  });
});

describe('public endpoints', () => {
  it('lists enti and, in demo mode only, demo accounts', async () => {
    const ente = await buildEnte(t.database.db, { name: 'Comune di Prova' });
    await buildUser(t.database.db, { tenantId: ente.id, isDemo: true, roles: [{ role: 'citizen' }] });
    const enti = await t.app.inject({ method: 'GET', url: '/api/v1/enti' });
    expect(enti.json().items.map((e: { name: string }) => e.name)).toContain('Comune di Prova');
    const demo = await t.app.inject({ method: 'GET', url: '/api/v1/demo/accounts' });
    expect(demo.statusCode).toBe(200);
    expect(
      demo.json().items.some((a: { enteName: string; roles: { role: string }[] }) => a.enteName === 'Comune di Prova' && a.roles[0]?.role === 'citizen'),
    ).toBe(true);
    const off = await createTestApp({ demo: false });
    try {
      expect((await off.app.inject({ method: 'GET', url: '/api/v1/demo/accounts' })).statusCode).toBe(404);
    } finally {
      await off.close();
    }
  });
});

describe('rate limiting', () => {
  it('limits login attempts per client', async () => {
    const limited = await createTestApp({ loginRatePerMinute: 3 });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) {
        codes.push(
          (await limited.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { ente: 'nowhere', email: 'a@b.it', password: 'x' } })).statusCode,
        );
      }
      expect(codes.slice(0, 3).every((c) => c !== 429)).toBe(true);
      const last = await limited.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { ente: 'nowhere', email: 'a@b.it', password: 'x' } });
      expect(last.statusCode).toBe(429);
      expect(last.json().code).toBe('auth.rate_limited');
    } finally {
      await limited.close();
    }
  });
});
