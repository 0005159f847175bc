import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEnte, buildOrganisation, buildPerson, buildUser, type UserSpec } from '../../../test/factories.js';
import { type Client, createTestApp, loginAs, type TestApp } from '../../../test/http.js';
import { generateCodiceFiscale } from './rules/codice-fiscale.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

async function setting() {
  const ente = await buildEnte(t.database.db);
  const org = await buildOrganisation(t.database.db, { tenantId: ente.id, name: 'Fondazione Casa Lucca' });
  const as = async (roles: UserSpec['roles']) => loginAs(t.app, await buildUser(t.database.db, { tenantId: ente.id, organisationId: org.id, roles }));
  return { ente, org, as };
}

const mario = {
  givenName: 'Mario',
  familyName: 'Rossi',
  birthDate: '1985-12-10',
  sex: 'M',
  birthPlaceCode: 'E715',
  codiceFiscale: 'RSSMRA85T10E715D',
} as const;

describe('registering people', () => {
  it('validates and cross-checks the codice fiscale with a field error in the request language', async () => {
    const s = await setting();
    const op = await s.as([{ role: 'housing_operator' }]);
    const bad = await op.request({
      method: 'POST',
      url: '/api/v1/registry/persons',
      payload: { ...mario, codiceFiscale: 'RSSMRA85T10E715X' },
      headers: { 'accept-language': 'en' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({
      field: 'codiceFiscale',
      code: 'cf.check',
      message: 'Invalid codice fiscale: the check character does not match.',
    });
    const mismatch = await op.post('/api/v1/registry/persons', { ...mario, birthDate: '1985-12-11' });
    expect(mismatch.json().errors[0]).toMatchObject({ field: 'codiceFiscale', code: 'cf.birth_date_mismatch' });
    expect(mismatch.json().errors[0].message).toMatch(/data di nascita/);
    const ok = await op.post('/api/v1/registry/persons', mario);
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ codiceFiscale: 'RSSMRA85T10E715D', cfPending: false, familyName: 'Rossi' });
    const dup = await op.post('/api/v1/registry/persons', { ...mario, codiceFiscale: 'rssmra85t10e715d' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors[0]).toMatchObject({ field: 'codiceFiscale', code: 'cf.taken' });
  });

  it('corrects a record: a new birth date is checked against the stored codice fiscale, and the change is audited', async () => {
    const s = await setting();
    const op = await s.as([{ role: 'housing_operator' }]);
    const id = (await op.post('/api/v1/registry/persons', mario)).json().id as string;
    const wrong = await op.patch(`/api/v1/registry/persons/${id}`, { birthDate: '1985-12-11' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0]).toMatchObject({ field: 'codiceFiscale' });
    expect((await op.get(`/api/v1/registry/persons/${id}`)).json().birthDate).toBe('1985-12-10');
    const ok = await op.patch(`/api/v1/registry/persons/${id}`, { phone: '+39 0583 000000', residenceCity: null });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ phone: '+39 0583 000000', residenceCity: null, birthDate: '1985-12-10' });
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action'])
      .where('tenant_id', '=', s.ente.id)
      .where('entity_id', '=', id)
      .where('action', '=', 'person.updated')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('registers a homeless person without codice fiscale (pending) and lists pending records', async () => {
    const s = await setting();
    const hf = await s.as([{ role: 'social_worker', program: 'housing_first' }]);
    const noEnrol = await hf.post('/api/v1/registry/persons', { givenName: 'Ion', familyName: 'Popescu', noFixedAddress: true });
    expect(noEnrol.statusCode).toBe(400);
    expect(noEnrol.json().errors[0].field).toBe('enrolment');
    const wrongProgram = await hf.post('/api/v1/registry/persons', { givenName: 'Ion', familyName: 'Popescu', enrolment: { program: 'erp' } });
    expect(wrongProgram.statusCode).toBe(403);
    const res = await hf.post('/api/v1/registry/persons', {
      givenName: 'Ion',
      familyName: 'Popescu',
      noFixedAddress: true,
      enrolment: { program: 'housing_first' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ cfPending: true, noFixedAddress: true, programs: ['housing_first'] });
    const pending = (await hf.get('/api/v1/registry/persons?pendingCf=true')).json().items;
    expect(pending.map((p: { familyName: string }) => p.familyName)).toEqual(['Popescu']);
  });

  it('searches by surname prefix, "surname name" and codice fiscale, with cursor pagination', async () => {
    const s = await setting();
    for (const [g, f] of [
      ['Anna', 'Bianchi'],
      ['Bruno', 'Bianchi'],
      ['Carla', 'Bianucci'],
      ['Dario', 'Verdi'],
    ]) {
      await buildPerson(t.database.db, { tenantId: s.ente.id, givenName: g, familyName: f });
    }
    const cf = generateCodiceFiscale({ familyName: 'Verdi', givenName: 'Elena', birthDate: '1990-05-05', sex: 'F', birthPlaceCode: 'E715' });
    await buildPerson(t.database.db, { tenantId: s.ente.id, givenName: 'Elena', familyName: 'Verdi', codiceFiscale: cf });
    const op = await s.as([{ role: 'housing_operator' }]);
    const names = async (q: string) =>
      (await op.get(`/api/v1/registry/persons?q=${encodeURIComponent(q)}`)).json().items.map((p: { givenName: string }) => p.givenName);
    expect(await names('bian')).toEqual(['Anna', 'Bruno', 'Carla']);
    expect(await names('bianchi b')).toEqual(['Bruno']);
    expect(await names(cf)).toEqual(['Elena']);
    const first = (await op.get('/api/v1/registry/persons?q=bian&limit=2')).json();
    expect(first.items).toHaveLength(2);
    const second = (await op.get(`/api/v1/registry/persons?q=bian&limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((p: { givenName: string }) => p.givenName)).toEqual(['Carla']);
    expect(second.nextCursor).toBeNull();
  });
});

describe('need-to-know', () => {
  it('a social worker of program A cannot read the disability record of a person only in program B; can after enrolment; each read audited', async () => {
    const s = await setting();
    const op = await s.as([{ role: 'housing_operator' }]);
    const swA = await s.as([{ role: 'social_worker', program: 'youth_collab' }]);
    const swB = await s.as([{ role: 'social_worker', program: 'dopo_di_noi' }]);
    const person = await buildPerson(t.database.db, {
      tenantId: s.ente.id,
      givenName: 'Luca',
      familyName: 'Moretti',
      enrolments: [{ program: 'dopo_di_noi' }],
    });
    const put = await swB.request({
      method: 'PUT',
      url: `/api/v1/registry/persons/${person.id}/sensitive/disability`,
      payload: { data: { law104: 'art3c3', invalidityPercent: 100, supportNeeds: 'Supporto nelle autonomie quotidiane' }, purpose: 'progetto di vita' },
    });
    expect(put.statusCode).toBe(204);
    // Out of program A's scope: the person does not exist for A.
    expect((await swA.get(`/api/v1/registry/persons/${person.id}`)).statusCode).toBe(404);
    expect((await swA.get(`/api/v1/registry/persons/${person.id}/sensitive?purpose=verifica`)).statusCode).toBe(404);
    // The housing operator (all programs) sees that it exists; the content too, since the person is enrolled.
    const detail = (await op.get(`/api/v1/registry/persons/${person.id}`)).json();
    expect(detail.sensitiveCategories).toEqual(['disability']);
    expect(JSON.stringify(detail)).not.toContain('art3c3');
    // Program B reads the content, and the read is audited with its purpose.
    const b = await swB.get(`/api/v1/registry/persons/${person.id}/sensitive?purpose=revisione%20progetto`);
    expect(b.json().items[0]).toMatchObject({ category: 'disability', restricted: false, data: { law104: 'art3c3', invalidityPercent: 100 } });
    const reads = await t.database.db.selectFrom('audit_log').selectAll().where('entity_id', '=', person.id).where('action', '=', 'sensitive.read').execute();
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({ purpose: 'revisione progetto', sensitive_category: 'disability', user_id: swB.user.id });
    // The purpose is mandatory.
    expect((await swB.get(`/api/v1/registry/persons/${person.id}/sensitive`)).statusCode).toBe(400);
    // After enrolment in program A, A reads it too.
    const enrol = await op.post(`/api/v1/registry/persons/${person.id}/enrolments`, { program: 'youth_collab', startedOn: '2026-11-01' });
    expect(enrol.statusCode).toBe(201);
    const a = await swA.get(`/api/v1/registry/persons/${person.id}/sensitive?purpose=convivenza%20mista`);
    expect(a.json().items[0].restricted).toBe(false);
    const count = await t.database.db.selectFrom('audit_log').select('id').where('entity_id', '=', person.id).where('action', '=', 'sensitive.read').execute();
    expect(count).toHaveLength(2);
  });

  it('shows that special-category data exist, not their content, when the reader has no special-category permission', async () => {
    const s = await setting();
    const mediator = await s.as([{ role: 'mediator', program: 'mediation' }]);
    const sw = await s.as([{ role: 'social_worker', program: 'mediation' }]);
    const person = await buildPerson(t.database.db, { tenantId: s.ente.id, enrolments: [{ program: 'mediation' }] });
    await sw.request({
      method: 'PUT',
      url: `/api/v1/registry/persons/${person.id}/sensitive/health`,
      payload: { data: { conditions: 'diabete' }, purpose: 'presa in carico' },
    });
    const res = (await mediator.get(`/api/v1/registry/persons/${person.id}/sensitive?purpose=curiosit%C3%A0`)).json();
    expect(res.items).toEqual([expect.objectContaining({ category: 'health', restricted: true, data: null })]);
    const put = await mediator.request({
      method: 'PUT',
      url: `/api/v1/registry/persons/${person.id}/sensitive/health`,
      payload: { data: { conditions: 'x' }, purpose: 'x x x' },
    });
    expect(put.statusCode).toBe(403);
  });

  it('refuses roles without registry access and isolates tenants', async () => {
    const s = await setting();
    const other = await setting();
    const person = await buildPerson(t.database.db, { tenantId: s.ente.id });
    const citizen = await s.as([{ role: 'citizen' }]);
    const landlord = await s.as([{ role: 'landlord' }]);
    const admin = await s.as([{ role: 'admin' }]);
    for (const c of [citizen, landlord, admin]) {
      expect((await c.get('/api/v1/registry/persons')).statusCode).toBe(403);
      expect((await c.get(`/api/v1/registry/persons/${person.id}`)).statusCode).toBe(403);
    }
    const foreign = await other.as([{ role: 'housing_operator' }]);
    expect((await foreign.get(`/api/v1/registry/persons/${person.id}`)).statusCode).toBe(404);
    expect((await foreign.patch(`/api/v1/registry/persons/${person.id}`, { givenName: 'X' })).statusCode).toBe(404);
    expect((await foreign.post(`/api/v1/registry/persons/${person.id}/enrolments`, { program: 'erp', startedOn: '2026-01-01' })).statusCode).toBe(404);
    expect((await foreign.get(`/api/v1/registry/persons/${person.id}/sensitive?purpose=test`)).statusCode).toBe(404);
    expect((await foreign.get('/api/v1/registry/persons')).json().items).toEqual([]);
  });
});

describe('households', () => {
  it('creates a household with one head, members joining and leaving, ISEE with expiry warning, incomes', async () => {
    const s = await setting();
    const op = await s.as([{ role: 'housing_operator' }]);
    const a = await buildPerson(t.database.db, { tenantId: s.ente.id, givenName: 'Paola', familyName: 'Neri' });
    const b = await buildPerson(t.database.db, { tenantId: s.ente.id, givenName: 'Giorgio', familyName: 'Neri' });
    const c = await buildPerson(t.database.db, { tenantId: s.ente.id, givenName: 'Sofia', familyName: 'Neri', birthDate: '2015-03-03' });
    const noHead = await op.post('/api/v1/registry/households', {
      name: 'Nucleo Neri',
      members: [{ personId: a.id, relationship: 'spouse', joinedOn: '2020-01-01' }],
    });
    expect(noHead.statusCode).toBe(400);
    expect(noHead.json().errors[0].code).toBe('registry.household_head');
    const res = await op.post('/api/v1/registry/households', {
      name: 'Nucleo Neri',
      members: [
        { personId: a.id, relationship: 'head', joinedOn: '2020-01-01' },
        { personId: b.id, relationship: 'spouse', joinedOn: '2020-01-01' },
      ],
    });
    expect(res.statusCode).toBe(201);
    const h = res.json();
    expect(h.head).toMatchObject({ personId: a.id });
    const joined = await op.post(`/api/v1/registry/households/${h.id}/members`, { personId: c.id, relationship: 'child', joinedOn: '2021-06-01' });
    expect(joined.json().members).toHaveLength(3);
    // A person cannot be in two households at once.
    const other = await op.post('/api/v1/registry/households', { name: 'Altro', members: [{ personId: c.id, relationship: 'head', joinedOn: '2022-01-01' }] });
    expect(other.statusCode).toBe(409);
    expect(other.json().code).toBe('resource.overlap');
    const bMember = joined.json().members.find((m: { personId: string }) => m.personId === b.id);
    const left = await op.post(`/api/v1/registry/households/${h.id}/members/${bMember.id}/leave`, { on: '2026-03-01' });
    expect(left.json().members.find((m: { personId: string }) => m.personId === b.id)).toMatchObject({ leftOn: '2026-03-01', current: false });
    // The clock says 2026-11-23. Default expiry: 31 December of the issue year (38 days away: valid).
    const isee = await op.post(`/api/v1/registry/households/${h.id}/isee`, {
      valueCents: 845_000,
      protocolDsu: 'INPS-ISEE-2026-00012345-00',
      issuedOn: '2026-02-10',
    });
    expect(isee.statusCode).toBe(201);
    expect(isee.json().currentIsee).toEqual({ valueCents: 845_000, expiresOn: '2026-12-31', status: 'valid' });
    const corrente = await op.post(`/api/v1/registry/households/${h.id}/isee`, {
      kind: 'corrente',
      valueCents: 512_000,
      protocolDsu: 'INPS-ISEE-2026-00099999-01',
      issuedOn: '2026-06-15',
      expiresOn: '2026-12-15',
    });
    expect(corrente.json().currentIsee).toEqual({ valueCents: 512_000, expiresOn: '2026-12-15', status: 'expiring' });
    expect(corrente.json().isee.map((i: { status: string }) => i.status)).toEqual(['expiring', 'valid']);
    const badIsee = await op.post(`/api/v1/registry/households/${h.id}/isee`, { valueCents: -1, protocolDsu: 'nope', issuedOn: '2026-02-30' });
    expect(
      badIsee
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['issuedOn', 'protocolDsu', 'valueCents']);
    const income = await op.post(`/api/v1/registry/households/${h.id}/incomes`, { personId: a.id, year: 2025, kind: 'employment', amountCents: 1_820_000 });
    expect(income.json().incomes).toEqual([expect.objectContaining({ year: 2025, amountCents: 1_820_000 })]);
  });
});

describe('consents, representatives, documents, duplicates', () => {
  let s: Awaited<ReturnType<typeof setting>>;
  let op: Client;
  beforeAll(async () => {
    s = await setting();
    op = await s.as([{ role: 'housing_operator' }]);
  });

  it('records a consent given by the legal representative, and its withdrawal', async () => {
    const person = await buildPerson(t.database.db, { tenantId: s.ente.id, givenName: 'Marta' });
    const rep = await buildPerson(t.database.db, { tenantId: s.ente.id, givenName: 'Franco', familyName: 'Guidi' });
    const notYet = await op.post(`/api/v1/registry/persons/${person.id}/consents`, {
      purpose: 'Condivisione con Azienda USL per il co-housing',
      givenOn: '2026-10-01',
      givenById: rep.id,
    });
    expect(notYet.statusCode).toBe(400);
    expect(notYet.json().errors[0].field).toBe('givenById');
    await op.post(`/api/v1/registry/persons/${person.id}/representatives`, {
      representativeId: rep.id,
      kind: 'amministratore_di_sostegno',
      startedOn: '2024-01-01',
    });
    const given = await op.post(`/api/v1/registry/persons/${person.id}/consents`, {
      purpose: 'Condivisione con Azienda USL per il co-housing',
      givenOn: '2026-10-01',
      givenById: rep.id,
    });
    expect(given.statusCode).toBe(201);
    const consent = given.json().consents[0];
    expect(consent).toMatchObject({ givenByName: 'Franco Guidi', legalBasis: 'consent', withdrawnOn: null });
    expect(given.json().representatives[0]).toMatchObject({ kind: 'amministratore_di_sostegno' });
    const withdrawn = await op.post(`/api/v1/registry/persons/${person.id}/consents/${consent.id}/withdraw`, { on: '2026-11-20' });
    expect(withdrawn.json().consents[0].withdrawnOn).toBe('2026-11-20');
  });

  it('stores a scanned document and serves it back, audited', async () => {
    const person = await buildPerson(t.database.db, { tenantId: s.ente.id });
    const pdf = Buffer.from('%PDF-1.4 fake identity card');
    const res = await op.post(`/api/v1/registry/persons/${person.id}/documents`, {
      kind: 'identity_card',
      number: 'CA12345AA',
      expiresOn: '2025-01-01',
      file: { name: 'carta identità.pdf', mime: 'application/pdf', contentBase64: pdf.toString('base64') },
    });
    expect(res.statusCode).toBe(201);
    const doc = res.json().documents[0];
    expect(doc).toMatchObject({ number: 'CA12345AA', expired: true, fileName: 'carta identità.pdf' });
    const file = await op.get(`/api/v1/registry/persons/${person.id}/documents/${doc.id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.rawPayload.equals(pdf)).toBe(true);
  });

  it('flags possible duplicates and merges them with a full audit', async () => {
    const a = await buildPerson(t.database.db, {
      tenantId: s.ente.id,
      givenName: 'Giuseppe',
      familyName: 'Lucchesi',
      birthDate: '1970-07-07',
      enrolments: [{ program: 'erp' }],
    });
    const b = await buildPerson(t.database.db, {
      tenantId: s.ente.id,
      givenName: 'Giuseppe',
      familyName: 'Luchesi',
      birthDate: '1970-07-07',
      enrolments: [{ program: 'agency', startedOn: '2025-06-01' }],
    });
    const dups = (await op.get('/api/v1/registry/duplicates')).json().items;
    const pair = dups.find((d: { a: { id: string }; b: { id: string } }) => [d.a.id, d.b.id].sort().join() === [a.id, b.id].sort().join());
    expect(pair).toMatchObject({ reason: 'similar_name_same_birth_date' });
    expect(pair.similarity).toBeGreaterThan(0.6);
    const merged = await op.post(`/api/v1/registry/persons/${b.id}/merge`, { intoId: a.id });
    expect(merged.statusCode).toBe(200);
    expect(merged.json().programs.sort()).toEqual(['agency', 'erp']);
    expect((await op.get(`/api/v1/registry/persons/${b.id}`)).statusCode).toBe(404);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['details'])
      .where('action', '=', 'person.merged')
      .where('entity_id', '=', a.id)
      .executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ mergedFrom: b.id, moved: { enrolment: 1 } });
    expect((await op.post(`/api/v1/registry/persons/${a.id}/merge`, { intoId: a.id })).statusCode).toBe(400);
  });
});

describe("the citizen's own page", () => {
  it('shows my data, household and consents; lets me withdraw a consent; and shows who looked at my file by role and organisation', async () => {
    const s = await setting();
    const user = await buildUser(t.database.db, { tenantId: s.ente.id, roles: [{ role: 'citizen' }] });
    const me = await buildPerson(t.database.db, {
      tenantId: s.ente.id,
      givenName: 'Francesca',
      familyName: 'Ricci',
      userId: user.id,
      enrolments: [{ program: 'youth_collab' }],
    });
    const stranger = await buildPerson(t.database.db, { tenantId: s.ente.id, givenName: 'Altro' });
    const citizen = await loginAs(t.app, user);
    const sw = await s.as([{ role: 'social_worker', program: 'youth_collab' }]);
    await sw.post(`/api/v1/registry/persons/${me.id}/consents`, { purpose: 'Percorso di accompagnamento all’abitare', givenOn: '2026-09-01' });
    await sw.get(`/api/v1/registry/persons/${me.id}?purpose=colloquio%20di%20inserimento`);
    const page = await citizen.get('/api/v1/me/person');
    expect(page.statusCode).toBe(200);
    expect(page.json().person).toMatchObject({ id: me.id, givenName: 'Francesca' });
    expect(page.json().consents).toHaveLength(1);
    const log = (await citizen.get('/api/v1/me/access-log')).json().items;
    const look = log.find((e: { action: string; purpose: string }) => e.action === 'person.read' && e.purpose === 'colloquio di inserimento');
    expect(look).toMatchObject({ roles: ['social_worker:youth_collab'], organisationName: 'Fondazione Casa Lucca' });
    expect(JSON.stringify(log)).not.toContain(sw.user.email);
    const withdraw = await citizen.post(`/api/v1/me/consents/${page.json().consents[0].id}/withdraw`);
    expect(withdraw.json().consents[0].withdrawnOn).toBe('2026-11-23');
    // A citizen reaches no one else's record.
    expect((await citizen.get(`/api/v1/registry/persons/${stranger.id}`)).statusCode).toBe(403);
    const unlinked = await s.as([{ role: 'citizen' }]);
    const none = await unlinked.get('/api/v1/me/person');
    expect(none.statusCode).toBe(404);
    expect(none.json().code).toBe('registry.no_person');
  });
});
