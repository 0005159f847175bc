// Payment plans of a tenancy: stored instalments, tracked against the ledger (rules/plans.ts).
import type { Transaction } from 'kysely';
import { type Executor, inTenant } from '../../kernel/db/tenant.js';
import type { DB } from '../../kernel/db/types.js';
import { AppError, notFound } from '../../kernel/http/errors.js';
import { type PlanTracking, splitPlan, trackPlan } from './rules/plans.js';

type Ctx = { tenantId: string };

export interface PlanView extends PlanTracking {
  id: string;
  startDate: string;
  totalCents: number;
  note: string | null;
  createdAt: string;
}

/** The plans of some tenancies, each tracked on `today` against its tenancy's ledger. */
export async function plansOf(db: Executor, ctx: Ctx, tenancyIds: string[], today: string): Promise<Map<string, PlanView[]>> {
  const out = new Map<string, PlanView[]>();
  if (tenancyIds.length === 0) {
    return out;
  }
  const plans = await db
    .selectFrom('payment_plan')
    .selectAll()
    .where(inTenant(ctx))
    .where('tenancy_id', 'in', tenancyIds)
    .orderBy('created_at', 'desc')
    .execute();
  if (plans.length === 0) {
    return out;
  }
  const instalments = await db
    .selectFrom('payment_plan_instalment')
    .selectAll()
    .where(inTenant(ctx))
    .where(
      'plan_id',
      'in',
      plans.map((p) => p.id),
    )
    .orderBy('no')
    .execute();
  const withPlans = [...new Set(plans.map((p) => p.tenancy_id))];
  const ledger = await db
    .selectFrom('ledger_entry')
    .select(['tenancy_id', 'entry_date', 'amount_cents', 'kind'])
    .where(inTenant(ctx))
    .where('tenancy_id', 'in', withPlans)
    .where('entry_date', '>=', plans.map((p) => p.start_date).sort()[0] as string)
    .execute();
  for (const p of plans) {
    const rows = ledger
      .filter((l) => l.tenancy_id === p.tenancy_id)
      .map((l) => ({ entryDate: l.entry_date, amountCents: Number(l.amount_cents), kind: l.kind }));
    const tracking = trackPlan(
      {
        startDate: p.start_date,
        cancelled: p.cancelled_at !== null,
        instalments: instalments.filter((i) => i.plan_id === p.id).map((i) => ({ no: i.no, dueDate: i.due_date, amountCents: Number(i.amount_cents) })),
      },
      rows,
      today,
    );
    const list = out.get(p.tenancy_id) ?? [];
    list.push({ id: p.id, startDate: p.start_date, totalCents: Number(p.total_cents), note: p.note, createdAt: p.created_at.toISOString(), ...tracking });
    out.set(p.tenancy_id, list);
  }
  return out;
}

/** Agrees a plan: the debt (default: the balance today) in monthly instalments from `firstDue`. */
export async function createPlan(
  db: Transaction<DB>,
  ctx: Ctx,
  tenancy: { id: string; balanceCents: number },
  body: { instalments: number; firstDue: string; totalCents?: number | undefined; note: string | null },
  today: string,
  userId: string,
) {
  const total = body.totalCents ?? tenancy.balanceCents;
  if (total <= 0) {
    throw new AppError(409, 'tenancy.nothing_owed', [{ field: 'totalCents', in: 'body', code: 'tenancy.nothing_owed' }]);
  }
  if (body.firstDue < today) {
    throw new AppError(400, 'tenancy.date_outside', [{ field: 'firstDue', in: 'body', code: 'tenancy.date_outside' }]);
  }
  const { id } = await db
    .insertInto('payment_plan')
    .values({ tenant_id: ctx.tenantId, tenancy_id: tenancy.id, start_date: today, total_cents: total, note: body.note, created_by: userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('payment_plan_instalment')
    .values(
      splitPlan(total, body.instalments, body.firstDue).map((i) => ({
        tenant_id: ctx.tenantId,
        plan_id: id,
        no: i.no,
        due_date: i.dueDate,
        amount_cents: i.amountCents,
      })),
    )
    .execute();
  return id;
}

export async function cancelPlan(db: Transaction<DB>, ctx: Ctx, tenancyId: string, planId: string, now: Date) {
  const updated = await db
    .updateTable('payment_plan')
    .set({ cancelled_at: now })
    .where(inTenant(ctx))
    .where('id', '=', planId)
    .where('tenancy_id', '=', tenancyId)
    .where('cancelled_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  if (!updated) {
    throw notFound();
  }
}
