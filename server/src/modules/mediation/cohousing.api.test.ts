import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBuilding, buildEnte, buildOrganisation, buildPerson, buildUser } from '../../../test/factories.js';
import { createTestApp, loginAs, type TestApp } from '../../../test/http.js';
import type { Program, Role } from '../../kernel/auth/permissions.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ loginRatePerMinute: 1000 });
});
afterAll(async () => {
  await t?.close();
});

const db = () => t.database.db;

async function staff(tenantId: string, roles: { role: Role; program?: Program | null }[], organisationId: string | null = null) {
  return loginAs(t.app, await buildUser(db(), { tenantId, roles, organisationId }));
}

describe('co-housing projects', () => {
  it('partner staff see only the projects of their organisation; expenses split to the cent among residents present', async () => {
    const ente = await buildEnte(db());
    const usl = await buildOrganisation(db(), { tenantId: ente.id, name: 'Azienda USL Toscana Nord Ovest', kind: 'health_authority' });
    const erp = await buildOrganisation(db(), { tenantId: ente.id, name: 'E.R.P. Lucca S.r.l.', kind: 'housing_company' });
    const sw = await staff(ente.id, [{ role: 'social_worker', program: 'cohousing' }]);
    const uslStaff = await staff(ente.id, [{ role: 'partner_staff', program: 'cohousing' }], usl.id);
    const mediator = await staff(ente.id, [{ role: 'mediator', program: 'mediation' }]);
    const b = await buildBuilding(db(), { tenantId: ente.id });
    const make = async (name: string, kind: string, partners: { organisationId: string; role: string }[]) => {
      const r = await sw.post('/api/v1/cohousing/projects', {
        name,
        kind,
        buildingId: b.id,
        startedOn: '2026-01-01',
        houseRules: 'Turni di pulizia settimanali',
        partners,
      });
      expect(r.statusCode, r.body).toBe(201);
      return r.json();
    };
    await make('Famiglie insieme', 'families', [{ organisationId: erp.id, role: 'proprietario e gestore' }]);
    await make('Anziani in compagnia', 'elderly', []);
    const supported = await make('Casa accompagnata', 'supported_living', [
      { organisationId: usl.id, role: 'équipe socio-sanitaria' },
      { organisationId: erp.id, role: 'alloggio' },
    ]);

    expect((await sw.get('/api/v1/cohousing/projects')).json().items).toHaveLength(3);
    expect((await uslStaff.get('/api/v1/cohousing/projects')).json().items.map((p: { name: string }) => p.name)).toEqual(['Casa accompagnata']);
    expect((await mediator.get('/api/v1/cohousing/projects')).json().items).toEqual([]);
    expect((await uslStaff.post(`/api/v1/cohousing/projects/${supported.id}/meetings`, { heldOn: '2026-02-01', minutes: 'abc' })).statusCode).toBe(404);

    const people = await Promise.all([0, 1, 2].map(() => buildPerson(db(), { tenantId: ente.id })));
    for (const [i, p] of people.entries()) {
      const r = await sw.post(`/api/v1/cohousing/projects/${supported.id}/residents`, {
        personId: p.id,
        enteredOn: '2026-01-10',
        rulesSignedOn: '2026-01-10',
        ...(i === 2 ? { leftOn: '2026-03-01' } : {}),
      });
      expect(r.statusCode, r.body).toBe(200);
    }
    const twice = await sw.post(`/api/v1/cohousing/projects/${supported.id}/residents`, { personId: people[0]?.id, enteredOn: '2026-02-01' });
    expect(twice.statusCode).toBe(409);
    const feb = (
      await sw.post(`/api/v1/cohousing/projects/${supported.id}/expenses`, { spentOn: '2026-02-15', description: 'Bollette', amountCents: 10_001 })
    ).json();
    expect(feb.expenses[0].shares.map((s: { shareCents: number }) => s.shareCents).sort()).toEqual([3333, 3334, 3334]);
    const apr = (
      await sw.post(`/api/v1/cohousing/projects/${supported.id}/expenses`, { spentOn: '2026-04-15', description: 'Spesa comune', amountCents: 5_001 })
    ).json();
    const aprExpense = apr.expenses.find((x: { description: string }) => x.description === 'Spesa comune');
    expect(aprExpense.shares).toHaveLength(2);
    expect(aprExpense.shares.reduce((a: number, s: { shareCents: number }) => a + s.shareCents, 0)).toBe(5_001);
    const first = aprExpense.shares[0];
    const paid = (
      await sw.request({
        method: 'PUT',
        url: `/api/v1/cohousing/projects/${supported.id}/expenses/${aprExpense.id}/shares/${first.residentId}/paid`,
        payload: { paidOn: '2026-04-20' },
      })
    ).json();
    expect(paid.balances.reduce((a: number, x: { owedCents: number }) => a + x.owedCents, 0)).toBe(10_001 + 5_001 - first.shareCents);
    const seen = (await uslStaff.get(`/api/v1/cohousing/projects/${supported.id}`)).json();
    expect(seen.residents).toHaveLength(3);

    const other = await buildEnte(db());
    const stranger = await staff(other.id, [{ role: 'social_worker', program: 'cohousing' }]);
    expect((await stranger.get(`/api/v1/cohousing/projects/${supported.id}`)).statusCode).toBe(404);
  });
});
