// Tenants' self-management (autogestione): a committee per building, its member households,
// meetings with minutes, common expenses split among the members in integer cents and who paid.
import { sql } from 'kysely';
import type { z } from 'zod';
import type { TenantContext } from '../../kernel/context.js';
import { type Executor, inTenant } from '../../kernel/db/tenant.js';
import { notFound } from '../../kernel/http/errors.js';
import { fieldError } from './errors.js';
import { assertEstate, myEstateIds } from './policy.js';
import { splitCents } from './rules/split.js';
import type { CommitteeCreateBody, ExpenseBody, MeetingBody, MemberBody } from './schema.js';

type Ctx = TenantContext;

async function buildingEstate(db: Executor, ctx: Ctx, buildingId: string) {
  const b = await db.selectFrom('building').select(['estate_id']).where(inTenant(ctx)).where('id', '=', buildingId).executeTakeFirst();
  if (!b?.estate_id) {
    throw notFound();
  }
  await assertEstate(db, ctx, b.estate_id);
  return b.estate_id;
}

/** The committee, if the caller mediates on its estate (404 otherwise). */
async function committeeOf(db: Executor, ctx: Ctx, id: string) {
  const c = await db
    .selectFrom('tenant_committee as c')
    .innerJoin('building as b', (j) => j.onRef('b.tenant_id', '=', 'c.tenant_id').onRef('b.id', '=', 'c.building_id'))
    .selectAll('c')
    .select(['b.address', 'b.estate_id'])
    .where(inTenant(ctx, 'c'))
    .where('c.id', '=', id)
    .executeTakeFirst();
  if (!c?.estate_id) {
    throw notFound();
  }
  await assertEstate(db, ctx, c.estate_id);
  return c;
}

export async function listCommittees(db: Executor, ctx: Ctx, estateId?: string) {
  const estates = await myEstateIds(db, ctx);
  if (estates.length === 0) {
    return [];
  }
  const rows = await db
    .selectFrom('tenant_committee as c')
    .innerJoin('building as b', (j) => j.onRef('b.tenant_id', '=', 'c.tenant_id').onRef('b.id', '=', 'c.building_id'))
    .select('c.id')
    .where(inTenant(ctx, 'c'))
    .where('b.estate_id', 'in', estateId ? estates.filter((e) => e === estateId) : estates)
    .orderBy('c.name')
    .execute();
  const out = [];
  for (const r of rows) {
    out.push(await loadCommittee(db, ctx, r.id));
  }
  return out;
}

export async function loadCommittee(db: Executor, ctx: Ctx, id: string) {
  const c = await committeeOf(db, ctx, id);
  const [members, meetings, expenses, shares] = await Promise.all([
    db
      .selectFrom('committee_member as m')
      .innerJoin('household as h', (j) => j.onRef('h.tenant_id', '=', 'm.tenant_id').onRef('h.id', '=', 'm.household_id'))
      .select(['m.household_id', 'h.name as household', 'm.representative', 'm.role', 'm.joined_on'])
      .where(inTenant(ctx, 'm'))
      .where('m.committee_id', '=', id)
      .orderBy('h.name')
      .execute(),
    db
      .selectFrom('committee_meeting')
      .select(['id', 'held_on', 'minutes'])
      .where(inTenant(ctx))
      .where('committee_id', '=', id)
      .orderBy('held_on', 'desc')
      .execute(),
    db
      .selectFrom('committee_expense')
      .select(['id', 'spent_on', 'description', 'amount_cents'])
      .where(inTenant(ctx))
      .where('committee_id', '=', id)
      .orderBy('spent_on', 'desc')
      .execute(),
    db
      .selectFrom('committee_expense_share as s')
      .innerJoin('committee_expense as x', (j) => j.onRef('x.tenant_id', '=', 's.tenant_id').onRef('x.id', '=', 's.expense_id'))
      .innerJoin('household as h', (j) => j.onRef('h.tenant_id', '=', 's.tenant_id').onRef('h.id', '=', 's.household_id'))
      .select(['s.expense_id', 's.household_id', 'h.name as household', 's.share_cents', 's.paid_on'])
      .where(inTenant(ctx, 's'))
      .where('x.committee_id', '=', id)
      .orderBy('h.name')
      .execute(),
  ]);
  const owed = new Map<string, { household: string; owed: number }>();
  for (const s of shares) {
    const o = owed.get(s.household_id) ?? { household: s.household, owed: 0 };
    o.owed += s.paid_on ? 0 : Number(s.share_cents);
    owed.set(s.household_id, o);
  }
  return { ...c, members, meetings, expenses: expenses.map((e) => ({ ...e, shares: shares.filter((s) => s.expense_id === e.id) })), owed };
}

export type CommitteeRow = Awaited<ReturnType<typeof loadCommittee>>;

export async function createCommittee(db: Executor, ctx: Ctx, body: z.output<typeof CommitteeCreateBody>) {
  await buildingEstate(db, ctx, body.buildingId);
  const row = await db
    .insertInto('tenant_committee')
    .values({ tenant_id: ctx.tenantId, building_id: body.buildingId, name: body.name, founded_on: body.foundedOn })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!row) {
    throw fieldError(409, 'mediation.committee_exists', 'buildingId');
  }
  return row.id;
}

export async function addMember(db: Executor, ctx: Ctx, id: string, body: z.output<typeof MemberBody>, today: string) {
  const c = await committeeOf(db, ctx, id);
  const lives = await db
    .selectFrom('tenancy as t')
    .innerJoin('unit as u', (j) => j.onRef('u.tenant_id', '=', 't.tenant_id').onRef('u.id', '=', 't.unit_id'))
    .select('t.id')
    .where(inTenant(ctx, 't'))
    .where('u.building_id', '=', c.building_id)
    .where('t.household_id', '=', body.householdId)
    .where(sql<boolean>`t.during @> ${today}::date`)
    .executeTakeFirst();
  if (!lives) {
    throw fieldError(400, 'mediation.household_not_in_building', 'householdId');
  }
  await db
    .insertInto('committee_member')
    .values({
      tenant_id: ctx.tenantId,
      committee_id: id,
      household_id: body.householdId,
      representative: body.representative,
      role: body.role,
      joined_on: body.joinedOn,
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'committee_id', 'household_id']).doUpdateSet({ representative: body.representative, role: body.role }))
    .execute();
}

export async function addMeeting(db: Executor, ctx: Ctx, id: string, body: z.output<typeof MeetingBody>) {
  await committeeOf(db, ctx, id);
  await db.insertInto('committee_meeting').values({ tenant_id: ctx.tenantId, committee_id: id, held_on: body.heldOn, minutes: body.minutes }).execute();
}

/** An expense split among the member households (equal shares unless weights are given). */
export async function addExpense(db: Executor, ctx: Ctx, id: string, body: z.output<typeof ExpenseBody>) {
  await committeeOf(db, ctx, id);
  const members = await db
    .selectFrom('committee_member')
    .select('household_id')
    .where(inTenant(ctx))
    .where('committee_id', '=', id)
    .orderBy('household_id')
    .execute();
  const memberIds = new Set(members.map((m) => m.household_id));
  const parts = body.weights ? body.weights.map((w) => ({ key: w.householdId, weight: w.weight })) : members.map((m) => ({ key: m.household_id, weight: 1 }));
  if (parts.length === 0) {
    throw fieldError(400, 'mediation.no_members', 'weights');
  }
  parts.forEach((p, i) => {
    if (!memberIds.has(p.key)) {
      throw fieldError(400, 'mediation.household_not_member', `weights.${i}.householdId`);
    }
  });
  const { id: expenseId } = await db
    .insertInto('committee_expense')
    .values({ tenant_id: ctx.tenantId, committee_id: id, spent_on: body.spentOn, description: body.description, amount_cents: body.amountCents })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('committee_expense_share')
    .values(splitCents(body.amountCents, parts).map((s) => ({ tenant_id: ctx.tenantId, expense_id: expenseId, household_id: s.key, share_cents: s.cents })))
    .execute();
  return expenseId;
}

export async function markPaid(db: Executor, ctx: Ctx, id: string, expenseId: string, householdId: string, paidOn: string | null) {
  await committeeOf(db, ctx, id);
  const res = await db
    .updateTable('committee_expense_share')
    .set({ paid_on: paidOn })
    .where(inTenant(ctx))
    .where('expense_id', '=', expenseId)
    .where('household_id', '=', householdId)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('committee_expense as x')
          .select('x.id')
          .whereRef('x.tenant_id', '=', 'committee_expense_share.tenant_id')
          .whereRef('x.id', '=', 'committee_expense_share.expense_id')
          .where('x.committee_id', '=', id),
      ),
    )
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) {
    throw notFound();
  }
}
