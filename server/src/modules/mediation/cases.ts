// Mediation cases: conflicts between households of an estate and arrears accompaniments.
import { sql } from 'kysely';
import type { z } from 'zod';
import type { TenantContext } from '../../kernel/context.js';
import { type Executor, inTenant } from '../../kernel/db/tenant.js';
import { AppError, notFound } from '../../kernel/http/errors.js';
import { fieldError } from './errors.js';
import { assertEstate, myEstateIds } from './policy.js';
import { type CaseStatus, nextStatus } from './rules/cases.js';

export { ageBucket, CASE_TYPES } from './rules/cases.js';

import type { AgreementBody, CaseCreateBody, CaseListQuery, CloseBody, EscalateBody, SessionBody } from './schema.js';

type Ctx = TenantContext;

/** Households living on the estate on `day` (an active tenancy on one of its units). */
export function estateHouseholds(db: Executor, ctx: Ctx, estateId: string, day: string) {
  return db
    .selectFrom('tenancy as t')
    .innerJoin('unit as u', (j) => j.onRef('u.tenant_id', '=', 't.tenant_id').onRef('u.id', '=', 't.unit_id'))
    .innerJoin('building as b', (j) => j.onRef('b.tenant_id', '=', 'u.tenant_id').onRef('b.id', '=', 'u.building_id'))
    .innerJoin('household as h', (j) => j.onRef('h.tenant_id', '=', 't.tenant_id').onRef('h.id', '=', 't.household_id'))
    .select(['h.id', 'h.name', 'u.code as unit_code', 'b.id as building_id'])
    .where(inTenant(ctx, 't'))
    .where('b.estate_id', '=', estateId)
    .where(sql<boolean>`t.during @> ${day}::date`)
    .orderBy('h.name')
    .execute();
}

export async function listCases(db: Executor, ctx: Ctx, q: z.output<typeof CaseListQuery>) {
  const estates = await myEstateIds(db, ctx);
  if (estates.length === 0 || (q.estateId && !estates.includes(q.estateId))) {
    return [];
  }
  let query = db
    .selectFrom('mediation_case as c')
    .innerJoin('estate as e', (j) => j.onRef('e.tenant_id', '=', 'c.tenant_id').onRef('e.id', '=', 'c.estate_id'))
    .selectAll('c')
    .select('e.name as estate_name')
    .where(inTenant(ctx, 'c'))
    .where('c.estate_id', 'in', q.estateId ? [q.estateId] : estates);
  if (q.status === 'active') {
    query = query.where('c.status', '!=', 'closed');
  } else if (q.status) {
    query = query.where('c.status', '=', q.status);
  }
  if (q.kind) {
    query = query.where('c.kind', '=', q.kind);
  }
  const rows = await query.orderBy('c.opened_on', 'desc').orderBy('c.id').limit(500).execute();
  const parties = await partiesOf(
    db,
    ctx,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, parties: parties.filter((p) => p.case_id === r.id) }));
}

function partiesOf(db: Executor, ctx: Ctx, caseIds: string[]) {
  if (caseIds.length === 0) {
    return Promise.resolve([]);
  }
  return db
    .selectFrom('mediation_party as p')
    .innerJoin('household as h', (j) => j.onRef('h.tenant_id', '=', 'p.tenant_id').onRef('h.id', '=', 'p.household_id'))
    .select(['p.case_id', 'p.household_id', 'p.role', 'h.name'])
    .where(inTenant(ctx, 'p'))
    .where('p.case_id', 'in', caseIds)
    .orderBy('h.name')
    .execute();
}

export type CaseRow = Awaited<ReturnType<typeof listCases>>[number];

/** One case the caller may see (404 otherwise), with sessions and agreements. */
export async function loadCase(db: Executor, ctx: Ctx, id: string) {
  const c = await db
    .selectFrom('mediation_case as c')
    .innerJoin('estate as e', (j) => j.onRef('e.tenant_id', '=', 'c.tenant_id').onRef('e.id', '=', 'c.estate_id'))
    .selectAll('c')
    .select('e.name as estate_name')
    .where(inTenant(ctx, 'c'))
    .where('c.id', '=', id)
    .executeTakeFirst();
  if (!c) {
    throw notFound();
  }
  await assertEstate(db, ctx, c.estate_id);
  const [parties, sessions, agreements] = await Promise.all([
    partiesOf(db, ctx, [id]),
    db.selectFrom('mediation_session').selectAll().where(inTenant(ctx)).where('case_id', '=', id).orderBy('held_on').orderBy('created_at').execute(),
    db.selectFrom('mediation_agreement').selectAll().where(inTenant(ctx)).where('case_id', '=', id).orderBy('agreed_on').orderBy('created_at').execute(),
  ]);
  return { ...c, parties, sessions, agreements };
}

export type CaseDetailRow = Awaited<ReturnType<typeof loadCase>>;

export async function createCase(db: Executor, ctx: Ctx, body: z.output<typeof CaseCreateBody>, today: string) {
  await assertEstate(db, ctx, body.estateId);
  const living = new Set((await estateHouseholds(db, ctx, body.estateId, body.openedOn ?? today)).map((h) => h.id));
  body.parties.forEach((p, i) => {
    if (!living.has(p.householdId)) {
      throw fieldError(400, 'mediation.party_not_on_estate', `parties.${i}.householdId`);
    }
  });
  const { id } = await db
    .insertInto('mediation_case')
    .values({
      tenant_id: ctx.tenantId,
      estate_id: body.estateId,
      kind: body.type === 'arrears' ? 'arrears' : 'conflict',
      type: body.type,
      severity: body.severity,
      reported_by: body.reportedBy,
      summary: body.summary,
      opened_on: body.openedOn ?? today,
      created_by: ctx.principal.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (body.parties.length > 0) {
    await db
      .insertInto('mediation_party')
      .values(body.parties.map((p) => ({ tenant_id: ctx.tenantId, case_id: id, household_id: p.householdId, role: p.role })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  return id;
}

/** Locks the case, checks the caller may work on it and that the event is allowed now. */
async function step(db: Executor, ctx: Ctx, id: string, event: Parameters<typeof nextStatus>[1]) {
  const c = await db
    .selectFrom('mediation_case')
    .select(['estate_id', 'status', 'opened_on'])
    .where(inTenant(ctx))
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!c) {
    throw notFound();
  }
  await assertEstate(db, ctx, c.estate_id);
  const next = nextStatus(c.status as CaseStatus, event);
  if (!next) {
    throw new AppError(409, 'mediation.case_state');
  }
  return { next, openedOn: c.opened_on };
}

function setStatus(db: Executor, ctx: Ctx, id: string, values: Record<string, unknown>) {
  return db
    .updateTable('mediation_case')
    .set({ ...values, updated_at: sql`now()` })
    .where(inTenant(ctx))
    .where('id', '=', id)
    .execute();
}

function notBefore(day: string, openedOn: string, field: string) {
  if (day < openedOn) {
    throw fieldError(400, 'mediation.before_opening', field);
  }
}

export async function addSession(db: Executor, ctx: Ctx, id: string, body: z.output<typeof SessionBody>) {
  const { next, openedOn } = await step(db, ctx, id, 'session');
  notBefore(body.heldOn, openedOn, 'heldOn');
  await db
    .insertInto('mediation_session')
    .values({
      tenant_id: ctx.tenantId,
      case_id: id,
      held_on: body.heldOn,
      participants: body.participants,
      outcome: body.outcome,
      created_by: ctx.principal.userId,
    })
    .execute();
  await setStatus(db, ctx, id, { status: next });
}

export async function addAgreement(db: Executor, ctx: Ctx, id: string, body: z.output<typeof AgreementBody>) {
  const { next, openedOn } = await step(db, ctx, id, 'agreement');
  notBefore(body.agreedOn, openedOn, 'agreedOn');
  if (body.followUpOn && body.followUpOn < body.agreedOn) {
    throw fieldError(400, 'mediation.follow_up_before', 'followUpOn');
  }
  await db
    .insertInto('mediation_agreement')
    .values({
      tenant_id: ctx.tenantId,
      case_id: id,
      agreed_on: body.agreedOn,
      terms: body.terms,
      follow_up_on: body.followUpOn ?? null,
      created_by: ctx.principal.userId,
    })
    .execute();
  await setStatus(db, ctx, id, { status: next, follow_up_on: body.followUpOn ?? null });
}

export async function followUp(db: Executor, ctx: Ctx, id: string, followUpOn: string) {
  const { next } = await step(db, ctx, id, 'follow_up');
  await setStatus(db, ctx, id, { status: next, follow_up_on: followUpOn });
}

export async function escalate(db: Executor, ctx: Ctx, id: string, body: z.output<typeof EscalateBody>) {
  const { next, openedOn } = await step(db, ctx, id, 'escalate');
  notBefore(body.on, openedOn, 'on');
  await setStatus(db, ctx, id, { status: next, escalated_to: body.to, escalated_on: body.on, escalation_note: body.note });
}

export async function close(db: Executor, ctx: Ctx, id: string, body: z.output<typeof CloseBody>) {
  const { next, openedOn } = await step(db, ctx, id, 'close');
  notBefore(body.closedOn, openedOn, 'closedOn');
  await setStatus(db, ctx, id, { status: next, closed_on: body.closedOn, result: body.result, closure_note: body.note ?? null });
}
