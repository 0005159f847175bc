// Who sees what in mediation: a mediator works only on the estates assigned to them
// (mediation_assignment); a tenant sees only their own reports and the activities of their estate.
import { sql } from 'kysely';
import type { TenantContext } from '../../kernel/context.js';
import { type Executor, inTenant } from '../../kernel/db/tenant.js';
import { notFound } from '../../kernel/http/errors.js';

/** The estates the caller mediates on. */
export async function myEstateIds(db: Executor, ctx: TenantContext): Promise<string[]> {
  if (!ctx.can('mediation:manage')) {
    return [];
  }
  const rows = await db.selectFrom('mediation_assignment').select('estate_id').where(inTenant(ctx)).where('user_id', '=', ctx.principal.userId).execute();
  return rows.map((r) => r.estate_id);
}

/** Throws 404 (not 403: the estate's existence is not disclosed) unless the caller mediates there. */
export async function assertEstate(db: Executor, ctx: TenantContext, estateId: string): Promise<void> {
  if (!(await myEstateIds(db, ctx)).includes(estateId)) {
    throw notFound();
  }
}

/**
 * The buildings a tenant lives in today: through the person linked to their account, a current
 * household membership or the tenancy itself.
 */
export async function ownBuildings(db: Executor, ctx: TenantContext, today: string) {
  return db
    .selectFrom('tenancy as t')
    .innerJoin('unit as u', (j) => j.onRef('u.tenant_id', '=', 't.tenant_id').onRef('u.id', '=', 't.unit_id'))
    .innerJoin('building as b', (j) => j.onRef('b.tenant_id', '=', 'u.tenant_id').onRef('b.id', '=', 'u.building_id'))
    .select(['b.id', 'b.estate_id', 'b.address'])
    .distinct()
    .where(inTenant(ctx, 't'))
    .where(sql<boolean>`t.during @> ${today}::date`)
    .where(
      sql<boolean>`EXISTS (SELECT 1 FROM person me WHERE me.tenant_id = t.tenant_id AND me.user_id = ${ctx.principal.userId} AND me.merged_into IS NULL AND (
        me.id = t.person_id
        OR EXISTS (SELECT 1 FROM household_member hm WHERE hm.tenant_id = t.tenant_id AND hm.household_id = t.household_id
          AND hm.person_id = me.id AND hm.joined_on <= ${today}::date AND (hm.left_on IS NULL OR hm.left_on > ${today}::date))))`,
    )
    .execute();
}
