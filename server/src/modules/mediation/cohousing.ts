// Co-housing projects: the house, partner bodies, residents over time with the house rules they
// signed, house meetings, shared expenses split among the residents present on the day.
// Who sees a project: the ente's coordinators (case:read for co-housing and registry:write: social
// workers, Ufficio Casa) see every project; partner staff (e.g. Azienda USL) only the projects
// their organisation is a partner of (need-to-know). Writes are for the coordinators.
import { sql } from 'kysely';
import type { z } from 'zod';
import type { TenantContext } from '../../kernel/context.js';
import { type Executor, inTenant } from '../../kernel/db/tenant.js';
import { notFound } from '../../kernel/http/errors.js';
import { fieldError } from './errors.js';
import { splitCents } from './rules/split.js';
import type { CohousingExpenseBody, CohousingProjectBody, CohousingResidentBody } from './schema.js';

type Ctx = TenantContext;

const coordinator = (ctx: Ctx) => ctx.can('case:read', 'cohousing') && ctx.can('registry:write');

export function mayWriteCohousing(ctx: Ctx) {
  if (!(coordinator(ctx) && ctx.can('case:write', 'cohousing'))) {
    throw notFound();
  }
}

function visible(db: Executor, ctx: Ctx) {
  let q = db
    .selectFrom('cohousing_project as p')
    .innerJoin('building as b', (j) => j.onRef('b.tenant_id', '=', 'p.tenant_id').onRef('b.id', '=', 'p.building_id'))
    .selectAll('p')
    .select('b.address')
    .where(inTenant(ctx, 'p'));
  if (!ctx.can('case:read', 'cohousing')) {
    return q.where(sql<boolean>`false`);
  }
  if (!coordinator(ctx)) {
    const org = ctx.principal.organisationId;
    q = org
      ? q.where(({ exists, selectFrom }) =>
          exists(
            selectFrom('cohousing_partner as cp')
              .select('cp.project_id')
              .whereRef('cp.tenant_id', '=', 'p.tenant_id')
              .whereRef('cp.project_id', '=', 'p.id')
              .where('cp.organisation_id', '=', org),
          ),
        )
      : q.where(sql<boolean>`false`);
  }
  return q;
}

export async function listProjects(db: Executor, ctx: Ctx) {
  const rows = await visible(db, ctx).orderBy('p.name').execute();
  const out = [];
  for (const r of rows) {
    out.push(await details(db, ctx, r));
  }
  return out;
}

export async function loadProject(db: Executor, ctx: Ctx, id: string) {
  const r = await visible(db, ctx).where('p.id', '=', id).executeTakeFirst();
  if (!r) {
    throw notFound();
  }
  return details(db, ctx, r);
}

type ProjectRow = {
  id: string;
  name: string;
  kind: string;
  building_id: string;
  address: string;
  description: string | null;
  house_rules: string | null;
  started_on: string;
};

async function details(db: Executor, ctx: Ctx, p: ProjectRow) {
  const [partners, residents, meetings, expenses, shares] = await Promise.all([
    db
      .selectFrom('cohousing_partner as cp')
      .innerJoin('organisation as o', (j) => j.onRef('o.tenant_id', '=', 'cp.tenant_id').onRef('o.id', '=', 'cp.organisation_id'))
      .select(['cp.organisation_id', 'o.name', 'cp.role'])
      .where(inTenant(ctx, 'cp'))
      .where('cp.project_id', '=', p.id)
      .orderBy('o.name')
      .execute(),
    db
      .selectFrom('cohousing_resident as r')
      .innerJoin('person as pe', (j) => j.onRef('pe.tenant_id', '=', 'r.tenant_id').onRef('pe.id', '=', 'r.person_id'))
      .select(['r.id', 'r.person_id', sql<string>`pe.given_name || ' ' || pe.family_name`.as('name'), 'r.entered_on', 'r.left_on', 'r.rules_signed_on'])
      .where(inTenant(ctx, 'r'))
      .where('r.project_id', '=', p.id)
      .orderBy('r.entered_on')
      .execute(),
    db
      .selectFrom('cohousing_meeting')
      .select(['id', 'held_on', 'minutes'])
      .where(inTenant(ctx))
      .where('project_id', '=', p.id)
      .orderBy('held_on', 'desc')
      .execute(),
    db
      .selectFrom('cohousing_expense')
      .select(['id', 'spent_on', 'description', 'amount_cents'])
      .where(inTenant(ctx))
      .where('project_id', '=', p.id)
      .orderBy('spent_on', 'desc')
      .execute(),
    db
      .selectFrom('cohousing_expense_share as s')
      .innerJoin('cohousing_expense as x', (j) => j.onRef('x.tenant_id', '=', 's.tenant_id').onRef('x.id', '=', 's.expense_id'))
      .select(['s.expense_id', 's.resident_id', 's.share_cents', 's.paid_on'])
      .where(inTenant(ctx, 's'))
      .where('x.project_id', '=', p.id)
      .execute(),
  ]);
  const nameOf = new Map(residents.map((r) => [r.id, r.name]));
  const owed = new Map<string, number>();
  for (const s of shares) {
    owed.set(s.resident_id, (owed.get(s.resident_id) ?? 0) + (s.paid_on ? 0 : Number(s.share_cents)));
  }
  return {
    id: p.id,
    name: p.name,
    kind: p.kind as 'families',
    building: { id: p.building_id, address: p.address },
    description: p.description,
    houseRules: p.house_rules,
    startedOn: p.started_on,
    partners: partners.map((x) => ({ organisationId: x.organisation_id, name: x.name, role: x.role })),
    residents: residents.map((r) => ({
      id: r.id,
      personId: r.person_id,
      name: r.name,
      enteredOn: r.entered_on,
      leftOn: r.left_on,
      rulesSignedOn: r.rules_signed_on,
    })),
    meetings: meetings.map((m) => ({ id: m.id, heldOn: m.held_on, minutes: m.minutes })),
    expenses: expenses.map((e) => ({
      id: e.id,
      spentOn: e.spent_on,
      description: e.description,
      amountCents: Number(e.amount_cents),
      shares: shares
        .filter((s) => s.expense_id === e.id)
        .map((s) => ({ residentId: s.resident_id, name: nameOf.get(s.resident_id) ?? '', shareCents: Number(s.share_cents), paidOn: s.paid_on })),
    })),
    balances: [...owed].map(([residentId, c]) => ({ residentId, name: nameOf.get(residentId) ?? '', owedCents: c })),
  };
}

export async function createProject(db: Executor, ctx: Ctx, body: z.output<typeof CohousingProjectBody>) {
  mayWriteCohousing(ctx);
  const b = await db.selectFrom('building').select('id').where(inTenant(ctx)).where('id', '=', body.buildingId).executeTakeFirst();
  if (!b) {
    throw fieldError(400, 'mediation.building_unknown', 'buildingId');
  }
  const row = await db
    .insertInto('cohousing_project')
    .values({
      tenant_id: ctx.tenantId,
      name: body.name,
      kind: body.kind,
      building_id: body.buildingId,
      description: body.description ?? null,
      house_rules: body.houseRules ?? null,
      started_on: body.startedOn,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!row) {
    throw fieldError(409, 'resource.conflict', 'name');
  }
  for (const p of body.partners) {
    await db.insertInto('cohousing_partner').values({ tenant_id: ctx.tenantId, project_id: row.id, organisation_id: p.organisationId, role: p.role }).execute();
  }
  return row.id;
}

export async function addResident(db: Executor, ctx: Ctx, id: string, body: z.output<typeof CohousingResidentBody>) {
  mayWriteCohousing(ctx);
  await loadProject(db, ctx, id);
  const person = await db.selectFrom('person').select('id').where(inTenant(ctx)).where('id', '=', body.personId).executeTakeFirst();
  if (!person) {
    throw fieldError(400, 'agency.person_unknown', 'personId');
  }
  const row = await db
    .insertInto('cohousing_resident')
    .values({
      tenant_id: ctx.tenantId,
      project_id: id,
      person_id: body.personId,
      entered_on: body.enteredOn,
      left_on: body.leftOn ?? null,
      rules_signed_on: body.rulesSignedOn ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** An expense split equally among the residents living in the house on its day. */
export async function addExpense(db: Executor, ctx: Ctx, id: string, body: z.output<typeof CohousingExpenseBody>) {
  mayWriteCohousing(ctx);
  await loadProject(db, ctx, id);
  const present = await db
    .selectFrom('cohousing_resident')
    .select('id')
    .where(inTenant(ctx))
    .where('project_id', '=', id)
    .where('entered_on', '<=', body.spentOn)
    .where((eb) => eb.or([eb('left_on', 'is', null), eb('left_on', '>', body.spentOn)]))
    .orderBy('entered_on')
    .orderBy('id')
    .execute();
  if (present.length === 0) {
    throw fieldError(400, 'mediation.no_members', 'spentOn');
  }
  const { id: expenseId } = await db
    .insertInto('cohousing_expense')
    .values({ tenant_id: ctx.tenantId, project_id: id, spent_on: body.spentOn, description: body.description, amount_cents: body.amountCents })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('cohousing_expense_share')
    .values(
      splitCents(
        body.amountCents,
        present.map((r) => ({ key: r.id, weight: 1 })),
      ).map((s) => ({ tenant_id: ctx.tenantId, expense_id: expenseId, resident_id: s.key, share_cents: s.cents })),
    )
    .execute();
  return expenseId;
}

export async function markPaid(db: Executor, ctx: Ctx, id: string, expenseId: string, residentId: string, paidOn: string | null) {
  mayWriteCohousing(ctx);
  await loadProject(db, ctx, id);
  const res = await db
    .updateTable('cohousing_expense_share')
    .set({ paid_on: paidOn })
    .where(inTenant(ctx))
    .where('expense_id', '=', expenseId)
    .where('resident_id', '=', residentId)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) {
    throw notFound();
  }
}

export async function addMeeting(db: Executor, ctx: Ctx, id: string, heldOn: string, minutes: string) {
  mayWriteCohousing(ctx);
  await loadProject(db, ctx, id);
  await db.insertInto('cohousing_meeting').values({ tenant_id: ctx.tenantId, project_id: id, held_on: heldOn, minutes }).execute();
}
