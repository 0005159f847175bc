// The Lucca demo data obeys the mediation rules and shows what the issue asks for.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, seedDemo } from '../../../seeds/demo/index.js';
import { createTestApp, loginAs, type TestApp } from '../../../test/http.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ loginRatePerMinute: 1000 });
  await seedDemo(t.database.db);
}, 600_000);
afterAll(async () => {
  await t?.close();
});

async function login(email: string) {
  const a = DEMO_ACCOUNTS.find((x) => x.email === email) as (typeof DEMO_ACCOUNTS)[number];
  const ente = await t.database.db.selectFrom('ente').select('id').where('slug', '=', a.ente).executeTakeFirstOrThrow();
  const user = await t.database.db.selectFrom('app_user').select('id').where('email', '=', email).executeTakeFirstOrThrow();
  return loginAs(t.app, { id: user.id, tenantId: ente.id, email, password: 'abitare-demo-2026', enteSlug: a.ente });
}

describe('mediation demo data', () => {
  it('the mediator works on the five estates with cases in every state, reports, activities and two committees', async () => {
    const m = await login('mediatrice@lucca.abitare.demo');
    const estates = (await m.get('/api/v1/mediation/estates')).json().items;
    expect(estates.length).toBeGreaterThanOrEqual(5);
    const cases = (await m.get('/api/v1/mediation/cases')).json().items;
    expect(cases.length).toBeGreaterThanOrEqual(15);
    expect(new Set(cases.map((c: { status: string }) => c.status))).toEqual(new Set(['open', 'in_mediation', 'agreement', 'follow_up', 'escalated', 'closed']));
    expect((await m.get('/api/v1/mediation/reports')).json().items.length).toBeGreaterThanOrEqual(30);
    expect((await m.get('/api/v1/mediation/activities')).json().items.length).toBeGreaterThanOrEqual(20);
    const committees = (await m.get('/api/v1/mediation/committees')).json().items;
    expect(committees).toHaveLength(2);
    for (const c of committees) {
      for (const x of c.expenses) {
        expect(x.shares.reduce((a: number, s: { shareCents: number }) => a + s.shareCents, 0)).toBe(x.amountCents);
      }
    }
  });

  it('three co-housing projects; USL staff see only the supported-living one', async () => {
    const sw = await login('assistente.sociale@lucca.abitare.demo');
    const all = (await sw.get('/api/v1/cohousing/projects')).json().items;
    expect(all.map((p: { kind: string }) => p.kind).sort()).toEqual(['elderly', 'families', 'supported_living']);
    for (const p of all) {
      expect(p.residents.length).toBeGreaterThan(0);
      for (const x of p.expenses) {
        expect(x.shares.reduce((a: number, s: { shareCents: number }) => a + s.shareCents, 0)).toBe(x.amountCents);
      }
    }
    const usl = await login('usl@lucca.abitare.demo');
    expect((await usl.get('/api/v1/cohousing/projects')).json().items.map((p: { kind: string }) => p.kind)).toEqual(['supported_living']);
  });

  it('the demo citizen sees her own reports with their status', async () => {
    const c = await login('cittadina@lucca.abitare.demo');
    const mine = (await c.get('/api/v1/me/reports')).json().items;
    expect(mine.length).toBeGreaterThanOrEqual(1);
    expect(mine.map((r: { status: string }) => r.status)).toContain('resolved');
  });
});
