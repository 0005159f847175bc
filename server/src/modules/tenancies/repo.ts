// Queries of the tenancies module: plain functions over Kysely, tenant filter first. Names of
// households and people are read from the registry's tables (read-only) for display.
import { sql } from 'kysely';
import type { Program } from '../../kernel/auth/permissions.js';
import { type Executor, inTenant } from '../../kernel/db/tenant.js';
import type { Keyset } from '../../kernel/http/pagination.js';
import type { Scope } from './policy.js';

type Ctx = { tenantId: string };

export const range = (from: string, to: string | null) => sql<string>`daterange(${from}::date, ${to}::date, '[)')`;

const programIn = (scope: Scope) => {
  if (scope === 'all') {
    return sql<boolean>`true`;
  }
  if (scope.length === 0) {
    return sql<boolean>`false`;
  }
  return sql<boolean>`t.program IN (${sql.join(scope)})`;
};

/** A tenancy with its unit, estate, tenant name, today's rent and balance. */
export function tenancyQuery(db: Executor, ctx: Ctx, scope: Scope, today: string) {
  return db
    .selectFrom('tenancy as t')
    .innerJoin('unit as u', (j) => j.onRef('u.tenant_id', '=', 't.tenant_id').onRef('u.id', '=', 't.unit_id'))
    .innerJoin('building as b', (j) => j.onRef('b.tenant_id', '=', 'u.tenant_id').onRef('b.id', '=', 'u.building_id'))
    .leftJoin('estate as e', (j) => j.onRef('e.tenant_id', '=', 'b.tenant_id').onRef('e.id', '=', 'b.estate_id'))
    .leftJoin('household as h', (j) => j.onRef('h.tenant_id', '=', 't.tenant_id').onRef('h.id', '=', 't.household_id'))
    .leftJoin('person as p', (j) => j.onRef('p.tenant_id', '=', 't.tenant_id').onRef('p.id', '=', 't.person_id'))
    .select([
      't.id',
      't.code',
      't.program',
      't.kind',
      't.unit_id',
      't.bed',
      't.household_id',
      't.person_id',
      't.renewal',
      't.renewal_months',
      't.deposit_cents',
      't.service_charges_cents',
      't.notes',
      't.end_reason',
      't.created_at',
      'u.code as unit_code',
      'u.surface_m2',
      'e.id as estate_id',
      'e.name as estate_name',
      'b.address',
      'b.city',
      'h.name as household_name',
      sql<string | null>`p.given_name || ' ' || p.family_name`.as('person_name'),
      sql<string>`lower(t.during)`.as('start_date'),
      sql<string | null>`upper(t.during)`.as('end_date'),
      sql<number | null>`(SELECT ra.monthly_cents FROM rent_assessment ra WHERE ra.tenant_id = t.tenant_id AND ra.tenancy_id = t.id
        AND ra.effective_from <= greatest(${today}::date, lower(t.during)) ORDER BY ra.effective_from DESC, ra.created_at DESC LIMIT 1)`.as(
        'monthly_rent_cents',
      ),
      sql<number>`coalesce((SELECT sum(l.amount_cents) FROM ledger_entry l WHERE l.tenant_id = t.tenant_id AND l.tenancy_id = t.id
        AND l.entry_date <= ${today}::date), 0)::bigint`.as('balance_cents'),
    ])
    .where(inTenant(ctx, 't'))
    .where(programIn(scope));
}

export type TenancyRow = Awaited<ReturnType<ReturnType<typeof tenancyQuery>['executeTakeFirstOrThrow']>>;

export function findTenancy(db: Executor, ctx: Ctx, scope: Scope, today: string, id: string) {
  return tenancyQuery(db, ctx, scope, today).where('t.id', '=', id).executeTakeFirst();
}

export interface TenancyFilter {
  q?: string;
  program?: Program;
  unitId?: string;
  state?: 'active' | 'ended' | 'future';
  after?: Keyset;
  limit: number;
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export function listTenancies(db: Executor, ctx: Ctx, scope: Scope, today: string, f: TenancyFilter) {
  let q = tenancyQuery(db, ctx, scope, today);
  if (f.q) {
    const like = `%${likeEscape(f.q.toLowerCase())}%`;
    q = q.where(
      sql<boolean>`(lower(t.code) LIKE ${like} OR lower(u.code) LIKE ${like} OR lower(coalesce(h.name, '')) LIKE ${like}
        OR lower(coalesce(p.given_name || ' ' || p.family_name, '')) LIKE ${like})`,
    );
  }
  if (f.program) {
    q = q.where('t.program', '=', f.program);
  }
  if (f.unitId) {
    q = q.where('t.unit_id', '=', f.unitId);
  }
  if (f.state === 'active') {
    q = q.where(sql<boolean>`t.during @> ${today}::date`);
  } else if (f.state === 'ended') {
    q = q.where(sql<boolean>`upper(t.during) <= ${today}::date`);
  } else if (f.state === 'future') {
    q = q.where(sql<boolean>`lower(t.during) > ${today}::date`);
  }
  if (f.after) {
    q = q.where(sql<boolean>`(t.code, t.id) > (${f.after.v}, ${f.after.id})`);
  }
  return q
    .orderBy('t.code')
    .orderBy('t.id')
    .limit(f.limit + 1)
    .execute();
}

export function tenanciesOfUnit(db: Executor, ctx: Ctx, unitId: string) {
  return db
    .selectFrom('tenancy as t')
    .leftJoin('household as h', (j) => j.onRef('h.tenant_id', '=', 't.tenant_id').onRef('h.id', '=', 't.household_id'))
    .leftJoin('person as p', (j) => j.onRef('p.tenant_id', '=', 't.tenant_id').onRef('p.id', '=', 't.person_id'))
    .select([
      't.id',
      't.code',
      't.program',
      't.kind',
      't.bed',
      'h.name as household_name',
      sql<string | null>`p.given_name || ' ' || p.family_name`.as('person_name'),
      sql<string>`lower(t.during)`.as('start_date'),
      sql<string | null>`upper(t.during)`.as('end_date'),
    ])
    .where(inTenant(ctx, 't'))
    .where('t.unit_id', '=', unitId)
    .orderBy(sql`lower(t.during)`, 'desc')
    .execute();
}

/** Tenancies of a unit that overlap [from, to), for the whole-unit vs bed check. */
export function overlappingTenancies(db: Executor, ctx: Ctx, unitId: string, from: string, to: string | null) {
  return db
    .selectFrom('tenancy')
    .select(['id', 'bed'])
    .where(inTenant(ctx))
    .where('unit_id', '=', unitId)
    .where(sql<boolean>`during && ${range(from, to)}`)
    .execute();
}

export function signatories(db: Executor, ctx: Ctx, tenancyId: string) {
  return db.selectFrom('tenancy_signatory').selectAll().where(inTenant(ctx)).where('tenancy_id', '=', tenancyId).orderBy('name').execute();
}

export function documents(db: Executor, ctx: Ctx, tenancyId: string) {
  return db.selectFrom('tenancy_document').selectAll().where(inTenant(ctx)).where('tenancy_id', '=', tenancyId).orderBy('created_at').execute();
}

export function incomes(db: Executor, ctx: Ctx, tenancyId: string) {
  return db
    .selectFrom('tenancy_income')
    .selectAll()
    .where(inTenant(ctx))
    .where('tenancy_id', '=', tenancyId)
    .orderBy('effective_from', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
}

export function assessments(db: Executor, ctx: Ctx, tenancyId: string) {
  return db
    .selectFrom('rent_assessment')
    .selectAll()
    .where(inTenant(ctx))
    .where('tenancy_id', '=', tenancyId)
    .orderBy('effective_from', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
}

export type AssessmentRow = Awaited<ReturnType<typeof assessments>>[number];

export function ledgerEntries(db: Executor, ctx: Ctx, tenancyId: string) {
  return (
    db
      .selectFrom('ledger_entry as l')
      .leftJoin('app_user as a', (j) => j.onRef('a.tenant_id', '=', 'l.tenant_id').onRef('a.id', '=', 'l.author_id'))
      .leftJoin('payment_notice as n', (j) => j.onRef('n.tenant_id', '=', 'l.tenant_id').onRef('n.id', '=', 'l.notice_id'))
      .select([
        'l.id',
        'l.kind',
        'l.component',
        'l.entry_date',
        'l.amount_cents',
        'l.reason',
        'l.charge_month',
        'l.created_at',
        'a.full_name as author_name',
        'n.notice_number',
      ])
      .where(inTenant(ctx, 'l'))
      .where('l.tenancy_id', '=', tenancyId)
      .orderBy('l.entry_date')
      // Charges of a day first, a month's rent before its service charges; then in order of writing.
      .orderBy(sql`l.kind <> 'charge'`)
      .orderBy(sql`l.component`)
      .orderBy('l.created_at')
      .orderBy('l.id')
      .execute()
  );
}

export type LedgerRow = Awaited<ReturnType<typeof ledgerEntries>>[number];

export function rentRules(db: Executor, ctx: Ctx, program?: Program) {
  let q = db.selectFrom('rent_rule').selectAll().where(inTenant(ctx));
  if (program) {
    q = q.where('program', '=', program);
  }
  return q.orderBy('program').orderBy('effective_from', 'desc').execute();
}

export function notices(db: Executor, ctx: Ctx, tenancyId: string) {
  return db.selectFrom('payment_notice').selectAll().where(inTenant(ctx)).where('tenancy_id', '=', tenancyId).orderBy('created_at', 'desc').execute();
}

export function paymentSettings(db: Executor, ctx: Ctx) {
  return db.selectFrom('payment_settings').selectAll().where(inTenant(ctx)).executeTakeFirst();
}

/** Tenancies the signed-in citizen is party to: as the person, a household member or a signatory. */
export function ownTenancyIds(db: Executor, ctx: Ctx, userId: string, today: string) {
  return db
    .selectFrom('tenancy as t')
    .select(['t.id'])
    .where(inTenant(ctx, 't'))
    .where(
      sql<boolean>`EXISTS (SELECT 1 FROM person me WHERE me.tenant_id = t.tenant_id AND me.user_id = ${userId} AND me.merged_into IS NULL AND (
        me.id = t.person_id
        OR EXISTS (SELECT 1 FROM household_member hm WHERE hm.tenant_id = t.tenant_id AND hm.household_id = t.household_id
          AND hm.person_id = me.id AND hm.joined_on <= ${today}::date AND (hm.left_on IS NULL OR hm.left_on > ${today}::date))
        OR EXISTS (SELECT 1 FROM tenancy_signatory s WHERE s.tenant_id = t.tenant_id AND s.tenancy_id = t.id AND s.person_id = me.id)))`,
    )
    .orderBy(sql`lower(t.during)`, 'desc')
    .execute();
}

export function chargeRuns(db: Executor, ctx: Ctx, limit = 24) {
  return db
    .selectFrom('charge_run as r')
    .leftJoin('app_user as a', (j) => j.onRef('a.tenant_id', '=', 'r.tenant_id').onRef('a.id', '=', 'r.started_by'))
    .selectAll('r')
    .select('a.full_name as started_by_name')
    .where(inTenant(ctx, 'r'))
    .orderBy('r.started_at', 'desc')
    .limit(limit)
    .execute();
}

export type ChargeRunRow = Awaited<ReturnType<typeof chargeRuns>>[number];

/** People (and their current household, incomes and ISEE) matching a name, for the create form. */
export function searchParties(db: Executor, ctx: Ctx, q: string, today: string) {
  const like = `${likeEscape(q.toLowerCase())}%`;
  return db
    .selectFrom('person as p')
    .leftJoin('household_member as m', (j) =>
      j
        .onRef('m.tenant_id', '=', 'p.tenant_id')
        .onRef('m.person_id', '=', 'p.id')
        .on(sql<boolean>`m.joined_on <= ${today}::date AND (m.left_on IS NULL OR m.left_on > ${today}::date)`),
    )
    .leftJoin('household as h', (j) => j.onRef('h.tenant_id', '=', 'm.tenant_id').onRef('h.id', '=', 'm.household_id'))
    .select([
      'p.id as person_id',
      sql<string>`p.given_name || ' ' || p.family_name`.as('person_name'),
      'h.id as household_id',
      'h.name as household_name',
      sql<number | null>`(SELECT max(i.year) FROM household_income i WHERE i.tenant_id = h.tenant_id AND i.household_id = h.id)`.as('income_year'),
      sql<number | null>`(SELECT sum(i.amount_cents) FROM household_income i WHERE i.tenant_id = h.tenant_id AND i.household_id = h.id
        AND i.year = (SELECT max(i2.year) FROM household_income i2 WHERE i2.tenant_id = h.tenant_id AND i2.household_id = h.id))::bigint`.as('income_cents'),
      sql<number | null>`(SELECT s.value_cents FROM isee s WHERE s.tenant_id = h.tenant_id AND s.household_id = h.id ORDER BY s.issued_on DESC LIMIT 1)`.as(
        'isee_cents',
      ),
      sql<number>`(SELECT count(*) FROM household_member c WHERE c.tenant_id = h.tenant_id AND c.household_id = h.id AND c.relationship = 'child'
        AND (c.left_on IS NULL OR c.left_on > ${today}::date))::int`.as('children'),
    ])
    .where(inTenant(ctx, 'p'))
    .where('p.merged_into', 'is', null)
    .where(sql<boolean>`(lower(p.family_name) LIKE ${like} OR lower(coalesce(h.name, '')) LIKE ${`%${likeEscape(q.toLowerCase())}%`})`)
    .orderBy('p.family_name')
    .orderBy('p.given_name')
    .orderBy('p.id')
    .limit(30)
    .execute();
}
