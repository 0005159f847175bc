import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEnte, buildPerson, buildUnit, buildUser } from '../../../test/factories.js';
import { type Client, createTestApp, loginAs, type TestApp } from '../../../test/http.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ loginRatePerMinute: 1000 });
});
afterAll(async () => {
  await t?.close();
});

const db = () => t.database.db;
const csv = (c: Client, text: string, fileName = 'estratto.csv') =>
  c.request({ method: 'POST', url: `/api/v1/tenancies/payment-imports?fileName=${fileName}`, payload: text, headers: { 'content-type': 'text/csv' } });

async function setup() {
  const ente = await buildEnte(db());
  const op = await loginAs(t.app, await buildUser(db(), { tenantId: ente.id, roles: [{ role: 'housing_operator' }] }));
  const cf = `RSSMRA80A01E7${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`;
  const person = await buildPerson(db(), { tenantId: ente.id, codiceFiscale: cf });
  const { id: hh } = await db().insertInto('household').values({ tenant_id: ente.id, name: 'Nucleo Rossi' }).returning('id').executeTakeFirstOrThrow();
  await db()
    .insertInto('household_member')
    .values({ tenant_id: ente.id, household_id: hh, person_id: person.id, relationship: 'head', joined_on: '2020-01-01' })
    .execute();
  const unit = await buildUnit(db(), { tenantId: ente.id });
  const income = { annualIncomeCents: 1_200_000, protectedIncomeOnly: true, iseeCents: null, dependants: 0 };
  const created = await op.post('/api/v1/tenancies', { unitId: unit.id, householdId: hh, program: 'erp', kind: 'erp_lease', startDate: '2026-01-01', income });
  expect(created.statusCode, created.body).toBe(201);
  await op.post('/api/v1/tenancies/charge-runs', { month: '2026-01' });
  await op.request({
    method: 'PUT',
    url: '/api/v1/tenancies/payment-settings',
    payload: { creditorFiscalCode: String(Date.now()).slice(-11).padStart(11, '0'), segregationCode: 3, receiptSecret: 'another-long-test-secret-value' },
  });
  const notice = (await op.post(`/api/v1/tenancies/${created.json().id}/notices`, { amountCents: 3_000 })).json();
  return { ente, op, cf, tenancyId: created.json().id as string, notice };
}

describe('payments file import', () => {
  it('posts matched rows (by notice number or fiscal code), queues the others, and posts nothing twice on a second import', async () => {
    const { op, cf, tenancyId, notice } = await setup();
    const file = [
      'date,amount,notice_number,fiscal_code,description',
      `2026-01-10,"30,00",${notice.noticeNumber},,Avviso pagoPA`,
      `05/01/2026,"40,00",,${cf},Bonifico gennaio`,
      '2026-01-12,"25,00",,ZZZZZZ99Z99Z999Z,Pagatore sconosciuto',
      '2026-01-12,"25,00",,ZZZZZZ99Z99Z999Z,Pagatore sconosciuto',
    ].join('\n');
    const first = await csv(op, file);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ rows: 4, posted: 2, unmatched: 2, duplicates: 0 });
    const again = await csv(op, file);
    expect(again.json()).toMatchObject({ rows: 4, posted: 0, unmatched: 0, duplicates: 4 });

    const ledger = (await op.get(`/api/v1/tenancies/${tenancyId}/ledger`)).json();
    expect(ledger.entries.filter((e: { kind: string }) => e.kind === 'payment').map((e: { amountCents: number }) => e.amountCents)).toEqual([-4_000, -3_000]);
    const notices = (await op.get(`/api/v1/tenancies/${tenancyId}/notices`)).json().items;
    expect(notices[0].status).toBe('paid');

    // The queue: resolve one to the tenancy, set the other aside; neither can be handled twice.
    const queue = (await op.get('/api/v1/tenancies/unmatched-payments')).json().items;
    expect(queue).toHaveLength(2);
    expect(queue[0]).toMatchObject({ amountCents: 2_500, payerFiscalCode: 'ZZZZZZ99Z99Z999Z', fileName: 'estratto.csv' });
    expect((await op.post(`/api/v1/tenancies/unmatched-payments/${queue[0].id}/resolve`, { tenancyId, note: 'Pagato dal figlio' })).statusCode).toBe(204);
    expect((await op.post(`/api/v1/tenancies/unmatched-payments/${queue[0].id}/resolve`, { tenancyId })).statusCode).toBe(409);
    expect((await op.post(`/api/v1/tenancies/unmatched-payments/${queue[1].id}/reject`, { note: 'Non è un canone' })).statusCode).toBe(204);
    expect((await op.get('/api/v1/tenancies/unmatched-payments')).json().items).toEqual([]);
    expect((await op.get('/api/v1/tenancies/unmatched-payments?status=resolved')).json().items[0]).toMatchObject({
      tenancyId,
      resolutionNote: 'Pagato dal figlio',
    });
    const after = (await op.get(`/api/v1/tenancies/${tenancyId}/ledger`)).json();
    expect(after.balanceCents).toBe(ledger.balanceCents - 2_500);
    // A third import of the same file still posts nothing.
    expect((await csv(op, file)).json()).toMatchObject({ posted: 0, unmatched: 0, duplicates: 4 });
    expect((await op.get('/api/v1/tenancies/payment-imports')).json().items).toHaveLength(3);
  });

  it('refuses a file with bad cells (one error per cell, nothing posted) and callers without unscoped tenancy:manage', async () => {
    const { op, ente } = await setup();
    const bad = await csv(op, 'date,amount,notice_number\n2026-13-01,abc,12\n');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(['line.2.date', 'line.2.amount', 'line.2.notice_number']);
    expect((await op.get('/api/v1/tenancies/payment-imports')).json().items).toEqual([]);
    const social = await loginAs(t.app, await buildUser(db(), { tenantId: ente.id, roles: [{ role: 'social_worker', program: 'youth_collab' }] }));
    expect((await csv(social, 'date,amount,fiscal_code\n')).statusCode).toBe(403);
    const other = await loginAs(t.app, await buildUser(db(), { tenantId: (await buildEnte(db())).id, roles: [{ role: 'housing_operator' }] }));
    expect((await other.get('/api/v1/tenancies/unmatched-payments')).json().items).toEqual([]);
  });

  it('two imports of the same file at once post each payment once (meaningful on PostgreSQL)', async () => {
    const { op, cf, tenancyId } = await setup();
    const file = `date,amount,fiscal_code\n2026-01-07,"12,34",${cf}\n2026-01-08,"56,78",${cf}\n2026-01-09,"9,99",XXXXXX00X00X000X\n`;
    const [a, b] = await Promise.all([csv(op, file), csv(op, file)]);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(a.json().posted + b.json().posted).toBe(2);
    expect(a.json().unmatched + b.json().unmatched).toBe(1);
    const payments = (await op.get(`/api/v1/tenancies/${tenancyId}/ledger`)).json().entries.filter((e: { kind: string }) => e.kind === 'payment');
    expect(payments).toHaveLength(2);
    expect((await op.get('/api/v1/tenancies/unmatched-payments')).json().items).toHaveLength(1);
  });
});
