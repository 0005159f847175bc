import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLandlord, buildListing } from '../../../test/agency.js';
import { type BuiltUser, buildEnte, buildPerson, buildUnit, buildUser } from '../../../test/factories.js';
import { type Client, createTestApp, loginAs, type TestApp } from '../../../test/http.js';

// The manual clock starts on Monday 23 November 2026, 09:00 UTC (10:00 in Lucca).
let t: TestApp;
let ente: { id: string; slug: string };
let operator: Client;
let citizen: Client;
let housingOperator: Client;
let otherOperator: Client;
let landlordUser: BuiltUser;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  ente = await buildEnte(db);
  const other = await buildEnte(db);
  operator = await loginAs(t.app, await buildUser(db, { tenantId: ente.id, roles: [{ role: 'agency_operator', program: 'agency' }] }));
  landlordUser = await buildUser(db, { tenantId: ente.id, roles: [{ role: 'landlord' }] });
  citizen = await loginAs(t.app, await buildUser(db, { tenantId: ente.id, roles: [{ role: 'citizen' }] }));
  housingOperator = await loginAs(t.app, await buildUser(db, { tenantId: ente.id, roles: [{ role: 'housing_operator' }] }));
  otherOperator = await loginAs(t.app, await buildUser(db, { tenantId: other.id, roles: [{ role: 'agency_operator', program: 'agency' }] }));
});
afterAll(async () => {
  await t?.close();
});

const newProperty = {
  address: 'Via di Pontetetto 12',
  neighbourhood: 'Pontetetto',
  zone: 'C',
  subBand: '1',
  surfaceM2: 70,
  rooms: 4,
  bedrooms: 2,
  elements: ['lift', 'autonomous_heating'],
  accessibility: ['lift'],
};

describe('agreed rent and listings', () => {
  it('rent-check: the range of the Lucca preset, explained, and where the asked rent falls', async () => {
    // C/1: 4.50 … 7.50 €/m²; 2 elements → tier 1 (0 … 40%): 4.50 … 5.70 €/m² × 70 m² = 315.00 … 399.00 €.
    const res = await operator.post('/api/v1/agency/rent-check', {
      zone: 'C',
      subBand: '1',
      surfaceM2: 70,
      elements: ['lift', 'autonomous_heating'],
      rentAskedCents: 45_000,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ minCents: 31_500, maxCents: 39_900, position: 'above', verified: false });
    expect(res.json().lines).toHaveLength(4);
    const bad = await operator.post('/api/v1/agency/rent-check', { zone: 'Q', subBand: '1', surfaceM2: 70 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('zone');
  });

  it('landlords: codice fiscale of a person and partita IVA of a company are checked', async () => {
    const ok = await operator.post('/api/v1/agency/landlords', {
      kind: 'person',
      name: 'Mario Rossi',
      fiscalCode: 'RSSMRA85T10E715D',
      portalEmail: landlordUser.email,
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ kind: 'person', hasPortalAccount: true, fiscalCode: 'RSSMRA85T10E715D' });
    const badCf = await operator.post('/api/v1/agency/landlords', { kind: 'person', name: 'X', fiscalCode: 'RSSMRA85T10E715A' });
    expect(badCf.statusCode).toBe(400);
    expect(badCf.json().errors[0]).toMatchObject({ field: 'fiscalCode', code: 'landlord.cf_invalid' });
    const badVat = await operator.post('/api/v1/agency/landlords', {
      kind: 'company',
      name: 'Immobiliare Srl',
      fiscalCode: '00378210462',
      vatNumber: '00378210463',
    });
    expect(badVat.json().errors[0]).toMatchObject({ field: 'vatNumber', code: 'landlord.vat_check' });
    const noVat = await operator.post('/api/v1/agency/landlords', { kind: 'company', name: 'Immobiliare Srl', fiscalCode: '00378210462' });
    expect(noVat.json().errors[0]).toMatchObject({ field: 'vatNumber', code: 'landlord.vat_required' });
    const company = await operator.post('/api/v1/agency/landlords', {
      kind: 'company',
      name: 'Immobiliare Srl',
      fiscalCode: '00378210462',
      vatNumber: 'IT00378210462',
    });
    expect(company.statusCode).toBe(201);
    const dup = await operator.post('/api/v1/agency/landlords', { kind: 'company', name: 'Again', fiscalCode: '00378210462', vatNumber: '00378210462' });
    expect(dup.statusCode).toBe(409);
    const notLandlord = await operator.post('/api/v1/agency/landlords', {
      kind: 'person',
      name: 'Y',
      fiscalCode: 'MRTMTT25D09F205Z',
      portalEmail: 'nobody@example.org',
    });
    expect(notLandlord.json().errors[0].field).toBe('portalEmail');
  });

  it('a listing with a new property stores the range; out of range is flagged; a stock unit can be linked', async () => {
    const landlord = await buildLandlord(t.database.db, { tenantId: ente.id });
    const unit = await buildUnit(t.database.db, { tenantId: ente.id, ownerKind: 'private' });
    const res = await operator.post('/api/v1/agency/listings', {
      landlordId: landlord.id,
      property: { ...newProperty, unitId: unit.id },
      title: 'Trilocale a Pontetetto',
      rentAskedCents: 45_000,
      expensesCents: 3_000,
      availableFrom: '2026-12-01',
    });
    expect(res.statusCode).toBe(201);
    const l = res.json();
    expect(l.range).toMatchObject({ minCents: 31_500, maxCents: 39_900, position: 'above' });
    expect(l.property).toMatchObject({ zone: 'C', unitId: unit.id, unitCode: unit.code });
    const patched = await operator.patch(`/api/v1/agency/listings/${l.id}`, { rentAskedCents: 38_000 });
    expect(patched.json().range.position).toBe('inside');
    const list = await operator.get('/api/v1/agency/listings?position=inside&limit=5');
    expect(list.json().items.map((x: { id: string }) => x.id)).toContain(l.id);
    const badUnit = await operator.post('/api/v1/agency/listings', {
      landlordId: landlord.id,
      property: { ...newProperty, unitId: '00000000-0000-4000-8000-000000000000' },
      title: 'X',
      rentAskedCents: 1,
      availableFrom: '2026-12-01',
    });
    expect(badUnit.json().errors[0].field).toBe('property.unitId');
  });

  it('photos: the bytes must be the declared image type and at most 2 MiB', async () => {
    const { id } = await buildListing(t.database.db, { tenantId: ente.id });
    const png = Buffer.from(
      '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5e2d2b80000000049454e44ae426082',
      'hex',
    );
    const ok = await operator.post(`/api/v1/agency/listings/${id}/photos`, {
      contentType: 'image/png',
      dataBase64: png.toString('base64'),
      caption: 'Soggiorno',
    });
    expect(ok.statusCode).toBe(201);
    const photo = ok.json().photos[0];
    expect(photo).toMatchObject({ contentType: 'image/png', sizeBytes: png.length });
    const img = await operator.get(`/api/v1/agency/listings/${id}/photos/${photo.id}`);
    expect(img.headers['content-type']).toBe('image/png');
    expect(img.rawPayload.equals(png)).toBe(true);
    const lie = await operator.post(`/api/v1/agency/listings/${id}/photos`, { contentType: 'image/jpeg', dataBase64: png.toString('base64') });
    expect(lie.json().errors[0].code).toBe('agency.photo_type');
    const html = await operator.post(`/api/v1/agency/listings/${id}/photos`, {
      contentType: 'image/png',
      dataBase64: Buffer.from('<script>').toString('base64'),
    });
    expect(html.statusCode).toBe(400);
  });

  it('settings: a saved agreement recomputes every listing', async () => {
    const e = await buildEnte(t.database.db);
    const op = await loginAs(t.app, await buildUser(t.database.db, { tenantId: e.id, roles: [{ role: 'agency_operator', program: 'agency' }] }));
    const { id } = await buildListing(t.database.db, { tenantId: e.id, zone: 'C', subBand: '1', rentAskedCents: 45_000, elements: [], surfaceM2: 70 });
    const s = (await op.get('/api/v1/agency/settings')).json();
    expect(s.isPreset).toBe(true);
    const zones = s.agreement.zones.map((z: { code: string; subBands: { maxM2Cents: number }[] }) =>
      z.code === 'C' ? { ...z, subBands: z.subBands.map((b) => ({ ...b, maxM2Cents: 3_000 })) } : z,
    );
    const saved = await op.request({ method: 'PUT', url: '/api/v1/agency/settings', payload: { ...s, agreement: { ...s.agreement, zones } } });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().isPreset).toBe(false);
    expect((await op.get(`/api/v1/agency/listings/${id}`)).json().range.position).toBe('inside');
  });
});

describe('seekers, matching, proposals and the contract pipeline', () => {
  it('intake → ranked matches → proposal → visit → agreement → signature → registration; the landlord sees no names', async () => {
    const db = t.database.db;
    const owner = await buildUser(db, { tenantId: ente.id, roles: [{ role: 'landlord' }] });
    const landlord = await buildLandlord(db, { tenantId: ente.id, userId: owner.id });
    const good = await buildListing(db, {
      tenantId: ente.id,
      landlordId: landlord.id,
      title: 'Buono',
      rentAskedCents: 40_000,
      expensesCents: 3_000,
      bedrooms: 2,
      zone: 'C',
    });
    await buildListing(db, { tenantId: ente.id, title: 'Troppo caro', rentAskedCents: 90_000, bedrooms: 2, zone: 'C' });
    const person = await buildPerson(db, { tenantId: ente.id, givenName: 'Giulia', familyName: 'Segretissima' });
    const created = await operator.post('/api/v1/agency/seekers', {
      personId: person.id,
      intakeOn: '2026-11-20',
      householdSize: 3,
      annualIncomeCents: 2_000_000,
      situation: ['eviction'],
      minBedrooms: 2,
      preferredZones: ['C'],
      projectGoals: 'Trovare casa entro marzo',
    });
    expect(created.statusCode).toBe(201);
    const seeker = created.json();
    expect(seeker.ceilingCents).toBe(50_000);
    expect(
      (await operator.post('/api/v1/agency/seekers', { personId: person.id, intakeOn: '2026-11-20', householdSize: 1, annualIncomeCents: 1 })).statusCode,
    ).toBe(409);
    const step = await operator.post(`/api/v1/agency/seekers/${seeker.id}/steps`, { title: 'Portare ISEE', responsible: 'seeker', dueOn: '2026-12-01' });
    expect(step.statusCode).toBe(201);
    expect((await operator.patch(`/api/v1/agency/steps/${step.json().id}`, { doneOn: '2026-11-25' })).json().doneOn).toBe('2026-11-25');

    const matches = (await operator.get(`/api/v1/agency/seekers/${seeker.id}/matches`)).json().items;
    const mine = matches.find((m: { listingId: string }) => m.listingId === good.id);
    expect(mine).toMatchObject({ compatible: true, costCents: 43_000, ceilingCents: 50_000 });
    expect(matches.find((m: { label: string }) => m.label === 'Troppo caro').compatible).toBe(false);
    const sugg = (await operator.get('/api/v1/agency/matching/suggestions')).json();
    expect(sugg.pairs.some((p: { seekerId: string; listingId: string }) => p.seekerId === seeker.id)).toBe(true);

    const prop = await operator.post('/api/v1/agency/proposals', { seekerId: seeker.id, listingId: good.id });
    expect(prop.statusCode).toBe(201);
    const pid = prop.json().id;
    expect(prop.json().nextStages).toEqual(['visit_scheduled', 'refused', 'withdrawn']);
    expect((await operator.post(`/api/v1/agency/proposals/${pid}/stage`, { stage: 'agreed' })).statusCode).toBe(409);
    expect((await operator.post(`/api/v1/agency/proposals/${pid}/stage`, { stage: 'visit_scheduled' })).json().errors[0].field).toBe('visitAt');
    expect((await operator.post(`/api/v1/agency/proposals/${pid}/stage`, { stage: 'visit_scheduled', visitAt: '2026-11-26T15:00:00+01:00' })).statusCode).toBe(
      200,
    );
    expect((await operator.post(`/api/v1/agency/proposals/${pid}/stage`, { stage: 'visited' })).statusCode).toBe(200);
    expect((await operator.post(`/api/v1/agency/proposals/${pid}/stage`, { stage: 'agreed' })).statusCode).toBe(200);

    // The landlord's portal: stage and household size, never the seeker's name.
    const portalRes = await landlordClientFor(landlord.id);
    const portal = portalRes.json();
    expect(portal.listings[0].proposals[0]).toMatchObject({ stage: 'agreed', householdSize: 3 });
    expect(portalRes.body).not.toContain('Segretissima');
    expect(portalRes.body).not.toContain(person.id);

    const contract = { contractType: 'agevolato', monthlyRentCents: 40_000, startOn: '2026-12-01', endOn: '2029-11-30', signedOn: '2026-11-27' };
    const early = await operator.post(`/api/v1/agency/proposals/${pid}/contract`, contract);
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('agency.checklist_incomplete');
    await operator.request({
      method: 'PUT',
      url: `/api/v1/agency/proposals/${pid}/checklist`,
      payload: { checklist: ['identity_documents', 'income_proof', 'energy_certificate'] },
    });
    const signed = await operator.post(`/api/v1/agency/proposals/${pid}/contract`, contract);
    expect(signed.statusCode).toBe(201);
    expect(signed.json()).toMatchObject({ stage: 'signed', contract: { monthlyRentCents: 40_000, registeredOn: null, expiresInDays: 1103 } });
    expect((await operator.get(`/api/v1/agency/listings/${good.id}`)).json().status).toBe('let');
    expect((await operator.get(`/api/v1/agency/seekers/${seeker.id}`)).json().status).toBe('housed');
    const reg = await operator.post(`/api/v1/agency/proposals/${pid}/registration`, { registeredOn: '2026-12-10', registrationRef: 'TLQ26T001234000AB' });
    expect(reg.json()).toMatchObject({ stage: 'registered', contract: { registeredOn: '2026-12-10' } });
    const expiring = (await operator.get('/api/v1/agency/contracts?expiringWithinDays=1200')).json().items;
    expect(expiring.map((c: { proposalId: string }) => c.proposalId)).toContain(pid);
    const inc = await operator.post(`/api/v1/agency/landlords/${landlord.id}/incentives`, {
      kind: 'guarantee_fund',
      amountCents: 150_000,
      grantedOn: '2026-11-27',
      contractId: signed.json().contract.id,
    });
    expect(inc.statusCode).toBe(201);
    expect((await landlordClientFor(landlord.id)).json().incentives).toHaveLength(1);
  });
});

/** Signs in as the user linked to a landlord record. */
async function landlordClientFor(landlordId: string) {
  const db = t.database.db;
  const l = await db.selectFrom('agency_landlord').select('user_id').where('id', '=', landlordId).executeTakeFirstOrThrow();
  const u = await db
    .selectFrom('app_user')
    .select(['email', 'tenant_id'])
    .where('id', '=', l.user_id as string)
    .executeTakeFirstOrThrow();
  const c = await loginAs(t.app, {
    id: l.user_id as string,
    tenantId: u.tenant_id,
    email: u.email,
    password: 'correct-horse-battery-staple',
    enteSlug: ente.slug,
  });
  return c.get('/api/v1/agency/me/listings');
}

describe('landlord portal and authorisation', () => {
  it('a landlord sees and updates only their own listings', async () => {
    const db = t.database.db;
    const owner = await buildUser(db, { tenantId: ente.id, roles: [{ role: 'landlord' }] });
    const landlordClient = await loginAs(t.app, owner);
    const mine = await buildLandlord(db, { tenantId: ente.id, userId: owner.id });
    const own = await buildListing(db, { tenantId: ente.id, landlordId: mine.id, title: 'Mio' });
    const theirs = await buildListing(db, { tenantId: ente.id, title: 'Altrui' });
    const overview = (await landlordClient.get('/api/v1/agency/me/listings')).json();
    expect(overview.listings.map((l: { title: string }) => l.title)).toEqual(['Mio']);
    expect((await landlordClient.get(`/api/v1/agency/listings/${own.id}`)).statusCode).toBe(200);
    expect((await landlordClient.get(`/api/v1/agency/listings/${theirs.id}`)).statusCode).toBe(404);
    expect((await landlordClient.patch(`/api/v1/agency/me/listings/${theirs.id}`, { rentAskedCents: 1 })).statusCode).toBe(404);
    const upd = await landlordClient.patch(`/api/v1/agency/me/listings/${own.id}`, { rentAskedCents: 30_000, status: 'withdrawn' });
    expect(upd.json()).toMatchObject({ rentAskedCents: 30_000, status: 'withdrawn' });
    for (const url of [
      '/api/v1/agency/landlords',
      '/api/v1/agency/seekers',
      '/api/v1/agency/listings',
      '/api/v1/agency/proposals',
      '/api/v1/agency/appointments',
    ]) {
      expect((await landlordClient.get(url)).statusCode, url).toBe(403);
    }
  });

  it('refusals per role and tenant isolation', async () => {
    const { id } = await buildListing(t.database.db, { tenantId: ente.id });
    for (const c of [citizen, housingOperator]) {
      expect((await c.get('/api/v1/agency/listings')).statusCode).toBe(403);
      expect((await c.get('/api/v1/agency/seekers')).statusCode).toBe(403);
      expect((await c.post('/api/v1/agency/rent-check', { zone: 'C', subBand: '1', surfaceM2: 50 })).statusCode).toBe(403);
    }
    expect((await housingOperator.get('/api/v1/agency/me/appointments')).statusCode).toBe(403);
    expect((await otherOperator.get(`/api/v1/agency/listings/${id}`)).statusCode).toBe(404);
    expect((await otherOperator.get('/api/v1/agency/listings')).json().items).toEqual([]);
    expect((await otherOperator.get('/api/v1/agency/landlords')).json().items).toEqual([]);
    const anon = await t.app.inject({ method: 'GET', url: '/api/v1/agency/listings' });
    expect(anon.statusCode).toBe(401);
  });
});

describe('counter appointments', () => {
  it('public booking: places, free slots, booking, double booking refused, .ics, cancellation by token', async () => {
    const places = await t.app.inject({ method: 'GET', url: `/api/v1/public/${ente.slug}/agency/places` });
    expect(places.statusCode).toBe(200);
    const gvai = places.json().items.find((p: { code: string }) => p.code === 'gvai-via-del-fosso');
    expect(gvai.hours).toEqual([
      { weekday: 2, from: '15:00', to: '18:00' },
      { weekday: 4, from: '10:00', to: '13:00' },
    ]);
    const slots = (await t.app.inject({ method: 'GET', url: `/api/v1/public/${ente.slug}/agency/places/${gvai.id}/slots?from=2026-11-23&days=7` })).json()
      .items;
    expect(slots).toHaveLength(12);
    expect(slots[0]).toMatchObject({ day: '2026-11-24', time: '15:00', startsAt: '2026-11-24T14:00:00.000Z', free: true });
    const body = { placeId: gvai.id, startsAt: slots[0].startsAt, topic: 'seeker_intake', name: 'Anna Bianchi', email: 'anna@example.org' };
    const booked = await t.app.inject({ method: 'POST', url: `/api/v1/public/${ente.slug}/agency/appointments`, payload: body });
    expect(booked.statusCode).toBe(201);
    const { id, cancelToken } = booked.json();
    const again = await t.app.inject({ method: 'POST', url: `/api/v1/public/${ente.slug}/agency/appointments`, payload: { ...body, name: 'Altro' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('agency.slot_taken');
    const notSlot = await t.app.inject({
      method: 'POST',
      url: `/api/v1/public/${ente.slug}/agency/appointments`,
      payload: { ...body, startsAt: '2026-11-24T14:10:00.000Z' },
    });
    expect(notSlot.json().code).toBe('agency.slot_unknown');
    const after = (await t.app.inject({ method: 'GET', url: `/api/v1/public/${ente.slug}/agency/places/${gvai.id}/slots?from=2026-11-24&days=1` })).json()
      .items;
    expect(after[0].free).toBe(false);
    const ics = await t.app.inject({ method: 'GET', url: `/api/v1/public/${ente.slug}/agency/appointments/${id}/ics?token=${cancelToken}` });
    expect(ics.headers['content-type']).toContain('text/calendar');
    expect(ics.body).toContain('DTSTART:20261124T140000Z');
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/public/${ente.slug}/agency/appointments/${id}/ics?token=${'x'.repeat(32)}` })).statusCode).toBe(
      404,
    );

    // The operator's agenda for that day shows it.
    const agenda = (await operator.get('/api/v1/agency/appointments?day=2026-11-24')).json();
    expect(agenda.items.map((a: { name: string }) => a.name)).toContain('Anna Bianchi');
    // Reminders the day before (the clock is on Monday 23 November).
    const remRes = await operator.post('/api/v1/agency/appointments/reminders');
    expect(remRes.statusCode, remRes.body).toBe(200);
    const rem = remRes.json().items;
    expect(rem.map((a: { id: string }) => a.id)).toContain(id);
    expect((await operator.post('/api/v1/agency/appointments/reminders')).json().items).toEqual([]);

    const cancel = await t.app.inject({ method: 'POST', url: `/api/v1/public/${ente.slug}/agency/appointments/${id}/cancel`, payload: { token: cancelToken } });
    expect(cancel.statusCode).toBe(204);
    const rebook = await t.app.inject({ method: 'POST', url: `/api/v1/public/${ente.slug}/agency/appointments`, payload: { ...body, name: 'Carla' } });
    expect(rebook.statusCode).toBe(201);
  });

  it('signed-in booking appears on my page; operator walk-ins and attendance', async () => {
    const placesRes = await operator.get('/api/v1/agency/places');
    expect(placesRes.statusCode, placesRes.body).toBe(200);
    const places = placesRes.json().items;
    const rosa = places.find((p: { code: string }) => p.code === 'via-della-rosa');
    const slots = (await citizen.get(`/api/v1/public/${ente.slug}/agency/places/${rosa.id}/slots?from=2026-11-25&days=1`)).json().items;
    const res = await citizen.post(`/api/v1/public/${ente.slug}/agency/appointments`, {
      placeId: rosa.id,
      startsAt: slots[2].startsAt,
      topic: 'other',
      name: 'Cittadina',
    });
    expect(res.statusCode).toBe(201);
    const mine = (await citizen.get('/api/v1/agency/me/appointments')).json().items;
    expect(mine).toHaveLength(1);
    const note = await t.database.db.selectFrom('notification').select(['event', 'params']).where('user_id', '=', citizen.user.id).execute();
    expect(note.map((n) => n.event)).toEqual(['appointment.booked']);
    expect((await citizen.post(`/api/v1/agency/me/appointments/${mine[0].id}/cancel`)).json().status).toBe('cancelled');
    const walkIn = await operator.post('/api/v1/agency/appointments', {
      placeId: rosa.id,
      startsAt: '2026-11-23T09:10:00Z',
      topic: 'landlord_info',
      name: 'Passante',
      walkIn: true,
    });
    expect(walkIn.json()).toMatchObject({ channel: 'walk_in', status: 'booked' });
    expect((await operator.post(`/api/v1/agency/appointments/${walkIn.json().id}/status`, { status: 'attended' })).json().status).toBe('attended');
    const closed = await operator.request({ method: 'PUT', url: `/api/v1/agency/places/${rosa.id}`, payload: { ...rosa, closures: ['2026-11-30'] } });
    expect(closed.statusCode).toBe(200);
    expect((await citizen.get(`/api/v1/public/${ente.slug}/agency/places/${rosa.id}/slots?from=2026-11-30&days=1`)).json().items).toEqual([]);
  });

  it('50 parallel requests for the last free slot: exactly one succeeds', async () => {
    const places = (await operator.get('/api/v1/agency/places')).json().items;
    const gvai = places.find((p: { code: string }) => p.code === 'gvai-via-del-fosso');
    const slot = (await operator.get(`/api/v1/public/${ente.slug}/agency/places/${gvai.id}/slots?from=2026-11-26&days=1`)).json().items.at(-1);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        t.app.inject({
          method: 'POST',
          url: `/api/v1/public/${ente.slug}/agency/appointments`,
          payload: { placeId: gvai.id, startsAt: slot.startsAt, topic: 'other', name: `Persona ${i}` },
        }),
      ),
    );
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(49);
    const agenda = (await operator.get('/api/v1/agency/appointments?day=2026-11-26')).json().items;
    expect(agenda.filter((a: { startsAt: string; status: string }) => a.startsAt === slot.startsAt && a.status === 'booked')).toHaveLength(1);
  });
});
