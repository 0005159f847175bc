import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEnte, buildPerson, buildUser } from '../../../test/factories.js';
import { createTestApp, loginAs, type TestApp } from '../../../test/http.js';
import { type RogueOp, startRogueOp } from '../../../test/stand-ins/rogue-op.js';
import { generateCodiceFiscale } from '../registry/index.js';

let t: TestApp;
let op: RogueOp;
beforeAll(async () => {
  op = await startRogueOp();
  t = await createTestApp({
    loginRatePerMinute: 10_000,
    oidc: { spid: { issuer: op.issuer, clientId: op.clientId, clientSecret: op.clientSecret }, cie: null, enti: null, allowHttp: true },
  });
});
afterAll(async () => {
  await t?.close();
  await op?.close();
});

let seq = 0;
function newCf(): string {
  seq++;
  const name = `Spid${'BCDFGHLMNP'[seq % 10]}${'BCDFGHLMNP'[Math.floor(Math.random() * 10)]}`;
  return generateCodiceFiscale({ familyName: name, givenName: 'Maria', birthDate: '1985-04-12', sex: 'F', birthPlaceCode: 'E715' });
}

interface Started {
  cookie: string;
  state: string;
  nonce: string;
}

async function start(ente: string, returnTo = '/me/data'): Promise<Started> {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/oidc/spid/start', payload: { ente, returnTo }, headers: { host: 'abitare.test' } });
  expect(res.statusCode, res.body).toBe(200);
  const url = new URL(res.json().authorizationUrl);
  expect(url.origin).toBe(op.issuer);
  expect(url.searchParams.get('code_challenge_method')).toBe('S256');
  expect(url.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
  expect(url.searchParams.get('redirect_uri')).toBe('http://abitare.test/login/oidc');
  expect(url.searchParams.get('acr_values')).toBe('https://www.spid.gov.it/SpidL2');
  const setCookie = String(res.headers['set-cookie']);
  expect(setCookie).toMatch(/abitare_oidc=.*HttpOnly/);
  return { cookie: setCookie.split(';')[0] as string, ...op.authorize(url.href) };
}

function callback(s: Started, search = `?code=good-code&state=${s.state}`, cookie: string | undefined = s.cookie) {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/oidc/callback',
    payload: { search },
    headers: { 'accept-language': 'en', ...(cookie ? { cookie } : {}) },
  });
}

function sessionOf(res: { headers: Record<string, unknown> }) {
  const cookies = ([] as string[]).concat((res.headers['set-cookie'] as string | string[]) ?? []);
  return (cookies.find((c) => c.startsWith('abitare_session=')) ?? '').split(';')[0] as string;
}

describe('providers shown on the login page', () => {
  it('shows SPID where configured, and an ente can add CIE in its own settings', async () => {
    const ente = await buildEnte(t.database.db);
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/auth/oidc/providers?ente=${ente.slug}` });
    expect(res.json()).toEqual({ providers: ['spid'], localLogin: true });
    const admin = await buildUser(t.database.db, { tenantId: ente.id, roles: [{ role: 'admin' }] });
    const c = await loginAs(t.app, admin);
    const put = await c.request({
      method: 'PUT',
      url: '/api/v1/admin/login-settings/providers/cie',
      payload: { issuer: op.issuer, clientId: 'cie-client', clientSecret: 'cie-secret-value' },
    });
    expect(put.statusCode, put.body).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: `/api/v1/auth/oidc/providers?ente=${ente.slug}` });
    expect(after.json().providers).toEqual(['spid', 'cie']);
    const settings = await c.get('/api/v1/admin/login-settings');
    expect(settings.json().providers).toEqual([
      { provider: 'spid', source: 'environment', issuer: op.issuer, clientId: op.clientId, hasSecret: true, enabled: true },
      { provider: 'cie', source: 'ente', issuer: op.issuer, clientId: 'cie-client', hasSecret: true, enabled: true },
    ]);
    expect(settings.body).not.toContain('cie-secret-value');
    // Another ente does not get this ente's CIE client.
    const other = await buildEnte(t.database.db);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/auth/oidc/providers?ente=${other.slug}` })).json().providers).toEqual(['spid']);
  });

  it('shows nothing when no federation is configured (local login only)', async () => {
    const bare = await createTestApp();
    try {
      const ente = await buildEnte(bare.database.db);
      expect((await bare.app.inject({ method: 'GET', url: `/api/v1/auth/oidc/providers?ente=${ente.slug}` })).json().providers).toEqual([]);
      const start = await bare.app.inject({ method: 'POST', url: '/api/v1/auth/oidc/spid/start', payload: { ente: ente.slug } });
      expect(start.statusCode).toBe(404);
      expect(start.json().code).toBe('oidc.not_configured');
    } finally {
      await bare.close();
    }
  });
});

describe('first login with SPID', () => {
  it('asks for the privacy notice, creates the citizen account and links the registry person by fiscal code', async () => {
    const ente = await buildEnte(t.database.db);
    const cf = newCf();
    const person = await buildPerson(t.database.db, { tenantId: ente.id, codiceFiscale: cf, givenName: 'Maria', familyName: 'Bianchi' });
    op.respond(() => ({ claims: { fiscal_number: `TINIT-${cf}`, given_name: 'Maria', family_name: 'Bianchi', email: 'maria.bianchi@example.org' } }));
    const s = await start(ente.slug);
    const res = await callback(s);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'consent_required', givenName: 'Maria', familyName: 'Bianchi', privacyNoticeVersion: '2026-01' });
    expect(sessionOf(res)).toBe('');

    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/oidc/signup',
      payload: { ticket: res.json().ticket, acceptPrivacyNotice: false },
      headers: { cookie: s.cookie },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0]).toMatchObject({ field: 'acceptPrivacyNotice', code: 'oidc.privacy_required' });

    const signup = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/oidc/signup',
      payload: { ticket: res.json().ticket, acceptPrivacyNotice: true },
      headers: { cookie: s.cookie },
    });
    expect(signup.statusCode, signup.body).toBe(200);
    expect(signup.json().returnTo).toBe('/me/data');
    const cookie = sessionOf(signup);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
    expect(me.json()).toMatchObject({
      authMethod: 'oidc',
      user: { fullName: 'Maria Bianchi', email: 'maria.bianchi@example.org' },
      roles: [{ role: 'citizen', program: null }],
    });
    const linked = await t.database.db.selectFrom('person').select('user_id').where('id', '=', person.id).executeTakeFirstOrThrow();
    expect(linked.user_id).toBe(me.json().user.id);
    const account = await t.database.db
      .selectFrom('app_user')
      .select(['codice_fiscale', 'privacy_notice_version', 'privacy_accepted_at', 'password_hash'])
      .where('id', '=', me.json().user.id)
      .executeTakeFirstOrThrow();
    expect(account).toMatchObject({ codice_fiscale: cf, privacy_notice_version: '2026-01', password_hash: null });
    expect(account.privacy_accepted_at).toBeInstanceOf(Date);
    const audit = await t.database.db.selectFrom('audit_log').select(['action', 'details']).where('tenant_id', '=', ente.id).orderBy('at').execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['account.created', 'auth.login']);
    expect(audit.find((a) => a.action === 'account.created')?.details).toMatchObject({ method: 'oidc', provider: 'spid', personId: person.id });

    // The ticket is single use; the next login goes straight in.
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/oidc/signup',
      payload: { ticket: res.json().ticket, acceptPrivacyNotice: true },
      headers: { cookie: s.cookie },
    });
    expect(again.json().code).toBe('oidc.ticket_invalid');
    const second = await callback(await start(ente.slug, '/'));
    expect(second.json()).toMatchObject({ status: 'signed_in', returnTo: '/' });
    expect(sessionOf(second)).toMatch(/^abitare_session=/);
  });

  it('signs in an existing account with its fiscal code (staff too), without a new account', async () => {
    const ente = await buildEnte(t.database.db);
    const cf = newCf();
    const user = await buildUser(t.database.db, { tenantId: ente.id, roles: [{ role: 'housing_operator' }] });
    await t.database.db.updateTable('app_user').set({ codice_fiscale: cf }).where('id', '=', user.id).execute();
    op.respond(() => ({ claims: { fiscal_number: `TINIT-${cf}` } }));
    const res = await callback(await start(ente.slug));
    expect(res.json().status).toBe('signed_in');
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: sessionOf(res) } });
    expect(me.json().user.id).toBe(user.id);
    expect(me.json().authMethod).toBe('oidc');
  });
});

describe('refused tokens', () => {
  const cases: [string, (nonce: string | undefined) => Parameters<Parameters<RogueOp['respond']>[0]> extends never ? never : object, string, RegExp][] = [
    ['wrong issuer', () => ({ claims: { iss: 'https://idp.evil.example' } }), 'oidc.wrong_issuer', /wrong issuer/],
    ['wrong audience', () => ({ claims: { aud: 'another-service' } }), 'oidc.wrong_audience', /wrong audience/],
    ['expired', () => ({ claims: { iat: Math.floor(Date.now() / 1000) - 7200, exp: Math.floor(Date.now() / 1000) - 3600 } }), 'oidc.token_expired', /expired/],
    ['bad signature', () => ({ foreignKey: true }), 'oidc.bad_signature', /signature/],
  ];
  for (const [label, mint, code, message] of cases) {
    it(`refuses a token with ${label}: 401 problem+json, audited, no session`, async () => {
      const ente = await buildEnte(t.database.db);
      op.respond(mint as never);
      const res = await callback(await start(ente.slug));
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.json().code).toBe(code);
      expect(res.json().detail).toMatch(message);
      expect(sessionOf(res)).toBe('');
      const rows = await t.database.db.selectFrom('audit_log').select(['action', 'outcome', 'details']).where('tenant_id', '=', ente.id).execute();
      expect(rows).toEqual([{ action: 'auth.login', outcome: 'failure', details: { method: 'oidc', provider: 'spid', reason: code } }]);
    });
  }

  it('refuses a replayed token: the ID token of an earlier login carries its nonce, not this one', async () => {
    const ente = await buildEnte(t.database.db);
    const cf = newCf();
    await buildUser(t.database.db, { tenantId: ente.id, roles: [{ role: 'citizen' }] }).then((u) =>
      t.database.db.updateTable('app_user').set({ codice_fiscale: cf }).where('id', '=', u.id).execute(),
    );
    const first = await start(ente.slug);
    const firstNonce = first.nonce;
    op.respond(() => ({ claims: { fiscal_number: `TINIT-${cf}` } }));
    expect((await callback(first)).json().status).toBe('signed_in');
    const second = await start(ente.slug);
    op.respond(() => ({ claims: { fiscal_number: `TINIT-${cf}`, nonce: firstNonce } }));
    const res = await callback(second);
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('oidc.nonce_invalid');
    expect(res.json().detail).toMatch(/nonce/);
  });

  it('refuses a replayed callback, a callback from another browser and an unknown state', async () => {
    const ente = await buildEnte(t.database.db);
    op.respond(() => ({}));
    const s = await start(ente.slug);
    const noCookie = await callback(s, undefined, '');
    expect(noCookie.statusCode).toBe(400);
    expect(noCookie.json().code).toBe('oidc.state_invalid');
    // The attempt above consumed the state: even the right browser cannot use it again.
    expect((await callback(s)).json().code).toBe('oidc.state_invalid');
    expect((await callback(s, '?code=good-code&state=made-up')).json().code).toBe('oidc.state_invalid');
    expect((await callback(s, '?code=good-code')).json().code).toBe('oidc.state_invalid');
  });

  it('refuses an identity without a fiscal code, and reports a login denied at the provider', async () => {
    const ente = await buildEnte(t.database.db);
    op.respond(() => ({ claims: { fiscal_number: undefined } }));
    const res = await callback(await start(ente.slug));
    expect(res.json().code).toBe('oidc.no_fiscal_number');
    const s = await start(ente.slug);
    const denied = await callback(s, `?error=access_denied&error_description=cancelled&state=${s.state}`);
    expect(denied.statusCode).toBe(401);
    expect(denied.json().code).toBe('oidc.provider_refused');
  });

  it('accepts only paths of this site as the page to return to', async () => {
    const ente = await buildEnte(t.database.db);
    for (const returnTo of ['https://evil.example/', '//evil.example/x', '/\\evil']) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/oidc/spid/start', payload: { ente: ente.slug, returnTo } });
      expect(res.statusCode).toBe(400);
    }
  });
});

describe('staff required to use SPID/CIE', () => {
  it('refuses the password of staff once the ente requires it; citizens keep their password', async () => {
    const ente = await buildEnte(t.database.db);
    const admin = await buildUser(t.database.db, { tenantId: ente.id, roles: [{ role: 'admin' }] });
    const operator = await buildUser(t.database.db, { tenantId: ente.id, roles: [{ role: 'housing_operator' }] });
    const citizen = await buildUser(t.database.db, { tenantId: ente.id, roles: [{ role: 'citizen' }] });
    const c = await loginAs(t.app, admin);
    expect((await c.request({ method: 'PUT', url: '/api/v1/admin/login-settings/policy', payload: { staffRequireOidc: true } })).statusCode).toBe(204);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { ente: ente.slug, email: operator.email, password: operator.password },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('auth.oidc_required');
    expect((await loginAs(t.app, citizen)).csrf).toBeTruthy();
    const denied = await t.database.db.selectFrom('audit_log').select('outcome').where('tenant_id', '=', ente.id).where('user_id', '=', operator.id).execute();
    expect(denied).toEqual([{ outcome: 'denied' }]);
    // Only admins change the policy.
    const op2 = await buildUser(t.database.db, { tenantId: ente.id, roles: [{ role: 'citizen' }] });
    const cc = await loginAs(t.app, op2);
    expect((await cc.request({ method: 'PUT', url: '/api/v1/admin/login-settings/policy', payload: { staffRequireOidc: false } })).statusCode).toBe(403);
  });
});
