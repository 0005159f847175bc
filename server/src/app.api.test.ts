import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEnte, buildUser } from '../test/factories.js';
import { createTestApp, loginAs, type TestApp } from '../test/http.js';
import { buildApp, moduleRoutes } from './app.js';
import { testConfig } from './kernel/config.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('route table', () => {
  it('every registered route declares who may call it', () => {
    const routes = t.app.routeTable;
    expect(routes.length).toBeGreaterThan(moduleRoutes.length);
    const undeclared = routes.filter((r) => r.access === undefined);
    expect(undeclared).toEqual([]);
    for (const r of moduleRoutes) {
      expect(routes.some((x) => x.url === r.url && x.method === r.method && x.access !== undefined)).toBe(true);
    }
  });

  it('refuses to start with a route that declares no access', async () => {
    const app = await buildApp({ db: t.database.db, config: testConfig(), clock: t.clock, logger: false });
    app.get('/api/v1/undeclared', async () => 'x');
    await expect(app.ready()).rejects.toThrow(/declare no access.*GET \/api\/v1\/undeclared/);
  });
});

describe('conventions', () => {
  it('answers an unknown API route with 404 problem+json in Italian by default', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/nowhere' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ status: 404, code: 'route.not_found', detail: 'La risorsa richiesta non esiste.' });
    expect(res.json().requestId).toBe(res.headers['x-request-id']);
  });

  it('speaks English when asked', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/nowhere', headers: { 'accept-language': 'en-GB,en;q=0.9,it;q=0.5' } });
    expect(res.json().detail).toBe('The requested resource does not exist.');
  });

  it('has liveness and readiness probes', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject({ method: 'GET', url: '/readyz' })).json()).toEqual({ status: 'ready', database: 'ok' });
  });

  it('serves OpenAPI and browsable docs, and the committed docs/openapi.json is current', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const spec = res.json();
    expect(spec.paths['/api/v1/auth/login'].post).toBeDefined();
    const committed = JSON.parse(readFileSync(new URL('../../docs/openapi.json', import.meta.url), 'utf8'));
    expect(spec, 'docs/openapi.json is stale: run `npm run openapi`').toEqual(committed);
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });

  it('paginates with a cursor and refuses a forged one', async () => {
    const ente = await buildEnte(t.database.db);
    const admin = await buildUser(t.database.db, { tenantId: ente.id, roles: [{ role: 'admin' }], fullName: 'Aaa Admin' });
    for (let i = 0; i < 5; i++) {
      await buildUser(t.database.db, { tenantId: ente.id, fullName: `User ${i}` });
    }
    const c = await loginAs(t.app, admin);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await c.get(`/api/v1/admin/users?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode).toBe(200);
      const page = res.json<{ items: { fullName: string }[]; nextCursor: string | null }>();
      seen.push(...page.items.map((u) => u.fullName));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['Aaa Admin', 'User 0', 'User 1', 'User 2', 'User 3', 'User 4']);
    const bad = await c.get('/api/v1/admin/users?cursor=not-a-cursor');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ field: 'cursor', in: 'query' });
  });
});

describe('web UI', () => {
  it('serves index.html for client-side routes and problem+json for unknown API routes', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'abitare-web-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Abitare</title>');
    const app = await buildApp({ db: t.database.db, config: testConfig(), clock: t.clock, logger: false, webDist: dir });
    try {
      for (const url of ['/', '/login', '/admin/users/123']) {
        const res = await app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
        expect(res.statusCode, url).toBe(200);
        expect(res.body).toContain('<title>Abitare</title>');
      }
      const api = await app.inject({ method: 'GET', url: '/api/v1/nope', headers: { accept: 'text/html' } });
      expect(api.statusCode).toBe(404);
      expect(api.headers['content-type']).toMatch(/problem\+json/);
    } finally {
      await app.close();
    }
  });
});
