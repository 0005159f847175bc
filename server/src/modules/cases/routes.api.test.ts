import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEnte, buildOrganisation, buildPerson, buildUnit, buildUser } from '../../../test/factories.js';
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

async function staff(tenantId: string, roles: { role: Role; program?: Program | null }[], organisationId: string | null = null) {
  const user = await buildUser(db(), { tenantId, roles, organisationId });
  return { id: user.id, client: await loginAs(t.app, user) };
}

async function openCase(c: Client, program: Program, personId: string, body: Record<string, unknown> = {}) {
  const res = await c.post('/api/v1/cases', { program, personId, openedOn: '2026-01-15', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string; stages: { key: string; status: string; checklist: { key: string; doneOn: string | null }[] }[] }>();
}

describe('who may call the case routes', () => {
  it('case:read lists, case:write opens, visit:log logs; others 403; anonymous 401', async () => {
    const ente = await buildEnte(db());
    const person = await buildPerson(db(), { tenantId: ente.id, enrolments: [{ program: 'housing_first' }] });
    const owner = await staff(ente.id, [{ role: 'housing_first_team' }]);
    const hf = await openCase(owner.client, 'housing_first', person.id);
    for (const role of ROLES) {
      const { client } = await staff(ente.id, [{ role }]);
      const perms = ROLE_PERMISSIONS[role];
      expect((await client.get('/api/v1/cases')).statusCode, role).toBe(perms.includes('case:read') ? 200 : 403);
      expect((await client.get('/api/v1/housing-first/dashboard')).statusCode, role).toBe(perms.includes('case:read') ? 200 : 403);
      const opened = await client.post('/api/v1/cases', { program: 'erp', personId: person.id, openedOn: '2026-01-15' });
      // Allowed roles get past the access check and stop at the enrolment rule (422).
      expect(opened.statusCode, role).toBe(perms.includes('case:write') ? 422 : 403);
      const logged = await client.post(`/api/v1/cases/${hf.id}/visits`, { status: 'done', occurredOn: '2026-11-20' });
      const expected = !perms.includes('visit:log') ? 403 : perms.includes('case:read') ? 201 : 404;
      expect(logged.statusCode, `${role} ${logged.body}`).toBe(expected);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/cases' })).statusCode).toBe(401);
  });
});

describe('cases and the accompaniment path', () => {
  it('opens a youth case for an enrolled person only, with the path, checklists, team and agreements', async () => {
    const ente = await buildEnte(db());
    const sw = await staff(ente.id, [{ role: 'social_worker', program: 'youth_collab' }]);
    const educator = await buildUser(db(), { tenantId: ente.id, roles: [{ role: 'partner_staff', program: 'youth_collab' }] });
    const young = await buildPerson(db(), { tenantId: ente.id, givenName: 'Giulia', familyName: 'Marchi', enrolments: [{ program: 'youth_collab' }] });
    const other = await buildPerson(db(), { tenantId: ente.id, enrolments: [{ program: 'erp' }] });

    const notEnrolled = await sw.client.post('/api/v1/cases', { program: 'youth_collab', personId: other.id, openedOn: '2026-01-15' });
    expect(notEnrolled.statusCode).toBe(422);
    expect(notEnrolled.json().code).toBe('cases.not_enrolled');
    const outOfScope = await sw.client.post('/api/v1/cases', { program: 'erp', personId: other.id, openedOn: '2026-01-15' });
    expect(outOfScope.statusCode).toBe(403);

    const c = await openCase(sw.client, 'youth_collab', young.id, {
      summary: 'Percorso di coabitazione',
      team: [
        { userId: sw.id, role: 'case_manager' },
        { userId: educator.id, role: 'educator' },
      ],
    });
    expect(c.stages.map((s) => [s.key, s.status])).toEqual([
      ['selection', 'active'],
      ['participatory_path', 'pending'],
      ['move_in', 'pending'],
      ['living_together', 'pending'],
      ['exit', 'pending'],
    ]);
    // A second open case of the same person in the program is refused.
    expect((await sw.client.post('/api/v1/cases', { program: 'youth_collab', personId: young.id, openedOn: '2026-02-01' })).statusCode).toBe(409);

    const moved = await sw.client.post(`/api/v1/cases/${c.id}/stages/move_in/start`);
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().currentStage).toBe('move_in');
    expect(moved.json().stages.map((s: { status: string }) => s.status)).toEqual(['done', 'done', 'active', 'pending', 'pending']);
    const ticked = await sw.client.request({
      method: 'PUT',
      url: `/api/v1/cases/${c.id}/checklist/move_in/keys`,
      payload: { done: true, on: '2026-03-01', note: 'Due copie' },
    });
    expect(ticked.statusCode, ticked.body).toBe(200);
    const moveIn = ticked.json().stages.find((s: { key: string }) => s.key === 'move_in');
    expect(moveIn.checklist.find((i: { key: string }) => i.key === 'keys')).toEqual({ key: 'keys', doneOn: '2026-03-01', note: 'Due copie' });
    expect((await sw.client.request({ method: 'PUT', url: `/api/v1/cases/${c.id}/checklist/move_in/nothing`, payload: { done: true } })).statusCode).toBe(404);

    const agreement = {
      kind: 'cohabitation_agreement',
      title: 'Patto di convivenza',
      version: '2026.1',
      signedOn: '2026-03-01',
      signedBy: 'Giulia Marchi, Sara Neri',
    };
    const signed = await sw.client.post(`/api/v1/cases/${c.id}/agreements`, agreement);
    expect(signed.statusCode, signed.body).toBe(201);
    expect(signed.json().agreements).toEqual([{ ...agreement, id: expect.any(String), reference: null }]);
    expect((await sw.client.post(`/api/v1/cases/${c.id}/agreements`, agreement)).statusCode).toBe(409);

    const list = await sw.client.get('/api/v1/cases?program=youth_collab&q=marchi');
    expect(list.json().items).toEqual([
      expect.objectContaining({ id: c.id, person: { id: young.id, name: 'Marchi Giulia' }, caseManager: expect.any(String) }),
    ]);

    const closed = await sw.client.patch(`/api/v1/cases/${c.id}`, { status: 'closed', closedOn: '2026-12-31', closeReason: 'Fine del progetto' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', closedOn: '2026-12-31' });
    expect((await sw.client.patch(`/api/v1/cases/${c.id}`, { status: 'closed' })).statusCode).toBe(400);
  });

  it('another program’s staff and another ente get 404; a team member from elsewhere sees the case', async () => {
    const ente = await buildEnte(db());
    const sw = await staff(ente.id, [{ role: 'social_worker', program: 'youth_collab' }]);
    const mediator = await staff(ente.id, [{ role: 'mediator', program: 'mediation' }]);
    const person = await buildPerson(db(), { tenantId: ente.id, enrolments: [{ program: 'youth_collab' }] });
    const c = await openCase(sw.client, 'youth_collab', person.id);
    expect((await mediator.client.get(`/api/v1/cases/${c.id}`)).statusCode).toBe(404);
    expect((await mediator.client.get('/api/v1/cases')).json().items).toEqual([]);
    const elsewhere = await staff((await buildEnte(db())).id, [{ role: 'social_worker' }]);
    expect((await elsewhere.client.get(`/api/v1/cases/${c.id}`)).statusCode).toBe(404);
    expect((await elsewhere.client.get(`/api/v1/cases/${c.id}/notes`)).statusCode).toBe(404);

    expect((await sw.client.post(`/api/v1/cases/${c.id}/team`, { userId: mediator.id, role: 'other', fromOn: '2026-01-15' })).statusCode).toBe(201);
    const seen = await mediator.client.get(`/api/v1/cases/${c.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ inTeam: true, policies: { write: true, logVisit: false, readSensitive: false } });
  });
});

describe('note confidentiality, enforced on every read', () => {
  it('team / program / partner levels; special-category notes need a purpose and are audited', async () => {
    const ente = await buildEnte(db());
    const usl = await buildOrganisation(db(), { tenantId: ente.id, name: 'Azienda USL', kind: 'health_authority' });
    const sw = await staff(ente.id, [{ role: 'social_worker', program: 'cohousing' }]);
    const colleague = await staff(ente.id, [{ role: 'social_worker', program: 'cohousing' }]);
    const partner = await staff(ente.id, [{ role: 'partner_staff', program: 'cohousing' }], usl.id);
    const teamPartner = await staff(ente.id, [{ role: 'partner_staff', program: 'cohousing' }], usl.id);
    const person = await buildPerson(db(), { tenantId: ente.id, enrolments: [{ program: 'cohousing' }] });
    const c = await openCase(sw.client, 'cohousing', person.id, {
      team: [
        { userId: sw.id, role: 'case_manager' },
        { userId: teamPartner.id, role: 'partner_staff' },
      ],
    });
    for (const [confidentiality, body] of [
      ['team', 'Solo per il gruppo di lavoro'],
      ['program', 'Per gli operatori del programma'],
      ['partner', 'Condivisa con i partner'],
    ] as const) {
      expect((await sw.client.post(`/api/v1/cases/${c.id}/notes`, { confidentiality, body })).statusCode).toBe(201);
    }
    expect(
      (await sw.client.post(`/api/v1/cases/${c.id}/notes`, { confidentiality: 'team', sensitiveCategory: 'health', body: 'Terapia in corso presso il CSM' }))
        .statusCode,
    ).toBe(201);

    const bodies = async (client: Client, q = '') =>
      (await client.get(`/api/v1/cases/${c.id}/notes${q}`)).json<{ items: { body: string | null; restricted: boolean }[] }>().items.map((n) => n.body);
    expect(await bodies(partner.client)).toEqual(['Condivisa con i partner']);
    expect((await bodies(colleague.client)).sort()).toEqual(['Condivisa con i partner', 'Per gli operatori del programma']);
    // Team members read everything; the special-category note stays closed without a purpose.
    expect(await bodies(teamPartner.client)).toEqual([null, 'Condivisa con i partner', 'Per gli operatori del programma', 'Solo per il gruppo di lavoro']);
    expect(await bodies(sw.client)).toEqual([null, 'Condivisa con i partner', 'Per gli operatori del programma', 'Solo per il gruppo di lavoro']);
    // With a purpose: the social worker (registry:special:read) reads it, and the read is audited.
    expect((await bodies(sw.client, '?purpose=Verifica%20progetto'))[0]).toBe('Terapia in corso presso il CSM');
    // Partner staff lack registry:special:read: still closed, nothing audited for them.
    expect((await bodies(teamPartner.client, '?purpose=Curiosit%C3%A0'))[0]).toBeNull();
    const audits = await db()
      .selectFrom('audit_log')
      .select(['user_id', 'action', 'sensitive_category', 'purpose', 'entity_type'])
      .where('tenant_id', '=', ente.id)
      .where('action', '=', 'sensitive.read')
      .execute();
    expect(audits).toEqual([
      { user_id: sw.id, action: 'sensitive.read', sensitive_category: 'health', purpose: 'Verifica progetto', entity_type: 'case_note' },
    ]);
  });
});

describe('referrals between organisations', () => {
  it('sent, accepted, completed with an outcome; the wrong order is 409', async () => {
    const ente = await buildEnte(db());
    const comune = await buildOrganisation(db(), { tenantId: ente.id, name: 'Comune – Servizi sociali' });
    const job = await buildOrganisation(db(), { tenantId: ente.id, name: 'Centro per l’impiego', kind: 'other' });
    const sw = await staff(ente.id, [{ role: 'social_worker', program: 'youth_collab' }], comune.id);
    const person = await buildPerson(db(), { tenantId: ente.id, enrolments: [{ program: 'youth_collab' }] });
    const c = await openCase(sw.client, 'youth_collab', person.id);
    const sent = await sw.client.post(`/api/v1/cases/${c.id}/referrals`, {
      toOrganisationId: job.id,
      service: 'Orientamento al lavoro',
      reason: 'Ricerca di un tirocinio',
      referredOn: '2026-02-01',
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const r = sent.json().referrals[0];
    expect(r).toMatchObject({ fromOrganisation: comune.name, toOrganisation: job.name, status: 'sent' });
    expect((await sw.client.post(`/api/v1/cases/${c.id}/referrals/${r.id}/outcome`, { outcome: 'x', on: '2026-03-01' })).statusCode).toBe(409);
    const accepted = await sw.client.post(`/api/v1/cases/${c.id}/referrals/${r.id}/response`, { accepted: true, on: '2026-02-05' });
    expect(accepted.json().referrals[0]).toMatchObject({ status: 'accepted', respondedOn: '2026-02-05' });
    const done = await sw.client.post(`/api/v1/cases/${c.id}/referrals/${r.id}/outcome`, { outcome: 'Tirocinio avviato', on: '2026-04-01' });
    expect(done.json().referrals[0]).toMatchObject({ status: 'completed', outcome: 'Tirocinio avviato' });
  });
});

describe('Housing First visits', () => {
  it('weekly plan, visits logged, done vs planned, missed-visit alert after the delay, retention', async () => {
    const ente = await buildEnte(db());
    const hf = await staff(ente.id, [{ role: 'housing_first_team', program: 'housing_first' }]);
    const unit = await buildUnit(db(), { tenantId: ente.id });
    const person = await buildPerson(db(), { tenantId: ente.id, givenName: 'Piero', familyName: 'Lenci', enrolments: [{ program: 'housing_first' }] });
    const c = await openCase(hf.client, 'housing_first', person.id, { team: [{ userId: hf.id, role: 'case_manager' }] });
    const placed = await hf.client.request({ method: 'PUT', url: `/api/v1/cases/${c.id}/housing-first`, payload: { unitId: unit.id, housedOn: '2026-02-01' } });
    expect(placed.statusCode, placed.body).toBe(200);
    expect(placed.json().placement).toMatchObject({ unitId: unit.id, housedOn: '2026-02-01', monthlyRentCents: null });

    // Tuesdays 10:00–12:00 from 3 Nov 2026; the clock is Monday 23 Nov 2026, 10:00 in Rome.
    const plan = await hf.client.post(`/api/v1/cases/${c.id}/visit-plans`, {
      weekday: 2,
      windowStart: '10:00',
      windowEnd: '12:00',
      professionalId: hf.id,
      validFrom: '2026-11-03',
    });
    expect(plan.statusCode, plan.body).toBe(201);
    const logDone = await hf.client.post(`/api/v1/cases/${c.id}/visits`, {
      slotOn: '2026-11-03',
      status: 'done',
      occurredOn: '2026-11-03',
      observations: { home: { score: 4 }, psycho: { score: 3, note: 'Più sereno' } },
      notes: 'Casa in ordine',
    });
    expect(logDone.statusCode, logDone.body).toBe(201);
    expect((await hf.client.post(`/api/v1/cases/${c.id}/visits`, { slotOn: '2026-11-10', status: 'missed', occurredOn: '2026-11-10' })).statusCode).toBe(400);
    await hf.client.post(`/api/v1/cases/${c.id}/visits`, { slotOn: '2026-11-10', status: 'missed', occurredOn: '2026-11-10', reason: 'Non in casa' });

    const board = (await hf.client.get(`/api/v1/cases/${c.id}/visits?from=2026-11-01`)).json();
    expect(board.slots.map((s: { day: string; state: string }) => [s.day, s.state])).toEqual([
      ['2026-11-03', 'done'],
      ['2026-11-10', 'missed'],
      ['2026-11-17', 'overdue'],
      ['2026-11-24', 'upcoming'],
    ]);
    expect(board.thisWeek).toEqual({ planned: 1, done: 0, missed: 0, overdue: 0, pending: 1, extra: 0 });
    expect(board.alerts.map((a: { day: string; kind: string; level: string }) => [a.day, a.kind, a.level])).toEqual([
      ['2026-11-17', 'not_logged', 'escalation'],
    ]);

    // This week's visit: no alert at 13:00 the next day (delay 48 h), an alert once the delay has passed.
    // Sessions expire when idle: sign in again after each move of the clock.
    const at = async (instant: string) => {
      t.clock.set(instant);
      return loginAs(t.app, hf.client.user);
    };
    let phone = await at('2026-11-25T12:00:00Z');
    let dash = (await phone.get('/api/v1/housing-first/dashboard')).json();
    expect(dash.thisWeek).toMatchObject({ planned: 1, done: 0, pending: 1 });
    expect(dash.alerts.some((a: { day: string }) => a.day === '2026-11-24')).toBe(false);
    phone = await at('2026-11-26T11:00:01Z');
    dash = (await phone.get('/api/v1/housing-first/dashboard')).json();
    expect(dash.alerts.find((a: { day: string }) => a.day === '2026-11-24')).toMatchObject({ person: 'Lenci Piero', kind: 'not_logged' });
    expect(dash.caseload).toEqual([expect.objectContaining({ professionalId: hf.id, participants: 1 })]);
    // A shorter configured delay alerts earlier.
    phone = await at('2026-11-24T12:30:00Z');
    const early = (await phone.get('/api/v1/housing-first/dashboard?alertDelayHours=1')).json();
    expect(early.alerts.some((a: { day: string }) => a.day === '2026-11-24')).toBe(true);

    // Logging the visit from the phone clears it and counts it as done this week.
    const done = (await phone.post(`/api/v1/cases/${c.id}/visits`, { slotOn: '2026-11-24', status: 'done', occurredOn: '2026-11-24' })).json();
    expect(done.thisWeek).toMatchObject({ planned: 1, done: 1 });
    expect(done.alerts.some((a: { day: string }) => a.day === '2026-11-24')).toBe(false);
    dash = (await phone.get('/api/v1/housing-first/dashboard')).json();
    expect(dash.retention).toEqual([
      { months: 6, eligible: 1, retained: 1, rateBp: 10_000 },
      { months: 12, eligible: 0, retained: 0, rateBp: null },
    ]);
    t.clock.set('2026-11-23T09:00:00Z');

    // A youth case is not a Housing First case.
    const sw = await staff(ente.id, [{ role: 'social_worker', program: 'youth_collab' }]);
    const young = await buildPerson(db(), { tenantId: ente.id, enrolments: [{ program: 'youth_collab' }] });
    const yc = await openCase(sw.client, 'youth_collab', young.id);
    expect((await sw.client.get(`/api/v1/cases/${yc.id}/visits`)).statusCode).toBe(409);
  });
});

describe('the missed-visit job', () => {
  it('notifies the team lead once per unlogged visit after the delay, and escalates repeated misses to the case manager too', async () => {
    const ente = await buildEnte(db());
    const manager = await staff(ente.id, [{ role: 'housing_first_team', program: 'housing_first' }]);
    const lead = await buildUser(db(), { tenantId: ente.id, roles: [{ role: 'housing_first_team', program: 'housing_first' }] });
    const person = await buildPerson(db(), { tenantId: ente.id, givenName: 'Aldo', familyName: 'Rossi', enrolments: [{ program: 'housing_first' }] });
    const c = await openCase(manager.client, 'housing_first', person.id, {
      team: [
        { userId: manager.id, role: 'case_manager' },
        { userId: lead.id, role: 'team_lead' },
      ],
    });
    // Mondays 09:00–10:00 from 9 Nov 2026; 16 Nov is logged as missed, 23 Nov (today) is not logged yet.
    await manager.client.post(`/api/v1/cases/${c.id}/visit-plans`, {
      weekday: 1,
      windowStart: '09:00',
      windowEnd: '10:00',
      professionalId: manager.id,
      validFrom: '2026-11-09',
    });
    await manager.client.post(`/api/v1/cases/${c.id}/visits`, { slotOn: '2026-11-09', status: 'done', occurredOn: '2026-11-09' });
    await manager.client.post(`/api/v1/cases/${c.id}/visits`, { slotOn: '2026-11-16', status: 'missed', occurredOn: '2026-11-16', reason: 'Non in casa' });
    const notifications = () =>
      db().selectFrom('notification').select(['user_id', 'event', 'params', 'link']).where('tenant_id', '=', ente.id).orderBy('user_id').execute();
    const run = async (instant: string) => {
      t.clock.set(instant);
      const c2 = await loginAs(t.app, manager.client.user);
      const res = await c2.post('/api/v1/housing-first/missed-visits/check');
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ alerts: number; notified: number }>();
    };
    // 23 Nov, window ends 09:00 UTC; 48 h later is 25 Nov 09:00 UTC.
    expect(await run('2026-11-25T08:59:00Z')).toEqual({ alerts: 0, notified: 0 });
    expect(await notifications()).toEqual([]);
    // After the delay: the second miss in a row is an escalation → team lead and case manager.
    expect(await run('2026-11-25T09:01:00Z')).toEqual({ alerts: 1, notified: 2 });
    const sent = await notifications();
    expect(sent.map((n) => n.user_id).sort()).toEqual([lead.id, manager.id].sort());
    expect(sent[0]).toMatchObject({ event: 'visit.missed', params: { date: '23/11/2026', person: 'Aldo Rossi' }, link: `/cases/${c.id}/visits` });
    // Running again sends nothing new.
    expect(await run('2026-11-25T10:00:00Z')).toEqual({ alerts: 1, notified: 0 });
    // Only Housing First staff may run it.
    const sw = await staff(ente.id, [{ role: 'social_worker', program: 'youth_collab' }]);
    expect((await sw.client.post('/api/v1/housing-first/missed-visits/check')).statusCode).toBe(403);
    t.clock.set('2026-11-23T09:00:00Z');
  });
});

describe('work paths', () => {
  it('a borsa lavoro at a centro polifunzionale: attendance, payment due, outcome', async () => {
    const ente = await buildEnte(db());
    const sw = await staff(ente.id, [{ role: 'social_worker', program: 'youth_collab' }]);
    const person = await buildPerson(db(), { tenantId: ente.id, enrolments: [{ program: 'youth_collab' }] });
    const c = await openCase(sw.client, 'youth_collab', person.id);
    const centre = await sw.client.post('/api/v1/work/centres', {
      name: 'Spazio civico San Vito',
      kind: 'centro_polifunzionale',
      address: 'via Giorgini, Lucca',
      services: ['biblioteca', 'sportello mediazione'],
    });
    expect(centre.statusCode, centre.body).toBe(201);
    const path = await sw.client.post(`/api/v1/cases/${c.id}/work-paths`, {
      kind: 'work_grant',
      centreId: centre.json().id,
      title: 'Borsa lavoro biblioteca',
      hoursPerMonth: 60,
      monthlyGrantCents: 40_000,
      startedOn: '2026-09-01',
      endsOn: '2027-03-01',
    });
    expect(path.statusCode, path.body).toBe(201);
    const id = path.json().id;
    await sw.client.request({ method: 'PUT', url: `/api/v1/work-paths/${id}/attendance`, payload: { month: '2026-09', hoursAttended: 60 } });
    const att = await sw.client.request({ method: 'PUT', url: `/api/v1/work-paths/${id}/attendance`, payload: { month: '2026-10', hoursAttended: 45 } });
    expect(att.json()).toMatchObject({
      attendance: [
        { month: '2026-09', hoursAttended: 60, grantDueCents: 40_000 },
        { month: '2026-10', hoursAttended: 45, grantDueCents: 30_000 },
      ],
      grantDueTotalCents: 70_000,
    });
    expect(
      (await sw.client.request({ method: 'PUT', url: `/api/v1/work-paths/${id}/attendance`, payload: { month: '2027-05', hoursAttended: 4 } })).statusCode,
    ).toBe(400);
    const outcome = await sw.client.patch(`/api/v1/work-paths/${id}`, {
      status: 'completed',
      outcome: 'employment_contract',
      outcomeNote: 'Assunta part-time',
    });
    expect(outcome.json()).toMatchObject({ status: 'completed', outcome: 'employment_contract' });
    expect((await sw.client.get(`/api/v1/work-paths?caseId=${c.id}`)).json().items).toHaveLength(1);
    const mediator = await staff(ente.id, [{ role: 'mediator', program: 'mediation' }]);
    expect((await mediator.client.get('/api/v1/work-paths')).json().items).toEqual([]);
    expect((await mediator.client.patch(`/api/v1/work-paths/${id}`, { status: 'interrupted' })).statusCode).toBe(404);
  });
});
