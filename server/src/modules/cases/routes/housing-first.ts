// Housing First: placement, weekly visit plan, visit log, the participant's visit board, the team dashboard.
import { z } from 'zod';
import { audit } from '../../../kernel/audit/audit.js';
import type { Program } from '../../../kernel/auth/permissions.js';
import { AppError } from '../../../kernel/http/errors.js';
import { type AnyRoute, defineRoute } from '../../../kernel/http/route.js';
import { romeDay } from '../../../kernel/time.js';
import { addVisitPlan, DEFAULT_ALERT_DELAY_HOURS, dashboard, logVisit, requireHousingFirst, savePlacement, visitBoard } from '../housing-first.js';
import { notifyMissedVisits } from '../missed-visits.js';
import { canLogVisit, requireProgram } from '../policy.js';
import { CaseDetailOut, DashboardOut, IdParams, PlacementBody, VisitBoardOut, VisitBody, VisitPlanBody, VisitsQuery } from '../schema.js';
import * as service from '../service.js';
import { readCases, tags, writeCases } from './cases.js';

const logVisits = { permission: 'visit:log' } as const;
const DelayQuery = z.object({
  alertDelayHours: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 14)
    .default(DEFAULT_ALERT_DELAY_HOURS)
    .describe('Hours after the end of a visit window before an unlogged visit alerts the team lead'),
});

export const housingFirstRoutes: AnyRoute[] = [
  defineRoute({
    method: 'PUT',
    url: '/api/v1/cases/:id/housing-first',
    access: writeCases,
    summary: 'The participant’s flat (unit, tenancy for the rent contribution), housing day and exit',
    tags,
    schema: { params: IdParams, body: PlacementBody, response: { 200: CaseDetailOut } },
    async handler({ db, ctx, params, body, deps }) {
      const day = romeDay(deps.clock.now());
      const c = await service.writableCase(db, ctx, day, params.id);
      requireHousingFirst(c.program);
      await savePlacement(db, ctx, params.id, body);
      await audit(db, ctx, { action: 'case.placement_saved', entityType: 'case', entityId: params.id, details: body });
      return service.loadCase(db, ctx, day, params.id);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/cases/:id/visit-plans',
    access: writeCases,
    summary: 'Set the weekly visit plan from a day (weekday, time window in Europe/Rome, professional); the previous plan ends that day',
    tags,
    status: 201,
    schema: { params: IdParams, body: VisitPlanBody, response: { 201: z.object({ id: z.uuid() }) } },
    async handler({ db, ctx, params, body, deps }) {
      const c = await service.writableCase(db, ctx, romeDay(deps.clock.now()), params.id);
      requireHousingFirst(c.program);
      const id = await addVisitPlan(db, ctx, params.id, body);
      await audit(db, ctx, { action: 'case.visit_plan_set', entityType: 'case', entityId: params.id, details: { planId: id, ...body } });
      return { id };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/cases/:id/visits',
    access: readCases,
    summary: 'Visit board of a participant: planned slots with their state, the log, done vs planned (this week and overall), alerts, trend',
    tags,
    schema: { params: IdParams, querystring: VisitsQuery.extend(DelayQuery.shape), response: { 200: VisitBoardOut } },
    async handler({ db, ctx, params, query, deps }) {
      const now = deps.clock.now();
      const day = romeDay(now);
      const c = await service.visibleCase(db, ctx, day, params.id);
      requireHousingFirst(c.program);
      return visitBoard(db, ctx, c, day, now, query, query.alertDelayHours);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/cases/:id/visits',
    access: logVisits,
    summary: 'Log a visit: done (with observations), missed with a reason, or rescheduled to a day with a reason',
    tags,
    status: 201,
    schema: { params: IdParams, body: VisitBody, querystring: DelayQuery, response: { 201: VisitBoardOut } },
    async handler({ db, ctx, params, body, query, deps }) {
      const now = deps.clock.now();
      const day = romeDay(now);
      const c = await service.visibleCase(db, ctx, day, params.id);
      requireHousingFirst(c.program);
      if (!canLogVisit(ctx, { program: c.program as Program, inTeam: c.in_team })) {
        throw new AppError(403, 'cases.not_allowed');
      }
      const id = await logVisit(db, ctx, params.id, body);
      await audit(db, ctx, {
        action: 'case.visit_logged',
        entityType: 'case',
        entityId: params.id,
        details: { visitId: id, status: body.status, slotOn: body.slotOn },
      });
      return visitBoard(db, ctx, c, day, now, {}, query.alertDelayHours);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/housing-first/missed-visits/check',
    access: writeCases,
    summary: 'Run the missed-visit check now for the ente: notifies the team lead of every visit not logged in time (once per visit and level)',
    tags,
    schema: { querystring: DelayQuery, response: { 200: z.object({ alerts: z.number().int(), notified: z.number().int() }) } },
    async handler({ db, ctx, query, deps }) {
      requireProgram(ctx, 'housing_first');
      const r = await notifyMissedVisits(db, ctx.tenantId, deps.clock.now(), query.alertDelayHours);
      await audit(db, ctx, { action: 'case.missed_visit_check', details: { ...r, alertDelayHours: query.alertDelayHours } });
      return r;
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/housing-first/dashboard',
    access: readCases,
    summary:
      'Housing First team dashboard: caseload per professional, visits done/planned this week, missed-visit alerts, worsening trends, retention at 6/12 months',
    tags,
    schema: { querystring: DelayQuery, response: { 200: DashboardOut } },
    async handler({ db, ctx, query, deps }) {
      const now = deps.clock.now();
      return dashboard(db, ctx, romeDay(now), now, query.alertDelayHours);
    },
  }),
];
