// Tenancy operations: each runs in the caller's transaction (the request's), so a tenancy, its
// unit occupancy, its first rent and its audit row commit together or not at all.
import { randomBytes } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { z } from 'zod';
import type { Program } from '../../kernel/auth/permissions.js';
import { type Executor, inTenant } from '../../kernel/db/tenant.js';
import type { DB } from '../../kernel/db/types.js';
import { AppError, notFound } from '../../kernel/http/errors.js';
import type { MessageKey } from '../../kernel/i18n/messages.js';
import { euro, notifyPeople } from '../messages/index.js';
import { lockUnitForTenancy, occupyUnit, releaseUnit } from '../stock/index.js';
import type { Scope } from './policy.js';
import * as repo from './repo.js';
import { buildNoticeNumber } from './rules/iuv.js';
import { nextMonth, signedAmount } from './rules/ledger.js';
import {
  computeRent,
  DEFAULT_ERP_TUSCANY,
  DEFAULT_HOUSING_FIRST,
  DEFAULT_SUSTAINABLE_SHARE,
  type RentInput,
  type RentResult,
  type RentRuleParams,
  ruleInForce,
} from './rules/rent.js';
import type { IncomeBody, LedgerEntryBody, NoticeBody, TenancyCreateBody } from './schema.js';

type Ctx = { tenantId: string };
type Income = Omit<z.output<typeof IncomeBody>, 'effectiveFrom'>;

const bad = (status: number, code: MessageKey, field: string) => new AppError(status, code, [{ field, in: 'body', code }]);

/** The built-in rule of a program when the ente has recorded none. */
export function defaultRule(program: Program): RentRuleParams {
  if (program === 'erp' || program === 'mediation') {
    return DEFAULT_ERP_TUSCANY;
  }
  if (program === 'housing_first') {
    return DEFAULT_HOUSING_FIRST;
  }
  return DEFAULT_SUSTAINABLE_SHARE;
}

/** The version of a program's rent rule in force on a day (or the built-in default). */
export async function ruleFor(db: Executor, ctx: Ctx, program: Program, day: string) {
  const versions = (await repo.rentRules(db, ctx, program)).map((r) => ({ ...r, effectiveFrom: r.effective_from, createdAt: r.created_at.toISOString() }));
  const v = ruleInForce(versions, day);
  if (v) {
    return { id: v.id as string | null, params: v.params as RentRuleParams, effectiveFrom: v.effective_from as string | null };
  }
  return { id: null, params: defaultRule(program), effectiveFrom: null };
}

export function rentInput(income: Income, surfaceM2: number): RentInput {
  return {
    annualIncomeCents: income.annualIncomeCents,
    protectedIncomeOnly: income.protectedIncomeOnly,
    iseeCents: income.iseeCents,
    dependants: income.dependants,
    surfaceM2Tenths: Math.round(surfaceM2 * 10),
  };
}

async function recordAssessment(
  db: Transaction<DB>,
  ctx: Ctx,
  t: { id: string; program: Program; surfaceM2: number },
  income: Income & { id: string },
  effectiveFrom: string,
  reason: 'start' | 'income_update' | 'rule_change' | 'correction',
  userId: string | null,
): Promise<RentResult> {
  const rule = await ruleFor(db, ctx, t.program, effectiveFrom);
  const result = computeRent(rule.params, rentInput(income, t.surfaceM2));
  await db
    .insertInto('rent_assessment')
    .values({
      tenant_id: ctx.tenantId,
      tenancy_id: t.id,
      effective_from: effectiveFrom,
      annual_cents: result.annualCents,
      monthly_cents: result.monthlyCents,
      category: result.category,
      rule_id: rule.id,
      rule_kind: rule.params.kind,
      rule_params: JSON.stringify(rule.params),
      income_id: income.id,
      surface_m2: t.surfaceM2,
      lines: JSON.stringify(result.lines),
      reason,
      created_by: userId,
    })
    .execute();
  return result;
}

async function insertIncome(db: Transaction<DB>, ctx: Ctx, tenancyId: string, effectiveFrom: string, income: Income, userId: string | null) {
  const { id } = await db
    .insertInto('tenancy_income')
    .values({
      tenant_id: ctx.tenantId,
      tenancy_id: tenancyId,
      effective_from: effectiveFrom,
      annual_income_cents: income.annualIncomeCents,
      protected_income_only: income.protectedIncomeOnly,
      isee_cents: income.iseeCents,
      dependants: income.dependants,
      note: income.note ?? null,
      created_by: userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

function newCode(program: Program, start: string): string {
  const prefix = program === 'erp' ? 'ERP' : program === 'housing_first' ? 'HF' : program.slice(0, 3).toUpperCase();
  return `${prefix}-${start.slice(0, 4)}-${randomBytes(3).toString('hex').toUpperCase()}`;
}

async function requireParty(db: Executor, ctx: Ctx, body: { householdId: string | null; personId: string | null }) {
  if (body.householdId && !(await db.selectFrom('household').select('id').where(inTenant(ctx)).where('id', '=', body.householdId).executeTakeFirst())) {
    throw bad(400, 'tenancy.household_unknown', 'householdId');
  }
  if (body.personId && !(await db.selectFrom('person').select('id').where(inTenant(ctx)).where('id', '=', body.personId).executeTakeFirst())) {
    throw bad(400, 'tenancy.person_unknown', 'personId');
  }
}

/**
 * Creates a tenancy: locks the unit, refuses any overlap (409), occupies the unit in the stock
 * timeline over the same period, records the signatories, documents, the first income and the
 * first rent — all in the caller's transaction.
 */
export async function createTenancy(db: Transaction<DB>, ctx: Ctx, body: z.output<typeof TenancyCreateBody>, userId: string | null) {
  const unit = await lockUnitForTenancy(db, ctx, body.unitId);
  if (!unit) {
    throw bad(400, 'tenancy.unit_unknown', 'unitId');
  }
  if (body.bed !== null && body.bed > unit.beds) {
    throw bad(400, 'tenancy.bed_out_of_range', 'bed');
  }
  await requireParty(db, ctx, body);
  // Under the unit lock: a whole-unit tenancy excludes bed tenancies and the other way round
  // (same-bed overlaps are also refused by the EXCLUDE constraint).
  const others = await repo.overlappingTenancies(db, ctx, body.unitId, body.startDate, body.endDate);
  if (others.some((o) => body.bed === null || o.bed === null || o.bed === body.bed)) {
    throw bad(409, 'resource.overlap', 'startDate');
  }
  const code = newCode(body.program, body.startDate);
  const { id } = await db
    .insertInto('tenancy')
    .values({
      tenant_id: ctx.tenantId,
      code,
      unit_id: body.unitId,
      bed: body.bed,
      household_id: body.householdId,
      person_id: body.personId,
      program: body.program,
      kind: body.kind,
      during: repo.range(body.startDate, body.endDate),
      renewal: body.renewal,
      renewal_months: body.renewalMonths,
      deposit_cents: body.depositCents,
      service_charges_cents: body.serviceChargesCents,
      notes: body.notes,
      created_by: userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await occupyUnit(db, ctx, body.unitId, { from: body.startDate, to: body.endDate, note: `Contratto ${code}`, userId, shared: body.bed !== null });
  for (const s of body.signatories) {
    await db
      .insertInto('tenancy_signatory')
      .values({ tenant_id: ctx.tenantId, tenancy_id: id, person_id: s.personId, name: s.name, role: s.role, signed_on: s.signedOn })
      .execute();
  }
  for (const d of body.documents) {
    await db
      .insertInto('tenancy_document')
      .values({ tenant_id: ctx.tenantId, tenancy_id: id, kind: d.kind, title: d.title, reference: d.reference, dated: d.dated, created_by: userId })
      .execute();
  }
  const incomeId = await insertIncome(db, ctx, id, body.startDate, body.income, userId);
  const rent = await recordAssessment(
    db,
    ctx,
    { id, program: body.program, surfaceM2: unit.surfaceM2 },
    { ...body.income, id: incomeId },
    body.startDate,
    'start',
    userId,
  );
  return { id, code, rent };
}

async function lockTenancy(db: Transaction<DB>, ctx: Ctx, scope: Scope, id: string) {
  const row = await db
    .selectFrom('tenancy')
    .select(['id', 'program', 'unit_id', 'bed', sql<string>`lower(during)`.as('start_date'), sql<string | null>`upper(during)`.as('end_date')])
    .where(inTenant(ctx))
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row || (scope !== 'all' && !scope.includes(row.program as Program))) {
    throw notFound();
  }
  return { ...row, program: row.program as Program };
}

/** Ends a tenancy on `endDate` (exclusive) and frees the unit from then on. */
export async function endTenancy(
  db: Transaction<DB>,
  ctx: Ctx,
  scope: Scope,
  id: string,
  body: { endDate: string; reason: string },
  userId: string | null,
  now: Date,
) {
  const t = await lockTenancy(db, ctx, scope, id);
  if (body.endDate <= t.start_date) {
    throw bad(400, 'tenancy.period_order', 'endDate');
  }
  if (t.end_date !== null && t.end_date <= body.endDate) {
    throw bad(409, 'tenancy.already_ends', 'endDate');
  }
  await lockUnitForTenancy(db, ctx, t.unit_id);
  await db
    .updateTable('tenancy')
    .set({ during: repo.range(t.start_date, body.endDate), end_reason: body.reason, updated_at: now })
    .where(inTenant(ctx))
    .where('id', '=', id)
    .execute();
  const stillOccupied = (await repo.overlappingTenancies(db, ctx, t.unit_id, body.endDate, t.end_date)).some((o) => o.id !== id);
  if (!stillOccupied) {
    await releaseUnit(db, ctx, t.unit_id, { end: body.endDate, userId });
  }
  return t;
}

/** Records a new income from a day and recomputes the rent from then on; history stays. */
export async function updateIncome(db: Transaction<DB>, ctx: Ctx, scope: Scope, id: string, body: z.output<typeof IncomeBody>, userId: string | null) {
  const t = await lockTenancy(db, ctx, scope, id);
  if (body.effectiveFrom < t.start_date || (t.end_date !== null && body.effectiveFrom >= t.end_date)) {
    throw bad(400, 'tenancy.date_outside', 'effectiveFrom');
  }
  const unit = await lockUnitForTenancy(db, ctx, t.unit_id);
  const incomeId = await insertIncome(db, ctx, id, body.effectiveFrom, body, userId);
  return recordAssessment(
    db,
    ctx,
    { id, program: t.program, surfaceM2: unit?.surfaceM2 ?? 0 },
    { ...body, id: incomeId },
    body.effectiveFrom,
    'income_update',
    userId,
  );
}

/** Recomputes the rent from a day with the latest income and the rule in force then (e.g. a new rule). */
export async function recompute(db: Transaction<DB>, ctx: Ctx, scope: Scope, id: string, effectiveFrom: string, userId: string | null) {
  const t = await lockTenancy(db, ctx, scope, id);
  if (effectiveFrom < t.start_date || (t.end_date !== null && effectiveFrom >= t.end_date)) {
    throw bad(400, 'tenancy.date_outside', 'effectiveFrom');
  }
  const income = (await repo.incomes(db, ctx, id)).find((i) => i.effective_from <= effectiveFrom);
  if (!income) {
    throw bad(400, 'tenancy.date_outside', 'effectiveFrom');
  }
  const unit = await lockUnitForTenancy(db, ctx, t.unit_id);
  return recordAssessment(
    db,
    ctx,
    { id, program: t.program, surfaceM2: unit?.surfaceM2 ?? 0 },
    {
      id: income.id,
      annualIncomeCents: income.annual_income_cents,
      protectedIncomeOnly: income.protected_income_only,
      iseeCents: income.isee_cents,
      dependants: income.dependants,
      note: income.note,
    },
    effectiveFrom,
    'rule_change',
    userId,
  );
}

/** Appends one row to a tenancy's ledger (never changes one). */
export async function postEntry(db: Transaction<DB>, ctx: Ctx, scope: Scope, id: string, body: z.output<typeof LedgerEntryBody>, userId: string | null) {
  await lockTenancy(db, ctx, scope, id);
  const { id: entryId } = await db
    .insertInto('ledger_entry')
    .values({
      tenant_id: ctx.tenantId,
      tenancy_id: id,
      kind: body.kind,
      component: body.kind === 'charge' ? 'other' : null,
      entry_date: body.entryDate,
      amount_cents: signedAmount(body.kind, body.amountCents, body.direction),
      reason: body.reason,
      author_id: userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return entryId;
}

// ---- monthly charges ----

const BATCH = 1_000;

/**
 * Charges one month's rent and service charges to every tenancy that covers a day of it. Idempotent:
 * a unique key per tenancy, month and component makes a second run (or a concurrent one) insert
 * nothing; a run stopped half-way is resumed by running it again. Progress is kept on the run.
 */
export async function runMonthlyCharges(db: Transaction<DB>, ctx: Ctx, month: string, userId: string | null, now: Date) {
  const after = nextMonth(month);
  const { id: runId } = await db
    .insertInto('charge_run')
    .values({ tenant_id: ctx.tenantId, month, started_by: userId, started_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  const base = db.selectFrom('tenancy as t').where(inTenant(ctx, 't')).where(sql<boolean>`t.during && daterange(${month}::date, ${after}::date, '[)')`);
  const { n } = await base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  await db
    .updateTable('charge_run')
    .set({ tenancies_total: Number(n) })
    .where(inTenant(ctx))
    .where('id', '=', runId)
    .execute();
  let lastId: string | null = null;
  let done = 0;
  let created = 0;
  let amount = 0;
  const label = `${month.slice(5, 7)}/${month.slice(0, 4)}`;
  const monthNo = Number(month.slice(5, 7));
  for (;;) {
    let q = base.select('t.id');
    if (lastId !== null) {
      q = q.where('t.id', '>', lastId);
    }
    const batch = (await q.orderBy('t.id').limit(BATCH).execute()).map((r) => r.id);
    if (batch.length === 0) {
      break;
    }
    // Set-based, the same arithmetic as rules/ledger.ts monthlyCharge (held equal by the API tests'
    // hand-computed charges): the month's instalment of the yearly rent — floor(annual / 12), one
    // cent more in the first (annual mod 12) months — and the service charges, prorated by covered
    // days, rounded half up: floor((2·x·days + total) / (2·total)).
    const inserted = await sql<{ amount_cents: number }>`
      WITH t AS (
        SELECT t.tenant_id, t.id, t.service_charges_cents AS service,
          greatest(lower(t.during), ${month}::date) AS day_from,
          least(coalesce(upper(t.during), ${after}::date), ${after}::date) AS day_to,
          (SELECT ra.annual_cents FROM rent_assessment ra WHERE ra.tenant_id = t.tenant_id AND ra.tenancy_id = t.id
            AND ra.effective_from <= greatest(${month}::date, lower(t.during)) ORDER BY ra.effective_from DESC, ra.created_at DESC LIMIT 1) AS annual
        FROM tenancy t WHERE t.tenant_id = ${ctx.tenantId} AND t.id IN (${sql.join(batch)})
      ), c AS (
        SELECT tenant_id, id, day_from, (day_to - day_from) AS days, (${after}::date - ${month}::date) AS total,
          coalesce(annual / 12 + CASE WHEN ${monthNo} <= annual % 12 THEN 1 ELSE 0 END, 0) AS rent_full, service
        FROM t WHERE day_to > day_from
      ), v AS (
        SELECT tenant_id, id, day_from, 'rent' AS component, 'Canone ' || ${label}::text AS reason,
          CASE WHEN days = total THEN rent_full ELSE (2 * rent_full * days + total) / (2 * total) END AS amount
        FROM c
        UNION ALL
        SELECT tenant_id, id, day_from, 'service_charges', 'Oneri accessori ' || ${label}::text,
          CASE WHEN days = total THEN service ELSE (2 * service * days + total) / (2 * total) END
        FROM c
      )
      INSERT INTO ledger_entry (tenant_id, tenancy_id, kind, component, entry_date, amount_cents, reason, charge_month, charge_run_id, author_id)
      SELECT tenant_id, id, 'charge', component, day_from, amount, reason, ${month}::date, ${runId}::uuid, ${userId}::uuid FROM v WHERE amount > 0
      ON CONFLICT (tenant_id, tenancy_id, charge_month, component) WHERE charge_month IS NOT NULL DO NOTHING
      RETURNING amount_cents`.execute(db);
    created += inserted.rows.length;
    amount += inserted.rows.reduce((sum, r) => sum + Number(r.amount_cents), 0);
    done += batch.length;
    lastId = batch.at(-1) as string;
    await db
      .updateTable('charge_run')
      .set({ tenancies_done: done, charges_created: created, amount_cents: amount })
      .where(inTenant(ctx))
      .where('id', '=', runId)
      .execute();
  }
  await db
    .updateTable('charge_run')
    .set({ status: 'done', finished_at: new Date(now.getTime()) })
    .where(inTenant(ctx))
    .where('id', '=', runId)
    .execute();
  return runId;
}

// ---- payment notices ----

/** Issues a pagoPA-style notice for a tenancy: the next IUV base of the ente's station. */
export async function createNotice(
  db: Transaction<DB>,
  ctx: Ctx,
  tenancy: { id: string; code: string; balanceCents: number },
  body: z.output<typeof NoticeBody>,
  today: string,
  userId: string | null,
) {
  const settings = await db
    .updateTable('payment_settings')
    .set({ next_sequence: sql`next_sequence + 1` })
    .where(inTenant(ctx))
    .returning(['creditor_fiscal_code', 'segregation_code', sql<number>`next_sequence - 1`.as('sequence')])
    .executeTakeFirst();
  if (!settings) {
    throw bad(409, 'tenancy.payments_not_configured', 'amountCents');
  }
  const amount = body.amountCents ?? tenancy.balanceCents;
  if (amount <= 0) {
    throw bad(409, 'tenancy.nothing_owed', 'amountCents');
  }
  const due = body.dueDate ?? new Date(Date.parse(`${today}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);
  const { iuv, noticeNumber } = buildNoticeNumber(settings.segregation_code, Number(settings.sequence));
  const row = await db
    .insertInto('payment_notice')
    .values({
      tenant_id: ctx.tenantId,
      tenancy_id: tenancy.id,
      notice_number: noticeNumber,
      iuv,
      amount_cents: amount,
      due_date: due,
      description: body.description ?? `Canone ${tenancy.code}`,
      created_by: userId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  // The tenants hear of it (in-app, email, App IO) in this same transaction.
  const tenants = await db
    .selectFrom('tenancy_signatory')
    .select('person_id')
    .where(inTenant(ctx))
    .where('tenancy_id', '=', tenancy.id)
    .where('role', 'in', ['tenant', 'co_tenant'])
    .execute();
  await notifyPeople(
    db,
    ctx,
    tenants.map((t) => t.person_id),
    {
      event: 'rent_notice.issued',
      params: { period: row.description, amount: euro(amount), dueDate: due, noticeNumber },
      link: '/me/home',
      entity: { type: 'payment_notice', id: row.id },
    },
  );
  return { ...row, creditor_fiscal_code: settings.creditor_fiscal_code };
}
