// Queries of the allocation module: plain functions over Kysely, tenant-filtered.
import { sql, type Transaction } from 'kysely';
import { type Executor, inTenant } from '../../kernel/db/tenant.js';
import type { DB } from '../../kernel/db/types.js';
import { Answers, DEFAULT_CONFIG, ScoringConfig } from './rules/compatibility.js';

type Ctx = { tenantId: string };

export interface CallRow {
  id: string;
  program: string;
  status: string;
  titleIt: string;
  titleEn: string;
}

export async function findCall(db: Executor, ctx: Ctx, callId: string): Promise<CallRow | null> {
  const row = await db
    .selectFrom('call')
    .select(['id', 'program', 'status', 'title_it', 'title_en'])
    .where(inTenant(ctx))
    .where('id', '=', callId)
    .executeTakeFirst();
  return row ? { id: row.id, program: row.program, status: row.status, titleIt: row.title_it, titleEn: row.title_en } : null;
}

export async function callConfig(db: Executor, ctx: Ctx, callId: string): Promise<ScoringConfig> {
  const row = await db.selectFrom('allocation_settings').select('config').where(inTenant(ctx)).where('call_id', '=', callId).executeTakeFirst();
  const parsed = ScoringConfig.safeParse(row?.config);
  return parsed.success ? parsed.data : DEFAULT_CONFIG;
}

export interface ApplicantRow {
  applicationId: string;
  callId: string;
  status: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  userId: string | null;
  personId: string | null;
  answers: Answers | null;
  filledAs: string | null;
}

function applicants(db: Executor, ctx: Ctx) {
  return db
    .selectFrom('application as a')
    .leftJoin('allocation_questionnaire as q', (j) => j.onRef('q.tenant_id', '=', 'a.tenant_id').onRef('q.application_id', '=', 'a.id'))
    .select([
      'a.id',
      'a.call_id',
      'a.status',
      'a.user_id',
      'a.person_id',
      sql<string>`a.applicant->>'givenName'`.as('given_name'),
      sql<string>`a.applicant->>'familyName'`.as('family_name'),
      sql<string>`a.applicant->>'birthDate'`.as('birth_date'),
      'q.answers',
      'q.filled_as',
    ])
    .where(inTenant(ctx, 'a'));
}

type RawApplicant = Awaited<ReturnType<ReturnType<typeof applicants>['execute']>>[number];
function toApplicant(r: RawApplicant): ApplicantRow {
  const parsed = r.answers ? Answers.safeParse(r.answers) : null;
  return {
    applicationId: r.id,
    callId: r.call_id,
    status: r.status,
    givenName: r.given_name ?? '',
    familyName: r.family_name ?? '',
    birthDate: r.birth_date ?? '2000-01-01',
    userId: r.user_id,
    personId: r.person_id,
    answers: parsed?.success ? parsed.data : null,
    filledAs: r.filled_as,
  };
}

/** The admitted applicants of a call, with their questionnaire if filled. */
export async function admitted(db: Executor, ctx: Ctx, callId: string): Promise<ApplicantRow[]> {
  const rows = await applicants(db, ctx).where('a.call_id', '=', callId).where('a.status', '=', 'admitted').orderBy('a.protocol').orderBy('a.id').execute();
  return rows.map(toApplicant);
}

export async function findApplicant(db: Executor, ctx: Ctx, applicationId: string): Promise<ApplicantRow | null> {
  const row = await applicants(db, ctx).where('a.id', '=', applicationId).executeTakeFirst();
  return row ? toApplicant(row) : null;
}

export async function applicationsOfUser(db: Executor, ctx: Ctx, userId: string): Promise<ApplicantRow[]> {
  const rows = await applicants(db, ctx).where('a.user_id', '=', userId).where('a.status', 'in', ['submitted', 'admitted']).execute();
  return rows.map(toApplicant);
}

export interface FlatRow {
  id: string;
  code: string;
  address: string;
  neighbourhood: string | null;
  bedrooms: number;
  surfaceM2: number;
  accessibility: string[];
}

/** Units serving the program today and available today (the flats a plan may give). */
export async function availableFlats(db: Executor, ctx: Ctx, program: string, today: string): Promise<FlatRow[]> {
  const rows = await db
    .selectFrom('unit as u')
    .innerJoin('building as b', (j) => j.onRef('b.tenant_id', '=', 'u.tenant_id').onRef('b.id', '=', 'u.building_id'))
    .innerJoin('unit_program as p', (j) => j.onRef('p.tenant_id', '=', 'u.tenant_id').onRef('p.unit_id', '=', 'u.id'))
    .innerJoin('unit_status as s', (j) => j.onRef('s.tenant_id', '=', 'u.tenant_id').onRef('s.unit_id', '=', 'u.id'))
    .select(['u.id', 'u.code', 'b.address', 'b.neighbourhood', 'u.bedrooms', 'u.surface_m2', 'u.accessibility'])
    .where(inTenant(ctx, 'u'))
    .where('p.program', '=', program)
    .where(sql<boolean>`p.during @> ${today}::date`)
    .where('s.status', '=', 'available')
    .where(sql<boolean>`s.during @> ${today}::date`)
    .orderBy('u.code')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    address: r.address,
    neighbourhood: r.neighbourhood,
    bedrooms: r.bedrooms,
    surfaceM2: Number(r.surface_m2),
    accessibility: r.accessibility as string[],
  }));
}

export async function unitsById(db: Executor, ctx: Ctx, ids: string[]): Promise<Map<string, FlatRow>> {
  if (ids.length === 0) {
    return new Map();
  }
  const rows = await db
    .selectFrom('unit as u')
    .innerJoin('building as b', (j) => j.onRef('b.tenant_id', '=', 'u.tenant_id').onRef('b.id', '=', 'u.building_id'))
    .select(['u.id', 'u.code', 'b.address', 'b.neighbourhood', 'u.bedrooms', 'u.surface_m2', 'u.accessibility'])
    .where(inTenant(ctx, 'u'))
    .where('u.id', 'in', ids)
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        code: r.code,
        address: r.address,
        neighbourhood: r.neighbourhood,
        bedrooms: r.bedrooms,
        surfaceM2: Number(r.surface_m2),
        accessibility: r.accessibility as string[],
      },
    ]),
  );
}

export type Pair = readonly [string, string];
export interface PlanRow {
  id: string;
  callId: string;
  status: 'draft' | 'confirmed';
  locked: Pair[];
  forbidden: Pair[];
  pairTotal: number;
  placeTotal: number;
  computedAt: Date;
  confirmedAt: Date | null;
}

export async function findPlan(db: Executor, ctx: Ctx, by: { callId?: string; planId?: string }, lock = false): Promise<PlanRow | null> {
  let q = db.selectFrom('allocation_plan').selectAll().where(inTenant(ctx));
  q = by.planId ? q.where('id', '=', by.planId) : q.where('call_id', '=', by.callId as string);
  const row = await (lock ? q.forUpdate() : q).executeTakeFirst();
  if (!row) {
    return null;
  }
  return {
    id: row.id,
    callId: row.call_id,
    status: row.status as PlanRow['status'],
    locked: row.locked as unknown as Pair[],
    forbidden: row.forbidden as unknown as Pair[],
    pairTotal: row.pair_total,
    placeTotal: row.place_total,
    computedAt: row.computed_at,
    confirmedAt: row.confirmed_at,
  };
}

export async function pairsOf(db: Executor, ctx: Ctx, planId: string) {
  return db
    .selectFrom('allocation_pair')
    .selectAll()
    .where(inTenant(ctx))
    .where('plan_id', '=', planId)
    .orderBy('created_at')
    .orderBy('score', 'desc')
    .execute();
}

export async function offersOf(db: Executor, ctx: Ctx, planId: string) {
  return db.selectFrom('allocation_offer').selectAll().where(inTenant(ctx)).where('plan_id', '=', planId).orderBy('created_at').execute();
}

export async function lockOffer(db: Transaction<DB>, ctx: Ctx, offerId: string) {
  return db.selectFrom('allocation_offer').selectAll().where(inTenant(ctx)).where('id', '=', offerId).forUpdate().executeTakeFirst();
}
