// Queries of the cases module: plain functions over Kysely, tenant filter first. Names of
// people, households, users, organisations, units and tenancies are read from their modules'
// tables (read-only) for display, as the tenancies module does.
import { sql } from 'kysely';
import type { Program } from '../../kernel/auth/permissions.js';
import type { TenantContext } from '../../kernel/context.js';
import { type Executor, inTenant } from '../../kernel/db/tenant.js';
import type { Keyset } from '../../kernel/http/pagination.js';
import { caseVisible, inTeam, noteVisible } from './policy.js';

type Ctx = { tenantId: string };

const personName = sql<string>`p.family_name || ' ' || p.given_name`;

/** Cases visible to the caller, with the person, household, current stage and case manager. */
export function caseQuery(db: Executor, ctx: TenantContext, day: string) {
  return db
    .selectFrom('case_file as c')
    .innerJoin('person as p', (j) => j.onRef('p.tenant_id', '=', 'c.tenant_id').onRef('p.id', '=', 'c.person_id'))
    .leftJoin('household as h', (j) => j.onRef('h.tenant_id', '=', 'c.tenant_id').onRef('h.id', '=', 'c.household_id'))
    .select([
      'c.id',
      'c.program',
      'c.status',
      'c.opened_on',
      'c.closed_on',
      'c.close_reason',
      'c.summary',
      'c.person_id',
      'c.household_id',
      'h.name as household_name',
      personName.as('person_name'),
      sql<string>`lower(p.family_name || ' ' || p.given_name)`.as('sort_name'),
      sql<string | null>`(SELECT s.stage_key FROM case_stage s WHERE s.tenant_id = c.tenant_id AND s.case_id = c.id AND s.status = 'active'
        ORDER BY s.position LIMIT 1)`.as('current_stage'),
      sql<string | null>`(SELECT u.full_name FROM case_member m JOIN app_user u ON u.tenant_id = m.tenant_id AND u.id = m.user_id
        WHERE m.tenant_id = c.tenant_id AND m.case_id = c.id AND m.role = 'case_manager' AND (m.to_on IS NULL OR m.to_on > ${day}::date)
        ORDER BY m.from_on DESC LIMIT 1)`.as('case_manager'),
      inTeam(ctx.principal.userId, day).as('in_team'),
    ])
    .where(inTenant(ctx, 'c'))
    .where(caseVisible(ctx, day));
}

export type CaseRow = Awaited<ReturnType<ReturnType<typeof caseQuery>['executeTakeFirstOrThrow']>>;

export function findCase(db: Executor, ctx: TenantContext, day: string, id: string) {
  return caseQuery(db, ctx, day).where('c.id', '=', id).executeTakeFirst();
}

export interface CaseFilter {
  program?: Program | undefined;
  status?: string | undefined;
  q?: string | undefined;
  mine?: boolean;
  after?: Keyset | undefined;
  limit: number;
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export function listCases(db: Executor, ctx: TenantContext, day: string, f: CaseFilter) {
  let q = caseQuery(db, ctx, day);
  if (f.program) {
    q = q.where('c.program', '=', f.program);
  }
  if (f.status) {
    q = q.where('c.status', '=', f.status);
  }
  if (f.q) {
    const like = `%${likeEscape(f.q.toLowerCase())}%`;
    q = q.where(sql<boolean>`lower(p.family_name || ' ' || p.given_name) LIKE ${like}`);
  }
  if (f.mine) {
    q = q.where(inTeam(ctx.principal.userId, day));
  }
  if (f.after) {
    q = q.where(sql<boolean>`(lower(p.family_name || ' ' || p.given_name), c.id) > (${f.after.v}, ${f.after.id})`);
  }
  return q
    .orderBy(sql`lower(p.family_name || ' ' || p.given_name)`)
    .orderBy('c.id')
    .limit(f.limit + 1)
    .execute();
}

export function team(db: Executor, ctx: Ctx, caseId: string) {
  return db
    .selectFrom('case_member as m')
    .innerJoin('app_user as u', (j) => j.onRef('u.tenant_id', '=', 'm.tenant_id').onRef('u.id', '=', 'm.user_id'))
    .leftJoin('organisation as o', (j) => j.onRef('o.tenant_id', '=', 'u.tenant_id').onRef('o.id', '=', 'u.organisation_id'))
    .select(['m.id', 'm.user_id', 'm.role', 'm.from_on', 'm.to_on', 'u.full_name', 'o.name as organisation'])
    .where(inTenant(ctx, 'm'))
    .where('m.case_id', '=', caseId)
    .orderBy('m.from_on')
    .orderBy('u.full_name')
    .execute();
}

export function stages(db: Executor, ctx: Ctx, caseId: string) {
  return db.selectFrom('case_stage').selectAll().where(inTenant(ctx)).where('case_id', '=', caseId).orderBy('position').execute();
}

export function checklist(db: Executor, ctx: Ctx, caseId: string) {
  return db.selectFrom('case_checklist_item').selectAll().where(inTenant(ctx)).where('case_id', '=', caseId).orderBy('stage_key').orderBy('position').execute();
}

export function agreements(db: Executor, ctx: Ctx, caseId: string) {
  return db.selectFrom('case_agreement').selectAll().where(inTenant(ctx)).where('case_id', '=', caseId).orderBy('signed_on', 'desc').execute();
}

export function referrals(db: Executor, ctx: Ctx, caseId: string) {
  return db
    .selectFrom('case_referral as r')
    .innerJoin('organisation as t', (j) => j.onRef('t.tenant_id', '=', 'r.tenant_id').onRef('t.id', '=', 'r.to_organisation_id'))
    .leftJoin('organisation as f', (j) => j.onRef('f.tenant_id', '=', 'r.tenant_id').onRef('f.id', '=', 'r.from_organisation_id'))
    .selectAll('r')
    .select(['t.name as to_name', 'f.name as from_name'])
    .where(inTenant(ctx, 'r'))
    .where('r.case_id', '=', caseId)
    .orderBy('r.referred_on', 'desc')
    .execute();
}

/** The Housing First placement with the unit, the tenancy and its rent contribution in force on `day`. */
export function placement(db: Executor, ctx: Ctx, caseId: string, day: string) {
  return db
    .selectFrom('hf_placement as pl')
    .leftJoin('unit as u', (j) => j.onRef('u.tenant_id', '=', 'pl.tenant_id').onRef('u.id', '=', 'pl.unit_id'))
    .leftJoin('building as b', (j) => j.onRef('b.tenant_id', '=', 'u.tenant_id').onRef('b.id', '=', 'u.building_id'))
    .leftJoin('tenancy as t', (j) => j.onRef('t.tenant_id', '=', 'pl.tenant_id').onRef('t.id', '=', 'pl.tenancy_id'))
    .select([
      'pl.unit_id',
      'pl.tenancy_id',
      'pl.housed_on',
      'pl.left_on',
      'pl.exit_kind',
      'u.code as unit_code',
      sql<string | null>`b.address || ', ' || b.city`.as('address'),
      't.code as tenancy_code',
      sql<number | null>`(SELECT ra.monthly_cents FROM rent_assessment ra WHERE ra.tenant_id = pl.tenant_id AND ra.tenancy_id = pl.tenancy_id
        AND ra.effective_from <= ${day}::date ORDER BY ra.effective_from DESC, ra.created_at DESC LIMIT 1)`.as('monthly_rent_cents'),
    ])
    .where(inTenant(ctx, 'pl'))
    .where('pl.case_id', '=', caseId)
    .executeTakeFirst();
}

/** The notes of a case the caller may read — the confidentiality test runs in SQL. */
export function visibleNotes(db: Executor, ctx: TenantContext, day: string, caseId: string) {
  return db
    .selectFrom('case_note as n')
    .innerJoin('case_file as c', (j) => j.onRef('c.tenant_id', '=', 'n.tenant_id').onRef('c.id', '=', 'n.case_id'))
    .innerJoin('app_user as u', (j) => j.onRef('u.tenant_id', '=', 'n.tenant_id').onRef('u.id', '=', 'n.author_id'))
    .select(['n.id', 'n.confidentiality', 'n.sensitive_category', 'n.body', 'n.written_at', 'u.full_name as author'])
    .where(inTenant(ctx, 'n'))
    .where('n.case_id', '=', caseId)
    .where(caseVisible(ctx, day))
    .where(noteVisible(ctx, day))
    .orderBy('n.written_at', 'desc')
    .execute();
}

export function organisationExists(db: Executor, ctx: Ctx, id: string) {
  return db.selectFrom('organisation').select('id').where(inTenant(ctx)).where('id', '=', id).executeTakeFirst();
}

export function userExists(db: Executor, ctx: Ctx, id: string) {
  return db.selectFrom('app_user').select('id').where(inTenant(ctx)).where('id', '=', id).where('active', '=', true).executeTakeFirst();
}

// ---- Housing First ----

export function visitPlans(db: Executor, ctx: Ctx, caseIds: readonly string[]) {
  if (caseIds.length === 0) {
    return Promise.resolve([]);
  }
  return db
    .selectFrom('visit_plan as v')
    .innerJoin('app_user as u', (j) => j.onRef('u.tenant_id', '=', 'v.tenant_id').onRef('u.id', '=', 'v.professional_id'))
    .select([
      'v.id',
      'v.case_id',
      'v.weekday',
      sql<string>`to_char(v.window_start, 'HH24:MI')`.as('window_start'),
      sql<string>`to_char(v.window_end, 'HH24:MI')`.as('window_end'),
      'v.professional_id',
      'v.valid_from',
      'v.valid_to',
      'u.full_name as professional',
    ])
    .where(inTenant(ctx, 'v'))
    .where('v.case_id', 'in', caseIds)
    .orderBy('v.valid_from')
    .execute();
}

export function visits(db: Executor, ctx: Ctx, caseIds: readonly string[], from: string, to: string) {
  if (caseIds.length === 0) {
    return Promise.resolve([]);
  }
  return db
    .selectFrom('visit as v')
    .innerJoin('app_user as u', (j) => j.onRef('u.tenant_id', '=', 'v.tenant_id').onRef('u.id', '=', 'v.professional_id'))
    .selectAll('v')
    .select('u.full_name as professional')
    .where(inTenant(ctx, 'v'))
    .where('v.case_id', 'in', caseIds)
    .where((eb) =>
      eb.or([eb.and([eb('v.slot_on', '>=', from), eb('v.slot_on', '<=', to)]), eb.and([eb('v.occurred_on', '>=', from), eb('v.occurred_on', '<=', to)])]),
    )
    .orderBy('v.occurred_on')
    .orderBy('v.logged_at')
    .execute();
}

/** Open Housing First cases visible to the caller, with their placement. */
export function housingFirstCases(db: Executor, ctx: TenantContext, day: string) {
  return caseQuery(db, ctx, day)
    .leftJoin('hf_placement as pl', (j) => j.onRef('pl.tenant_id', '=', 'c.tenant_id').onRef('pl.case_id', '=', 'c.id'))
    .select(['pl.housed_on', 'pl.left_on', 'pl.exit_kind'])
    .where('c.program', '=', 'housing_first')
    .orderBy(sql`lower(p.family_name || ' ' || p.given_name)`)
    .execute();
}

// ---- work paths ----

export function workPathQuery(db: Executor, ctx: TenantContext, day: string) {
  return db
    .selectFrom('work_path as w')
    .innerJoin('case_file as c', (j) => j.onRef('c.tenant_id', '=', 'w.tenant_id').onRef('c.id', '=', 'w.case_id'))
    .innerJoin('person as p', (j) => j.onRef('p.tenant_id', '=', 'c.tenant_id').onRef('p.id', '=', 'c.person_id'))
    .innerJoin('work_centre as wc', (j) => j.onRef('wc.tenant_id', '=', 'w.tenant_id').onRef('wc.id', '=', 'w.centre_id'))
    .selectAll('w')
    .select(['c.program', 'c.person_id', personName.as('person_name'), 'wc.name as centre_name', 'wc.kind as centre_kind'])
    .where(inTenant(ctx, 'w'))
    .where(caseVisible(ctx, day));
}

export type WorkPathRow = Awaited<ReturnType<ReturnType<typeof workPathQuery>['executeTakeFirstOrThrow']>>;

export function attendance(db: Executor, ctx: Ctx, pathIds: readonly string[]) {
  if (pathIds.length === 0) {
    return Promise.resolve([]);
  }
  return db
    .selectFrom('work_attendance')
    .select(['path_id', sql<string>`to_char(month, 'YYYY-MM')`.as('month'), 'hours_attended'])
    .where(inTenant(ctx))
    .where('path_id', 'in', pathIds)
    .orderBy('month')
    .execute();
}

export function centres(db: Executor, ctx: Ctx) {
  return db.selectFrom('work_centre').selectAll().where(inTenant(ctx)).orderBy('name').execute();
}
