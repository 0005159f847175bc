import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBuilding, buildEnte, buildEstate, buildOrganisation, buildUnit, buildUser } from '../../../test/factories.js';
import { type Client, createTestApp, loginAs, type TestApp } from '../../../test/http.js';
import { ROLE_PERMISSIONS, ROLES, type Role } from '../../kernel/auth/permissions.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ loginRatePerMinute: 1000 });
});
afterAll(async () => {
  await t?.close();
});

async function staffOfNewEnte(role: Role = 'housing_operator') {
  const ente = await buildEnte(t.database.db);
  const user = await buildUser(t.database.db, { tenantId: ente.id, roles: [{ role }] });
  return { ente, user, c: await loginAs(t.app, user) };
}

const csvPost = (c: Client, url: string, csv: string, lang = 'it') =>
  c.request({ method: 'POST', url, payload: csv, headers: { 'content-type': 'text/csv', 'accept-language': lang } });

const count = async (table: 'unit' | 'estate' | 'building' | 'unit_status' | 'unit_program', tenantId: string) =>
  Number(
    (
      await t.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('tenant_id', '=', tenantId)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('who may read and write the stock', () => {
  it('holders of stock:read list units, holders of stock:write write; others get 403, anonymous 401', async () => {
    const { ente } = await staffOfNewEnte();
    for (const role of ROLES) {
      const user = await buildUser(t.database.db, { tenantId: ente.id, roles: [{ role }] });
      const c = await loginAs(t.app, user);
      const reads = ROLE_PERMISSIONS[role].includes('stock:read');
      const writes = ROLE_PERMISSIONS[role].includes('stock:write');
      expect((await c.get('/api/v1/stock/units')).statusCode, role).toBe(reads ? 200 : 403);
      expect((await c.get('/api/v1/stock/estates')).statusCode, role).toBe(reads ? 200 : 403);
      expect((await c.get('/api/v1/stock/units.csv')).statusCode, role).toBe(reads ? 200 : 403);
      const created = await c.post('/api/v1/stock/estates', { name: `Complesso ${role}` });
      expect(created.statusCode, role).toBe(writes ? 201 : 403);
      expect((await csvPost(c, '/api/v1/stock/import?dryRun=true', 'unit_code\n')).statusCode, role).toBe(writes ? 200 : 403);
    }
    expect(ROLE_PERMISSIONS.citizen).not.toContain('stock:read');
    expect(ROLE_PERMISSIONS.social_worker).not.toContain('stock:write');
    expect(ROLE_PERMISSIONS.agency_operator).toContain('stock:write');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/stock/units' })).statusCode).toBe(401);
  });
});

describe('tenant isolation', () => {
  it("staff of ente A get 404 on ente B's estates, buildings and units, and see none of them in lists or exports", async () => {
    const a = await staffOfNewEnte();
    const b = await staffOfNewEnte();
    const aUnit = await buildUnit(t.database.db, { tenantId: a.ente.id, code: 'A-1' });
    const bUnit = await buildUnit(t.database.db, { tenantId: b.ente.id, code: 'B-1', status: { status: 'available', from: '2025-01-01' } });
    const bBuilding = await t.database.db.selectFrom('building').selectAll().where('id', '=', bUnit.buildingId).executeTakeFirstOrThrow();
    const bEstateId = bBuilding.estate_id as string;
    await t.database.db.insertInto('common_space').values({ tenant_id: b.ente.id, building_id: bBuilding.id, name: 'Lavanderia B', kind: 'laundry' }).execute();
    for (const [method, url, payload] of [
      ['GET', `/api/v1/stock/estates/${bEstateId}`, undefined],
      ['PATCH', `/api/v1/stock/estates/${bEstateId}`, { name: 'Hijacked' }],
      ['GET', `/api/v1/stock/buildings/${bBuilding.id}`, undefined],
      ['PATCH', `/api/v1/stock/buildings/${bBuilding.id}`, { hasLift: true }],
      ['GET', `/api/v1/stock/units/${bUnit.id}`, undefined],
      ['PATCH', `/api/v1/stock/units/${bUnit.id}`, { notes: 'Hijacked' }],
      ['POST', `/api/v1/stock/units/${bUnit.id}/status`, { status: 'occupied', from: '2026-01-01' }],
      ['POST', `/api/v1/stock/units/${bUnit.id}/status-periods`, { status: 'maintenance', from: '2020-01-01', to: '2020-02-01' }],
      ['POST', `/api/v1/stock/units/${bUnit.id}/programs`, { program: 'erp', from: '2020-01-01' }],
    ] as const) {
      const res = await a.c.request({ method, url, ...(payload ? { payload } : {}) });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.json().code).toBe('resource.not_found');
    }
    expect((await a.c.get('/api/v1/stock/units?limit=200')).json().items.map((u: { id: string }) => u.id)).toEqual([aUnit.id]);
    expect((await a.c.get('/api/v1/stock/estates')).json().items.map((e: { id: string }) => e.id)).not.toContain(bEstateId);
    expect((await a.c.get('/api/v1/stock/buildings?limit=200')).json().items.map((x: { id: string }) => x.id)).toEqual([aUnit.buildingId]);
    expect((await a.c.get(`/api/v1/stock/common-spaces?buildingId=${bBuilding.id}`)).json().items).toEqual([]);
    const csv = (await a.c.get('/api/v1/stock/units.csv')).body;
    expect(csv).toContain('A-1');
    expect(csv).not.toContain('B-1');
    // References to another ente's rows are refused as unknown.
    const building = await a.c.post('/api/v1/stock/buildings', { estateId: bEstateId, address: 'via Altrove 1', city: 'Lucca' });
    expect(building.statusCode).toBe(400);
    expect(building.json().errors[0]).toMatchObject({ field: 'estateId', code: 'stock.estate_unknown' });
    const unit = await a.c.post('/api/v1/stock/units', {
      buildingId: bBuilding.id,
      code: 'X-1',
      surfaceM2: 50,
      rooms: 2,
      bedrooms: 1,
      beds: 2,
      ownerKind: 'municipality',
    });
    expect(unit.statusCode).toBe(400);
    expect(unit.json().errors[0].field).toBe('buildingId');
    const space = await a.c.post('/api/v1/stock/common-spaces', { buildingId: bBuilding.id, name: 'Orto', kind: 'garden' });
    expect(space.statusCode).toBe(400);
    // Nothing of B changed.
    const bRow = await t.database.db.selectFrom('unit').select('notes').where('id', '=', bUnit.id).executeTakeFirstOrThrow();
    expect(bRow.notes).toBeNull();
    expect(await count('unit_status', b.ente.id)).toBe(1);
  });
});

describe('estates, buildings, units and common spaces', () => {
  it('creates and reads them back, with owner, managing body and common spaces in the unit detail', async () => {
    const { ente, c, user } = await staffOfNewEnte('agency_operator');
    const erp = await buildOrganisation(t.database.db, { tenantId: ente.id, name: 'E.R.P. Lucca S.r.l.', kind: 'housing_company' });
    const estate = await c.post('/api/v1/stock/estates', { code: 'pontetetto', name: 'Quartiere Giardino di Pontetetto' });
    expect(estate.statusCode).toBe(201);
    expect(estate.json()).toMatchObject({ code: 'PONTETETTO', buildingCount: 0, unitCount: 0 });
    expect((await c.post('/api/v1/stock/estates', { code: 'PONTETETTO', name: 'Altro' })).statusCode).toBe(409);
    const building = await c.post('/api/v1/stock/buildings', {
      estateId: estate.json().id,
      address: 'via di Pontetetto 12',
      city: 'Lucca',
      postcode: '55100',
      neighbourhood: 'Pontetetto',
      latitude: 43.8205,
      longitude: 10.4871,
      floors: 3,
      hasLift: true,
      yearBuilt: 2014,
    });
    expect(building.statusCode).toBe(201);
    const b = building.json();
    expect(b).toMatchObject({ estateName: 'Quartiere Giardino di Pontetetto', latitude: 43.8205, unitCount: 0 });
    const space = await c.post('/api/v1/stock/common-spaces', { estateId: estate.json().id, name: 'Sala di quartiere', kind: 'community_room', capacity: 40 });
    expect(space.statusCode).toBe(201);
    const both = await c.post('/api/v1/stock/common-spaces', { estateId: estate.json().id, buildingId: b.id, name: 'X', kind: 'garden' });
    expect(both.statusCode).toBe(400);
    const unit = await c.post('/api/v1/stock/units', {
      buildingId: b.id,
      code: 'PNT-12-1',
      flatNumber: '1',
      floor: 0,
      surfaceM2: 79.5,
      rooms: 4,
      bedrooms: 2,
      beds: 4,
      accessibility: ['step_free_access', 'accessible_bathroom'],
      energyClass: 'A4',
      ownerKind: 'municipality',
      managingOrganisationId: erp.id,
    });
    expect(unit.statusCode).toBe(201);
    const u = unit.json();
    expect(u).toMatchObject({
      code: 'PNT-12-1',
      surfaceM2: 79.5,
      accessibility: ['accessible_bathroom', 'step_free_access'],
      furnishing: 'none',
      owner: { kind: 'municipality', organisationId: null },
      managingBody: { id: erp.id, name: 'E.R.P. Lucca S.r.l.' },
      estate: { code: 'PONTETETTO' },
      building: { address: 'via di Pontetetto 12', hasLift: true, yearBuilt: 2014 },
      currentStatus: null,
      programs: [],
      statusHistory: [],
      commonSpaces: [{ name: 'Sala di quartiere', capacity: 40 }],
    });
    const dup = await c.post('/api/v1/stock/units', {
      buildingId: b.id,
      code: 'PNT-12-1',
      surfaceM2: 50,
      rooms: 2,
      bedrooms: 1,
      beds: 2,
      ownerKind: 'municipality',
    });
    expect(dup.statusCode).toBe(409);
    const tooManyBedrooms = await c.patch(`/api/v1/stock/units/${u.id}`, { bedrooms: 5 });
    expect(tooManyBedrooms.statusCode).toBe(400);
    const patched = await c.patch(`/api/v1/stock/units/${u.id}`, { furnishing: 'full', notes: 'Arredato 2025' });
    expect(patched.json()).toMatchObject({ furnishing: 'full', notes: 'Arredato 2025' });
    expect((await c.get(`/api/v1/stock/estates/${estate.json().id}`)).json()).toMatchObject({ buildingCount: 1, unitCount: 1 });
    const audit = await t.database.db.selectFrom('audit_log').select('action').where('tenant_id', '=', ente.id).where('user_id', '=', user.id).execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['estate.created', 'building.created', 'unit.created', 'unit.updated', 'common_space.created']),
    );
  });
});

describe('status and program timelines', () => {
  it('refuses overlapping status periods with 409 resource.overlap (a database constraint)', async () => {
    const { ente, c } = await staffOfNewEnte();
    const unit = await buildUnit(t.database.db, { tenantId: ente.id });
    const first = await c.post(`/api/v1/stock/units/${unit.id}/status-periods`, { status: 'occupied', from: '2024-01-01', to: '2026-06-01' });
    expect(first.statusCode).toBe(201);
    const overlap = await c.post(`/api/v1/stock/units/${unit.id}/status-periods`, { status: 'maintenance', from: '2026-05-01' });
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json().code).toBe('resource.overlap');
    const adjacent = await c.post(`/api/v1/stock/units/${unit.id}/status-periods`, { status: 'maintenance', from: '2026-06-01', note: 'Rifacimento bagno' });
    expect(adjacent.statusCode).toBe(201);
    expect(adjacent.json()).toMatchObject({
      currentStatus: 'maintenance',
      statusHistory: [
        { status: 'maintenance', from: '2026-06-01', to: null, note: 'Rifacimento bagno' },
        { status: 'occupied', from: '2024-01-01', to: '2026-06-01' },
      ],
    });
    const backwards = await c.post(`/api/v1/stock/units/${unit.id}/status-periods`, { status: 'available', from: '2024-01-01', to: '2023-01-01' });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors[0].field).toBe('to');
  });

  it('a status change ends the period in force the day the new one starts; it refuses to overwrite later periods', async () => {
    const { ente, c } = await staffOfNewEnte();
    const unit = await buildUnit(t.database.db, { tenantId: ente.id, status: { status: 'available', from: '2025-01-01' } });
    const changed = await c.post(`/api/v1/stock/units/${unit.id}/status`, { status: 'reserved', from: '2026-11-10', note: 'Proposta in corso' });
    expect(changed.statusCode).toBe(201);
    expect(changed.json()).toMatchObject({
      currentStatus: 'reserved',
      statusHistory: [
        { status: 'reserved', from: '2026-11-10', to: null },
        { status: 'available', from: '2025-01-01', to: '2026-11-10' },
      ],
    });
    expect((await c.post(`/api/v1/stock/units/${unit.id}/status`, { status: 'reserved', from: '2026-12-01' })).json().code).toBe('stock.status_unchanged');
    // A change in the future: today (2026-11-23) the unit is still reserved.
    const future = await c.post(`/api/v1/stock/units/${unit.id}/status`, { status: 'occupied', from: '2026-12-01' });
    expect(future.json().currentStatus).toBe('reserved');
    // Going back before a later period would overwrite it: refused, and nothing was shortened.
    const back = await c.post(`/api/v1/stock/units/${unit.id}/status`, { status: 'maintenance', from: '2025-06-01' });
    expect(back.statusCode).toBe(409);
    expect(back.json().code).toBe('resource.overlap');
    const history = (await c.get(`/api/v1/stock/units/${unit.id}`)).json().statusHistory;
    expect(history.map((h: { status: string; from: string; to: string | null }) => [h.status, h.from, h.to])).toEqual([
      ['occupied', '2026-12-01', null],
      ['reserved', '2026-11-10', '2026-12-01'],
      ['available', '2025-01-01', '2026-11-10'],
    ]);
    // The clock moves on: the current status follows (Europe/Rome day).
    t.clock.set('2026-11-30T23:30:00Z');
    const later = await loginAs(t.app, c.user);
    expect((await later.get(`/api/v1/stock/units/${unit.id}`)).json().currentStatus).toBe('occupied');
    t.clock.set('2026-11-23T09:00:00Z');
  });

  it('records program periods without overlaps; solution types only for dopo_di_noi', async () => {
    const { ente, c } = await staffOfNewEnte();
    const unit = await buildUnit(t.database.db, { tenantId: ente.id });
    const p1 = await c.post(`/api/v1/stock/units/${unit.id}/programs`, { program: 'erp', from: '2015-03-01', to: '2024-01-01' });
    expect(p1.statusCode).toBe(201);
    const p2 = await c.post(`/api/v1/stock/units/${unit.id}/programs`, { program: 'dopo_di_noi', solutionType: 'autonomy_gym', from: '2024-01-01' });
    expect(p2.json()).toMatchObject({ currentProgram: 'dopo_di_noi', currentSolutionType: 'autonomy_gym' });
    const overlap = await c.post(`/api/v1/stock/units/${unit.id}/programs`, { program: 'housing_first', from: '2025-01-01' });
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json().code).toBe('resource.overlap');
    const wrong = await c.post(`/api/v1/stock/units/${unit.id}/programs`, { program: 'erp', solutionType: 'respite', from: '2010-01-01', to: '2011-01-01' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0]).toMatchObject({ field: 'solutionType', code: 'stock.solution_type' });
  });
});

describe('unit list: search, filters, pagination', () => {
  let c: Client;
  let ids: Record<string, string>;
  beforeAll(async () => {
    const s = await staffOfNewEnte('social_worker');
    c = s.c;
    const tenantId = s.ente.id;
    const sanVito = await buildEstate(t.database.db, { tenantId, name: 'San Vito', code: 'SVITO' });
    const montuolo = await buildEstate(t.database.db, { tenantId, name: 'Montuolo', code: 'MONT' });
    const giorgini = await buildBuilding(t.database.db, { tenantId, estateId: sanVito.id, address: 'via Giorgini 7', neighbourhood: 'San Vito' });
    const pisana = await buildBuilding(t.database.db, { tenantId, estateId: montuolo.id, address: 'via Pisana 112', neighbourhood: 'Montuolo' });
    const from = '2024-01-01';
    ids = {};
    for (const [code, buildingId, spec] of [
      ['SV-1', giorgini.id, { beds: 1, surfaceM2: 45, rooms: 2, bedrooms: 1, status: 'available', program: 'youth_collab' }],
      ['SV-2', giorgini.id, { beds: 3, surfaceM2: 70, rooms: 3, bedrooms: 2, status: 'occupied', program: 'erp', accessibility: ['step_free_access', 'lift'] }],
      ['SV-3', giorgini.id, { beds: 4, surfaceM2: 90, rooms: 4, bedrooms: 3, status: 'maintenance', program: 'erp' }],
      ['MT-1', pisana.id, { beds: 2, surfaceM2: 40, rooms: 2, bedrooms: 1, status: 'available', program: 'erp', accessibility: ['step_free_access'] }],
      [
        'MT-2',
        pisana.id,
        { beds: 3, surfaceM2: 75, rooms: 4, bedrooms: 2, status: 'available', program: 'housing_first', accessibility: ['lift', 'step_free_access'] },
      ],
    ] as const) {
      const u = await buildUnit(t.database.db, {
        buildingId,
        code,
        surfaceM2: spec.surfaceM2,
        rooms: spec.rooms,
        bedrooms: spec.bedrooms,
        beds: spec.beds,
        accessibility: 'accessibility' in spec ? [...spec.accessibility].sort() : [],
        status: { status: spec.status, from },
        program: { program: spec.program, from },
      });
      ids[code] = u.id;
    }
  });

  const codes = async (query: string) => (await c.get(`/api/v1/stock/units?${query}`)).json().items.map((u: { code: string }) => u.code);

  it('filters by search, neighbourhood, estate, current program and status, surface, bedrooms and accessibility', async () => {
    expect(await codes('')).toEqual(['MT-1', 'MT-2', 'SV-1', 'SV-2', 'SV-3']);
    expect(await codes('q=giorgini')).toEqual(['SV-1', 'SV-2', 'SV-3']);
    expect(await codes('q=montu')).toEqual(['MT-1', 'MT-2']);
    expect(await codes('q=sv-2')).toEqual(['SV-2']);
    expect(await codes('neighbourhood=san%20vito')).toEqual(['SV-1', 'SV-2', 'SV-3']);
    const estates = (await c.get('/api/v1/stock/estates')).json().items as { id: string; name: string }[];
    expect(await codes(`estateId=${estates.find((e) => e.name === 'Montuolo')?.id}`)).toEqual(['MT-1', 'MT-2']);
    expect(await codes('program=erp')).toEqual(['MT-1', 'SV-2', 'SV-3']);
    expect(await codes('status=available')).toEqual(['MT-1', 'MT-2', 'SV-1']);
    expect(await codes('status=available&program=erp')).toEqual(['MT-1']);
    expect(await codes('minSurface=45&maxSurface=75')).toEqual(['MT-2', 'SV-1', 'SV-2']);
    expect(await codes('minBedrooms=2')).toEqual(['MT-2', 'SV-2', 'SV-3']);
    expect(await codes('accessibility=step_free_access')).toEqual(['MT-1', 'MT-2', 'SV-2']);
    expect(await codes('accessibility=step_free_access,lift')).toEqual(['MT-2', 'SV-2']);
    expect(await codes('minBeds=3')).toEqual(['MT-2', 'SV-2', 'SV-3']);
    expect((await c.get('/api/v1/stock/units?accessibility=jacuzzi')).statusCode).toBe(400);
    expect(await codes('q=%25')).toEqual([]);
  });

  it('counts the matching units by current status, and lists the neighbourhoods', async () => {
    expect((await c.get('/api/v1/stock/units/summary')).json()).toEqual({ total: 5, byStatus: { available: 3, occupied: 1, maintenance: 1 } });
    expect((await c.get('/api/v1/stock/units/summary?neighbourhood=San%20Vito&minBedrooms=2')).json()).toEqual({
      total: 2,
      byStatus: { occupied: 1, maintenance: 1 },
    });
    expect((await c.get('/api/v1/stock/units/summary?status=reserved')).json()).toEqual({ total: 0, byStatus: {} });
    expect((await c.get('/api/v1/stock/neighbourhoods')).json()).toEqual({
      items: [
        { name: 'Montuolo', unitCount: 2 },
        { name: 'San Vito', unitCount: 3 },
      ],
    });
  });

  it('pages through the list with the cursor, without gaps or repeats', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { code: string }[]; nextCursor: string | null } = (
        await c.get(`/api/v1/stock/units?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((u) => u.code));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['MT-1', 'MT-2', 'SV-1', 'SV-2', 'SV-3']);
    // A search pages the same way, whether it matches codes or the units of matching buildings.
    for (const q of ['sv', 'giorgini', 'san%20vito']) {
      const first = (await c.get(`/api/v1/stock/units?q=${q}&limit=2`)).json();
      expect(
        first.items.map((u: { code: string }) => u.code),
        q,
      ).toEqual(['SV-1', 'SV-2']);
      const second = (await c.get(`/api/v1/stock/units?q=${q}&limit=2&cursor=${first.nextCursor}`)).json();
      expect(
        second.items.map((u: { code: string }) => u.code),
        q,
      ).toEqual(['SV-3']);
      expect(second.nextCursor).toBeNull();
    }
    const filtered = (await c.get('/api/v1/stock/units?status=available&limit=2')).json();
    expect(filtered.items.map((u: { code: string }) => u.code)).toEqual(['MT-1', 'MT-2']);
    const next = (await c.get(`/api/v1/stock/units?status=available&limit=2&cursor=${filtered.nextCursor}`)).json();
    expect(next).toEqual({ items: [expect.objectContaining({ code: 'SV-1', currentStatus: 'available', currentProgram: 'youth_collab' })], nextCursor: null });
    expect((await c.get('/api/v1/stock/units?cursor=nonsense')).statusCode).toBe(400);
  });

  it('the unit detail carries its timelines', async () => {
    const detail = (await c.get(`/api/v1/stock/units/${ids['SV-2']}`)).json();
    expect(detail).toMatchObject({
      code: 'SV-2',
      estate: { name: 'San Vito' },
      building: { address: 'via Giorgini 7', neighbourhood: 'San Vito' },
      programs: [{ program: 'erp', from: '2024-01-01', to: null }],
      statusHistory: [{ status: 'occupied', from: '2024-01-01', to: null }],
    });
  });
});

describe('CSV export and import', () => {
  const HEADER =
    'unit_code,surface_m2,rooms,bedrooms,beds,owner_kind,managing_body,estate_code,estate_name,building_address,building_city,building_neighbourhood,accessibility,current_status,current_program,current_solution_type';

  it('round-trips: an export imported into another ente recreates the same units; re-imported at home it changes nothing', async () => {
    const a = await staffOfNewEnte();
    await buildOrganisation(t.database.db, { tenantId: a.ente.id, name: 'E.R.P. Lucca S.r.l.' });
    const good = [
      HEADER,
      'CM-1,62.5,3,2,2,third_sector,E.R.P. Lucca S.r.l.,MANDORLA,Casa Mandorla,via del Fosso 12,Lucca,Centro storico,step_free_access|accessible_bathroom,occupied,dopo_di_noi,stable_home',
      'CM-2,48,2,1,1,third_sector,,MANDORLA,Casa Mandorla,via del Fosso 12,Lucca,,,available,dopo_di_noi,respite',
      '"VP-286/1",71,"4",2,4,municipality,E.R.P. Lucca S.r.l.,,,"via Vecchi Pardini 286",Lucca,"Sant\'Anna, Piaggetta",,occupied,erp,',
    ].join('\r\n');
    const res = await csvPost(a.c, '/api/v1/stock/import', good);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      dryRun: false,
      valid: true,
      rows: 3,
      unitsCreated: 3,
      unitsUpdated: 0,
      estatesCreated: 1,
      buildingsCreated: 2,
      errors: [],
    });
    const list = (await a.c.get('/api/v1/stock/units?q=CM-1')).json().items[0];
    expect(list).toMatchObject({
      currentStatus: 'occupied',
      currentProgram: 'dopo_di_noi',
      currentSolutionType: 'stable_home',
      accessibility: ['accessible_bathroom', 'step_free_access'],
    });

    const exported = await a.c.get('/api/v1/stock/units.csv');
    expect(exported.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(exported.body.charCodeAt(0)).toBe(0xfeff);
    expect(exported.body).toContain('"Sant\'Anna, Piaggetta"');
    const snapshot = async (c: Client) =>
      (await c.get('/api/v1/stock/units?limit=200')).json().items.map((u: Record<string, unknown>) => ({
        ...u,
        id: undefined,
        buildingId: undefined,
        building: undefined,
        estate: undefined,
        managingOrganisationId: undefined,
      }));
    const before = await snapshot(a.c);

    const again = await csvPost(a.c, '/api/v1/stock/import', exported.body);
    expect(again.json()).toMatchObject({ unitsCreated: 0, unitsUpdated: 3, estatesCreated: 0, buildingsCreated: 0 });
    expect(await snapshot(a.c)).toEqual(before);
    expect(await count('unit_status', a.ente.id)).toBe(3);

    const b = await staffOfNewEnte();
    await buildOrganisation(t.database.db, { tenantId: b.ente.id, name: 'E.R.P. Lucca S.r.l.' });
    const copy = await csvPost(b.c, '/api/v1/stock/import', exported.body);
    expect(copy.json()).toMatchObject({ unitsCreated: 3, estatesCreated: 1, buildingsCreated: 2 });
    expect(await snapshot(b.c)).toEqual(before);
    expect((await b.c.get('/api/v1/stock/units.csv')).body).toBe(exported.body);
  });

  const BAD = [
    HEADER,
    'OK-1,50,2,1,2,municipality,,,,via Turati 150,Lucca,,,available,erp,',
    'BAD-1,cinquanta,2,3,2,emperor,,,,via Turati 150,Lucca,,jacuzzi,,,',
    'OK-1,50,2,1,2,municipality,Nessuno,,,via Turati 150,Lucca,,,,youth_collab,respite',
    ',50,2,1,2,municipality,,,,,Lucca,,,,,',
  ].join('\n');

  it('a file with bad rows writes nothing and reports every bad cell with its line and column', async () => {
    const { ente, c } = await staffOfNewEnte();
    const res = await csvPost(c, '/api/v1/stock/import', BAD);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const fields = res.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual([
      'line.3.surface_m2',
      'line.3.accessibility',
      'line.3.owner_kind',
      'line.4.current_solution_type',
      'line.4.unit_code',
      'line.4.managing_body',
      'line.5.unit_code',
      'line.5.building_address',
    ]);
    expect(res.json().errors[0]).toMatchObject({ code: 'stock.csv.number', message: 'Serve un numero (es. 62.5).' });
    for (const table of ['unit', 'estate', 'building', 'unit_status'] as const) {
      expect(await count(table, ente.id), table).toBe(0);
    }
  });

  it('a dry run reports the same errors in the request language, or the counts, and writes nothing', async () => {
    const { ente, c } = await staffOfNewEnte();
    const res = await csvPost(c, '/api/v1/stock/import?dryRun=true', BAD, 'en');
    expect(res.statusCode).toBe(200);
    const out = res.json();
    expect(out).toMatchObject({ dryRun: true, valid: false, rows: 4 });
    expect(out.errors).toHaveLength(8);
    expect(out.errors[0]).toEqual({ line: 3, field: 'surface_m2', code: 'stock.csv.number', message: 'A number is required (e.g. 62.5).' });
    const good = await csvPost(
      c,
      '/api/v1/stock/import?dryRun=true',
      [HEADER, 'OK-1,50,2,1,2,municipality,,E1,Estate one,via Turati 150,Lucca,,,,,'].join('\n'),
    );
    expect(good.json()).toMatchObject({ dryRun: true, valid: true, rows: 1, unitsCreated: 1, estatesCreated: 1, buildingsCreated: 1, errors: [] });
    for (const table of ['unit', 'estate', 'building'] as const) {
      expect(await count(table, ente.id), table).toBe(0);
    }
  });

  it('rejects a file with unknown or missing columns, and bodies that are not CSV', async () => {
    const { c } = await staffOfNewEnte();
    const res = await csvPost(c, '/api/v1/stock/import?dryRun=true', 'unit_code,colour\nX,red\n');
    expect(res.json().errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`)).toEqual(
      expect.arrayContaining(['colour:stock.csv.unknown_column', 'surface_m2:stock.csv.missing_column']),
    );
    const malformed = await csvPost(c, '/api/v1/stock/import?dryRun=true', `${HEADER}\n"unterminated,50\n`);
    expect(malformed.json().errors[0].code).toBe('stock.csv.malformed');
    const json = await c.post('/api/v1/stock/import', { rows: [] });
    expect(json.statusCode).toBe(400);
  });
});
