import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEnte, buildOrganisation, buildPerson, buildUser } from '../../../test/factories.js';
import { buildBooking, buildLifeProject, buildSolution, projectContent } from '../../../test/factories-stays.js';
import { type Client, createTestApp, loginAs, type TestApp } from '../../../test/http.js';
import type { Program, Role } from '../../kernel/auth/permissions.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ loginRatePerMinute: 10_000 });
});
afterAll(async () => {
  await t?.close();
});

const db = () => t.database.db;
const DAY = 86_400_000;

async function as(tenantId: string, role: Role, program: Program | null = null, organisationId: string | null = null): Promise<Client> {
  return loginAs(t.app, await buildUser(db(), { tenantId, organisationId, roles: [{ role, program }] }));
}

/** An ente with two partner bodies, a respite flat run by A, an autonomy gym run by B, staff and a family. */
async function world() {
  const ente = await buildEnte(db());
  const orgA = await buildOrganisation(db(), { tenantId: ente.id, name: 'Cooperativa A', kind: 'cooperative' });
  const orgB = await buildOrganisation(db(), { tenantId: ente.id, name: 'Cooperativa B', kind: 'cooperative' });
  const respite = await buildSolution(db(), {
    tenantId: ente.id,
    kind: 'respite',
    name: 'Sollievo',
    beds: 2,
    runByOrganisationId: orgA.id,
    staffHoursPerDay: 10,
  });
  const gym = await buildSolution(db(), { tenantId: ente.id, kind: 'autonomy_gym', name: 'Palestra', beds: 1, runByOrganisationId: orgB.id });
  const dopo = [{ program: 'dopo_di_noi' as const }];
  const guest = await buildPerson(db(), { tenantId: ente.id, givenName: 'Luca', familyName: 'Guidi', enrolments: dopo });
  const other = await buildPerson(db(), { tenantId: ente.id, givenName: 'Sara', familyName: 'Pieri', enrolments: dopo });
  const op = await as(ente.id, 'housing_operator');
  const sw = await as(ente.id, 'social_worker', 'dopo_di_noi');
  const partnerA = await as(ente.id, 'partner_staff', 'dopo_di_noi', orgA.id);
  const partnerB = await as(ente.id, 'partner_staff', 'dopo_di_noi', orgB.id);
  // The mother: a citizen account, her person record, representative of Luca.
  const mumUser = await buildUser(db(), { tenantId: ente.id, roles: [{ role: 'citizen' }] });
  const mum = await buildPerson(db(), { tenantId: ente.id, givenName: 'Paola', familyName: 'Guidi', userId: mumUser.id });
  await db()
    .insertInto('person_representative')
    .values({ tenant_id: ente.id, person_id: guest.id, representative_id: mum.id, kind: 'genitore', started_on: '2020-01-01' })
    .execute();
  const family = await loginAs(t.app, mumUser);
  const strangerUser = await buildUser(db(), { tenantId: ente.id, roles: [{ role: 'citizen' }] });
  await buildPerson(db(), { tenantId: ente.id, userId: strangerUser.id });
  const stranger = await loginAs(t.app, strangerUser);
  return { ente, orgA, orgB, respite, gym, guest, other, op, sw, partnerA, partnerB, family, stranger };
}

const request = (solutionId: string, personId: string, startsOn: string, endsOn: string, o: Record<string, unknown> = {}) => ({
  solutionId,
  personId,
  startsOn,
  endsOn,
  needs: 'Terapia serale, aiuto per la doccia',
  supportHoursPerDay: 6,
  severity: 'severe',
  familyBurden: 3,
  ...o,
});

describe('housing solutions: access per role', () => {
  it('operators see the catalogue; partner staff only what their organisation runs; others are refused', async () => {
    const w = await world();
    const all = (await w.op.get('/api/v1/stays/solutions')).json();
    expect(all.items.map((s: { name: string }) => s.name).sort()).toEqual(['Palestra', 'Sollievo']);
    expect(all.items.find((s: { name: string }) => s.name === 'Sollievo').beds).toHaveLength(2);
    const a = (await w.partnerA.get('/api/v1/stays/solutions')).json();
    expect(a.items.map((s: { name: string }) => s.name)).toEqual(['Sollievo']);
    expect((await w.partnerA.get(`/api/v1/stays/solutions/${w.gym.id}`)).statusCode).toBe(404);
    expect((await w.partnerA.post('/api/v1/stays/bookings', request(w.respite.id, w.guest.id, '2026-12-01', '2026-12-05'))).statusCode).toBe(403);
    const mediator = await as(w.ente.id, 'mediator');
    expect((await mediator.get('/api/v1/stays/solutions')).statusCode).toBe(403);
    expect((await w.family.get('/api/v1/stays/solutions')).statusCode).toBe(403);
    const swYouth = await as(w.ente.id, 'social_worker', 'youth_collab');
    expect((await swYouth.get('/api/v1/stays/solutions')).json().code).toBe('stay.out_of_scope');
    // Another ente sees nothing of this one.
    const foreign = await as((await buildEnte(db())).id, 'housing_operator');
    expect((await foreign.get('/api/v1/stays/solutions')).json().items).toEqual([]);
    expect((await foreign.get(`/api/v1/stays/solutions/${w.respite.id}`)).statusCode).toBe(404);
  });

  it('an operator creates a solution on a stock unit and gets one bed per unit bed', async () => {
    const w = await world();
    const { buildUnit } = await import('../../../test/factories.js');
    const unit = await buildUnit(db(), { tenantId: w.ente.id, beds: 3 });
    const res = await w.op.post('/api/v1/stays/solutions', {
      unitId: unit.id,
      kind: 'mutual_aid',
      name: 'Casa del mutuo aiuto',
      eligibleSeverities: ['mild'],
      supportLevel: 'light',
      staffHoursPerDay: 3,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().beds.map((b: { number: number }) => b.number)).toEqual([1, 2, 3]);
    // One solution per unit.
    expect((await w.sw.post('/api/v1/stays/solutions', { ...(res.json() as object), unitId: unit.id })).json().code).toBe('resource.conflict');
  });
});

describe('short stays: requests, approval, no double booking', () => {
  it('approves on a bed; an overlapping approval on that bed is a 409 problem; the first free bed is picked otherwise', async () => {
    const w = await world();
    const [bed1, bed2] = w.respite.beds;
    const r1 = await w.sw.post('/api/v1/stays/bookings', request(w.respite.id, w.guest.id, '2026-12-01', '2026-12-08'));
    expect(r1.statusCode).toBe(201);
    expect(r1.json()).toMatchObject({ status: 'requested', requestedAs: 'social_worker', nights: 7 });
    const r2 = await w.op.post('/api/v1/stays/bookings', request(w.respite.id, w.other.id, '2026-12-05', '2026-12-10'));
    const a1 = await w.op.post(`/api/v1/stays/bookings/${r1.json().id}/approve`, { bedId: bed1?.id });
    expect(a1.statusCode).toBe(200);
    expect(a1.json()).toMatchObject({ status: 'approved', bed: { number: 1 } });
    const clash = await w.op.post(`/api/v1/stays/bookings/${r2.json().id}/approve`, { bedId: bed1?.id });
    expect(clash.statusCode).toBe(409);
    expect(clash.headers['content-type']).toContain('application/problem+json');
    expect(clash.json()).toMatchObject({ code: 'stay.bed_taken', errors: [{ field: 'bedId' }] });
    const auto = await w.op.post(`/api/v1/stays/bookings/${r2.json().id}/approve`, {});
    expect(auto.json()).toMatchObject({ status: 'approved', bed: { id: bed2?.id } });
    // Approving twice is a status conflict, not a second booking.
    expect((await w.op.post(`/api/v1/stays/bookings/${r1.json().id}/approve`, {})).json().code).toBe('stay.status_conflict');
    // Back-to-back stays on one bed are fine: the end day is exclusive.
    const r3 = await w.op.post('/api/v1/stays/bookings', request(w.respite.id, w.other.id, '2026-12-10', '2026-12-12'));
    expect((await w.op.post(`/api/v1/stays/bookings/${r3.json().id}/approve`, { bedId: bed2?.id })).statusCode).toBe(200);
    // Calendar per bed and staffing.
    const cal = (await w.partnerA.get(`/api/v1/stays/solutions/${w.respite.id}/calendar?from=2026-12-01&to=2026-12-15`)).json();
    expect(cal.beds.map((b: { bookings: unknown[] }) => b.bookings.length)).toEqual([1, 2]);
    expect(cal.beds[0].bookings[0]).toMatchObject({ guestName: 'Luca Guidi', startsOn: '2026-12-01', endsOn: '2026-12-08' });
    const staff = (await w.op.get(`/api/v1/stays/solutions/${w.respite.id}/staffing?from=2026-12-04&to=2026-12-06`)).json();
    expect(staff.days).toEqual([
      { day: '2026-12-04', guests: 1, neededHours: 6, plannedHours: 10, balanceHours: 4, status: 'ok' },
      { day: '2026-12-05', guests: 2, neededHours: 12, plannedHours: 10, balanceHours: -2, status: 'short' },
    ]);
    const planned = await w.op.request({
      method: 'PUT',
      url: `/api/v1/stays/solutions/${w.respite.id}/staff-plan`,
      payload: { from: '2026-12-05', to: '2026-12-06', hours: 14 },
    });
    expect(planned.json().days[0]).toMatchObject({ plannedHours: 14, status: 'ok' });
  });

  it('refuses requests the solution cannot take', async () => {
    const w = await world();
    const mild = await w.op.post('/api/v1/stays/bookings', request(w.respite.id, w.guest.id, '2026-12-01', '2026-12-03', { severity: 'mild' }));
    expect(mild.json().code).toBe('stay.not_eligible');
    const long = await w.op.post('/api/v1/stays/bookings', request(w.respite.id, w.guest.id, '2026-12-01', '2027-02-01'));
    expect(long.json().code).toBe('stay.too_long');
    const past = await w.op.post('/api/v1/stays/bookings', request(w.respite.id, w.guest.id, '2026-11-01', '2026-11-03'));
    expect(past.json().code).toBe('stay.in_the_past');
    const order = await w.op.post('/api/v1/stays/bookings', request(w.respite.id, w.guest.id, '2026-12-03', '2026-12-01'));
    expect(order.statusCode).toBe(400);
    const notEnrolled = await buildPerson(db(), { tenantId: w.ente.id });
    expect((await w.op.post('/api/v1/stays/bookings', request(w.respite.id, notEnrolled.id, '2026-12-01', '2026-12-03'))).json().code).toBe(
      'stay.person_not_enrolled',
    );
  });

  it('100 concurrent approvals of overlapping stays on one bed: exactly one succeeds, the others get 409', async () => {
    const w = await world();
    const bed = w.gym.beds[0]?.id as string;
    const ids: string[] = [];
    for (let i = 0; i < 100; i += 1) {
      const p = await buildPerson(db(), { tenantId: w.ente.id, enrolments: [{ program: 'dopo_di_noi' }] });
      const day = 1 + (i % 10);
      const { id } = await buildBooking(db(), {
        tenantId: w.ente.id,
        solutionId: w.gym.id,
        personId: p.id,
        startsOn: `2027-01-${String(day).padStart(2, '0')}`,
        endsOn: `2027-01-${String(day + 10).padStart(2, '0')}`,
      });
      ids.push(id);
    }
    const results = await Promise.all(ids.map((id) => w.op.post(`/api/v1/stays/bookings/${id}/approve`, { bedId: bed })));
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(99);
    expect(results.filter((r) => r.statusCode === 409).every((r) => r.json().code === 'stay.bed_taken')).toBe(true);
    const held = await db().selectFrom('stay_booking').select('id').where('bed_id', '=', bed).where('status', '=', 'approved').execute();
    expect(held).toHaveLength(1);
    // 100 people and bookings built, then 100 parallel requests: generous on a busy 2-core machine.
  }, 120_000);
});

describe('waiting list and cancellation', () => {
  it('ranks by the priority rule with explanations; a cancellation offers the freed bed to the first suitable request', { timeout: 120_000 }, async () => {
    const w = await world();
    const bed = w.gym.beds[0]?.id as string;
    const mk = async (o: { burden: number; start: string; end: string; created: string; name: string }) => {
      const p = await buildPerson(db(), { tenantId: w.ente.id, givenName: o.name, familyName: 'W', enrolments: [{ program: 'dopo_di_noi' }] });
      return (
        await buildBooking(db(), {
          tenantId: w.ente.id,
          solutionId: w.gym.id,
          personId: p.id,
          startsOn: o.start,
          endsOn: o.end,
          status: 'waitlisted',
          familyBurden: o.burden,
          createdAt: o.created,
        })
      ).id;
    };
    const holder = await buildBooking(db(), {
      tenantId: w.ente.id,
      solutionId: w.gym.id,
      personId: w.other.id,
      startsOn: '2027-02-01',
      endsOn: '2027-02-15',
      status: 'approved',
      bedId: bed,
    });
    // Highest priority, but its period runs past the freed one into another booking: unsuitable.
    const tooLong = await mk({ burden: 5, start: '2027-02-02', end: '2027-03-10', created: '2026-10-01', name: 'Alba' });
    await buildBooking(db(), {
      tenantId: w.ente.id,
      solutionId: w.gym.id,
      personId: w.guest.id,
      startsOn: '2027-03-01',
      endsOn: '2027-03-05',
      status: 'approved',
      bedId: bed,
    });
    const fits = await mk({ burden: 3, start: '2027-02-03', end: '2027-02-10', created: '2026-11-01', name: 'Bruno' });
    const lower = await mk({ burden: 1, start: '2027-02-03', end: '2027-02-10', created: '2026-11-20', name: 'Carla' });
    const list = (await w.partnerB.get(`/api/v1/stays/waiting-list?solutionId=${w.gym.id}`)).json();
    expect(list.items.map((i: { id: string }) => i.id)).toEqual([tooLong, fits, lower]);
    expect(list.items[0].priority).toMatchObject({ score: expect.any(Number) });
    expect(list.items[0].priority.lines[0]).toMatchObject({ code: 'family_burden', points: 50, text: 'Carico familiare 5/5: 50 punti' });
    expect((await w.partnerA.get(`/api/v1/stays/waiting-list?solutionId=${w.gym.id}`)).json().items).toEqual([]);

    const res = await w.op.post(`/api/v1/stays/bookings/${holder.id}/cancel`, { note: 'Ricovero ospedaliero' });
    expect(res.statusCode).toBe(200);
    expect(res.json().booking.status).toBe('cancelled');
    expect(res.json().offeredTo).toMatchObject({ id: fits, status: 'offered', bed: { id: bed } });
    // The offer holds the bed: nobody else can take it; the operator confirms it.
    expect((await w.op.post(`/api/v1/stays/bookings/${lower}/approve`, { bedId: bed })).json().code).toBe('stay.bed_taken');
    expect((await w.op.post(`/api/v1/stays/bookings/${fits}/approve`, {})).json()).toMatchObject({ status: 'approved', bed: { id: bed } });
    const audits = await db().selectFrom('audit_log').select('action').where('tenant_id', '=', w.ente.id).where('entity_id', '=', fits).execute();
    expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(['stay.offered', 'stay.approved']));
  });
});

describe('life projects', () => {
  it('draft → team approval → review; versions kept; overdue alert by the clock; every content read audited', async () => {
    const w = await world();
    const content = projectContent();
    const created = await w.sw.post('/api/v1/stays/projects', { personId: w.guest.id, content });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect(created.json()).toMatchObject({ stage: 'draft', version: 1 });
    expect((await w.sw.post('/api/v1/stays/projects', { personId: w.guest.id, content })).json().code).toBe('stay.project_exists');
    expect((await w.op.post('/api/v1/stays/projects', { personId: w.other.id, content })).statusCode).toBe(403);
    const approved = await w.sw.post(`/api/v1/stays/projects/${id}/approve`, { team: ['Bianchi', 'Neri'], nextReviewOn: '2027-01-15' });
    expect(approved.json()).toMatchObject({ stage: 'approved', nextReviewOn: '2027-01-15', overdueDays: 0 });
    // Editing an approved version opens version 2; version 1 is kept unchanged.
    const edited = { ...content, wishes: 'Voglio anche imparare a nuotare.' };
    const v2 = await w.sw.request({ method: 'PUT', url: `/api/v1/stays/projects/${id}/draft`, payload: { content: edited } });
    expect(v2.json()).toMatchObject({ version: 2, stage: 'revising' });
    const v1 = (await w.op.get(`/api/v1/stays/projects/${id}/versions/1?purpose=verifica`)).json();
    expect(v1.content.wishes).toBe(content.wishes);
    // Overdue: move the clock past the review date.
    t.clock.set('2027-01-20T09:00:00Z');
    try {
      // Sessions expire over two months: sign in again.
      const op = await loginAs(t.app, w.op.user);
      const sw = await loginAs(t.app, w.sw.user);
      const overdue = (await op.get('/api/v1/stays/projects?overdue=true')).json();
      expect(overdue.items).toEqual([expect.objectContaining({ id, overdueDays: 5 })]);
      const goal = content.goals[0]?.id;
      const review = await sw.post(`/api/v1/stays/projects/${id}/reviews`, {
        heldOn: '2027-01-19',
        progress: [{ goalId: goal, score: 3, note: 'Prepara la colazione da solo' }],
        nextReviewOn: '2027-04-19',
      });
      expect(review.statusCode).toBe(201);
      expect(review.json()).toMatchObject({ overdueDays: 0, lastReviewOn: '2027-01-19', reviews: [{ version: 1 }] });
      expect((await op.get('/api/v1/stays/projects?overdue=true')).json().items).toEqual([]);
      const bad = await sw.post(`/api/v1/stays/projects/${id}/reviews`, {
        heldOn: '2027-01-19',
        progress: [{ goalId: '00000000-0000-4000-8000-000000000000', score: 1, note: '' }],
        nextReviewOn: '2027-04-19',
      });
      expect(bad.json()).toMatchObject({ code: 'stay.goal_unknown', errors: [{ field: 'progress.0.goalId' }] });
    } finally {
      t.clock.set('2026-11-23T09:00:00Z');
    }
    // Reading the content needs a purpose, and each read is in the audit log.
    // Without a purpose: stage, dates and versions only; nothing audited.
    expect((await w.op.get(`/api/v1/stays/projects/${id}`)).json()).toMatchObject({ restricted: true, content: null, reviews: [], comments: [] });
    expect((await w.op.get(`/api/v1/stays/projects/${id}?purpose=preparazione%20UVM`)).json().versions).toHaveLength(2);
    const reads = await db()
      .selectFrom('audit_log')
      .select(['purpose', 'sensitive_category'])
      .where('tenant_id', '=', w.ente.id)
      .where('action', '=', 'sensitive.read')
      .where('entity_id', '=', id)
      .execute();
    expect(reads).toEqual(
      expect.arrayContaining([
        { purpose: 'verifica', sensitive_category: 'disability' },
        { purpose: 'preparazione UVM', sensitive_category: 'disability' },
      ]),
    );
  });

  it('partner staff read only the projects of people staying in the solutions they run', async () => {
    const w = await world();
    const { id } = await buildLifeProject(db(), { tenantId: w.ente.id, personId: w.guest.id });
    expect((await w.partnerA.get(`/api/v1/stays/projects/${id}?purpose=x`)).statusCode).toBe(404);
    await buildBooking(db(), {
      tenantId: w.ente.id,
      solutionId: w.respite.id,
      personId: w.guest.id,
      startsOn: '2026-12-01',
      endsOn: '2026-12-05',
      status: 'approved',
      bedId: w.respite.beds[0]?.id,
    });
    expect((await w.partnerA.get(`/api/v1/stays/projects/${id}?purpose=accoglienza`)).statusCode).toBe(200);
    expect((await w.partnerB.get(`/api/v1/stays/projects/${id}?purpose=x`)).statusCode).toBe(404);
    expect((await w.partnerB.get('/api/v1/stays/projects')).json().items).toEqual([]);
    const mediator = await as(w.ente.id, 'mediator');
    expect((await mediator.get('/api/v1/stays/projects')).statusCode).toBe(403);
    expect((await w.family.get('/api/v1/stays/projects')).statusCode).toBe(403);
  });
});

describe('the family', () => {
  it('sees only their relative, requests a respite stay, reads the easy-to-read project, comments and acknowledges', async () => {
    const w = await world();
    const { id: projectId, goalIds } = await buildLifeProject(db(), {
      tenantId: w.ente.id,
      personId: w.guest.id,
      reviews: [{ heldOn: '2026-06-01', scores: [4, 2, 0], nextReviewOn: '2026-12-01' }],
    });
    await buildLifeProject(db(), { tenantId: w.ente.id, personId: w.other.id });
    const me = (await w.family.get('/api/v1/me/stays')).json();
    expect(me.relatives).toEqual([
      expect.objectContaining({ relation: 'self', hasProject: false }),
      { personId: w.guest.id, name: 'Luca Guidi', relation: 'genitore', hasProject: true },
    ]);
    expect(me.solutions.map((s: { kind: string }) => s.kind).sort()).toEqual(['autonomy_gym', 'respite']);

    const req = await w.family.post('/api/v1/me/stays/bookings', {
      solutionId: w.respite.id,
      personId: w.guest.id,
      startsOn: '2026-12-20',
      endsOn: '2026-12-27',
      needs: 'Sollievo per le feste',
    });
    expect(req.statusCode).toBe(201);
    // Severity, hours and burden come from the project's assessment.
    expect(req.json()).toMatchObject({ status: 'requested', requestedAs: 'family', severity: 'severe', supportHoursPerDay: 6, familyBurden: 3 });
    expect(
      (
        await w.family.post('/api/v1/me/stays/bookings', {
          solutionId: w.respite.id,
          personId: w.other.id,
          startsOn: '2026-12-20',
          endsOn: '2026-12-27',
          needs: 'x',
        })
      ).statusCode,
    ).toBe(404);
    expect((await w.family.get('/api/v1/me/stays/bookings')).json().items).toHaveLength(1);
    expect((await w.stranger.get('/api/v1/me/stays/bookings')).json().items).toEqual([]);

    const easy = await w.family.get(`/api/v1/me/stays/projects/${w.guest.id}`);
    expect(easy.statusCode).toBe(200);
    expect(easy.json()).toMatchObject({ personName: 'Luca Guidi', acknowledged: false, nextMeetingOn: '2027-03-01' });
    expect(easy.json().goals[0]).toMatchObject({ id: goalIds[0], domain: 'autonomy', progress: 'achieved', helpers: ['Educatrice Conti'] });
    expect(easy.json().goals[0].text).toBe('Imparo a preparare la colazione e la cena da solo.');
    expect((await w.family.get(`/api/v1/me/stays/projects/${w.other.id}`)).statusCode).toBe(404);
    expect((await w.stranger.get(`/api/v1/me/stays/projects/${w.guest.id}`)).statusCode).toBe(404);

    expect((await w.family.post(`/api/v1/me/stays/projects/${w.guest.id}/comments`, { body: 'Luca è contento della cucina.' })).statusCode).toBe(201);
    const ack = await w.family.post(`/api/v1/me/stays/projects/${w.guest.id}/acknowledge`);
    expect(ack.json()).toMatchObject({ acknowledged: true, comments: [{ authorKind: 'family', body: 'Luca è contento della cucina.' }] });
    const audit = await db()
      .selectFrom('audit_log')
      .select(['action', 'purpose'])
      .where('tenant_id', '=', w.ente.id)
      .where('entity_id', '=', projectId)
      .execute();
    expect(audit).toEqual(
      expect.arrayContaining([{ action: 'sensitive.read', purpose: 'family_access' }, expect.objectContaining({ action: 'life_project.acknowledged' })]),
    );
    // Staff cannot use the family routes.
    expect((await w.op.get('/api/v1/me/stays')).statusCode).toBe(403);
    // The family withdraws the request before it starts.
    const wd = await w.family.post(`/api/v1/me/stays/bookings/${req.json().id}/withdraw`);
    expect(wd.json().status).toBe('withdrawn');
  });

  it('a draft project is never shown to the family', async () => {
    const w = await world();
    await buildLifeProject(db(), { tenantId: w.ente.id, personId: w.guest.id, stage: 'draft' });
    expect((await w.family.get(`/api/v1/me/stays/projects/${w.guest.id}`)).json().code).toBe('stay.project_not_approved');
  });
});

describe('mutual aid', () => {
  it('pairs residents and helpers by hand; the same pair never overlaps', async () => {
    const w = await world();
    const flat = await buildSolution(db(), { tenantId: w.ente.id, kind: 'mutual_aid', name: 'Mutuo aiuto', beds: 3 });
    const helper = await buildPerson(db(), { tenantId: w.ente.id, givenName: 'Marco', familyName: 'Studente' });
    const body = { residentId: w.guest.id, helperId: helper.id, hoursPerWeek: 6, tasks: 'Spesa e cena insieme', startsOn: '2026-10-01', endsOn: null };
    const res = await w.op.post(`/api/v1/stays/solutions/${flat.id}/pairings`, body);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ residentName: 'Luca Guidi', helperName: 'Marco Studente', hoursPerWeek: 6 });
    expect((await w.op.post(`/api/v1/stays/solutions/${flat.id}/pairings`, { ...body, startsOn: '2026-12-01' })).statusCode).toBe(409);
    expect((await w.op.post(`/api/v1/stays/solutions/${w.respite.id}/pairings`, body)).json().code).toBe('stay.not_mutual_aid');
    expect((await w.op.get(`/api/v1/stays/solutions/${flat.id}/pairings`)).json().items).toHaveLength(1);
    expect((await w.op.get('/api/v1/stays/solutions')).json().items.find((s: { id: string }) => s.id === flat.id).guestsToday).toBe(1);
    // Suggested pairings from the matching engine: the best overall assignment, explained.
    const anna = await buildPerson(db(), { tenantId: w.ente.id, givenName: 'Anna', familyName: 'Studentessa' });
    const sug = await w.op.post(`/api/v1/stays/solutions/${flat.id}/pairings/suggest`, {
      residents: [
        { personId: w.guest.id, hoursPerWeek: 4, tasks: ['spesa', 'cena'] },
        { personId: w.other.id, hoursPerWeek: 2, tasks: ['bollette'] },
      ],
      helpers: [
        { personId: helper.id, hoursPerWeek: 6, tasks: ['Spesa', 'cena', 'bollette'] },
        { personId: anna.id, hoursPerWeek: 2, tasks: ['spesa'] },
      ],
    });
    expect(sug.statusCode).toBe(200);
    // Marco alone would fit Luca best (60), but Anna + Marco (30 + 40 = 70) beats Marco + nobody.
    expect(sug.json().pairs.map((p: { residentName: string; helperName: string; weight: number }) => [p.residentName, p.helperName, p.weight])).toEqual([
      ['Luca Guidi', 'Anna Studentessa', 30],
      ['Sara Pieri', 'Marco Studente', 40],
    ]);
    expect((await w.partnerA.post(`/api/v1/stays/solutions/${flat.id}/pairings/suggest`, {})).statusCode).toBe(403);
  });
});

void DAY;
