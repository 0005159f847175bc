// Issue 14, suite 1 (data dimension): on the demo data, every list route a Lucca demo user can
// read hands out ids; the matching detail route must open them for that user (own tenant) and
// answer 404 to a user with the same role in another ente (Pescaglia). Generic over modules:
// it follows the `/things` + `/things/:id` convention of the route table.
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, seedDemo } from '../../seeds/demo/index.js';
import { matrixRoutes } from '../../src/kernel/auth/access-matrix.js';
import { PROGRAMS, type Program, type Role } from '../../src/kernel/auth/permissions.js';
import { DEMO_PASSWORD } from '../../src/modules/identity/index.js';
import { buildUser } from '../factories.js';
import { type Client, createTestApp, loginAs, type TestApp } from '../http.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ loginRatePerMinute: 100_000 });
  await seedDemo(t.database.db);
}, 300_000);
afterAll(async () => {
  await t?.close();
});

/** The programs a record says it belongs to (`program` or `programs`), if it says so. */
function programsOf(res: LightMyRequestResponse): Program[] | null {
  if (res.statusCode !== 200) {
    return null;
  }
  const body = res.json() as { program?: unknown; programs?: unknown };
  if (typeof body.program === 'string') {
    return [body.program as Program];
  }
  // A list of program names; a timeline of objects (the stock's) is not a scope.
  return Array.isArray(body.programs) && body.programs.every((p) => typeof p === 'string') ? (body.programs as Program[]) : null;
}

function idsOf(res: LightMyRequestResponse): string[] {
  if (res.statusCode !== 200 || !String(res.headers['content-type']).includes('json')) {
    return [];
  }
  const body = res.json() as { items?: unknown };
  if (!Array.isArray(body.items)) {
    return [];
  }
  return body.items
    .map((i) => (i && typeof i === 'object' && 'id' in i ? String((i as { id: unknown }).id) : ''))
    .filter((id) => /^[0-9a-f-]{36}$/.test(id))
    .slice(0, 3);
}

describe('tenant isolation on every list/detail pair', () => {
  it('what a Lucca user can open, a Pescaglia user with the same role cannot', async () => {
    const routes = matrixRoutes(t.app.routeTable).filter((r) => r.method === 'GET');
    const details = new Set(routes.filter((r) => r.url.endsWith('/:id')).map((r) => r.url));
    const pairs = routes.filter((r) => !r.url.includes(':') && details.has(`${r.url}/:id`));
    const pescaglia = (await t.database.db.selectFrom('ente').select('id').where('slug', '=', 'pescaglia').executeTakeFirstOrThrow()).id;
    const rows: string[] = [];
    const leaks: string[] = [];
    const inconsistent: string[] = [];
    let checked = 0;
    let programChecked = 0;
    for (const account of DEMO_ACCOUNTS.filter((a) => a.ente === 'lucca')) {
      const own = await loginAs(t.app, { id: '', tenantId: '', email: account.email, password: DEMO_PASSWORD, enteSlug: 'lucca' });
      const roles = [...new Set(account.roles.map((r) => r.role as Role))].map((role) => ({ role }));
      const other: Client = await loginAs(t.app, await buildUser(t.database.db, { tenantId: pescaglia, roles }));
      // Same ente, same role, limited to a program this account does not cover.
      const covered = account.roles.map((r) => r.program ?? null);
      const elsewhere = covered.includes(null) ? undefined : PROGRAMS.find((p) => !covered.includes(p));
      const lucca = (await t.database.db.selectFrom('ente').select('id').where('slug', '=', 'lucca').executeTakeFirstOrThrow()).id;
      const otherProgram = elsewhere
        ? await loginAs(t.app, await buildUser(t.database.db, { tenantId: lucca, roles: [{ role: account.roles[0]?.role as Role, program: elsewhere }] }))
        : null;
      for (const list of pairs) {
        for (const id of idsOf(await own.get(list.url))) {
          const url = `${list.url}/${id}`;
          const mine = await own.get(url);
          const theirs = await other.get(url);
          checked++;
          rows.push(`${url.padEnd(90)} ${account.email.padEnd(40)} own ${mine.statusCode} other-ente ${theirs.statusCode}`);
          if (theirs.statusCode < 400) {
            leaks.push(rows.at(-1) as string);
          }
          if (mine.statusCode !== 200) {
            inconsistent.push(rows.at(-1) as string);
          }
          const programs = programsOf(mine);
          if (otherProgram && elsewhere && programs && programs.length > 0 && !programs.includes(elsewhere)) {
            const outside = await otherProgram.get(url);
            programChecked++;
            if (outside.statusCode < 400) {
              leaks.push(`${url} of programs ${programs.join(',')} opened by ${account.roles[0]?.role}:${elsewhere} (${outside.statusCode})`);
            }
          }
        }
      }
    }
    console.log(
      `tenant isolation: ${pairs.length} list/detail pairs, ${checked} records opened by their ente and tried from another; ${programChecked} tried by the same role limited to another program:\n${rows.join('\n')}`,
    );
    expect(leaks, 'records of one ente readable from another').toEqual([]);
    expect(inconsistent, 'records a list shows but the detail refuses to the same user').toEqual([]);
    expect(checked).toBeGreaterThan(10);
  }, 600_000);
});
