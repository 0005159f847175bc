// Housing First: the placement, the weekly visit plan, the visit log, one participant's visit
// board and the team dashboard. The rules (slots, alerts, trend, retention) are pure; this file
// loads their inputs and names the people in their answers.
import type { z } from 'zod';
import type { TenantContext } from '../../kernel/context.js';
import { type Executor, inTenant } from '../../kernel/db/tenant.js';
import { AppError } from '../../kernel/http/errors.js';
import { presentVisit } from './presenter.js';
import * as repo from './repo.js';
import { addDays, weekStart } from './rules/calendar.js';
import { housingRetention, type Observations, observationTrend } from './rules/outcomes.js';
import { countVisits, generateSlots, missedVisitAlerts, type SlotStatus, slotStatuses, type VisitLog, type VisitPlan } from './rules/visits.js';
import type { DashboardOut, PlacementBody, VisitBoardOut, VisitBody, VisitPlanBody } from './schema.js';

/** Hours after the end of a visit window before an unlogged visit alerts the team lead. */
export const DEFAULT_ALERT_DELAY_HOURS = 48;
/** How far back the dashboard looks for streaks and trends. */
const LOOKBACK_WEEKS = 12;

type PlanRow = Awaited<ReturnType<typeof repo.visitPlans>>[number];
type VisitRow = Awaited<ReturnType<typeof repo.visits>>[number];

const toPlan = (p: PlanRow): VisitPlan => ({
  id: p.id,
  weekday: p.weekday,
  windowStart: p.window_start,
  windowEnd: p.window_end,
  professionalId: p.professional_id,
  validFrom: p.valid_from,
  validTo: p.valid_to,
});

const toLog = (v: VisitRow): VisitLog => ({
  slotOn: v.slot_on,
  status: v.status as VisitLog['status'],
  occurredOn: v.occurred_on,
  rescheduledTo: v.rescheduled_to,
  loggedAt: v.logged_at,
});

export function requireHousingFirst(program: string) {
  if (program !== 'housing_first') {
    throw new AppError(409, 'cases.not_housing_first');
  }
}

export async function savePlacement(db: Executor, ctx: TenantContext, caseId: string, body: z.infer<typeof PlacementBody>) {
  if ((body.leftOn === null) !== (body.exitKind === null)) {
    throw new AppError(400, 'cases.exit_kind_required', [{ field: 'exitKind', in: 'body', code: 'cases.exit_kind_required' }]);
  }
  if (body.unitId && !(await db.selectFrom('unit').select('id').where(inTenant(ctx)).where('id', '=', body.unitId).executeTakeFirst())) {
    throw new AppError(400, 'cases.unit_unknown', [{ field: 'unitId', in: 'body', code: 'cases.unit_unknown' }]);
  }
  let unitId = body.unitId;
  if (body.tenancyId) {
    const t = await db.selectFrom('tenancy').select(['id', 'unit_id']).where(inTenant(ctx)).where('id', '=', body.tenancyId).executeTakeFirst();
    if (!t) {
      throw new AppError(400, 'cases.tenancy_unknown', [{ field: 'tenancyId', in: 'body', code: 'cases.tenancy_unknown' }]);
    }
    unitId ??= t.unit_id;
  }
  const values = { unit_id: unitId, tenancy_id: body.tenancyId, housed_on: body.housedOn, left_on: body.leftOn, exit_kind: body.exitKind };
  await db
    .insertInto('hf_placement')
    .values({ tenant_id: ctx.tenantId, case_id: caseId, ...values })
    .onConflict((oc) => oc.columns(['tenant_id', 'case_id']).doUpdateSet(values))
    .execute();
}

/** A new weekly plan from a day: the plans still running then end on that day. */
export async function addVisitPlan(db: Executor, ctx: TenantContext, caseId: string, body: z.infer<typeof VisitPlanBody>) {
  if (!(await repo.userExists(db, ctx, body.professionalId))) {
    throw new AppError(400, 'cases.user_unknown', [{ field: 'professionalId', in: 'body', code: 'cases.user_unknown' }]);
  }
  const clash = await db
    .selectFrom('visit_plan')
    .select('id')
    .where(inTenant(ctx))
    .where('case_id', '=', caseId)
    .where('valid_from', '>=', body.validFrom)
    .executeTakeFirst();
  if (clash) {
    throw new AppError(409, 'resource.overlap', [{ field: 'validFrom', in: 'body', code: 'resource.overlap' }]);
  }
  await db
    .updateTable('visit_plan')
    .set({ valid_to: body.validFrom })
    .where(inTenant(ctx))
    .where('case_id', '=', caseId)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', body.validFrom)]))
    .execute();
  const { id } = await db
    .insertInto('visit_plan')
    .values({
      tenant_id: ctx.tenantId,
      case_id: caseId,
      weekday: body.weekday,
      window_start: body.windowStart,
      window_end: body.windowEnd,
      professional_id: body.professionalId,
      valid_from: body.validFrom,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function logVisit(db: Executor, ctx: TenantContext, caseId: string, body: z.infer<typeof VisitBody>) {
  const professionalId = body.professionalId ?? ctx.principal.userId;
  if (!(await repo.userExists(db, ctx, professionalId))) {
    throw new AppError(400, 'cases.user_unknown', [{ field: 'professionalId', in: 'body', code: 'cases.user_unknown' }]);
  }
  const { id } = await db
    .insertInto('visit')
    .values({
      tenant_id: ctx.tenantId,
      case_id: caseId,
      slot_on: body.slotOn,
      status: body.status,
      occurred_on: body.occurredOn,
      professional_id: professionalId,
      reason: body.reason,
      rescheduled_to: body.rescheduledTo,
      observations: body.observations ? JSON.stringify(body.observations) : null,
      notes: body.notes,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

interface Computed {
  statuses: SlotStatus[];
  logs: VisitRow[];
}

function compute(plans: PlanRow[], logs: VisitRow[], from: string, to: string, now: Date, delayHours: number): Computed {
  const statuses = slotStatuses(generateSlots(plans.map(toPlan), from, to), logs.map(toLog), now, delayHours);
  return { statuses, logs };
}

const inRange = (s: SlotStatus, from: string, to: string) => s.slot.day >= from && s.slot.day <= to;
const extraDone = (logs: VisitRow[], from: string, to: string) =>
  logs.filter((v) => v.slot_on === null && v.status === 'done' && v.occurred_on >= from && v.occurred_on <= to).length;

const trendOf = (logs: VisitRow[]) =>
  observationTrend(
    logs
      .filter((v) => v.status === 'done' && v.observations)
      .sort((a, b) => (a.occurred_on < b.occurred_on ? -1 : 1))
      .map((v) => v.observations as Observations),
  );

/** One participant's visits between two days: slots with their state, the log, counts, alerts, trend. */
export async function visitBoard(
  db: Executor,
  ctx: TenantContext,
  c: { id: string; person_name: string },
  today: string,
  now: Date,
  q: { from?: string | undefined; to?: string | undefined },
  delayHours = DEFAULT_ALERT_DELAY_HOURS,
): Promise<z.input<typeof VisitBoardOut>> {
  const week = weekStart(today);
  const from = q.from ?? addDays(week, -7 * LOOKBACK_WEEKS);
  const to = q.to ?? addDays(week, 6);
  const plans = await repo.visitPlans(db, ctx, [c.id]);
  const logs = await repo.visits(db, ctx, [c.id], from, to);
  const { statuses } = compute(plans, logs, from, to, now, delayHours);
  const names = new Map(plans.map((p) => [p.professional_id, p.professional]));
  const weekEnd = addDays(week, 6);
  return {
    from,
    to,
    plans: plans.map((p) => ({
      id: p.id,
      weekday: p.weekday,
      windowStart: p.window_start,
      windowEnd: p.window_end,
      professionalId: p.professional_id,
      professional: p.professional,
      validFrom: p.valid_from,
      validTo: p.valid_to,
    })),
    slots: statuses.map((s) => ({
      day: s.slot.day,
      expectedOn: s.expectedOn,
      windowStart: s.slot.windowStart,
      windowEnd: s.slot.windowEnd,
      professional: names.get(s.slot.professionalId) ?? '',
      state: s.state,
      logBy: s.logBy.toISOString(),
    })),
    visits: logs.map(presentVisit),
    thisWeek: countVisits(
      statuses.filter((s) => inRange(s, week, weekEnd)),
      extraDone(logs, week, weekEnd),
    ),
    total: countVisits(statuses, extraDone(logs, from, to)),
    alerts: missedVisitAlerts(statuses).map((a) => ({ ...a, caseId: c.id, person: c.person_name, professional: names.get(a.professionalId) ?? '' })),
    trend: trendOf(logs),
  };
}

/** The team dashboard: caseload per professional, this week's visits, alerts, worsening trends, retention. */
export async function dashboard(db: Executor, ctx: TenantContext, today: string, now: Date, delayHours: number): Promise<z.input<typeof DashboardOut>> {
  const week = weekStart(today);
  const weekEnd = addDays(week, 6);
  const from = addDays(week, -7 * LOOKBACK_WEEKS);
  const cases = await repo.housingFirstCases(db, ctx, today);
  const open = cases.filter((c) => c.status !== 'closed');
  const ids = open.map((c) => c.id);
  const plans = await repo.visitPlans(db, ctx, ids);
  const logs = await repo.visits(db, ctx, ids, from, weekEnd);
  const names = new Map(plans.map((p) => [p.professional_id, p.professional]));
  const participants = [];
  const alerts = [];
  const weekStatuses: SlotStatus[] = [];
  const load = new Map<string, { participants: Set<string>; statuses: SlotStatus[] }>();
  for (const c of open) {
    const mine = plans.filter((p) => p.case_id === c.id);
    const myLogs = logs.filter((v) => v.case_id === c.id);
    const { statuses } = compute(mine, myLogs, from, weekEnd, now, delayHours);
    const thisWeek = statuses.filter((s) => inRange(s, week, weekEnd));
    weekStatuses.push(...thisWeek);
    const current = mine.find((p) => p.valid_from <= today && (p.valid_to === null || p.valid_to > today));
    if (current) {
      const entry = load.get(current.professional_id) ?? { participants: new Set<string>(), statuses: [] };
      entry.participants.add(c.id);
      load.set(current.professional_id, entry);
    }
    for (const s of thisWeek) {
      const entry = load.get(s.slot.professionalId) ?? { participants: new Set<string>(), statuses: [] };
      entry.statuses.push(s);
      load.set(s.slot.professionalId, entry);
    }
    const mineAlerts = missedVisitAlerts(statuses).map((a) => ({
      ...a,
      caseId: c.id,
      person: c.person_name,
      professional: names.get(a.professionalId) ?? '',
    }));
    alerts.push(...mineAlerts);
    participants.push({
      caseId: c.id,
      person: c.person_name,
      housedOn: c.housed_on,
      thisWeek: countVisits(thisWeek, extraDone(myLogs, week, weekEnd)),
      trend: trendOf(myLogs),
      alerts: mineAlerts.length,
      escalated: mineAlerts.some((a) => a.level === 'escalation'),
    });
  }
  const placements = cases
    .filter((c) => c.housed_on !== null)
    .map((c) => ({ housedOn: c.housed_on as string, leftOn: c.left_on, exitKind: c.exit_kind as 'other' | null }));
  return {
    weekFrom: week,
    weekTo: weekEnd,
    thisWeek: countVisits(weekStatuses),
    caseload: [...load.entries()]
      .map(([id, e]) => ({ professionalId: id, professional: names.get(id) ?? '', participants: e.participants.size, thisWeek: countVisits(e.statuses) }))
      .sort((a, b) => a.professional.localeCompare(b.professional)),
    participants,
    alerts: alerts.sort((a, b) => (a.level === b.level ? (a.day < b.day ? 1 : -1) : a.level === 'escalation' ? -1 : 1)),
    retention: [housingRetention(placements, today, 6), housingRetention(placements, today, 12)],
    alertDelayHours: delayHours,
  };
}
