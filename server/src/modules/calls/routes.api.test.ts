import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildEnte, buildPerson, buildUser, type UserSpec } from '../../../test/factories.js';
import { type Client, createTestApp, loginAs, type TestApp } from '../../../test/http.js';
import { runInTenant } from '../../kernel/db/tenant.js';
import { nextProtocolNumber } from './repo.js';
import { rankedApplicants } from './service.js';

let t: TestApp;
beforeAll(async () => {
  // Many citizens sign in within a minute, and the clock jumps weeks ahead with sessions open.
  t = await createTestApp({ loginRatePerMinute: 10_000, sessionTtlHours: 24 * 400, sessionIdleMinutes: 60 * 24 * 400 });
});
afterAll(async () => {
  await t?.close();
});
beforeEach(() => {
  t.clock.set('2026-11-23T09:00:00Z');
});

// The test clock starts at 2026-11-23T09:00:00Z.
const OPENS = '2026-11-20T09:00:00+01:00';
const CLOSES = '2026-12-20T12:00:00+01:00';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n').toString('base64');

async function setting() {
  const ente = await buildEnte(t.database.db);
  const as = async (roles: UserSpec['roles']) => loginAs(t.app, await buildUser(t.database.db, { tenantId: ente.id, roles }));
  const citizen = async (o: { givenName?: string; familyName?: string; birthDate?: string; codiceFiscale?: string } = {}) => {
    const user = await buildUser(t.database.db, { tenantId: ente.id, roles: [{ role: 'citizen' }] });
    await buildPerson(t.database.db, { tenantId: ente.id, userId: user.id, birthDate: '1998-04-10', ...o });
    return loginAs(t.app, user);
  };
  return { ente, as, citizen };
}

async function openYouthCall(op: Client, extra: Record<string, unknown> = {}) {
  const res = await op.post('/api/v1/calls', {
    program: 'youth_collab',
    title: { it: 'Abitare collaborativo giovani 2026', en: 'Young collaborative housing 2026' },
    opensAt: OPENS,
    closesAt: CLOSES,
    places: 20,
    preset: 'youth_collab',
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  expect((await op.post(`/api/v1/calls/${id}/publish`)).statusCode).toBe(200);
  return id;
}

const youthDeclared = {
  'household.isee': 8000,
  'household.ownsAdequateProperty': false,
  'applicant.vulnerability': true,
  'applicant.participatoryPath': true,
};

/** A citizen's application: draft, declarations, required documents, submitted. */
async function apply(c: Client, callId: string, declared: Record<string, unknown> = youthDeclared) {
  const draft = await c.post('/api/v1/me/applications', { callId });
  expect(draft.statusCode, draft.body).toBe(201);
  return complete(c, draft.json().id as string, declared);
}

async function complete(c: Client, id: string, declared: Record<string, unknown> = youthDeclared) {
  expect((await c.patch(`/api/v1/me/applications/${id}`, { declared })).statusCode).toBe(200);
  for (const kind of ['identity', 'isee', 'motivation_letter']) {
    const up = await c.post(`/api/v1/me/applications/${id}/documents`, { kind, fileName: `${kind}.pdf`, contentBase64: PDF });
    expect(up.statusCode, up.body).toBe(201);
  }
  const sub = await c.post(`/api/v1/me/applications/${id}/submit`);
  expect(sub.statusCode, sub.body).toBe(200);
  return sub.json() as { id: string; protocol: string; evaluation: { score: number } };
}

describe('calls and rules', () => {
  it('an operator creates a call from a preset; bad rules answer 400 with the path of each mistake; rules freeze at publication', async () => {
    const s = await setting();
    const op = await s.as([{ role: 'housing_operator' }]);
    const presets = (await op.get('/api/v1/calls/presets')).json().items;
    expect(presets.map((p: { code: string }) => p.code)).toEqual(['erp_toscana', 'youth_collab', 'dopo_di_noi']);
    const erpRules = presets[0].rules;
    const bad = await op.request({
      method: 'POST',
      url: '/api/v1/calls',
      headers: { 'accept-language': 'en' },
      payload: {
        program: 'erp',
        title: { it: 'Bando ERP', en: 'ERP call' },
        opensAt: OPENS,
        closesAt: CLOSES,
        rules: { ...erpRules, criteria: [{ ...erpRules.criteria[0], group: 'zz', when: { fact: 'household.isee', op: 'lte', value: 'high' } }] },
      },
    });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().errors.map((e: { field: string; message: string }) => `${e.field}: ${e.message}`);
    expect(fields).toContain('rules.criteria.0.group: Unknown group of criteria.');
    expect(fields).toContain('rules.criteria.0.when: The value does not match the kind of this fact.');

    const created = await op.post('/api/v1/calls', {
      program: 'erp',
      title: { it: 'Bando ERP 2026', en: 'ERP call 2026' },
      opensAt: OPENS,
      closesAt: CLOSES,
      rules: erpRules,
    });
    expect(created.statusCode).toBe(201);
    const call = created.json();
    expect(call).toMatchObject({ status: 'draft', phase: 'draft', rulesVersion: 1, rulesFrozen: false });
    expect(call.facts.map((f: { name: string }) => f.name)).toContain('household.isee');
    const edited = await op.patch(`/api/v1/calls/${call.id}`, { rules: { ...erpRules, groups: erpRules.groups.map((g: object) => ({ ...g, cap: 8 })) } });
    expect(edited.json().rulesVersion).toBe(2);
    const published = await op.post(`/api/v1/calls/${call.id}/publish`);
    expect(published.json()).toMatchObject({ status: 'published', phase: 'open', rulesFrozen: true });
    const frozen = await op.patch(`/api/v1/calls/${call.id}`, { rules: erpRules });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().code).toBe('calls.rules_frozen');
  });

  it('program scoping: partner staff see only calls of their programs; citizens only published ones; other enti nothing', async () => {
    const s = await setting();
    const op = await s.as([{ role: 'housing_operator' }]);
    const youth = await openYouthCall(op);
    const draft = (
      await op.post('/api/v1/calls', {
        program: 'dopo_di_noi',
        title: { it: 'Dopo di Noi', en: 'Dopo di Noi' },
        opensAt: OPENS,
        closesAt: CLOSES,
        preset: 'dopo_di_noi',
      })
    ).json().id;
    const usl = await s.as([{ role: 'partner_staff', program: 'dopo_di_noi' }]);
    expect((await usl.get('/api/v1/calls')).json().items.map((c: { id: string }) => c.id)).toEqual([draft]);
    expect((await usl.get(`/api/v1/calls/${youth}`)).statusCode).toBe(404);
    expect((await usl.get(`/api/v1/calls/${youth}/applications`)).statusCode).toBe(404);
    expect(
      (
        await usl.post('/api/v1/calls', {
          program: 'dopo_di_noi',
          title: { it: 'x x x', en: 'x x x' },
          opensAt: OPENS,
          closesAt: CLOSES,
          preset: 'dopo_di_noi',
        })
      ).statusCode,
    ).toBe(403);
    const scopedOp = await s.as([{ role: 'housing_operator', program: 'erp' }]);
    expect((await scopedOp.post(`/api/v1/calls/${youth}/publish`)).statusCode).toBe(404);
    const citizen = await s.citizen();
    expect((await citizen.get('/api/v1/calls')).json().items.map((c: { id: string }) => c.id)).toEqual([youth]);
    expect((await citizen.get(`/api/v1/calls/${draft}`)).statusCode).toBe(404);
    expect((await citizen.get(`/api/v1/calls/${youth}/applications`)).statusCode).toBe(403);
    const landlord = await s.as([{ role: 'landlord' }]);
    expect((await landlord.get('/api/v1/calls')).statusCode).toBe(403);
    const other = await setting();
    const otherOp = await other.as([{ role: 'housing_operator' }]);
    expect((await otherOp.get(`/api/v1/calls/${youth}`)).statusCode).toBe(404);
    expect((await otherOp.get('/api/v1/calls')).json().items).toEqual([]);
  });
});

describe('online applications', () => {
  it('draft → declarations → documents (type sniffed) → submit with protocol and receipt; closed calls refuse with problem+json', async () => {
    const s = await setting();
    const op = await s.as([{ role: 'housing_operator' }]);
    const callId = await openYouthCall(op);
    const c = await s.citizen({ givenName: 'Giulia', familyName: 'Lenzi' });
    const draft = (await c.post('/api/v1/me/applications', { callId })).json();
    expect(draft).toMatchObject({
      status: 'draft',
      protocol: null,
      editable: true,
      applicant: { givenName: 'Giulia', familyName: 'Lenzi', birthDate: '1998-04-10' },
    });
    expect((await c.post('/api/v1/me/applications', { callId })).json().code).toBe('calls.application_exists');
    // Declarations are checked against the catalogue: unknown, derived or office-assessed facts are refused.
    const badDecl = await c.patch(`/api/v1/me/applications/${draft.id}`, {
      declared: { 'household.isee': 'low', 'applicant.age': 20, 'applicant.motivation': 10 },
    });
    expect(badDecl.statusCode).toBe(400);
    expect(
      badDecl
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['declared.applicant.age', 'declared.applicant.motivation', 'declared.household.isee']);
    const early = await c.post(`/api/v1/me/applications/${draft.id}/submit`);
    expect(early.statusCode).toBe(400);
    expect(early.json().errors.map((e: { field: string }) => e.field)).toContain('declared.household.isee');
    // A file that says PDF but is not one.
    const fake = await c.post(`/api/v1/me/applications/${draft.id}/documents`, {
      kind: 'identity',
      fileName: 'id.pdf',
      contentBase64: Buffer.from('hello').toString('base64'),
    });
    expect(fake.statusCode).toBe(415);
    expect(fake.json().code).toBe('calls.file_type');
    const wrongKind = await c.post(`/api/v1/me/applications/${draft.id}/documents`, { kind: 'eviction', fileName: 'x.pdf', contentBase64: PDF });
    expect(wrongKind.json().code).toBe('calls.document_kind');

    const submitted = await apply(await s.citizen(), callId);
    expect(submitted.protocol).toMatch(/^2026\/\d{6}$/);
    // 26 years old: vulnerability 8 + low ISEE 4 (social, cap 15) + participation 5 = 17
    expect(submitted.evaluation.score).toBe(17);
    const mine = await complete(c, draft.id, { ...youthDeclared, 'applicant.vulnerability': false });
    expect(Number(mine.protocol.slice(5))).toBe(Number(submitted.protocol.slice(5)) + 1);
    // The applicant is notified (in-app, and email/App IO through the outbox).
    const notes = await t.database.db.selectFrom('notification').select(['event', 'link']).where('user_id', '=', c.user.id).execute();
    expect(notes).toEqual([{ event: 'application.submitted', link: `/my/applications/${mine.id}` }]);
    const receipt = await c.request({ method: 'GET', url: `/api/v1/me/applications/${mine.id}/receipt.pdf` });
    expect(receipt.statusCode).toBe(200);
    expect(receipt.headers['content-type']).toBe('application/pdf');
    expect(receipt.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(receipt.rawPayload.toString('latin1')).toContain(mine.protocol);

    // Another citizen never sees it (404, not 403).
    const stranger = await s.citizen();
    expect((await stranger.get(`/api/v1/me/applications/${mine.id}`)).statusCode).toBe(404);
    expect((await stranger.get('/api/v1/me/applications')).json().items).toEqual([]);

    // Still editable until closing; after closing everything is refused.
    expect((await c.patch(`/api/v1/me/applications/${mine.id}`, { declared: { 'applicant.vulnerability': true } })).statusCode).toBe(200);
    const lateDraft = (await stranger.post('/api/v1/me/applications', { callId })).json().id;
    t.clock.set('2026-12-20T11:00:01Z');
    const late = await stranger.request({ method: 'POST', url: `/api/v1/me/applications/${lateDraft}/submit`, headers: { 'accept-language': 'en' } });
    expect(late.statusCode).toBe(409);
    expect(late.headers['content-type']).toContain('application/problem+json');
    expect(late.json()).toMatchObject({ code: 'calls.closed', detail: 'The call is closed: the deadline to submit or change the application has passed.' });
    expect((await c.patch(`/api/v1/me/applications/${mine.id}`, { declared: { 'household.isee': 1 } })).json().code).toBe('calls.closed');
    t.clock.set('2026-11-23T09:00:00Z');
  });

  it('withdraws, and the what-if shows score and position without saving', async () => {
    const s = await setting();
    const op = await s.as([{ role: 'housing_operator' }]);
    const callId = await openYouthCall(op);
    await apply(await s.citizen(), callId);
    const c = await s.citizen();
    const mine = await apply(c, callId, { ...youthDeclared, 'applicant.vulnerability': false, 'applicant.participatoryPath': false });
    const wi = await c.post(`/api/v1/me/applications/${mine.id}/what-if`, {
      declared: { 'applicant.vulnerability': true, 'applicant.participatoryPath': true },
    });
    expect(wi.statusCode).toBe(200);
    expect(wi.json()).toMatchObject({ position: 1, total: 2, basis: 'current', evaluation: { score: 17 } });
    expect(JSON.stringify(wi.json())).not.toMatch(/Test|Anna/);
    expect((await c.get(`/api/v1/me/applications/${mine.id}`)).json().evaluation.score).toBe(4);
    const w = await c.post(`/api/v1/me/applications/${mine.id}/withdraw`);
    expect(w.json().status).toBe('withdrawn');
    // Withdrawn: a new application is possible.
    expect((await c.post('/api/v1/me/applications', { callId })).statusCode).toBe(201);
  });

  it('protocol numbers stay unique and gapless under 200 concurrent submissions', async () => {
    const ente = await buildEnte(t.database.db);
    const numbers = await Promise.all(
      Array.from({ length: 200 }, () =>
        runInTenant(t.database.db, { tenantId: ente.id, userId: null }, (trx) => nextProtocolNumber(trx, { tenantId: ente.id }, 2026)),
      ),
    );
    expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    // A rolled-back submission leaves no gap.
    await runInTenant(t.database.db, { tenantId: ente.id, userId: null }, async (trx) => {
      await nextProtocolNumber(trx, { tenantId: ente.id }, 2026);
      throw new Error('rollback');
    }).catch(() => undefined);
    expect(await runInTenant(t.database.db, { tenantId: ente.id, userId: null }, (trx) => nextProtocolNumber(trx, { tenantId: ente.id }, 2026))).toBe(201);
  });

  it('concurrent submissions over HTTP get distinct consecutive protocol numbers', async () => {
    const s = await setting();
    const op = await s.as([{ role: 'housing_operator' }]);
    const callId = await openYouthCall(op);
    const citizens = await Promise.all(Array.from({ length: 12 }, () => s.citizen()));
    const drafts = [];
    for (const c of citizens) {
      const id = (await c.post('/api/v1/me/applications', { callId })).json().id as string;
      await c.patch(`/api/v1/me/applications/${id}`, { declared: youthDeclared });
      for (const kind of ['identity', 'isee', 'motivation_letter']) {
        await c.post(`/api/v1/me/applications/${id}/documents`, { kind, fileName: 'f.pdf', contentBase64: PDF });
      }
      drafts.push({ c, id });
    }
    const results = await Promise.all(drafts.map(({ c, id }) => c.post(`/api/v1/me/applications/${id}/submit`)));
    const protocols = results.map((r) => r.json().protocol as string).sort();
    expect(protocols).toEqual(Array.from({ length: 12 }, (_, i) => `2026/${String(i + 1).padStart(6, '0')}`));
  });
});

describe('paper applications', () => {
  it('the office enters a paper application with a protocol number and attaches its documents; a citizen cannot', async () => {
    const s = await setting();
    const op = await s.as([{ role: 'housing_operator' }]);
    const callId = await openYouthCall(op);
    const person = await buildPerson(t.database.db, { tenantId: s.ente.id, birthDate: '2001-02-03' });
    const res = await op.post(`/api/v1/calls/${callId}/applications`, {
      personId: person.id,
      applicant: { givenName: 'Luca', familyName: 'Carta', birthDate: '2001-02-03' },
      declared: youthDeclared,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'submitted', channel: 'paper', missingDocuments: ['identity', 'isee', 'motivation_letter'] });
    expect(res.json().protocol).toMatch(/^2026\/\d{6}$/);
    const id = res.json().id as string;
    const up = await op.post(`/api/v1/applications/${id}/documents`, { kind: 'isee', fileName: 'isee.pdf', contentBase64: PDF });
    expect(up.statusCode, up.body).toBe(201);
    expect((await op.get(`/api/v1/applications/${id}`)).json().missingDocuments).toEqual(['identity', 'motivation_letter']);
    const citizen = await s.citizen();
    expect(
      (await citizen.post(`/api/v1/calls/${callId}/applications`, { applicant: { givenName: 'X', familyName: 'Y', birthDate: '2000-01-01' } })).statusCode,
    ).toBe(403);
    expect((await citizen.post(`/api/v1/applications/${id}/documents`, { kind: 'isee', fileName: 'x.pdf', contentBase64: PDF })).statusCode).toBe(403);
    // A partner of another program does not even see it.
    const usl = await s.as([{ role: 'partner_staff', program: 'dopo_di_noi' }]);
    expect((await usl.get(`/api/v1/applications/${id}`)).statusCode).toBe(404);
  });
});

describe('integration requests', () => {
  it('after closing, the office asks for a document by a deadline; the applicant is notified, adds it and answers', async () => {
    const s = await setting();
    const op = await s.as([{ role: 'housing_operator' }]);
    const callId = await openYouthCall(op);
    const c = await s.citizen();
    const app = await apply(c, callId);
    t.clock.set('2026-12-21T09:00:00Z');
    expect(
      (
        await op.post(`/api/v1/applications/${app.id}/integration`, { documents: ['services_report'], note: 'Serve la relazione', deadline: '2026-12-01' })
      ).json().code,
    ).toBe('calls.deadline_past');
    expect(
      (await op.post(`/api/v1/applications/${app.id}/integration`, { documents: ['nope'], note: 'Serve altro', deadline: '2026-12-31' })).json().code,
    ).toBe('calls.document_kind');
    const req = await op.post(`/api/v1/applications/${app.id}/integration`, {
      documents: ['services_report'],
      note: 'Serve la relazione dei servizi sociali',
      deadline: '2026-12-31',
    });
    expect(req.statusCode, req.body).toBe(201);
    expect(req.json()).toMatchObject({ documents: ['services_report'], deadline: '2026-12-31', open: true });
    const notes = await t.database.db.selectFrom('notification').select('event').where('user_id', '=', c.user.id).execute();
    expect(notes.map((n) => n.event)).toContain('application.integration_requested');
    // The call is closed, but the request is open: the document is accepted.
    const up = await c.post(`/api/v1/me/applications/${app.id}/documents`, { kind: 'services_report', fileName: 'relazione.pdf', contentBase64: PDF });
    expect(up.statusCode, up.body).toBe(201);
    const answered = await c.post(`/api/v1/me/applications/${app.id}/integration/answer`, { note: 'Allegata' });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json().integration).toMatchObject({ open: false, answerNote: 'Allegata' });
    expect((await c.post(`/api/v1/me/applications/${app.id}/documents`, { kind: 'isee', fileName: 'x.pdf', contentBase64: PDF })).json().code).toBe(
      'calls.closed',
    );
    expect((await c.post(`/api/v1/me/applications/${app.id}/integration/answer`, {})).json().code).toBe('calls.integration_closed');
    const staffView = (await op.get(`/api/v1/applications/${app.id}`)).json();
    expect(staffView.documents.map((d: { kind: string }) => d.kind)).toContain('services_report');
  });
});

describe('review, rankings and objections', () => {
  it('review per criterion, exclusion with reason, provisional ranking without personal data, objection, final ranking changed', async () => {
    const s = await setting();
    const op = await s.as([{ role: 'housing_operator' }]);
    const callId = await openYouthCall(op);
    const a = await s.citizen({ givenName: 'Alessia', familyName: 'Marchetti', codiceFiscale: 'MRCLSS98D50E715K' });
    const b = await s.citizen({ givenName: 'Bruno', familyName: 'Giorgetti' });
    const c = await s.citizen({ givenName: 'Carla', familyName: 'Pieri' });
    const appA = await apply(a, callId); // 17
    const appB = await apply(b, callId, { ...youthDeclared, 'applicant.vulnerability': false }); // 4 + 5 = 9
    const appC = await apply(c, callId, { ...youthDeclared, 'household.isee': 30000 }); // over the ISEE limit: not eligible

    // Rankings only after closing.
    expect((await op.post(`/api/v1/calls/${callId}/rankings`, { kind: 'provisional' })).json().code).toBe('calls.not_closed');
    t.clock.set('2026-12-21T09:00:00Z');
    expect((await op.post(`/api/v1/calls/${callId}/rankings`, { kind: 'provisional' })).json().code).toBe('calls.unreviewed');

    // A: motivation assessed 6 → project 5 + 6 = 11; vulnerability not proven → rejected.
    const reviewed = await op.post(`/api/v1/applications/${appA.id}/review`, {
      verified: { 'applicant.motivation': 6 },
      criteria: [{ code: 'vulnerability', outcome: 'rejected', note: 'Nessuna relazione dei servizi' }],
    });
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    // social: low ISEE 4 (+ vulnerability rejected 0) → 4; project 11 → 15
    expect(reviewed.json().evaluation.score).toBe(15);
    expect(reviewed.json().evaluation.criteria.find((x: { code: string }) => x.code === 'vulnerability').status).toBe('rejected');
    const badReview = await op.post(`/api/v1/applications/${appA.id}/review`, { criteria: [{ code: 'nope', outcome: 'confirmed' }] });
    expect(badReview.json().code).toBe('calls.unknown_criterion');
    for (const id of [appA.id, appB.id, appC.id]) {
      expect((await op.post(`/api/v1/applications/${id}/decision`, { decision: 'admit' })).statusCode).toBe(200);
    }
    const excl = await op.post(`/api/v1/applications/${appB.id}/decision`, {
      decision: 'exclude',
      reason: 'documents_missing',
      note: 'Manca la lettera firmata',
    });
    expect(excl.json()).toMatchObject({ status: 'excluded', exclusion: { reason: 'documents_missing' } });
    // Partner staff of another program cannot review.
    const usl = await s.as([{ role: 'partner_staff', program: 'dopo_di_noi' }]);
    expect((await usl.post(`/api/v1/applications/${appA.id}/review`, {})).statusCode).toBe(403);

    const prov = await op.post(`/api/v1/calls/${callId}/rankings`, { kind: 'provisional' });
    expect(prov.statusCode, prov.body).toBe(201);
    expect(prov.json().entries).toEqual([{ position: 1, protocol: appA.protocol, score: 15, tieBrokenBy: null }]);
    expect(prov.json().excluded).toEqual(
      [
        { protocol: appB.protocol, reason: 'documents_missing' },
        { protocol: appC.protocol, reason: 'requirement.isee_max' },
      ].sort((x, y) => (x.protocol < y.protocol ? -1 : 1)),
    );
    expect(prov.json().sha256).toMatch(/^[0-9a-f]{64}$/);
    const told = await t.database.db
      .selectFrom('notification')
      .select('event')
      .where('user_id', '=', a.user.id)
      .where('event', '=', 'ranking.published')
      .execute();
    expect(told).toHaveLength(1);

    // The public page, CSV and PDF carry no names or codice fiscale.
    const pub = await t.app.inject({ method: 'GET', url: `/api/v1/public/${s.ente.slug}/calls/${callId}/ranking` });
    expect(pub.statusCode).toBe(200);
    const csv = await t.app.inject({ method: 'GET', url: `/api/v1/public/${s.ente.slug}/calls/${callId}/ranking.csv` });
    expect(csv.body).toContain(`1,${appA.protocol},15,admitted,`);
    const pdf = await t.app.inject({ method: 'GET', url: `/api/v1/public/${s.ente.slug}/calls/${callId}/ranking.pdf` });
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    for (const text of [pub.body, csv.body, pdf.rawPayload.toString('latin1')]) {
      for (const secret of ['Alessia', 'Marchetti', 'MRCLSS98D50E715K', 'Bruno', 'Giorgetti', 'Pieri', 'applicationId', appA.id]) {
        expect(text).not.toContain(secret);
      }
    }
    // Another ente's slug does not show it.
    const other = await setting();
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/public/${other.ente.slug}/calls/${callId}/ranking` })).statusCode).toBe(404);

    // The applicant's own view: position and points per criterion.
    const mineA = (await a.get(`/api/v1/me/applications/${appA.id}`)).json();
    expect(mineA.ranking).toMatchObject({ kind: 'provisional', position: 1, score: 15, total: 1 });

    // B objects within the window; the office accepts and confirms the documents: B re-enters.
    expect((await op.post(`/api/v1/calls/${callId}/rankings`, { kind: 'final' })).json().code).toBe('calls.objection_window');
    const obj = await b.post(`/api/v1/me/applications/${appB.id}/objection`, { text: 'Ho consegnato la lettera firmata al protocollo il 19 dicembre.' });
    expect(obj.statusCode, obj.body).toBe(201);
    expect((await b.post(`/api/v1/me/applications/${appB.id}/objection`, { text: 'Una seconda opposizione.' })).json().code).toBe('calls.objection_exists');
    const objDoc = await b.post(`/api/v1/me/applications/${appB.id}/documents`, { kind: 'objection', fileName: 'ricevuta.pdf', contentBase64: PDF });
    expect(objDoc.statusCode, objDoc.body).toBe(201);
    expect(objDoc.json().objectionId).toBe(obj.json().id);
    expect((await c.post(`/api/v1/me/applications/${appA.id}/objection`, { text: 'Non è la mia domanda, ma ci provo.' })).statusCode).toBe(404);
    const decided = await op.post(`/api/v1/objections/${obj.json().id}/decision`, {
      outcome: 'accepted',
      note: 'Lettera trovata agli atti',
      verified: { 'applicant.motivation': 9 },
    });
    expect(decided.json()).toMatchObject({ status: 'accepted', decisionNote: 'Lettera trovata agli atti' });
    expect((await op.post(`/api/v1/applications/${appB.id}/decision`, { decision: 'admit' })).statusCode).toBe(200);

    t.clock.set('2027-01-21T09:00:00Z'); // 31 days later: the window (30 days) is over
    expect((await b.post(`/api/v1/me/applications/${appB.id}/objection`, { text: 'Fuori tempo massimo ormai.' })).statusCode).toBe(409);
    const fin = await op.post(`/api/v1/calls/${callId}/rankings`, { kind: 'final' });
    expect(fin.statusCode, fin.body).toBe(201);
    // B: low ISEE 4 + participation 5 + motivation 9 = 18 → first; A 15 → second.
    expect(fin.json().entries.map((e: { protocol: string; score: number }) => [e.protocol, e.score])).toEqual([
      [appB.protocol, 18],
      [appA.protocol, 15],
    ]);
    expect((await a.get(`/api/v1/me/applications/${appA.id}`)).json().ranking).toMatchObject({ kind: 'final', position: 2 });
    // What allocation and matching read: admitted applicants in ranking order, with their person.
    const forAllocation = await rankedApplicants(t.database.db, { tenantId: s.ente.id }, callId);
    expect(forAllocation.map((x) => [x.protocol, x.position, x.score])).toEqual([
      [appB.protocol, 1, 18],
      [appA.protocol, 2, 15],
    ]);
    expect(forAllocation[0]?.personId).toBeTruthy();
    const audit = await t.database.db.selectFrom('audit_log').select('action').where('tenant_id', '=', s.ente.id).execute();
    const actions = new Set(audit.map((r) => r.action));
    for (const action of [
      'call.created',
      'call.published',
      'application.submitted',
      'application.reviewed',
      'application.excluded',
      'ranking.published',
      'objection.filed',
      'objection.decided',
    ]) {
      expect(actions).toContain(action);
    }
    // Snapshots are immutable, even for the database owner.
    await expect(
      t.database.db
        .updateTable('ranking')
        .set({ sha256: '0'.repeat(64) })
        .where('call_id', '=', callId)
        .execute(),
    ).rejects.toThrow();
    t.clock.set('2026-11-23T09:00:00Z');
  });
});
