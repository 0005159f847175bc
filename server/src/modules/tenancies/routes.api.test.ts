import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEnte, buildPerson, buildUnit, buildUser } from '../../../test/factories.js';
import { type Client, createTestApp, loginAs, type TestApp } from '../../../test/http.js';
import { type Program, ROLE_PERMISSIONS, ROLES, type Role } from '../../kernel/auth/permissions.js';
import { runInTenant } from '../../kernel/db/tenant.js';
import { startStandInGateway } from './pagopa/standin.js';
import { isValidNoticeNumber } from './rules/iuv.js';

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

async function household(tenantId: string, name: string, personId?: string) {
  const { id } = await db().insertInto('household').values({ tenant_id: tenantId, name }).returning('id').executeTakeFirstOrThrow();
  const head = personId ?? (await buildPerson(db(), { tenantId, familyName: name.split(' ').at(-1) })).id;
  await db()
    .insertInto('household_member')
    .values({ tenant_id: tenantId, household_id: id, person_id: head, relationship: 'head', joined_on: '2020-01-01' })
    .execute();
  return id;
}

async function world() {
  const ente = await buildEnte(db());
  const op = await staff(ente.id);
  const unit = await buildUnit(db(), { tenantId: ente.id, surfaceM2: 62.5, status: { status: 'available', from: '2025-01-01' } });
  const hh = await household(ente.id, 'Nucleo Rossi');
  return { ente, op, unit, hh };
}

const income = { annualIncomeCents: 1_200_000, protectedIncomeOnly: true, iseeCents: 900_000, dependants: 0 };
const tenancyBody = (unitId: string, householdId: string, o: Record<string, unknown> = {}) => ({
  unitId,
  householdId,
  program: 'erp',
  kind: 'erp_lease',
  startDate: '2026-01-01',
  endDate: null,
  depositCents: 21_000,
  serviceChargesCents: 2_500,
  income,
  signatories: [{ name: 'Mario Rossi', role: 'tenant', signedOn: '2025-12-20' }],
  documents: [{ kind: 'contract', title: 'Contratto di locazione ERP', reference: 'PG 2025/123456' }],
  ...o,
});

const statuses = (unitId: string) =>
  db()
    .selectFrom('unit_status')
    .select(['status', sql<string>`lower(during)`.as('from'), sql<string | null>`upper(during)`.as('to')])
    .where('unit_id', '=', unitId)
    .orderBy(sql`lower(during)`)
    .execute();

describe('who may call the tenancy routes', () => {
  it('tenancy:read lists, tenancy:manage creates, tenancy:own reads /me; everyone else 403, anonymous 401', async () => {
    const { ente, unit, hh } = await world();
    for (const role of ROLES) {
      const c = await staff(ente.id, role);
      const perms = ROLE_PERMISSIONS[role];
      const reads = perms.includes('tenancy:read') || perms.includes('tenancy:manage');
      expect((await c.get('/api/v1/tenancies')).statusCode, role).toBe(reads ? 200 : 403);
      expect((await c.get('/api/v1/tenancies/arrears')).statusCode, role).toBe(reads ? 200 : 403);
      expect((await c.get('/api/v1/me/tenancies')).statusCode, role).toBe(perms.includes('tenancy:own') ? 200 : 403);
      const created = await c.post(
        '/api/v1/tenancies',
        tenancyBody(unit.id, hh, { startDate: `2030-0${ROLES.indexOf(role) + 1}-01`, endDate: `2030-0${ROLES.indexOf(role) + 1}-15` }),
      );
      expect(created.statusCode, `${role} ${created.body}`).toBe(perms.includes('tenancy:manage') ? 201 : 403);
      expect((await c.post('/api/v1/tenancies/charge-runs', { month: '2026-01' })).statusCode, role).toBe(perms.includes('tenancy:manage') ? 201 : 403);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/tenancies' })).statusCode).toBe(401);
  });
});

describe('creating a tenancy', () => {
  it('occupies the unit over the period, explains the rent, and refuses overlaps with 409', async () => {
    const { op, unit, hh, ente } = await world();
    const res = await op.post('/api/v1/tenancies', tenancyBody(unit.id, hh));
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ program: 'erp', state: 'active', tenantName: 'Nucleo Rossi', depositCents: 21_000, serviceChargesCents: 2_500 });
    // 12,000 € of pension income ≤ 2 minimum pensions → canone sociale 7% = 840 €/year = 70 €/month.
    expect(body.rent).toMatchObject({ annualCents: 84_000, monthlyCents: 7_000, category: 'canone_sociale', reason: 'start' });
    expect(body.rent.lines.map((l: { code: string }) => l.code)).toContain('erp_social');
    expect(body.rent.lines[0].text).toContain('12.000,00');
    expect(body.signatories).toHaveLength(1);
    expect(body.documents[0]).toMatchObject({ kind: 'contract', reference: 'PG 2025/123456' });
    expect(await statuses(unit.id)).toEqual([
      { status: 'available', from: '2025-01-01', to: '2026-01-01' },
      { status: 'occupied', from: '2026-01-01', to: null },
    ]);

    const overlap = await op.post('/api/v1/tenancies', tenancyBody(unit.id, hh, { startDate: '2026-06-01' }));
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json().code).toBe('resource.overlap');
    const bedOverlap = await op.post('/api/v1/tenancies', tenancyBody(unit.id, hh, { startDate: '2026-06-01', bed: 1 }));
    expect(bedOverlap.statusCode).toBe(409);

    // The unit's history shows it (names only to tenancy readers).
    const history = await op.get(`/api/v1/tenancies/by-unit/${unit.id}`);
    expect(history.json().items).toEqual([expect.objectContaining({ id: body.id, tenantName: 'Nucleo Rossi', state: 'active' })]);
    const admin = await staff(ente.id, 'admin');
    expect((await admin.get(`/api/v1/tenancies/by-unit/${unit.id}`)).json().items[0].tenantName).toBeNull();

    // Ending frees the unit from the end day on.
    const ended = await op.post(`/api/v1/tenancies/${body.id}/end`, { endDate: '2027-01-01', reason: 'Disdetta' });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toMatchObject({ endDate: '2027-01-01', endReason: 'Disdetta' });
    expect(await statuses(unit.id)).toEqual([
      { status: 'available', from: '2025-01-01', to: '2026-01-01' },
      { status: 'occupied', from: '2026-01-01', to: '2027-01-01' },
      { status: 'available', from: '2027-01-01', to: null },
    ]);
    // A new tenancy can start when the other ends.
    expect((await op.post('/api/v1/tenancies', tenancyBody(unit.id, hh, { startDate: '2027-01-01' }))).statusCode).toBe(201);
  });

  it('refuses a unit under maintenance, an unknown household, a bed beyond capacity and a reversed period', async () => {
    const { op, ente, hh } = await world();
    const broken = await buildUnit(db(), { tenantId: ente.id, beds: 2, status: { status: 'maintenance', from: '2025-01-01' } });
    expect((await op.post('/api/v1/tenancies', tenancyBody(broken.id, hh))).statusCode).toBe(409);
    const free = await buildUnit(db(), { tenantId: ente.id, beds: 2 });
    expect((await op.post('/api/v1/tenancies', tenancyBody(free.id, crypto.randomUUID()))).json().code).toBe('tenancy.household_unknown');
    expect((await op.post('/api/v1/tenancies', tenancyBody(free.id, hh, { bed: 3 }))).json().code).toBe('tenancy.bed_out_of_range');
    const reversed = await op.post('/api/v1/tenancies', tenancyBody(free.id, hh, { endDate: '2025-01-01' }));
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().errors[0].field).toBe('endDate');
    // Two beds of one unit may overlap; the same bed may not.
    expect((await op.post('/api/v1/tenancies', tenancyBody(free.id, hh, { bed: 1, program: 'youth_collab', kind: 'collab_agreement' }))).statusCode).toBe(201);
    expect((await op.post('/api/v1/tenancies', tenancyBody(free.id, hh, { bed: 2, program: 'youth_collab', kind: 'collab_agreement' }))).statusCode).toBe(201);
    expect(
      (await op.post('/api/v1/tenancies', tenancyBody(free.id, hh, { bed: 2, startDate: '2026-03-01', program: 'youth_collab', kind: 'collab_agreement' })))
        .statusCode,
    ).toBe(409);
    expect((await op.post('/api/v1/tenancies', tenancyBody(free.id, hh, { startDate: '2026-03-01' }))).statusCode).toBe(409);
  });
});

describe('rent history and monthly charges', () => {
  it('an income update recomputes the rent from a day; charges use the rent in force each month; the run is idempotent', async () => {
    const { op, unit, hh } = await world();
    const { id } = (await op.post('/api/v1/tenancies', tenancyBody(unit.id, hh, { startDate: '2026-01-16' }))).json();
    // From 1 March the household earns 20,000 € from work → band 2 (14%) = 2,800 €/year.
    const updated = await op.post(`/api/v1/tenancies/${id}/income`, { effectiveFrom: '2026-03-01', annualIncomeCents: 2_000_000, protectedIncomeOnly: true });
    expect(updated.statusCode, updated.body).toBe(201);
    const detail = updated.json();
    expect(detail.rentHistory.map((r: { effectiveFrom: string; annualCents: number }) => [r.effectiveFrom, r.annualCents])).toEqual([
      ['2026-03-01', 280_000],
      ['2026-01-16', 84_000],
    ]);
    expect(detail.incomes).toHaveLength(2);

    for (const month of ['2026-01', '2026-02', '2026-03']) {
      const run = await op.post('/api/v1/tenancies/charge-runs', { month });
      expect(run.statusCode, run.body).toBe(201);
    }
    const again = await op.post('/api/v1/tenancies/charge-runs', { month: '2026-03' });
    expect(again.json()).toMatchObject({ status: 'done', chargesCreated: 0, tenanciesTotal: 1, tenanciesDone: 1 });

    const ledger = (await op.get(`/api/v1/tenancies/${id}/ledger`)).json();
    const charges = ledger.entries.map((e: { chargeMonth: string; component: string; amountCents: number }) => [e.chargeMonth, e.component, e.amountCents]);
    // January: from the 16th, 16 of 31 days: 7,000 × 16 / 31 = 3,612.9 → 3,613; 2,500 × 16 / 31 = 1,290.3 → 1,290.
    // February: 7,000 + 2,500. March: 280,000 / 12 = 23,333 rem 4 → March (3rd month) gets 23,334.
    expect(charges).toEqual([
      ['2026-01-01', 'rent', 3_613],
      ['2026-01-01', 'service_charges', 1_290],
      ['2026-02-01', 'rent', 7_000],
      ['2026-02-01', 'service_charges', 2_500],
      ['2026-03-01', 'rent', 23_334],
      ['2026-03-01', 'service_charges', 2_500],
    ]);
    expect(ledger.balanceCents).toBe(3_613 + 1_290 + 9_500 + 25_834);
    const feb = (await op.get(`/api/v1/tenancies/${id}/ledger?at=2026-02-28`)).json();
    expect(feb.balanceCents).toBe(3_613 + 1_290 + 9_500);
    const runs = (await op.get('/api/v1/tenancies/charge-runs')).json().items;
    expect(runs).toHaveLength(4);
  });
});

describe('the ledger', () => {
  it('payments, adjustments and write-offs are new rows; the balance is their sum; rows cannot be changed or deleted', async () => {
    const { op, unit, hh, ente } = await world();
    const { id } = (await op.post('/api/v1/tenancies', tenancyBody(unit.id, hh))).json();
    await op.post('/api/v1/tenancies/charge-runs', { month: '2026-02' });
    const paid = await op.post(`/api/v1/tenancies/${id}/ledger`, { kind: 'payment', entryDate: '2026-02-10', amountCents: 6_000, reason: 'Bonifico' });
    expect(paid.statusCode, paid.body).toBe(201);
    await op.post(`/api/v1/tenancies/${id}/ledger`, {
      kind: 'adjustment',
      direction: 'credit',
      entryDate: '2026-02-11',
      amountCents: 500,
      reason: 'Rimborso luce scale',
    });
    await op.post(`/api/v1/tenancies/${id}/ledger`, { kind: 'write_off', entryDate: '2026-02-12', amountCents: 1_000, reason: 'Stralcio' });
    const ledger = (await op.get(`/api/v1/tenancies/${id}/ledger`)).json();
    expect(ledger.balanceCents).toBe(7_000 + 2_500 - 6_000 - 500 - 1_000);
    expect(ledger.entries.at(-1)).toMatchObject({ kind: 'write_off', amountCents: -1_000, balanceAfterCents: 2_000, authorName: expect.any(String) });
    expect(ledger.totals).toEqual({ charges: 9_500, payments: -6_000, adjustments: -500, writeOffs: -1_000 });
    expect((await op.post(`/api/v1/tenancies/${id}/ledger`, { kind: 'payment', entryDate: '2026-02-10', amountCents: 0, reason: 'x' })).statusCode).toBe(400);

    // The application role may not update or delete; the trigger stops even the owner.
    const app = runInTenant(db(), { tenantId: ente.id, userId: null }, (trx) =>
      sql`UPDATE ledger_entry SET amount_cents = 1 WHERE tenancy_id = ${id}`.execute(trx),
    );
    await expect(app).rejects.toThrow();
    await expect(sql`DELETE FROM ledger_entry WHERE tenancy_id = ${id}`.execute(db())).rejects.toThrow(/append-only/);
  });
});

describe('payment notices and the gateway receipt', () => {
  it('issues a notice with valid IUV check digits; a signed receipt posts the payment once; a bad signature is refused', async () => {
    const { op, unit, hh } = await world();
    const { id } = (await op.post('/api/v1/tenancies', tenancyBody(unit.id, hh))).json();
    expect((await op.post(`/api/v1/tenancies/${id}/notices`, {})).json().code).toBe('tenancy.payments_not_configured');
    const fiscal = String(Math.floor(Math.random() * 1e11)).padStart(11, '0');
    const secret = 'a-very-secret-receipt-key-for-tests';
    expect(
      (
        await op.request({
          method: 'PUT',
          url: '/api/v1/tenancies/payment-settings',
          payload: { creditorFiscalCode: fiscal, segregationCode: 7, receiptSecret: secret },
        })
      ).statusCode,
    ).toBe(200);
    expect((await op.post(`/api/v1/tenancies/${id}/notices`, {})).json().code).toBe('tenancy.nothing_owed');
    await op.post('/api/v1/tenancies/charge-runs', { month: '2026-01' });
    const notice = (await op.post(`/api/v1/tenancies/${id}/notices`, {})).json();
    expect(notice).toMatchObject({ amountCents: 9_500, status: 'open', creditorFiscalCode: fiscal });
    expect(notice.noticeNumber).toMatch(/^307\d{15}$/);
    expect(isValidNoticeNumber(notice.noticeNumber)).toBe(true);
    const second = (await op.post(`/api/v1/tenancies/${id}/notices`, { amountCents: 100 })).json();
    expect(second.noticeNumber).not.toBe(notice.noticeNumber);

    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const gateway = await startStandInGateway({ callbackUrl: `${address}/api/v1/payments/pagopa/receipts`, creditorFiscalCode: fiscal, secret });
    try {
      const paid = await gateway.pay({ noticeNumber: notice.noticeNumber, amountCents: 9_500, paidAt: '2026-01-20T10:00:00+01:00' });
      expect(paid.status, JSON.stringify(paid.body)).toBe(200);
      expect(paid.body).toEqual({ outcome: 'posted', noticeNumber: notice.noticeNumber });
      const dup = await gateway.resend(paid.receipt);
      expect(dup.body).toEqual({ outcome: 'duplicate', noticeNumber: notice.noticeNumber });
      const forged = await gateway.resend({ ...paid.receipt, receiptId: 'RT-forged', amountCents: 1 }, 'ab'.repeat(32));
      expect(forged.status).toBe(401);
    } finally {
      await gateway.close();
    }
    const ledger = (await op.get(`/api/v1/tenancies/${id}/ledger`)).json();
    expect(ledger.balanceCents).toBe(0);
    expect(ledger.entries.filter((e: { kind: string }) => e.kind === 'payment')).toEqual([
      expect.objectContaining({ amountCents: -9_500, entryDate: '2026-01-20', noticeNumber: notice.noticeNumber }),
    ]);
    const notices = (await op.get(`/api/v1/tenancies/${id}/notices`)).json().items;
    expect(notices.find((n: { id: string }) => n.id === notice.id).status).toBe('paid');
  });
});

describe('arrears early warning and program scoping', () => {
  it('lists risky tenancies first, each role sees only its programs, mediators see ERP', async () => {
    const { op, ente, hh } = await world();
    const mk = async (program: Program, kind: string) => {
      const u = await buildUnit(db(), { tenantId: ente.id, status: { status: 'available', from: '2025-01-01' } });
      return (await op.post('/api/v1/tenancies', tenancyBody(u.id, hh, { program, kind, startDate: '2026-01-01' }))).json().id as string;
    };
    const erp = await mk('erp', 'erp_lease');
    const youth = await mk('youth_collab', 'collab_agreement');
    const hf = await mk('housing_first', 'housing_first_hosting');
    for (const month of ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']) {
      await op.post('/api/v1/tenancies/charge-runs', { month });
    }
    // The youth tenancy pays everything; the others pay nothing.
    const owed = (await op.get(`/api/v1/tenancies/${youth}/ledger`)).json().balanceCents;
    await op.post(`/api/v1/tenancies/${youth}/ledger`, { kind: 'payment', entryDate: '2026-11-05', amountCents: owed, reason: 'Saldo' });

    const list = (await op.get('/api/v1/tenancies/arrears')).json().items;
    expect(new Set(list.map((i: { tenancyId: string }) => i.tenancyId))).toEqual(new Set([erp, hf]));
    expect(list).toHaveLength(2);
    expect(list[0].arrears.score).toBeGreaterThanOrEqual(list[1].arrears.score);
    expect(list[0].arrears.level).toBe('critical');
    expect(list[0].arrears.lines[0].text).toMatch(/Morosità/);

    const social = await staff(ente.id, 'social_worker', 'youth_collab');
    expect((await social.get('/api/v1/tenancies')).json().items.map((i: { id: string }) => i.id)).toEqual([youth]);
    expect((await social.get('/api/v1/tenancies/arrears')).json().items).toEqual([]);
    expect((await social.get(`/api/v1/tenancies/${erp}`)).statusCode).toBe(404);
    const mediator = await staff(ente.id, 'mediator', 'mediation');
    expect((await mediator.get('/api/v1/tenancies/arrears')).json().items.map((i: { tenancyId: string }) => i.tenancyId)).toEqual([erp]);
    const hfTeam = await staff(ente.id, 'housing_first_team', 'housing_first');
    expect((await hfTeam.get('/api/v1/tenancies/arrears')).json().items.map((i: { tenancyId: string }) => i.tenancyId)).toEqual([hf]);
    expect((await hfTeam.get(`/api/v1/tenancies/${hf}`)).json().arrears.level).not.toBe('none');
  });
});

describe("the tenant's own page and tenant isolation", () => {
  it('a citizen sees their tenancy, rent explanation and ledger, and no one else’s; another ente sees nothing', async () => {
    const { op, unit, ente } = await world();
    const citizenUser = await buildUser(db(), { tenantId: ente.id, roles: [{ role: 'citizen' }] });
    const me = await buildPerson(db(), { tenantId: ente.id, userId: citizenUser.id, givenName: 'Francesca', familyName: 'Ricci' });
    const mine = await household(ente.id, 'Nucleo Ricci', me.id);
    const { id } = (await op.post('/api/v1/tenancies', tenancyBody(unit.id, mine))).json();
    const other = await buildUnit(db(), { tenantId: ente.id });
    await op.post('/api/v1/tenancies', tenancyBody(other.id, await household(ente.id, 'Nucleo Verdi')));
    await op.post('/api/v1/tenancies/charge-runs', { month: '2026-01' });

    const citizen = await loginAs(t.app, citizenUser);
    const page = (await citizen.get('/api/v1/me/tenancies')).json();
    expect(page.items).toHaveLength(1);
    expect(page.items[0].tenancy).toMatchObject({ id, tenantName: 'Nucleo Ricci' });
    expect(page.items[0].tenancy.rent.lines.length).toBeGreaterThan(3);
    expect(page.items[0].ledger.balanceCents).toBe(9_500);
    expect((await citizen.get(`/api/v1/tenancies/${id}`)).statusCode).toBe(403);

    const b = await buildEnte(db());
    const bOp = await staff(b.id);
    expect((await bOp.get(`/api/v1/tenancies/${id}`)).statusCode).toBe(404);
    expect((await bOp.get(`/api/v1/tenancies/${id}/ledger`)).statusCode).toBe(404);
    expect((await bOp.post(`/api/v1/tenancies/${id}/ledger`, { kind: 'payment', entryDate: '2026-01-02', amountCents: 5, reason: 'x' })).statusCode).toBe(404);
    expect((await bOp.post(`/api/v1/tenancies/${id}/end`, { endDate: '2026-06-01', reason: 'x' })).statusCode).toBe(404);
    expect((await bOp.get('/api/v1/tenancies')).json().items).toEqual([]);
    expect((await bOp.post('/api/v1/tenancies', tenancyBody(unit.id, mine, { startDate: '2031-01-01' }))).json().code).toBe('tenancy.unit_unknown');
    const bCharge = (await bOp.post('/api/v1/tenancies/charge-runs', { month: '2026-01' })).json();
    expect(bCharge.chargesCreated).toBe(0);
  });
});

describe('concurrency (meaningful on PostgreSQL)', () => {
  it('two tenancies for one unit at once: one is created, the other gets 409; two charge runs at once charge once', async () => {
    const { op, unit, hh } = await world();
    const [a, b] = await Promise.all([
      op.post('/api/v1/tenancies', tenancyBody(unit.id, hh, { startDate: '2026-02-01' })),
      op.post('/api/v1/tenancies', tenancyBody(unit.id, hh, { startDate: '2026-03-01' })),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    const id = (a.statusCode === 201 ? a : b).json().id;
    const runs = await Promise.all([
      op.post('/api/v1/tenancies/charge-runs', { month: '2026-04' }),
      op.post('/api/v1/tenancies/charge-runs', { month: '2026-04' }),
    ]);
    expect(runs.map((r) => r.statusCode)).toEqual([201, 201]);
    expect(runs.map((r) => r.json().chargesCreated).sort()).toEqual([0, 2]);
    const ledger = (await op.get(`/api/v1/tenancies/${id}/ledger`)).json();
    expect(ledger.entries.filter((e: { chargeMonth: string }) => e.chargeMonth === '2026-04-01')).toHaveLength(2);
  });
});

describe('aged arrears report', () => {
  it('buckets the unpaid charges by age (oldest paid first), by estate or program, as JSON and CSV, within scope', async () => {
    const { op, unit, hh, ente } = await world();
    const { id } = (await op.post('/api/v1/tenancies', tenancyBody(unit.id, hh, { startDate: '2026-06-01' }))).json();
    for (const month of ['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']) {
      await op.post('/api/v1/tenancies/charge-runs', { month });
    }
    await op.post(`/api/v1/tenancies/${id}/ledger`, { kind: 'payment', entryDate: '2026-07-10', amountCents: 20_000, reason: 'Bonifico' });
    // 6 × 9,500 = 57,000 charged; 20,000 pays June, July and 1,000 of August. On 23 Nov: August 8,500
    // (114 days), September and October 19,000 (83 and 53 days), November 9,500 (22 days).
    const report = (await op.get('/api/v1/tenancies/aged-arrears?by=program')).json();
    expect(report.rows).toEqual([{ key: 'erp', tenancies: 1, d0_30: 9_500, d31_90: 19_000, d91_180: 8_500, d181_plus: 0, total: 37_000 }]);
    expect(report.totals.total).toBe(37_000);
    const byEstate = (await op.get('/api/v1/tenancies/aged-arrears')).json();
    expect(byEstate.rows[0].key).toEqual(expect.any(String));
    const csv = await op.get('/api/v1/tenancies/aged-arrears.csv?by=program');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n').slice(0, 3)).toEqual([
      '\uFEFFprogram,tenancies,days_0_30,days_31_90,days_91_180,days_181_plus,total',
      'erp,1,95.00,190.00,85.00,0.00,370.00',
      'TOTAL,1,95.00,190.00,85.00,0.00,370.00',
    ]);
    const social = await staff(ente.id, 'social_worker', 'youth_collab');
    expect((await social.get('/api/v1/tenancies/aged-arrears')).json().rows).toEqual([]);
  });
});

describe('payment plans', () => {
  it('a plan splits the debt into instalments tracked against payments; missed ones break it and raise the arrears score', async () => {
    const { op, unit, hh, ente } = await world();
    const { id } = (await op.post('/api/v1/tenancies', tenancyBody(unit.id, hh, { startDate: '2026-05-01' }))).json();
    for (const month of ['2026-05', '2026-06', '2026-07']) {
      await op.post('/api/v1/tenancies/charge-runs', { month });
    }
    // Owed 3 × 9,500 = 28,500 on 23 Nov 2026 (the test clock): a plan in 3 instalments of 9,500 from 10 Dec.
    const created = await op.post(`/api/v1/tenancies/${id}/plans`, { instalments: 3, firstDue: '2026-12-10', note: 'Accordo con la mediatrice' });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ totalCents: 28_500, state: 'active', missed: 0 });
    expect(created.json().instalments.map((i: { dueDate: string; amountCents: number }) => [i.dueDate, i.amountCents])).toEqual([
      ['2026-12-10', 9_500],
      ['2027-01-10', 9_500],
      ['2027-02-10', 9_500],
    ]);
    const before = (await op.get(`/api/v1/tenancies/${id}`)).json();
    expect(before.plans).toHaveLength(1);
    // Three months later (no payment, no new charges): two instalments are missed → broken.
    t.clock.set('2027-02-20T09:00:00Z');
    try {
      // Sessions expire with the clock: sign in again three months later.
      const later = await loginAs(t.app, op.user);
      const plans = (await later.get(`/api/v1/tenancies/${id}/plans`)).json().items;
      expect(plans[0]).toMatchObject({ state: 'broken', missed: 2 });
      expect(plans[0].instalments.map((i: { state: string }) => i.state)).toEqual(['missed', 'missed', 'due']);
      const detail = (await later.get(`/api/v1/tenancies/${id}`)).json();
      expect(detail.arrears.lines.map((l: { code: string }) => l.code)).toContain('arrears_plan_missed');
    } finally {
      t.clock.set('2026-11-23T09:00:00Z');
    }
    const again = await loginAs(t.app, op.user);
    expect((await again.post(`/api/v1/tenancies/${id}/plans/${created.json().id}/cancel`)).statusCode).toBe(204);
    expect((await again.get(`/api/v1/tenancies/${id}/plans`)).json().items[0].state).toBe('cancelled');
    const social = await staff(ente.id, 'social_worker', 'youth_collab');
    expect((await social.get(`/api/v1/tenancies/${id}/plans`)).statusCode).toBe(404);
  });
});
