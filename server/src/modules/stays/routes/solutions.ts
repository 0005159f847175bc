import { sql } from 'kysely';
// Housing solutions: catalogue, bed calendar, staffing, mutual-aid pairings.
import { z } from 'zod';
import { audit } from '../../../kernel/audit/audit.js';
import { inTenant } from '../../../kernel/db/tenant.js';
import { AppError, notFound } from '../../../kernel/http/errors.js';
import { type AnyRoute, defineRoute } from '../../../kernel/http/route.js';
import { romeDay } from '../../../kernel/time.js';
import { unitFacts } from '../../stock/index.js';
import { suggestPairings } from '../pairing.js';
import { requireManage, requireSolutionScope } from '../policy.js';
import { presentBed, presentSolution } from '../presenter.js';
import * as repo from '../repo.js';
import {
  CalendarOut,
  IdParams,
  PairingBody,
  PairingOut,
  RangeQuery,
  SolutionCreateBody,
  SolutionOut,
  StaffingOut,
  StaffPlanBody,
  SuggestBody,
  SuggestOut,
} from '../schema.js';
import { daysOf, staffingOf } from '../staffing.js';

export const tags = ['stays'];
export const staysAccess = { permission: ['stay:manage', 'stay:read'] } as const;
export const manageAccess = { permission: 'stay:manage' } as const;

async function loadSolution(
  db: Parameters<typeof repo.findSolution>[0],
  ctx: Parameters<typeof repo.findSolution>[1],
  scope: Parameters<typeof repo.findSolution>[2],
  today: string,
  id: string,
) {
  const s = await repo.findSolution(db, ctx, scope, today, id);
  if (!s) {
    throw notFound();
  }
  return presentSolution(s, await repo.bedsOf(db, ctx, [s.unit_id]));
}

export const solutionRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/stays/solutions',
    access: staysAccess,
    summary: 'Housing solutions of the Dopo di Noi network the caller sees (partner staff: those their organisation runs)',
    tags,
    schema: { response: { 200: z.object({ items: z.array(SolutionOut) }) } },
    async handler({ db, ctx, deps }) {
      const today = romeDay(deps.clock.now());
      const rows = await repo.listSolutions(db, ctx, requireSolutionScope(ctx), today);
      const beds = await repo.bedsOf(
        db,
        ctx,
        rows.map((r) => r.unit_id),
      );
      return { items: rows.map((r) => presentSolution(r, beds)) };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/stays/solutions',
    access: manageAccess,
    summary: 'Create a housing solution on a stock unit; one bed row per bed of the unit',
    tags,
    status: 201,
    schema: { body: SolutionCreateBody, response: { 201: SolutionOut } },
    async handler({ db, ctx, body, deps }) {
      requireManage(ctx);
      const unit = await unitFacts(db, ctx, body.unitId);
      if (!unit) {
        throw new AppError(422, 'stay.unit_unknown', [{ field: 'unitId', in: 'body', code: 'stay.unit_unknown' }]);
      }
      if (unit.beds < 1) {
        throw new AppError(422, 'stay.unit_no_beds', [{ field: 'unitId', in: 'body', code: 'stay.unit_no_beds' }]);
      }
      if (
        body.runByOrganisationId &&
        !(await db.selectFrom('organisation').select('id').where(inTenant(ctx)).where('id', '=', body.runByOrganisationId).executeTakeFirst())
      ) {
        throw new AppError(422, 'stay.organisation_unknown', [{ field: 'runByOrganisationId', in: 'body', code: 'stay.organisation_unknown' }]);
      }
      const { id } = await db
        .insertInto('housing_solution')
        .values({
          tenant_id: ctx.tenantId,
          unit_id: body.unitId,
          kind: body.kind,
          name: body.name,
          description: body.description,
          eligible_severities: body.eligibleSeverities,
          support_level: body.supportLevel,
          staff_hours_per_day: body.staffHoursPerDay,
          max_stay_days: body.maxStayDays,
          run_by_organisation_id: body.runByOrganisationId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await repo.ensureBeds(db, ctx, body.unitId, unit.beds);
      await audit(db, ctx, {
        action: 'stay.solution_created',
        entityType: 'housing_solution',
        entityId: id,
        details: { kind: body.kind, unitId: body.unitId },
      });
      return loadSolution(db, ctx, { kind: 'all' }, romeDay(deps.clock.now()), id);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/stays/solutions/:id',
    access: staysAccess,
    summary: 'One housing solution with its beds',
    tags,
    schema: { params: IdParams, response: { 200: SolutionOut } },
    async handler({ db, ctx, params, deps }) {
      return loadSolution(db, ctx, requireSolutionScope(ctx), romeDay(deps.clock.now()), params.id);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/stays/solutions/:id/calendar',
    access: staysAccess,
    summary: 'Calendar per bed: the bookings holding each bed (approved, or offered to a waiting request) over [from, to), at most 92 days',
    tags,
    schema: { params: IdParams, querystring: RangeQuery, response: { 200: CalendarOut } },
    async handler({ db, ctx, params, query, deps }) {
      const s = await loadSolution(db, ctx, requireSolutionScope(ctx), romeDay(deps.clock.now()), params.id);
      const bookings = await repo.bedBookings(db, ctx, s.id, query.from, query.to);
      return {
        solutionId: s.id,
        from: query.from,
        to: query.to,
        beds: s.beds.map((b) => ({
          ...presentBed(b),
          bookings: bookings
            .filter((k) => k.bed_id === b.id)
            .map((k) => ({
              id: k.id,
              status: k.status as 'approved' | 'offered',
              startsOn: k.starts_on,
              endsOn: k.ends_on,
              guestName: k.person_name,
              supportHoursPerDay: Number(k.support_hours_per_day),
            })),
        })),
      };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/stays/solutions/:id/staffing',
    access: staysAccess,
    summary: 'Staffing per day: support hours the booked guests need vs the staff hours planned',
    tags,
    schema: { params: IdParams, querystring: RangeQuery, response: { 200: StaffingOut } },
    async handler({ db, ctx, params, query, deps }) {
      const s = await loadSolution(db, ctx, requireSolutionScope(ctx), romeDay(deps.clock.now()), params.id);
      return staffingOf(db, ctx, s, query.from, query.to);
    },
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/v1/stays/solutions/:id/staff-plan',
    access: manageAccess,
    summary: 'Plan the staff hours of each day of [from, to) (overrides the default of the solution)',
    tags,
    schema: { params: IdParams, body: StaffPlanBody, response: { 200: StaffingOut } },
    async handler({ db, ctx, params, body, deps }) {
      requireManage(ctx);
      const s = await loadSolution(db, ctx, { kind: 'all' }, romeDay(deps.clock.now()), params.id);
      if ((Date.parse(body.to) - Date.parse(body.from)) / 86_400_000 > 366) {
        throw new AppError(400, 'stay.range_too_long', [{ field: 'to', in: 'body', code: 'stay.range_too_long' }]);
      }
      await repo.setStaffPlan(db, ctx, s.id, daysOf(body.from, body.to), body.hours);
      await audit(db, ctx, { action: 'stay.staff_planned', entityType: 'housing_solution', entityId: s.id, details: body });
      return staffingOf(db, ctx, s, body.from, body.to);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/stays/solutions/:id/pairings',
    access: staysAccess,
    summary: 'Mutual-aid pairings (resident × helper, hours per week) of a solution',
    tags,
    schema: { params: IdParams, response: { 200: z.object({ items: z.array(PairingOut) }) } },
    async handler({ db, ctx, params, deps }) {
      const s = await loadSolution(db, ctx, requireSolutionScope(ctx), romeDay(deps.clock.now()), params.id);
      return { items: (await repo.pairings(db, ctx, s.id)).map(presentPairing) };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/stays/solutions/:id/pairings',
    access: manageAccess,
    summary: 'Pair a resident of a mutual-aid flat with a helper (manual; the same pair never overlaps in time)',
    tags,
    status: 201,
    schema: { params: IdParams, body: PairingBody, response: { 201: PairingOut } },
    async handler({ db, ctx, params, body, deps }) {
      requireManage(ctx);
      const s = await loadSolution(db, ctx, { kind: 'all' }, romeDay(deps.clock.now()), params.id);
      if (s.kind !== 'mutual_aid') {
        throw new AppError(422, 'stay.not_mutual_aid');
      }
      for (const [field, id] of [
        ['residentId', body.residentId],
        ['helperId', body.helperId],
      ] as const) {
        if (!(await repo.personExists(db, ctx, id))) {
          throw new AppError(422, 'stay.person_unknown', [{ field, in: 'body', code: 'stay.person_unknown' }]);
        }
      }
      if (body.residentId === body.helperId) {
        throw new AppError(422, 'stay.same_person', [{ field: 'helperId', in: 'body', code: 'stay.same_person' }]);
      }
      const { id } = await db
        .insertInto('mutual_aid_pairing')
        .values({
          tenant_id: ctx.tenantId,
          solution_id: s.id,
          resident_id: body.residentId,
          helper_id: body.helperId,
          hours_per_week: body.hoursPerWeek,
          tasks: body.tasks,
          starts_on: body.startsOn,
          ends_on: body.endsOn,
          created_by: ctx.principal.userId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(db, ctx, { action: 'stay.pairing_created', entityType: 'mutual_aid_pairing', entityId: id, details: { solutionId: s.id } });
      const row = (await repo.pairings(db, ctx, s.id)).find((p) => p.id === id);
      return presentPairing(row as NonNullable<typeof row>);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/stays/solutions/:id/pairings/suggest',
    access: manageAccess,
    summary:
      'Suggest mutual-aid pairings: the best one-to-one assignment of helpers to residents (matching engine) by shared tasks and hours, explained; nothing is recorded',
    tags,
    schema: { params: IdParams, body: SuggestBody, response: { 200: SuggestOut } },
    async handler({ db, ctx, params, body, deps }) {
      requireManage(ctx);
      const s = await loadSolution(db, ctx, { kind: 'all' }, romeDay(deps.clock.now()), params.id);
      if (s.kind !== 'mutual_aid') {
        throw new AppError(422, 'stay.not_mutual_aid');
      }
      const ids = [...new Set([...body.residents, ...body.helpers].map((x) => x.personId))];
      const names = new Map(
        (
          await db
            .selectFrom('person')
            .select(['id', sql<string>`given_name || ' ' || family_name`.as('name')])
            .where(inTenant(ctx))
            .where('id', 'in', ids)
            .execute()
        ).map((p) => [p.id, p.name]),
      );
      const missing = body.residents.findIndex((r) => !names.has(r.personId));
      if (missing >= 0 || body.helpers.some((h) => !names.has(h.personId))) {
        throw new AppError(422, 'stay.person_unknown');
      }
      const out = suggestPairings(body.residents, body.helpers);
      return {
        pairs: out.pairs.map((p) => ({
          residentId: p.residentId,
          residentName: names.get(p.residentId) as string,
          helperId: p.helperId,
          helperName: names.get(p.helperId) as string,
          hoursPerWeek: p.hoursPerWeek,
          weight: p.fit.weight,
          sharedTasks: p.fit.sharedTasks,
          lines: p.fit.lines,
        })),
        unmatchedResidents: out.unmatchedResidents,
      };
    },
  }),
];

function presentPairing(p: Awaited<ReturnType<typeof repo.pairings>>[number]) {
  return {
    id: p.id,
    residentId: p.resident_id,
    residentName: p.resident_name,
    helperId: p.helper_id,
    helperName: p.helper_name,
    hoursPerWeek: Number(p.hours_per_week),
    tasks: p.tasks,
    startsOn: p.starts_on,
    endsOn: p.ends_on,
  };
}
