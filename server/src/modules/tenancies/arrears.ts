// The facts the arrears rule reads, gathered for many tenancies in one query.
import { sql } from 'kysely';
import type { Program } from '../../kernel/auth/permissions.js';
import { type Executor, inTenant } from '../../kernel/db/tenant.js';
import { plansOf } from './plans.js';
import type { Scope } from './policy.js';
import { type ArrearsAssessment, assessArrears, DEFAULT_ARREARS_THRESHOLDS } from './rules/arrears.js';

type Ctx = { tenantId: string };

/** The day `months` months before `day` (clamped to the month's length). */
export function monthsBefore(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${ny}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export interface ArrearsFacts {
  id: string;
  code: string;
  program: Program;
  tenantName: string;
  unitCode: string;
  estateName: string | null;
  startDate: string;
  balanceCents: number;
  monthlyDueCents: number;
  lastPaymentDate: string | null;
  arrears: ArrearsAssessment;
}

/** Arrears facts and assessment of the tenancies active today (optionally one, or one program). */
export async function arrearsOf(db: Executor, ctx: Ctx, scope: Scope, today: string, o: { tenancyId?: string; program?: Program; activeOnly?: boolean } = {}) {
  const windowAgo = monthsBefore(today, DEFAULT_ARREARS_THRESHOLDS.trendWindowMonths);
  let q = db
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
      'u.code as unit_code',
      'e.name as estate_name',
      sql<string>`coalesce(h.name, p.given_name || ' ' || p.family_name, '—')`.as('tenant_name'),
      sql<string>`lower(t.during)`.as('start_date'),
      sql<number>`coalesce(sum(l.amount_cents) FILTER (WHERE l.entry_date <= ${today}::date), 0)::bigint`.as('balance'),
      sql<number>`coalesce(sum(l.amount_cents) FILTER (WHERE l.entry_date <= ${windowAgo}::date), 0)::bigint`.as('balance_ago'),
      sql<string | null>`max(l.entry_date) FILTER (WHERE l.kind = 'payment' AND l.entry_date <= ${today}::date)`.as('last_payment'),
      sql<number>`t.service_charges_cents + coalesce((SELECT ra.monthly_cents FROM rent_assessment ra WHERE ra.tenant_id = t.tenant_id
        AND ra.tenancy_id = t.id AND ra.effective_from <= greatest(${today}::date, lower(t.during))
        ORDER BY ra.effective_from DESC, ra.created_at DESC LIMIT 1), 0)`.as('monthly_due'),
      sql<number[]>`ARRAY(SELECT i.annual_income_cents FROM tenancy_income i WHERE i.tenant_id = t.tenant_id AND i.tenancy_id = t.id
        AND i.effective_from <= ${today}::date ORDER BY i.effective_from DESC, i.created_at DESC LIMIT 2)`.as('incomes'),
    ])
    .leftJoin('ledger_entry as l', (j) => j.onRef('l.tenant_id', '=', 't.tenant_id').onRef('l.tenancy_id', '=', 't.id'))
    .where(inTenant(ctx, 't'))
    .groupBy(['t.tenant_id', 't.id', 'u.code', 'e.name', 'h.name', 'p.given_name', 'p.family_name']);
  if (scope !== 'all') {
    q = scope.length === 0 ? q.where(sql<boolean>`false`) : q.where('t.program', 'in', scope);
  }
  if (o.tenancyId) {
    q = q.where('t.id', '=', o.tenancyId);
  }
  if (o.program) {
    q = q.where('t.program', '=', o.program);
  }
  if (o.activeOnly) {
    q = q.where(sql<boolean>`t.during @> ${today}::date`);
  }
  const rows = await q.execute();
  const withPlans = await db.selectFrom('payment_plan').select('tenancy_id').distinct().where(inTenant(ctx)).where('cancelled_at', 'is', null).execute();
  const planned = new Set(withPlans.map((p) => p.tenancy_id));
  const plans = await plansOf(
    db,
    ctx,
    rows.filter((r) => planned.has(r.id)).map((r) => r.id),
    today,
  );
  return rows.map((r): ArrearsFacts => {
    const incomes = (r.incomes ?? []).map(Number);
    const balance = Number(r.balance);
    const monthlyDue = Number(r.monthly_due);
    return {
      id: r.id,
      code: r.code,
      program: r.program as Program,
      tenantName: r.tenant_name,
      unitCode: r.unit_code,
      estateName: r.estate_name,
      startDate: r.start_date,
      balanceCents: balance,
      monthlyDueCents: monthlyDue,
      lastPaymentDate: r.last_payment,
      arrears: assessArrears({
        today,
        balanceCents: balance,
        balanceWindowAgoCents: Number(r.balance_ago),
        monthlyDueCents: monthlyDue,
        lastPaymentDate: r.last_payment,
        tenancyStart: r.start_date,
        incomeCents: incomes[0] ?? null,
        previousIncomeCents: incomes[1] ?? null,
        missedInstalments: (plans.get(r.id) ?? []).filter((p) => p.state !== 'cancelled').reduce((n, p) => n + p.missed, 0),
      }),
    };
  });
}
