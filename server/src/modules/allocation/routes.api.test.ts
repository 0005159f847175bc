import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBuilding, buildEnte, buildUnit, buildUser } from '../../../test/factories.js';
import { buildAdmitted, buildYouthCall } from '../../../test/factories-allocation.js';
import { type Client, createTestApp, loginAs, type TestApp } from '../../../test/http.js';
import type { Program, Role } from '../../kernel/auth/permissions.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ loginRatePerMinute: 1000 });
});
afterAll(async () => {
  await t?.close();
});
const db = () => t.database.db;

async function staff(tenantId: string, role: Role = 'housing_operator', program: Program | null = null): Promise<Client> {
  return loginAs(t.app, await buildUser(db(), { tenantId, roles: [{ role, program }] }));
}

async function flat(tenantId: string, neighbourhood: string, o: { bedrooms?: number; accessibility?: string[] } = {}) {
  const b = await buildBuilding(db(), { tenantId, neighbourhood });
  return buildUnit(db(), {
    buildingId: b.id,
    bedrooms: o.bedrooms ?? 2,
    rooms: 4,
    accessibility: o.accessibility ?? [],
    status: { status: 'available', from: '2020-01-01' },
    program: { program: 'youth_collab', from: '2020-01-01' },
  });
}

/** Four young people: Anna & Bea are alike, Carlo & Dario are alike; Carlo smokes. */
async function world() {
  const ente = await buildEnte(db());
  const op = await staff(ente.id);
  const call = await buildYouthCall(db(), { tenantId: ente.id });
  const citizenUser = await buildUser(db(), { tenantId: ente.id, roles: [{ role: 'citizen' }] });
  const mk = (givenName: string, answers: Record<string, unknown>, extra: { userId?: string } = {}) =>
    buildAdmitted(db(), { tenantId: ente.id, callId: call.id, givenName, birthDate: '2000-03-01', answers, ...extra });
  const anna = await mk('Anna', { rhythm: 'early', tidiness: 5, noise: 1, interests: ['books'], neighbourhoods: ['San Vito'] }, { userId: citizenUser.id });
  const bea = await mk('Bea', { rhythm: 'early', tidiness: 5, noise: 1, interests: ['books'] });
  const carlo = await mk('Carlo', { gender: 'M', rhythm: 'late', tidiness: 1, noise: 5, smoker: true, acceptsSmoker: true });
  const dario = await mk('Dario', { gender: 'M', rhythm: 'late', tidiness: 1, noise: 5, acceptsSmoker: true });
  const missing = await buildAdmitted(db(), { tenantId: ente.id, callId: call.id, givenName: 'Elia', answers: null });
  const sanVito = await flat(ente.id, 'San Vito');
  const other = await flat(ente.id, 'Pontetetto');
  const citizen = await loginAs(t.app, citizenUser);
  return { ente, op, call, anna, bea, carlo, dario, missing, sanVito, other, citizen };
}

describe('allocation of a youth call', () => {
  it('computes optimal pairs and flats, explains them, answers what-if, locks, confirms, and the person accepts', async () => {
    const w = await world();
    const base = `/api/v1/allocation/calls/${w.call.id}`;
    const before = await w.op.get(base);
    expect(before.statusCode).toBe(200);
    expect(before.json().questionnaires).toHaveLength(5);
    expect(before.json().questionnaires.filter((q: { filled: boolean }) => !q.filled)).toHaveLength(1);
    expect(before.json().plan).toBeNull();

    const computed = await w.op.post(`${base}/plan`);
    expect(computed.statusCode).toBe(200);
    const plan = computed.json().overview.plan;
    const pairs = plan.pairs.map((p: { a: { name: string }; b: { name: string } }) => [p.a.name, p.b.name].sort().join('+')).sort();
    expect(pairs.map((p: string) => p.split(' ')[0])).toHaveLength(2);
    const names = plan.pairs.map((p: { a: { applicationId: string }; b: { applicationId: string } }) => [p.a.applicationId, p.b.applicationId].sort().join());
    expect(names).toContain([w.anna.id, w.bea.id].sort().join());
    expect(names).toContain([w.carlo.id, w.dario.id].sort().join());
    // Anna wished San Vito: her pair gets it. Factors add up to the score.
    const ab = plan.pairs.find((p: { a: { applicationId: string } }) => [w.anna.id, w.bea.id].includes(p.a.applicationId));
    expect(ab.unit.id).toBe(w.sanVito.id);
    expect(Object.values(ab.factors as Record<string, number>).reduce((s, x) => s + x, 0)).toBe(ab.score);
    expect(plan.unpaired).toHaveLength(0);

    const explanation = await w.op.get(`${base}/plan/explanation`);
    expect(explanation.statusCode).toBe(200);
    const annaX = explanation.json().items.find((e: { applicationId: string }) => e.applicationId === w.anna.id);
    expect(annaX.partner).toBe(w.bea.id);
    // Anna with Carlo is forbidden (smoking): her alternative is Dario, at a positive cost.
    expect(annaX.alternative.applicationId).toBe(w.dario.id);
    expect(annaX.alternative.cost).toBeGreaterThan(0);

    const preview = await w.op.post(`${base}/plan/what-if`, { lock: [w.anna.id, w.dario.id] });
    expect(preview.statusCode).toBe(200);
    expect(preview.json().delta).toBe(-annaX.alternative.cost);
    expect((await w.op.post(`${base}/plan/what-if`, { lock: [w.anna.id, w.carlo.id] })).statusCode).toBe(409);

    const locked = await w.op.post(`${base}/plan/adjust`, { lock: [w.anna.id, w.dario.id] });
    expect(locked.statusCode).toBe(200);
    expect(locked.json().delta).toBe(-annaX.alternative.cost);
    const released = await w.op.post(`${base}/plan/adjust`, { unlock: [w.anna.id, w.dario.id] });
    expect(released.json().delta).toBe(annaX.alternative.cost);
    const lockedAB = await w.op.post(`${base}/plan/adjust`, { lock: [w.anna.id, w.bea.id] });
    expect(lockedAB.json().delta).toBe(0);
    expect(lockedAB.json().overview.plan.locked).toHaveLength(1);

    const confirmed = await w.op.post(`${base}/plan/confirm`, { responseDays: 7 });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().offers).toBe(4);
    expect((await w.op.post(`${base}/plan`)).statusCode).toBe(409);
    const notes = await db()
      .selectFrom('notification')
      .select(['event', 'user_id'])
      .where('tenant_id', '=', w.ente.id)
      .where('event', '=', 'offer.made')
      .execute();
    expect(notes).toHaveLength(1); // only Anna has an account

    const mine = await w.citizen.get('/api/v1/allocation/me');
    expect(mine.statusCode).toBe(200);
    const offer = mine.json().offers[0];
    expect(offer.unit.id).toBe(w.sanVito.id);
    expect(offer.cohabitant).toBe('Bea');
    expect((await w.citizen.post(`/api/v1/allocation/offers/${offer.id}/accept`)).statusCode).toBe(204);
    expect((await w.citizen.post(`/api/v1/allocation/offers/${offer.id}/accept`)).statusCode).toBe(409);
    const status = await db().selectFrom('unit_status').select(['status']).where('unit_id', '=', w.sanVito.id).where('status', '=', 'occupied').execute();
    expect(status).toHaveLength(1);
    // Bea's acceptance (recorded by the operator) shares the flat.
    const overview = (await w.op.get(base)).json();
    const beaOffer = overview.plan.pairs
      .flatMap((p: { offers: { applicationId: string; id: string }[] }) => p.offers)
      .find((o: { applicationId: string }) => o.applicationId === w.bea.id);
    expect((await w.op.post(`/api/v1/allocation/offers/${beaOffer.id}/accept`)).statusCode).toBe(204);
    const audits = await db().selectFrom('audit_log').select('action').where('tenant_id', '=', w.ente.id).where('action', 'like', 'allocation.%').execute();
    expect(audits.map((a) => a.action)).toEqual(
      expect.arrayContaining(['allocation.plan_computed', 'allocation.plan_adjusted', 'allocation.plan_confirmed', 'allocation.offer_accepted']),
    );
  });

  it('a refusal breaks the pair and proposes the next best partner for the flat', async () => {
    const w = await world();
    const base = `/api/v1/allocation/calls/${w.call.id}`;
    const fern = await buildAdmitted(db(), { tenantId: w.ente.id, callId: w.call.id, givenName: 'Fernanda', answers: { rhythm: 'early', tidiness: 5 } });
    await w.op.post(`${base}/plan`);
    await w.op.post(`${base}/plan/confirm`, { responseDays: 7 });
    const offer = (await w.citizen.get('/api/v1/allocation/me')).json().offers[0];
    const refused = await w.citizen.post(`/api/v1/allocation/offers/${offer.id}/refuse`, { reason: 'cohabitant', note: 'Preferisco un’altra zona' });
    expect(refused.statusCode).toBe(200);
    expect(refused.json().replacementPairId).not.toBeNull();
    const plan = (await w.op.get(base)).json().plan;
    const repl = plan.pairs.find((p: { id: string }) => p.id === refused.json().replacementPairId);
    expect([repl.a.applicationId, repl.b.applicationId].sort()).toEqual([w.bea.id, fern.id].sort());
    expect(repl.unit.id).toBe(w.sanVito.id);
    expect(repl.status).toBe('proposed');
    const again = await w.op.post(`${base}/plan/confirm`, { responseDays: 7 });
    expect(again.json().offers).toBe(1); // Fernanda; Bea keeps her offer
  });

  it('questionnaires: the applicant fills her own, validated; nobody else reaches it', async () => {
    const w = await world();
    const url = `/api/v1/allocation/applications/${w.anna.id}/questionnaire`;
    const mine = await w.citizen.get(url);
    expect(mine.statusCode).toBe(200);
    expect(mine.json().editable).toBe(true);
    const answers = { ...mine.json().answers, rhythm: 'late' };
    expect((await w.citizen.request({ method: 'PUT', url, payload: answers })).statusCode).toBe(204);
    expect((await w.citizen.request({ method: 'PUT', url, payload: { ...answers, tidiness: 9 } })).statusCode).toBe(400);
    expect((await w.citizen.get(`/api/v1/allocation/applications/${w.bea.id}/questionnaire`)).statusCode).toBe(404);
    const worker = await staff(w.ente.id, 'social_worker', 'youth_collab');
    expect((await worker.get(`/api/v1/allocation/calls/${w.call.id}`)).statusCode).toBe(403);
    expect((await w.citizen.get(`/api/v1/allocation/calls/${w.call.id}`)).statusCode).toBe(403);
    const stranger = await staff((await buildEnte(db())).id);
    expect((await stranger.get(`/api/v1/allocation/calls/${w.call.id}`)).statusCode).toBe(404);
    expect((await stranger.get(url)).statusCode).toBe(404);
  });

  it('what-if on a few hundred people answers well under a second', async () => {
    const ente = await buildEnte(db());
    const op = await staff(ente.id);
    const call = await buildYouthCall(db(), { tenantId: ente.id });
    const rhythms = ['early', 'regular', 'late'];
    const ids: string[] = [];
    for (let i = 0; i < 200; i++) {
      const r = await buildAdmitted(db(), {
        tenantId: ente.id,
        callId: call.id,
        birthDate: `${1992 + (i % 14)}-05-0${1 + (i % 9)}`,
        answers: { gender: i % 2 ? 'M' : 'F', rhythm: rhythms[i % 3] as 'early', tidiness: 1 + (i % 5), noise: 1 + ((i * 7) % 5), interests: [`i${i % 6}`] },
      });
      ids.push(r.id);
    }
    expect((await op.post(`/api/v1/allocation/calls/${call.id}/plan`)).statusCode).toBe(200);
    const t0 = performance.now();
    const r = await op.post(`/api/v1/allocation/calls/${call.id}/plan/what-if`, { forbid: [ids[0], ids[1]] });
    expect(r.statusCode).toBe(200);
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});

describe('concurrency', () => {
  it('100 parallel acceptances of offers of one flat to different pairs: exactly one succeeds, the others 409', async () => {
    const ente = await buildEnte(db());
    const op = await staff(ente.id);
    const call = await buildYouthCall(db(), { tenantId: ente.id });
    const unit = await flat(ente.id, 'San Vito');
    const plan = await db()
      .insertInto('allocation_plan')
      .values({ tenant_id: ente.id, call_id: call.id, status: 'confirmed' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const offers: string[] = [];
    for (let i = 0; i < 100; i++) {
      const a = await buildAdmitted(db(), { tenantId: ente.id, callId: call.id, answers: {} });
      const b = await buildAdmitted(db(), { tenantId: ente.id, callId: call.id, answers: {} });
      const pair = await db()
        .insertInto('allocation_pair')
        .values({ tenant_id: ente.id, plan_id: plan.id, application_a: a.id, application_b: b.id, unit_id: unit.id, score: 50, status: 'offered' })
        .returning('id')
        .executeTakeFirstOrThrow();
      const o = await db()
        .insertInto('allocation_offer')
        .values({ tenant_id: ente.id, plan_id: plan.id, pair_id: pair.id, application_id: a.id, unit_id: unit.id, deadline: new Date('2099-01-01') })
        .returning('id')
        .executeTakeFirstOrThrow();
      offers.push(o.id);
    }
    const results = await Promise.all(offers.map((id) => op.post(`/api/v1/allocation/offers/${id}/accept`)));
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 204)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(99);
    for (const r of results.filter((x) => x.statusCode === 409)) {
      expect(r.headers['content-type']).toContain('application/problem+json');
      expect(r.json().code).toBe('allocation.unit_taken');
    }
    const accepted = await db().selectFrom('allocation_offer').select('id').where('unit_id', '=', unit.id).where('status', '=', 'accepted').execute();
    expect(accepted).toHaveLength(1);
    const occupied = await db().selectFrom('unit_status').select('id').where('unit_id', '=', unit.id).where('status', '=', 'occupied').execute();
    expect(occupied).toHaveLength(1);
  });
});
