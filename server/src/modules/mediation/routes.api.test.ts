import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBuilding, buildEnte, buildEstate, buildOrganisation, buildPerson, buildUnit, buildUser } from '../../../test/factories.js';
import { type Client, createTestApp, loginAs, type TestApp } from '../../../test/http.js';
import { type Program, ROLE_PERMISSIONS, ROLES, type Role } from '../../kernel/auth/permissions.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ loginRatePerMinute: 1000 });
});
afterAll(async () => {
  await t?.close();
});

const db = () => t.database.db;
// A 1×1 PNG.
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);

async function staff(tenantId: string, roles: { role: Role; program?: Program | null }[], organisationId: string | null = null) {
  const user = await buildUser(db(), { tenantId, roles, organisationId });
  return { id: user.id, client: await loginAs(t.app, user) };
}

/** A household living in a new unit of the building from 2025-01-01, with a tenancy; optionally a signed-in tenant. */
async function household(tenantId: string, buildingId: string, name: string, o: { managerId?: string | null; account?: boolean } = {}) {
  const unit = await buildUnit(db(), { buildingId });
  if (o.managerId) {
    await db().updateTable('unit').set({ managing_organisation_id: o.managerId }).where('id', '=', unit.id).execute();
  }
  const user = o.account ? await buildUser(db(), { tenantId, roles: [{ role: 'citizen' }], fullName: `${name} Head` }) : null;
  const person = await buildPerson(db(), { tenantId, familyName: name, userId: user?.id ?? null });
  const { id } = await db()
    .insertInto('household')
    .values({ tenant_id: tenantId, name: `Nucleo ${name}` })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db()
    .insertInto('household_member')
    .values({ tenant_id: tenantId, household_id: id, person_id: person.id, relationship: 'head', joined_on: '2025-01-01' })
    .execute();
  const tenancy = await db()
    .insertInto('tenancy')
    .values({
      tenant_id: tenantId,
      code: `T-${unit.code.slice(2).toUpperCase()}`,
      unit_id: unit.id,
      household_id: id,
      program: 'erp',
      kind: 'erp_lease',
      during: sql<string>`daterange('2025-01-01', NULL)`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, unitId: unit.id, tenancyId: tenancy.id, client: user ? await loginAs(t.app, user) : null, userId: user?.id ?? null };
}

/** An ente with two estates, a mediator on the first, a managing body, three households on estate A. */
async function world() {
  const ente = await buildEnte(db());
  const erp = await buildOrganisation(db(), { tenantId: ente.id, name: 'E.R.P. Lucca S.r.l.', kind: 'housing_company' });
  const estateA = await buildEstate(db(), { tenantId: ente.id, name: 'Pontetetto' });
  const estateB = await buildEstate(db(), { tenantId: ente.id, name: 'Montuolo' });
  const bA = await buildBuilding(db(), { tenantId: ente.id, estateId: estateA.id });
  const bB = await buildBuilding(db(), { tenantId: ente.id, estateId: estateB.id });
  const rossi = await household(ente.id, bA.id, 'Rossi', { managerId: erp.id, account: true });
  const bianchi = await household(ente.id, bA.id, 'Bianchi', { managerId: erp.id });
  const verdi = await household(ente.id, bB.id, 'Verdi', { account: true });
  const mediator = await staff(ente.id, [{ role: 'mediator', program: 'mediation' }]);
  const other = await staff(ente.id, [{ role: 'mediator', program: 'mediation' }]);
  const admin = await staff(ente.id, [{ role: 'admin' }]);
  expect(
    (await admin.client.request({ method: 'PUT', url: `/api/v1/mediation/estates/${estateA.id}/mediators`, payload: { userIds: [mediator.id] } })).statusCode,
  ).toBe(204);
  expect(
    (await admin.client.request({ method: 'PUT', url: `/api/v1/mediation/estates/${estateB.id}/mediators`, payload: { userIds: [other.id] } })).statusCode,
  ).toBe(204);
  return { ente, erp, estateA, estateB, bA, bB, rossi, bianchi, verdi, mediator, other, admin };
}

async function openCase(c: Client, body: Record<string, unknown>) {
  const res = await c.post('/api/v1/mediation/cases', {
    type: 'noise',
    severity: 'medium',
    reportedBy: 'resident',
    summary: 'Rumori notturni',
    openedOn: '2026-11-01',
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('who may call the mediation routes', () => {
  it('mediation:manage for cases, report:submit for own reports, admin:users assigns mediators; anonymous 401', async () => {
    const w = await world();
    for (const role of ROLES) {
      const { client } = await staff(w.ente.id, [{ role }]);
      const perms = ROLE_PERMISSIONS[role];
      expect((await client.get('/api/v1/mediation/cases')).statusCode, role).toBe(perms.includes('mediation:manage') ? 200 : 403);
      expect((await client.get('/api/v1/me/reports')).statusCode, role).toBe(perms.includes('report:submit') ? 200 : 403);
      const reports = await client.get('/api/v1/mediation/reports');
      expect(reports.statusCode, role).toBe(perms.includes('mediation:manage') || perms.includes('tenancy:manage') ? 200 : 403);
      const assign = await client.request({ method: 'PUT', url: `/api/v1/mediation/estates/${w.estateA.id}/mediators`, payload: { userIds: [] } });
      expect(assign.statusCode, role).toBe(perms.includes('admin:users') ? 204 : 403);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/mediation/cases' })).statusCode).toBe(401);
    const notMediator = await w.admin.client.request({
      method: 'PUT',
      url: `/api/v1/mediation/estates/${w.estateA.id}/mediators`,
      payload: { userIds: [w.admin.id] },
    });
    expect(notMediator.json().errors[0].code).toBe('mediation.not_a_mediator');
  });
});

describe('conflict cases', () => {
  it('opens a case with two households of the estate, records sessions and an agreement, escalates, closes; audited', async () => {
    const w = await world();
    const c = await openCase(w.mediator.client, {
      estateId: w.estateA.id,
      parties: [
        { householdId: w.rossi.id, role: 'complainant' },
        { householdId: w.bianchi.id, role: 'respondent' },
      ],
    });
    expect(c).toMatchObject({ status: 'open', estate: { name: 'Pontetetto' }, parties: [{ name: 'Nucleo Bianchi' }, { name: 'Nucleo Rossi' }] });
    const s = await w.mediator.client.post(`/api/v1/mediation/cases/${c.id}/sessions`, {
      heldOn: '2026-11-05',
      participants: 'Rossi, Bianchi, mediatrice',
      outcome: 'Ascolto delle parti',
    });
    expect(s.json().status).toBe('in_mediation');
    const before = await w.mediator.client.post(`/api/v1/mediation/cases/${c.id}/sessions`, { heldOn: '2026-10-05', participants: 'x', outcome: 'y' });
    expect(before.json().errors[0].code).toBe('mediation.before_opening');
    const a = await w.mediator.client.post(`/api/v1/mediation/cases/${c.id}/agreements`, {
      agreedOn: '2026-11-10',
      terms: 'Silenzio dopo le 22',
      followUpOn: '2026-12-10',
    });
    expect(a.json()).toMatchObject({ status: 'agreement', followUpOn: '2026-12-10', agreements: [{ terms: 'Silenzio dopo le 22' }] });
    const e = await w.mediator.client.post(`/api/v1/mediation/cases/${c.id}/escalation`, {
      to: 'social_services',
      on: '2026-11-12',
      note: 'Fragilità del nucleo',
    });
    expect(e.json()).toMatchObject({ status: 'escalated', escalatedTo: 'social_services' });
    expect((await w.mediator.client.post(`/api/v1/mediation/cases/${c.id}/escalation`, { to: 'managing_body', on: '2026-11-12', note: 'x' })).statusCode).toBe(
      409,
    );
    const closed = await w.mediator.client.post(`/api/v1/mediation/cases/${c.id}/closure`, { closedOn: '2026-11-20', result: 'partly_resolved' });
    expect(closed.json()).toMatchObject({ status: 'closed', result: 'partly_resolved' });
    expect(
      (await w.mediator.client.post(`/api/v1/mediation/cases/${c.id}/sessions`, { heldOn: '2026-11-21', participants: 'x', outcome: 'y' })).statusCode,
    ).toBe(409);
    await w.mediator.client.get(`/api/v1/mediation/cases/${c.id}`);
    const audits = await db().selectFrom('audit_log').select('action').where('tenant_id', '=', w.ente.id).where('entity_id', '=', c.id).execute();
    expect(audits.map((x) => x.action)).toEqual(
      expect.arrayContaining(['mediation.case_opened', 'mediation.session_recorded', 'mediation.case_closed', 'mediation.case_read']),
    );
  });

  it('mediators see only their estates; parties must live on the estate; other entes see nothing', async () => {
    const w = await world();
    const c = await openCase(w.mediator.client, { estateId: w.estateA.id, parties: [{ householdId: w.rossi.id }] });
    expect((await w.other.client.get(`/api/v1/mediation/cases/${c.id}`)).statusCode).toBe(404);
    expect((await w.other.client.get('/api/v1/mediation/cases')).json().items).toEqual([]);
    expect(
      (await w.other.client.post('/api/v1/mediation/cases', { estateId: w.estateA.id, type: 'noise', severity: 'low', reportedBy: 'resident', summary: 'abc' }))
        .statusCode,
    ).toBe(404);
    expect((await w.other.client.get(`/api/v1/mediation/estates/${w.estateA.id}/dashboard`)).statusCode).toBe(404);
    const wrongParty = await w.mediator.client.post('/api/v1/mediation/cases', {
      estateId: w.estateA.id,
      type: 'noise',
      severity: 'low',
      reportedBy: 'resident',
      summary: 'abc',
      parties: [{ householdId: w.verdi.id }],
    });
    expect(wrongParty.json().errors[0].code).toBe('mediation.party_not_on_estate');
    expect((await w.mediator.client.get('/api/v1/mediation/estates')).json().items.map((e: { name: string }) => e.name)).toEqual(['Pontetetto']);
    const dash = (await w.mediator.client.get(`/api/v1/mediation/estates/${w.estateA.id}/dashboard`)).json();
    expect(dash.casesByType.find((x: { type: string }) => x.type === 'noise').open).toBe(1);
    expect(dash.households).toHaveLength(2);
    const stranger = await world();
    expect((await stranger.mediator.client.get(`/api/v1/mediation/cases/${c.id}`)).statusCode).toBe(404);
  });
});

describe('resident reports', () => {
  it('routes to the managing body, tracks status visible to the reporter only, notifies on each change', async () => {
    const w = await world();
    const tenant = w.rossi.client as Client;
    const filed = await tenant.post('/api/v1/me/reports', {
      category: 'maintenance',
      description: 'La luce delle scale è rotta',
      location: 'scala A',
      photo: { contentType: 'image/png', dataBase64: PNG.toString('base64') },
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const r = filed.json();
    expect(r).toMatchObject({ status: 'routed', routedTo: 'E.R.P. Lucca S.r.l.', urgent: false, estate: { name: 'Pontetetto' } });
    expect(r.history.map((h: { status: string }) => h.status)).toEqual(['received', 'routed']);
    const photo = await tenant.get(`/api/v1/mediation/reports/${r.id}/photos/${r.photos[0].id}`);
    expect(photo.headers['content-type']).toBe('image/png');
    expect(Buffer.from(photo.rawPayload).equals(PNG)).toBe(true);

    // The Verdi tenant lives elsewhere with no managing body: the report waits at the desk.
    const verdi = (await (w.verdi.client as Client).post('/api/v1/me/reports', { category: 'safety', description: 'Ringhiera instabile' })).json();
    expect(verdi).toMatchObject({ status: 'received', routedTo: null, urgent: true });
    expect((await tenant.get(`/api/v1/mediation/reports/${verdi.id}`)).statusCode).toBe(404);
    expect((await (w.verdi.client as Client).get('/api/v1/me/reports')).json().items.map((x: { id: string }) => x.id)).toEqual([verdi.id]);

    // Mediator of estate A handles Rossi's report but not Verdi's.
    const list = (await w.mediator.client.get('/api/v1/mediation/reports?status=open')).json().items;
    expect(list.map((x: { id: string }) => x.id)).toEqual([r.id]);
    expect((await w.mediator.client.post(`/api/v1/mediation/reports/${verdi.id}/status`, { status: 'in_progress' })).statusCode).toBe(404);
    expect((await tenant.post(`/api/v1/mediation/reports/${r.id}/status`, { status: 'resolved' })).statusCode).toBe(403);
    const fixed = await w.mediator.client.post(`/api/v1/mediation/reports/${r.id}/status`, { status: 'resolved', note: 'Lampada sostituita' });
    expect(fixed.json().status).toBe('resolved');
    expect((await w.mediator.client.post(`/api/v1/mediation/reports/${r.id}/status`, { status: 'routed' })).statusCode).toBe(409);
    const mine = (await tenant.get('/api/v1/me/reports')).json().items[0];
    expect(mine).toMatchObject({
      status: 'resolved',
      history: [{ status: 'received' }, { status: 'routed' }, { status: 'resolved', note: 'Lampada sostituita' }],
    });
    const notes = await db()
      .selectFrom('notification')
      .select(['event', 'user_id'])
      .where('tenant_id', '=', w.ente.id)
      .where('event', '=', 'resident_report.status_changed')
      .execute();
    expect(notes).toEqual([{ event: 'resident_report.status_changed', user_id: w.rossi.userId }]);
  });

  it('refuses photos that are too large or not what they claim, and people who are not tenants', async () => {
    const w = await world();
    const tenant = w.rossi.client as Client;
    const lie = await tenant.post('/api/v1/me/reports', {
      category: 'other',
      description: 'abc',
      photo: { contentType: 'image/jpeg', dataBase64: PNG.toString('base64') },
    });
    expect(lie.json().errors[0].code).toBe('mediation.photo_type');
    const big = Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)]);
    const large = await tenant.post('/api/v1/me/reports', {
      category: 'other',
      description: 'abc',
      photo: { contentType: 'image/png', dataBase64: big.toString('base64') },
    });
    expect(large.json().errors[0].code).toBe('mediation.photo_too_large');
    const { client } = await staff(w.ente.id, [{ role: 'citizen' }]);
    expect((await client.post('/api/v1/me/reports', { category: 'other', description: 'abc' })).json().errors[0].code).toBe('mediation.not_a_tenant');
  });
});

describe('community activities and committees', () => {
  it('never registers more participants than the capacity, even in parallel; volunteers do not count', async () => {
    const w = await world();
    const a = await w.mediator.client.post('/api/v1/mediation/activities', {
      estateId: w.estateA.id,
      title: 'Doposcuola',
      category: 'educational',
      audience: 'children',
      startsAt: '2026-12-01T16:00:00+01:00',
      endsAt: '2026-12-01T18:00:00+01:00',
      partner: 'Fondazione Casa Lucca',
      capacity: 3,
    });
    expect(a.statusCode, a.body).toBe(201);
    const id = a.json().id;
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => w.mediator.client.post(`/api/v1/mediation/activities/${id}/registrations`, { name: `Bimbo ${i}` })),
    );
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(3);
    expect(results.filter((r) => r.statusCode === 409)).toHaveLength(9);
    const vol = await w.mediator.client.post(`/api/v1/mediation/activities/${id}/registrations`, { name: 'Volontaria', role: 'volunteer' });
    expect(vol.json()).toMatchObject({ participants: 3, volunteers: 1 });
    // The tenant of the estate sees the activity; it is full.
    const tenant = w.rossi.client as Client;
    expect((await tenant.get('/api/v1/mediation/activities')).json().items).toHaveLength(1);
    expect((await tenant.post(`/api/v1/me/activities/${id}/registration`)).json().code).toBe('mediation.activity_full');
    expect((await (w.verdi.client as Client).get(`/api/v1/mediation/activities/${id}`)).statusCode).toBe(404);
    const reg = vol.json().registrations[0];
    const att = await w.mediator.client.request({
      method: 'PUT',
      url: `/api/v1/mediation/activities/${id}/registrations/${reg.id}/attendance`,
      payload: { attended: true },
    });
    expect(att.json().registrations[0].attended).toBe(true);
  });

  it('a committee splits an expense among member households without losing a cent and tracks who paid', async () => {
    const w = await world();
    const third = await household(w.ente.id, w.bA.id, 'Neri');
    const c = await w.mediator.client.post('/api/v1/mediation/committees', { buildingId: w.bA.id, name: 'Comitato scala A', foundedOn: '2026-01-10' });
    expect(c.statusCode, c.body).toBe(201);
    const id = c.json().id;
    for (const [h, role] of [
      [w.rossi.id, 'president'],
      [w.bianchi.id, 'treasurer'],
      [third.id, 'member'],
    ] as const) {
      expect(
        (
          await w.mediator.client.post(`/api/v1/mediation/committees/${id}/members`, {
            householdId: h,
            representative: 'Referente',
            role,
            joinedOn: '2026-01-10',
          })
        ).statusCode,
      ).toBe(200);
    }
    expect(
      (await w.mediator.client.post(`/api/v1/mediation/committees/${id}/members`, { householdId: w.verdi.id, representative: 'x', joinedOn: '2026-01-10' }))
        .statusCode,
    ).toBe(400);
    const x = (
      await w.mediator.client.post(`/api/v1/mediation/committees/${id}/expenses`, {
        spentOn: '2026-02-01',
        description: 'Lampadine scale',
        amountCents: 10_000,
      })
    ).json();
    const shares = x.expenses[0].shares.map((s: { shareCents: number }) => s.shareCents);
    expect(shares.reduce((a: number, b: number) => a + b, 0)).toBe(10_000);
    expect([...shares].sort()).toEqual([3333, 3333, 3334]);
    const paid = await w.mediator.client.request({
      method: 'PUT',
      url: `/api/v1/mediation/committees/${id}/expenses/${x.expenses[0].id}/shares/${w.rossi.id}/paid`,
      payload: { paidOn: '2026-02-05' },
    });
    expect(paid.json().balances.reduce((a: number, b: { owedCents: number }) => a + b.owedCents, 0)).toBe(
      10_000 - paid.json().expenses[0].shares.find((s: { householdId: string }) => s.householdId === w.rossi.id).shareCents,
    );
    const meeting = await w.mediator.client.post(`/api/v1/mediation/committees/${id}/meetings`, { heldOn: '2026-02-10', minutes: 'Approvato il riparto' });
    expect(meeting.json().meetings).toHaveLength(1);
    expect((await w.other.client.get('/api/v1/mediation/committees')).json().items).toEqual([]);
  });
});

describe('arrears prevention', () => {
  it('the estate mediator sees households owing two months or more and opens one accompaniment', async () => {
    const w = await world();
    await db()
      .insertInto('rent_assessment')
      .values({
        tenant_id: w.ente.id,
        tenancy_id: w.bianchi.tenancyId,
        effective_from: '2025-01-01',
        annual_cents: 120_000,
        monthly_cents: 10_000,
        category: 'A',
        rule_kind: 'fixed',
        rule_params: JSON.stringify({}) as never,
        surface_m2: 60,
        lines: JSON.stringify([]) as never,
        reason: 'start',
      })
      .execute();
    await db()
      .insertInto('ledger_entry')
      .values(
        ['2026-08-01', '2026-09-01', '2026-10-01'].map((d) => ({
          tenant_id: w.ente.id,
          tenancy_id: w.bianchi.tenancyId,
          kind: 'charge',
          component: 'rent',
          entry_date: d,
          amount_cents: 10_000,
          reason: 'canone',
        })),
      )
      .execute();
    const alerts = (await w.mediator.client.get('/api/v1/mediation/arrears')).json().items;
    expect(alerts).toEqual([
      expect.objectContaining({ tenancyId: w.bianchi.tenancyId, household: 'Nucleo Bianchi', balanceCents: 30_000, monthsOwed: 3, accompanimentCaseId: null }),
    ]);
    expect((await w.other.client.get('/api/v1/mediation/arrears')).json().items).toEqual([]);
    const opened = await w.mediator.client.post('/api/v1/mediation/arrears/accompaniments', {
      tenancyId: w.bianchi.tenancyId,
      summary: 'Accompagnamento al piano di rientro',
    });
    expect(opened.json()).toMatchObject({ kind: 'arrears', type: 'arrears', tenancyId: w.bianchi.tenancyId, parties: [{ name: 'Nucleo Bianchi' }] });
    expect((await w.mediator.client.post('/api/v1/mediation/arrears/accompaniments', { tenancyId: w.bianchi.tenancyId, summary: 'ancora' })).statusCode).toBe(
      409,
    );
    expect(
      (await w.mediator.client.post('/api/v1/mediation/arrears/accompaniments', { tenancyId: w.rossi.tenancyId, summary: 'nessun debito' })).statusCode,
    ).toBe(404);
    const closed = await w.mediator.client.post(`/api/v1/mediation/cases/${opened.json().id}/closure`, {
      closedOn: '2026-11-23',
      result: 'resolved',
      note: 'Piano di rientro firmato',
    });
    expect(closed.json()).toMatchObject({ status: 'closed', closureNote: 'Piano di rientro firmato' });
  });
});
