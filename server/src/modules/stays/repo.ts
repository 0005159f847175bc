// Solutions, beds, bookings and staff plans: plain functions over Kysely, tenant-filtered.
import { sql, type Transaction } from 'kysely';
import { type Executor, inTenant } from '../../kernel/db/tenant.js';
import type { DB } from '../../kernel/db/types.js';
import type { StayScope } from './policy.js';

type Ctx = { tenantId: string };

/** SQL condition on a solution (alias s) for the scope. */
function solutionInScope(scope: StayScope) {
  return scope.kind === 'all' ? sql<boolean>`true` : sql<boolean>`s.run_by_organisation_id = ${scope.organisationId}`;
}

export function solutionQuery(db: Executor, ctx: Ctx, scope: StayScope, today: string) {
  return db
    .selectFrom('housing_solution as s')
    .innerJoin('unit as u', (j) => j.onRef('u.tenant_id', '=', 's.tenant_id').onRef('u.id', '=', 's.unit_id'))
    .innerJoin('building as b', (j) => j.onRef('b.tenant_id', '=', 'u.tenant_id').onRef('b.id', '=', 'u.building_id'))
    .leftJoin('organisation as o', (j) => j.onRef('o.tenant_id', '=', 's.tenant_id').onRef('o.id', '=', 's.run_by_organisation_id'))
    .select([
      's.id',
      's.kind',
      's.name',
      's.description',
      's.unit_id',
      'u.code as unit_code',
      'b.address',
      'b.city',
      's.eligible_severities',
      's.support_level',
      's.staff_hours_per_day',
      's.max_stay_days',
      's.run_by_organisation_id',
      'o.name as run_by_name',
      's.active',
      sql<number>`(SELECT count(*) FROM stay_booking k WHERE k.tenant_id = s.tenant_id AND k.solution_id = s.id AND k.status = 'approved'
        AND k.starts_on <= ${today} AND k.ends_on > ${today})
        + (SELECT count(*) FROM mutual_aid_pairing m WHERE m.tenant_id = s.tenant_id AND m.solution_id = s.id
        AND m.starts_on <= ${today} AND (m.ends_on IS NULL OR m.ends_on > ${today}))`.as('guests_today'),
      sql<number>`(SELECT count(*) FROM stay_booking k WHERE k.tenant_id = s.tenant_id AND k.solution_id = s.id
        AND k.status IN ('requested', 'waitlisted'))`.as('waiting'),
    ])
    .where(inTenant(ctx, 's'))
    .where(solutionInScope(scope));
}
export type SolutionRow = Awaited<ReturnType<ReturnType<typeof solutionQuery>['executeTakeFirstOrThrow']>>;

export function listSolutions(db: Executor, ctx: Ctx, scope: StayScope, today: string) {
  return solutionQuery(db, ctx, scope, today).orderBy('s.kind').orderBy('s.name').execute();
}

export function findSolution(db: Executor, ctx: Ctx, scope: StayScope, today: string, id: string) {
  return solutionQuery(db, ctx, scope, today).where('s.id', '=', id).executeTakeFirst();
}

export function bedsOf(db: Executor, ctx: Ctx, unitIds: string[]) {
  if (unitIds.length === 0) {
    return Promise.resolve([]);
  }
  return db
    .selectFrom('bed')
    .select(['id', 'unit_id', 'number', 'label'])
    .where(inTenant(ctx))
    .where('unit_id', 'in', unitIds)
    .orderBy('unit_id')
    .orderBy('number')
    .execute();
}

export function solutionBeds(db: Executor, ctx: Ctx, solutionId: string) {
  return db
    .selectFrom('bed as d')
    .innerJoin('housing_solution as s', (j) => j.onRef('s.tenant_id', '=', 'd.tenant_id').onRef('s.unit_id', '=', 'd.unit_id'))
    .select(['d.id', 'd.unit_id', 'd.number', 'd.label'])
    .where(inTenant(ctx, 'd'))
    .where('s.id', '=', solutionId)
    .orderBy('d.number')
    .execute();
}

export async function ensureBeds(db: Executor, ctx: Ctx, unitId: string, count: number) {
  for (let n = 1; n <= count; n += 1) {
    await db
      .insertInto('bed')
      .values({ tenant_id: ctx.tenantId, unit_id: unitId, number: n, label: `${n}` })
      .onConflict((oc) => oc.columns(['tenant_id', 'unit_id', 'number']).doNothing())
      .execute();
  }
}

export function staffPlan(db: Executor, ctx: Ctx, solutionId: string, from: string, to: string) {
  return db
    .selectFrom('stay_staff_plan')
    .select(['day', 'hours'])
    .where(inTenant(ctx))
    .where('solution_id', '=', solutionId)
    .where('day', '>=', from)
    .where('day', '<', to)
    .execute();
}

export async function setStaffPlan(db: Executor, ctx: Ctx, solutionId: string, days: string[], hours: number) {
  for (const day of days) {
    await db
      .insertInto('stay_staff_plan')
      .values({ tenant_id: ctx.tenantId, solution_id: solutionId, day, hours })
      .onConflict((oc) => oc.columns(['tenant_id', 'solution_id', 'day']).doUpdateSet({ hours }))
      .execute();
  }
}

// ---- bookings ----

export function bookingQuery(db: Executor, ctx: Ctx) {
  return db
    .selectFrom('stay_booking as k')
    .innerJoin('housing_solution as s', (j) => j.onRef('s.tenant_id', '=', 'k.tenant_id').onRef('s.id', '=', 'k.solution_id'))
    .innerJoin('person as p', (j) => j.onRef('p.tenant_id', '=', 'k.tenant_id').onRef('p.id', '=', 'k.person_id'))
    .leftJoin('bed as d', (j) => j.onRef('d.tenant_id', '=', 'k.tenant_id').onRef('d.id', '=', 'k.bed_id'))
    .select([
      'k.id',
      'k.solution_id',
      's.name as solution_name',
      's.kind as solution_kind',
      's.eligible_severities',
      'k.person_id',
      sql<string>`p.given_name || ' ' || p.family_name`.as('person_name'),
      'k.starts_on',
      'k.ends_on',
      'k.status',
      'k.bed_id',
      'd.number as bed_number',
      'd.label as bed_label',
      'k.needs',
      'k.support_hours_per_day',
      'k.severity',
      'k.family_burden',
      'k.requested_by',
      'k.requested_as',
      'k.decision_note',
      'k.decided_at',
      'k.created_at',
      sql<string | null>`(SELECT max(x.ends_on)::text FROM stay_booking x WHERE x.tenant_id = k.tenant_id AND x.person_id = k.person_id
        AND x.status = 'approved' AND x.id <> k.id AND x.ends_on <= k.starts_on)`.as('last_stay_ended_on'),
    ])
    .where(inTenant(ctx, 'k'));
}
export type BookingRow = Awaited<ReturnType<ReturnType<typeof bookingQuery>['executeTakeFirstOrThrow']>>;

export function listBookings(
  db: Executor,
  ctx: Ctx,
  scope: StayScope,
  f: { solutionId?: string; status?: string; statuses?: string[]; personId?: string; personIds?: string[] },
) {
  let q = bookingQuery(db, ctx).where(solutionInScope(scope));
  if (f.solutionId) {
    q = q.where('k.solution_id', '=', f.solutionId);
  }
  if (f.status) {
    q = q.where('k.status', '=', f.status);
  }
  if (f.statuses) {
    q = q.where('k.status', 'in', f.statuses);
  }
  if (f.personId) {
    q = q.where('k.person_id', '=', f.personId);
  }
  if (f.personIds) {
    if (f.personIds.length === 0) {
      return Promise.resolve([]);
    }
    q = q.where('k.person_id', 'in', f.personIds);
  }
  return q.orderBy('k.starts_on').orderBy('k.id').limit(1000).execute();
}

export function findBooking(db: Executor, ctx: Ctx, scope: StayScope, id: string) {
  return bookingQuery(db, ctx).where(solutionInScope(scope)).where('k.id', '=', id).executeTakeFirst();
}

/** Locks one booking row for a status change. */
export function lockBooking(db: Transaction<DB>, ctx: Ctx, id: string) {
  return db.selectFrom('stay_booking').select(['id', 'status', 'solution_id']).where(inTenant(ctx)).where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Bookings that hold a bed (approved or offered) and overlap [from, to) in a solution. */
export function bedBookings(db: Executor, ctx: Ctx, solutionId: string, from: string, to: string) {
  return bookingQuery(db, ctx)
    .where('k.solution_id', '=', solutionId)
    .where('k.status', 'in', ['approved', 'offered'])
    .where('k.starts_on', '<', to)
    .where('k.ends_on', '>', from)
    .orderBy('k.starts_on')
    .execute();
}

/** The beds of a solution free for the whole of [from, to). */
export function freeBeds(db: Executor, ctx: Ctx, solutionId: string, from: string, to: string) {
  return db
    .selectFrom('bed as d')
    .innerJoin('housing_solution as s', (j) => j.onRef('s.tenant_id', '=', 'd.tenant_id').onRef('s.unit_id', '=', 'd.unit_id'))
    .select(['d.id', 'd.number', 'd.label'])
    .where(inTenant(ctx, 'd'))
    .where('s.id', '=', solutionId)
    .where(
      sql<boolean>`NOT EXISTS (SELECT 1 FROM stay_booking k WHERE k.tenant_id = d.tenant_id AND k.bed_id = d.id
        AND k.status IN ('approved', 'offered') AND k.starts_on < ${to} AND k.ends_on > ${from})`,
    )
    .orderBy('d.number')
    .execute();
}

export async function insertBooking(
  db: Executor,
  ctx: Ctx,
  v: {
    solutionId: string;
    personId: string;
    startsOn: string;
    endsOn: string;
    needs: string;
    supportHoursPerDay: number;
    severity: string;
    familyBurden: number;
    requestedBy: string;
    requestedAs: 'family' | 'social_worker' | 'operator';
  },
) {
  const row = await db
    .insertInto('stay_booking')
    .values({
      tenant_id: ctx.tenantId,
      solution_id: v.solutionId,
      person_id: v.personId,
      starts_on: v.startsOn,
      ends_on: v.endsOn,
      needs: v.needs,
      support_hours_per_day: v.supportHoursPerDay,
      severity: v.severity,
      family_burden: v.familyBurden,
      requested_by: v.requestedBy,
      requested_as: v.requestedAs,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function setBookingStatus(
  db: Executor,
  ctx: Ctx,
  id: string,
  v: { status: string; bedId?: string | null; decidedBy?: string; at: Date; note?: string | null; offered?: boolean },
) {
  return db
    .updateTable('stay_booking')
    .set({
      status: v.status,
      ...(v.bedId !== undefined ? { bed_id: v.bedId } : {}),
      ...(v.decidedBy ? { decided_by: v.decidedBy, decided_at: v.at } : {}),
      ...(v.note !== undefined ? { decision_note: v.note } : {}),
      ...(v.offered ? { offered_at: v.at } : {}),
    })
    .where(inTenant(ctx))
    .where('id', '=', id)
    .execute();
}

// ---- mutual aid ----

export function pairings(db: Executor, ctx: Ctx, solutionId: string) {
  return db
    .selectFrom('mutual_aid_pairing as m')
    .innerJoin('person as r', (j) => j.onRef('r.tenant_id', '=', 'm.tenant_id').onRef('r.id', '=', 'm.resident_id'))
    .innerJoin('person as h', (j) => j.onRef('h.tenant_id', '=', 'm.tenant_id').onRef('h.id', '=', 'm.helper_id'))
    .select([
      'm.id',
      'm.resident_id',
      sql<string>`r.given_name || ' ' || r.family_name`.as('resident_name'),
      'm.helper_id',
      sql<string>`h.given_name || ' ' || h.family_name`.as('helper_name'),
      'm.hours_per_week',
      'm.tasks',
      'm.starts_on',
      'm.ends_on',
    ])
    .where(inTenant(ctx, 'm'))
    .where('m.solution_id', '=', solutionId)
    .orderBy('m.starts_on')
    .execute();
}

export function personExists(db: Executor, ctx: Ctx, id: string) {
  return db.selectFrom('person').select('id').where(inTenant(ctx)).where('id', '=', id).where('merged_into', 'is', null).executeTakeFirst();
}
