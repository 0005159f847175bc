// Issue 14, suite 1: every route × every demo role (and anonymous), against the committed table
// server/src/kernel/auth/access-matrix.md. Params are random UUIDs and bodies empty: what is
// measured is the gate (401/403 or not), which runs before validation and before any lookup.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALLERS, type Caller, matrixRoutes, parseMatrix, renderMatrix } from '../../src/kernel/auth/access-matrix.js';
import { ROLES } from '../../src/kernel/auth/permissions.js';
import { buildEnte, buildUser } from '../factories.js';
import { type Client, createTestApp, loginAs, type TestApp } from '../http.js';

const TABLE = new URL('../../src/kernel/auth/access-matrix.md', import.meta.url).pathname;

let t: TestApp;
const clients = new Map<Caller, Client | null>();
beforeAll(async () => {
  // High limits: the matrix calls some rate-limited public routes a dozen times in a row.
  t = await createTestApp({ loginRatePerMinute: 100_000 });
  const ente = await buildEnte(t.database.db);
  clients.set('anonymous', null);
  for (const role of ROLES) {
    clients.set(role, await loginAs(t.app, await buildUser(t.database.db, { tenantId: ente.id, roles: [{ role }] })));
  }
});
afterAll(async () => {
  await t?.close();
});

function call(client: Client | null, method: string, url: string): Promise<LightMyRequestResponse> {
  const path = url.replace(/:[A-Za-z]+/g, () => randomUUID());
  const body = ['POST', 'PUT', 'PATCH'].includes(method) ? { payload: {} } : {};
  const opts = { method: method as 'GET', url: path, ...body };
  return client ? client.request(opts) : t.app.inject(opts);
}

describe('authorization matrix', () => {
  it('the committed table is current (npm run authz:matrix)', () => {
    expect(readFileSync(TABLE, 'utf8')).toBe(renderMatrix(matrixRoutes(t.app.routeTable)));
  });

  it('every route answers every caller as the table says', async () => {
    const expected = parseMatrix(readFileSync(TABLE, 'utf8'));
    const routes = matrixRoutes(t.app.routeTable);
    // Signing out ends the session the other probes use: those routes go last.
    const last = (r: { url: string }) => (/\/(logout)$/.test(r.url) ? 1 : 0);
    routes.sort((a, b) => last(a) - last(b));
    const rows: string[] = [];
    const differences: string[] = [];
    let allowed = 0;
    const scoped: string[] = [];
    for (const route of routes) {
      const key = `${route.method} ${route.url}`;
      for (const caller of CALLERS) {
        const res = await call(clients.get(caller) ?? null, route.method, route.url);
        expect(res.statusCode, `${key} as ${caller}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
        // The gate answers auth.required / auth.forbidden; a handler may refuse later for reasons of
        // data (program, organisation, own record): that is scoping, counted apart.
        const code = res.statusCode === 401 || res.statusCode === 403 ? (res.json() as { code?: string }).code : undefined;
        const gateDenied = code === 'auth.required' || code === 'auth.forbidden' || res.statusCode === 429;
        const got = !gateDenied;
        if (!gateDenied && (res.statusCode === 401 || res.statusCode === 403)) {
          scoped.push(`${key} ${caller} ${res.statusCode} ${code}`);
        }
        const want = expected.get(key)?.has(caller) ?? false;
        allowed += got ? 1 : 0;
        const line = `${key.padEnd(80)} ${caller.padEnd(18)} expected ${want ? 'allow' : 'deny '} got ${got ? 'allow' : 'deny '} (${res.statusCode})`;
        rows.push(line);
        if (got !== want) {
          differences.push(line);
        }
      }
    }
    console.log(
      `authorization matrix: ${routes.length} routes × ${CALLERS.length} callers = ${rows.length} calls, ${allowed} past the gate (${scoped.length} of them then refused by data scoping), ${differences.length} differences`,
    );
    if (scoped.length > 0) {
      console.log(`refused after the gate (scoping):\n${scoped.join('\n')}`);
    }
    if (differences.length > 0) {
      console.log(`route${' '.repeat(77)}caller             outcome\n${differences.join('\n')}`);
    }
    expect(differences).toEqual([]);
    expect(rows.length).toBe(routes.length * CALLERS.length);
  }, 600_000);
});
