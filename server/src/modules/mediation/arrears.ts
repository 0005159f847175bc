// Arrears prevention on an estate: tenancies of households living there whose unpaid balance is
// two monthly dues or more, for the estate's mediator; an accompaniment case records the outcome.
// The tenancies module does not export its arrears assessment through its index.ts yet, so this
// reads the balance from the ledger with the same sign convention (charges positive, payments
// negative) and the latest rent assessment plus service charges as the monthly due.
import { sql } from 'kysely';
import type { z } from 'zod';
import type { TenantContext } from '../../kernel/context.js';
import { type Executor, inTenant } from '../../kernel/db/tenant.js';
import { AppError, notFound } from '../../kernel/http/errors.js';
import { myEstateIds } from './policy.js';
import type { ArrearsCaseBody } from './schema.js';

type Ctx = TenantContext;

/** The alert threshold in monthly dues owed. */
export const ALERT_MONTHS = 2;

export async function arrearsAlerts(db: Executor, ctx: Ctx, today: string, o: { estateId?: string; tenancyId?: string } = {}) {
  const estates = await myEstateIds(db, ctx);
  if (estates.length === 0 || (o.estateId && !estates.includes(o.estateId))) {
    return [];
  }
  let q = db
    .selectFrom('tenancy as t')
    .innerJoin('unit as u', (j) => j.onRef('u.tenant_id', '=', 't.tenant_id').onRef('u.id', '=', 't.unit_id'))
    .innerJoin('building as b', (j) => j.onRef('b.tenant_id', '=', 'u.tenant_id').onRef('b.id', '=', 'u.building_id'))
    .innerJoin('estate as e', (j) => j.onRef('e.tenant_id', '=', 'b.tenant_id').onRef('e.id', '=', 'b.estate_id'))
    .leftJoin('household as h', (j) => j.onRef('h.tenant_id', '=', 't.tenant_id').onRef('h.id', '=', 't.household_id'))
    .leftJoin('person as p', (j) => j.onRef('p.tenant_id', '=', 't.tenant_id').onRef('p.id', '=', 't.person_id'))
    .select([
      't.id as tenancy_id',
      'e.id as estate_id',
      'e.name as estate_name',
      'u.code as unit_code',
      sql<string>`coalesce(h.name, p.given_name || ' ' || p.family_name, '—')`.as('household'),
      sql<number>`coalesce((SELECT sum(l.amount_cents) FROM ledger_entry l WHERE l.tenant_id = t.tenant_id AND l.tenancy_id = t.id AND l.entry_date <= ${today}::date), 0)::bigint`.as(
        'balance',
      ),
      sql<number>`t.service_charges_cents + coalesce((SELECT ra.monthly_cents FROM rent_assessment ra WHERE ra.tenant_id = t.tenant_id AND ra.tenancy_id = t.id
        AND ra.effective_from <= greatest(${today}::date, lower(t.during)) ORDER BY ra.effective_from DESC, ra.created_at DESC LIMIT 1), 0)`.as('monthly_due'),
      sql<
        string | null
      >`(SELECT c.id FROM mediation_case c WHERE c.tenant_id = t.tenant_id AND c.tenancy_id = t.id AND c.kind = 'arrears' ORDER BY (c.status = 'closed'), c.opened_on DESC LIMIT 1)`.as(
        'case_id',
      ),
    ])
    .where(inTenant(ctx, 't'))
    .where('b.estate_id', 'in', o.estateId ? [o.estateId] : estates)
    .where(sql<boolean>`t.during @> ${today}::date`);
  if (o.tenancyId) {
    q = q.where('t.id', '=', o.tenancyId);
  }
  const rows = await q.execute();
  return rows
    .map((r) => {
      const balance = Number(r.balance);
      const due = Number(r.monthly_due);
      return { ...r, balance, due, months: due > 0 ? Math.floor((balance / due) * 10) / 10 : 0 };
    })
    .filter((r) => r.balance > 0 && r.due > 0 && r.months >= ALERT_MONTHS)
    .sort((a, b) => b.months - a.months || b.balance - a.balance);
}

/** Opens an accompaniment case for an alerted tenancy (one open case per tenancy). */
export async function openAccompaniment(db: Executor, ctx: Ctx, body: z.output<typeof ArrearsCaseBody>, today: string) {
  const [alert] = await arrearsAlerts(db, ctx, today, { tenancyId: body.tenancyId });
  if (!alert) {
    throw notFound();
  }
  const open = await db
    .selectFrom('mediation_case')
    .select('id')
    .where(inTenant(ctx))
    .where('tenancy_id', '=', body.tenancyId)
    .where('kind', '=', 'arrears')
    .where('status', '!=', 'closed')
    .executeTakeFirst();
  if (open) {
    throw new AppError(409, 'mediation.accompaniment_open');
  }
  const household = await db.selectFrom('tenancy').select('household_id').where(inTenant(ctx)).where('id', '=', body.tenancyId).executeTakeFirstOrThrow();
  const { id } = await db
    .insertInto('mediation_case')
    .values({
      tenant_id: ctx.tenantId,
      estate_id: alert.estate_id,
      kind: 'arrears',
      type: 'arrears',
      severity: alert.months >= 2 * ALERT_MONTHS ? 'high' : 'medium',
      reported_by: 'mediator',
      summary: body.summary,
      opened_on: today,
      tenancy_id: body.tenancyId,
      created_by: ctx.principal.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (household.household_id) {
    await db.insertInto('mediation_party').values({ tenant_id: ctx.tenantId, case_id: id, household_id: household.household_id, role: 'involved' }).execute();
  }
  return id;
}
