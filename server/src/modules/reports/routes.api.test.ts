import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBuilding, buildEnte, buildEstate, buildOrganisation, buildPerson, buildUnit, buildUser } from '../../../test/factories.js';
import { createTestApp, loginAs, type TestApp } from '../../../test/http.js';
import { type Program, ROLE_PERMISSIONS, ROLES, type Role } from '../../kernel/auth/permissions.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ loginRatePerMinute: 1000 });
});
afterAll(async () => {
  await t?.close();
});
const db = () => t.database.db;

async function staff(tenantId: string, roles: { role: Role; program?: Program | null }[]) {
  return loginAs(t.app, await buildUser(db(), { tenantId, roles }));
}

interface Indicator {
  id: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  drill: string | null;
  definition: { it: string; en: string };
}

const PEOPLE = [
  { given: 'Ottavia', family: 'Brancolini', cf: 'BRNTTV80A41E715X' },
  { given: 'Severino', family: 'Pardossi', cf: 'PRDSVR75B12E715Y' },
  { given: 'Gemma', family: 'Lucchesini', cf: 'LCCGMM90C50E715Z' },
  { given: 'Ilario', family: 'Vannucchi', cf: 'VNNLRI60D10E715W' },
];

/**
 * A small hand-checked fixture, clock at 2026-11-23 (manualClock), period 2025:
 * - ERP call: 4 applications submitted in 2025 (5 Feb, 10 Mar, 20 Apr, 1 Jun), 2 admitted;
 *   applicant 1 housed on 2025-03-01 (wait 24 days), applicant 2 housed on 2025-06-08 (90 days).
 * - 6 ERP units of 3 beds in estate A: 3 occupied, 2 available, 1 under maintenance on 31 Dec 2025.
 * - tenancies of applicants 1 and 2: 300 € charged each; 1 paid 100 € (owes 200 €), 2 paid all.
 * - Housing First: 3 participants housed 2024-01-10 (still in), 2024-03-01 (evicted 2024-05-01),
 *   2025-09-01 (mark after 31 Dec 2025).
 */
async function fixture() {
  const ente = await buildEnte(db());
  const estate = await buildEstate(db(), { tenantId: ente.id, name: 'Complesso San Vito' });
  const building = await buildBuilding(db(), { tenantId: ente.id, estateId: estate.id, neighbourhood: 'San Vito' });
  const statuses = ['occupied', 'occupied', 'occupied', 'available', 'available', 'maintenance'];
  const units = [];
  for (const status of statuses) {
    units.push(
      await buildUnit(db(), { buildingId: building.id, beds: 3, status: { status, from: '2024-01-01' }, program: { program: 'erp', from: '2024-01-01' } }),
    );
  }
  const people = [];
  for (const p of PEOPLE) {
    people.push(
      await buildPerson(db(), { tenantId: ente.id, givenName: p.given, familyName: p.family, codiceFiscale: p.cf, enrolments: [{ program: 'erp' }] }),
    );
  }
  const call = await db()
    .insertInto('call')
    .values({
      tenant_id: ente.id,
      program: 'erp',
      title_it: 'Bando ERP 2025',
      title_en: 'ERP call 2025',
      opens_at: new Date('2025-01-01T00:00:00Z'),
      closes_at: new Date('2025-12-31T00:00:00Z'),
      status: 'final',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const submitted = ['2025-02-05T10:00:00Z', '2025-03-10T10:00:00Z', '2025-04-20T10:00:00Z', '2025-06-01T10:00:00Z'];
  const appStatus = ['admitted', 'admitted', 'excluded', 'submitted'];
  for (const [i, p] of people.entries()) {
    await db()
      .insertInto('application')
      .values({
        tenant_id: ente.id,
        call_id: call.id,
        person_id: p.id,
        status: appStatus[i] as string,
        applicant: JSON.stringify({ givenName: PEOPLE[i]?.given, familyName: PEOPLE[i]?.family, codiceFiscale: PEOPLE[i]?.cf }),
        protocol_year: 2025,
        protocol_number: i + 1,
        protocol: `2025/${i + 1}`,
        submitted_at: new Date(submitted[i] as string),
        exclusion_reason: appStatus[i] === 'excluded' ? 'other' : null,
      })
      .execute();
  }
  // Applicant 1 housed on 2025-01-01? No: 2025-03-01 (24 days after 5 Feb is 1 Mar).
  const tenancies = [
    { person: people[0]?.id, unit: units[0]?.id, start: '2025-03-01', paid: -10_000 },
    { person: people[1]?.id, unit: units[1]?.id, start: '2025-06-08', paid: -30_000 },
  ];
  for (const [i, x] of tenancies.entries()) {
    const row = await db()
      .insertInto('tenancy')
      .values({
        tenant_id: ente.id,
        code: `T-${i}-${ente.slug.slice(-6).toUpperCase()}`,
        unit_id: x.unit as string,
        person_id: x.person as string,
        program: 'erp',
        kind: 'erp_lease',
        during: sql<string>`daterange(${x.start}::date, NULL)`,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db()
      .insertInto('ledger_entry')
      .values({ tenant_id: ente.id, tenancy_id: row.id, kind: 'charge', component: 'rent', entry_date: x.start, amount_cents: 30_000, reason: 'canone' })
      .execute();
    await db()
      .insertInto('ledger_entry')
      .values({ tenant_id: ente.id, tenancy_id: row.id, kind: 'payment', entry_date: x.start, amount_cents: x.paid, reason: 'pagamento' })
      .execute();
  }
  const hf = [
    { housed: '2024-01-10', left: null, exit: null },
    { housed: '2024-03-01', left: '2024-05-01', exit: 'eviction' },
    { housed: '2025-09-01', left: null, exit: null },
  ];
  for (const h of hf) {
    const person = await buildPerson(db(), { tenantId: ente.id, enrolments: [{ program: 'housing_first' }] });
    const c = await db()
      .insertInto('case_file')
      .values({ tenant_id: ente.id, program: 'housing_first', person_id: person.id, opened_on: '2024-01-01' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db().insertInto('hf_placement').values({ tenant_id: ente.id, case_id: c.id, housed_on: h.housed, left_on: h.left, exit_kind: h.exit }).execute();
  }
  // Mediation: opened 1 Feb and closed 21 Feb 2025 (20 days); opened 1 May 2025, still open.
  await db()
    .insertInto('mediation_case')
    .values([
      {
        tenant_id: ente.id,
        estate_id: estate.id,
        type: 'noise',
        severity: 'low',
        reported_by: 'resident',
        summary: 'Rumori',
        opened_on: '2025-02-01',
        status: 'closed',
        closed_on: '2025-02-21',
        result: 'resolved',
      },
      {
        tenant_id: ente.id,
        estate_id: estate.id,
        type: 'common_spaces',
        severity: 'medium',
        reported_by: 'resident',
        summary: 'Cortile',
        opened_on: '2025-05-01',
      },
    ])
    .execute();
  return { ente, estate };
}

const Q = '?from=2025-01-01&to=2025-12-31';

describe('indicators computed by hand on a small fixture', () => {
  it('calls, stock, tenancies and Housing First figures with their definitions', async () => {
    const { ente, estate } = await fixture();
    const op = await staff(ente.id, [{ role: 'housing_operator' }]);
    const res = await op.get(`/api/v1/reports/indicators${Q}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{ indicators: Indicator[]; tables: { id: string; rows: Record<string, unknown>[] }[]; period: { ref: string } }>();
    const v = (id: string) => body.indicators.find((i) => i.id === id) as Indicator;
    expect(body.period.ref).toBe('2025-12-31');
    expect(v('applications_received').value).toBe(4);
    expect(v('applications_admitted').value).toBe(2);
    expect(v('applications_housed').value).toBe(2);
    expect(v('wait_mean_days').value).toBe(57); // (24 + 90) / 2
    expect(v('wait_median_days').value).toBe(57);
    expect(v('unit_occupancy')).toMatchObject({ value: 6000, numerator: 3, denominator: 5 });
    expect(v('bed_occupancy')).toMatchObject({ value: 6000, numerator: 9, denominator: 15 });
    expect(v('arrears_rate')).toMatchObject({ value: 5000, numerator: 1, denominator: 2 });
    expect(v('arrears_amount').value).toBe(20_000);
    expect(v('hf_retention_6')).toMatchObject({ value: 5000, numerator: 1, denominator: 2 });
    expect(v('hf_retention_12')).toMatchObject({ value: 5000, numerator: 1, denominator: 2 });
    expect([v('mediation_opened').value, v('mediation_closed').value, v('mediation_median_days').value]).toEqual([2, 1, 20]);
    for (const i of body.indicators) {
      expect(i.definition.it.length, i.id).toBeGreaterThan(10);
      expect(i.definition.en.length, i.id).toBeGreaterThan(10);
    }
    expect(body.tables.find((x) => x.id === 'arrears_by_estate')?.rows).toEqual([
      { estate: 'Complesso San Vito', tenancies: 2, in_arrears: 1, rate: 5000, amount: 20_000 },
    ]);
    // Drill-down for the operator; the estate filter keeps the figures, another estate empties them.
    expect(v('arrears_rate').drill).toBe('/tenancies/arrears');
    const other = await buildEstate(db(), { tenantId: ente.id });
    const filtered = (await op.get(`/api/v1/reports/indicators${Q}&estateId=${other.id}`)).json<{ indicators: Indicator[] }>();
    expect(filtered.indicators.find((i) => i.id === 'unit_occupancy')?.denominator).toBe(0);
    const same = (await op.get(`/api/v1/reports/indicators${Q}&estateId=${estate.id}`)).json<{ indicators: Indicator[] }>();
    expect(same.indicators.find((i) => i.id === 'unit_occupancy')?.denominator).toBe(5);

    // Exports: CSV, XLSX and the funder PDF carry the figures.
    const csv = await op.get(`/api/v1/reports/tables/arrears_by_estate.csv${Q}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('Complesso San Vito,2,1,50,200');
    const xlsx = await op.get(`/api/v1/reports/tables/indicators.xlsx${Q}`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(xlsx.rawPayload.toString('utf8')).toContain('Domande ricevute');
    const pdf = await op.get(`/api/v1/reports/funder.pdf${Q}&program=erp`);
    expect(pdf.statusCode).toBe(200);
    const text = pdf.rawPayload.toString('latin1');
    expect(text.startsWith('%PDF-1.4')).toBe(true);
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
    expect(text).toContain('(Rapporto al finanziatore)');
    expect(text).toContain('(60,0 %)'); // unit occupancy
    expect(text).toContain('(\u0080 200,00)'); // arrears amount (euro sign in WinAnsi)
    expect(text).toMatch(/ re f\n/); // the chart's bars are vector rectangles
    expect(Number(/\/Type \/Pages \/Kids \[[^\]]*\] \/Count (\d+)/.exec(text)?.[1])).toBeGreaterThanOrEqual(3); // cover, indicators, chart
  });
});

describe('who may read and export reports', () => {
  it('report:read reads, report:export exports; program-limited roles see only their programs; drill-down by permission', async () => {
    const ente = await buildEnte(db());
    for (const role of ROLES) {
      const c = await staff(ente.id, [{ role }]);
      const perms = ROLE_PERMISSIONS[role];
      expect((await c.get('/api/v1/reports/indicators')).statusCode, role).toBe(perms.includes('report:read') ? 200 : 403);
      expect((await c.get('/api/v1/reports/funder.pdf')).statusCode, role).toBe(perms.includes('report:export') ? 200 : 403);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/reports/indicators' })).statusCode).toBe(401);
    const limited = await staff(ente.id, [{ role: 'housing_operator', program: 'erp' }]);
    const mine = await limited.get('/api/v1/reports/indicators');
    expect(mine.json<{ programs: string[] }>().programs).toEqual(['erp']);
    expect((await limited.get('/api/v1/reports/indicators?program=housing_first')).statusCode).toBe(403);
    expect((await limited.get('/api/v1/reports/funder.pdf?program=housing_first')).statusCode).toBe(403);
    const ids = (await limited.get('/api/v1/reports/indicators')).json<{ indicators: Indicator[] }>().indicators.map((i) => i.id);
    expect(ids).toContain('arrears_rate');
    expect(ids.filter((id) => /^(stay_|hf_|agency_|mediation_)/.test(id))).toEqual([]);
    // The admin reads the figures but has no tenancy:read: no drill-down to the arrears list.
    const admin = await staff(ente.id, [{ role: 'admin' }]);
    const ind = (await admin.get('/api/v1/reports/indicators')).json<{ indicators: Indicator[] }>().indicators;
    expect(ind.find((i) => i.id === 'arrears_rate')?.drill).toBeNull();
    expect(ind.find((i) => i.id === 'unit_occupancy')?.drill).toMatch(/^\/stock\?status=occupied/);
  });

  it('a report never shows another ente’s data', async () => {
    const { ente } = await fixture();
    const other = await buildEnte(db());
    const c = await staff(other.id, [{ role: 'housing_operator' }]);
    const ind = (await c.get(`/api/v1/reports/indicators${Q}`)).json<{ indicators: Indicator[] }>().indicators;
    expect(ind.find((i) => i.id === 'applications_received')?.value).toBe(0);
    expect(ente.id).not.toBe(other.id);
  });
});

describe('open data', () => {
  it('is public, licensed CC-BY 4.0, suppresses small counts and carries no personal data', async () => {
    const { ente } = await fixture();
    const org = await buildOrganisation(db(), { tenantId: ente.id, name: 'Cooperativa Riservata' });
    expect(org.id).toBeTruthy();
    const index = await t.app.inject({ method: 'GET', url: `/api/v1/open-data/${ente.slug}` });
    expect(index.statusCode).toBe(200);
    const idx = index.json<{ licence: { id: string }; datasets: { id: string; json: string; csv: string }[] }>();
    expect(idx.licence.id).toBe('CC-BY-4.0');
    expect(idx.datasets.map((d) => d.csv)).toContain(`/api/v1/open-data/${ente.slug}/housing-stock.csv`);
    const everything: string[] = [];
    for (const d of idx.datasets) {
      for (const year of [2024, 2025]) {
        const j = await t.app.inject({ method: 'GET', url: `${d.json}?year=${year}` });
        expect(j.statusCode, j.body).toBe(200);
        const c = await t.app.inject({ method: 'GET', url: `${d.csv}?year=${year}` });
        expect(c.statusCode).toBe(200);
        everything.push(j.body, c.body);
        for (const row of j.json<{ rows: Record<string, unknown>[] }>().rows) {
          for (const [k, val] of Object.entries(row)) {
            if (typeof val === 'number' && k !== 'year') {
              expect(val, `${d.id} ${k}`).toBeGreaterThanOrEqual(5);
            }
          }
        }
      }
    }
    const stock = await t.app.inject({ method: 'GET', url: `/api/v1/open-data/${ente.slug}/housing-stock.json?year=2025` });
    expect(stock.json<{ rows: unknown[] }>().rows).toEqual([
      { program: 'erp', neighbourhood: 'San Vito', year: 2025, units: 6, occupied: '< 5', beds: 18 },
      { program: 'erp', neighbourhood: 'TOTALE', year: 2025, units: 6, occupied: '< 5', beds: 18 },
    ]);
    const apps = await t.app.inject({ method: 'GET', url: `/api/v1/open-data/${ente.slug}/applications.csv?year=2025` });
    expect(apps.body).toContain('erp,-,2025,< 5,< 5');
    const blob = everything.join('\n').toLowerCase();
    for (const p of PEOPLE) {
      expect(blob).not.toContain(p.cf.toLowerCase());
      expect(blob).not.toContain(p.family.toLowerCase());
      expect(blob).not.toContain(p.given.toLowerCase());
    }
    expect(blob).not.toMatch(/[a-z]{6}\d{2}[a-z]\d{2}[a-z]\d{3}[a-z]/); // no codice fiscale shape
    expect(blob).not.toContain('riservata');
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/open-data/${ente.slug}/people.json` })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/open-data/nessuno/applications.json' })).statusCode).toBe(404);
  });
});
