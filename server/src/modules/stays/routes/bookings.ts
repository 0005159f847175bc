// Short-stay requests and bookings, the waiting list.
import { z } from 'zod';
import { audit } from '../../../kernel/audit/audit.js';
import type { TenantContext } from '../../../kernel/context.js';
import { notFound } from '../../../kernel/http/errors.js';
import { type AnyRoute, defineRoute } from '../../../kernel/http/route.js';
import { romeDay } from '../../../kernel/time.js';
import * as svc from '../bookings.js';
import { requireManage, requireSolutionScope, type StayScope } from '../policy.js';
import { presentBooking, presentPriority } from '../presenter.js';
import * as repo from '../repo.js';
import { ApproveBody, BookingCreateBody, BookingListQuery, BookingOut, CancelOut, DecisionBody, IdParams, WaitingOut } from '../schema.js';
import { manageAccess, staysAccess, tags } from './solutions.js';

async function load(db: Parameters<typeof repo.findBooking>[0], ctx: TenantContext, scope: StayScope, id: string) {
  const b = await repo.findBooking(db, ctx, scope, id);
  if (!b) {
    throw notFound();
  }
  return presentBooking(b);
}

export const bookingRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/stays/bookings',
    access: staysAccess,
    summary: 'Short-stay requests and bookings the caller sees, by start day (filters: solution, status, person)',
    tags,
    schema: { querystring: BookingListQuery, response: { 200: z.object({ items: z.array(BookingOut) }) } },
    async handler({ db, ctx, query }) {
      return { items: (await repo.listBookings(db, ctx, requireSolutionScope(ctx), query)).map(presentBooking) };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/stays/bookings',
    access: manageAccess,
    summary: 'Request a short stay (autonomy gym or respite flat) for a person enrolled in Dopo di Noi',
    tags,
    status: 201,
    schema: { body: BookingCreateBody, response: { 201: BookingOut } },
    async handler({ db, ctx, body, deps }) {
      requireManage(ctx);
      const requestedAs = ctx.principal.roles.some((r) => r.role === 'social_worker') ? 'social_worker' : 'operator';
      const id = await svc.createRequest(db, ctx, { kind: 'all' }, romeDay(deps.clock.now()), { ...body, requestedAs });
      await audit(db, ctx, {
        action: 'stay.requested',
        entityType: 'stay_booking',
        entityId: id,
        details: { solutionId: body.solutionId, personId: body.personId },
      });
      return load(db, ctx, { kind: 'all' }, id);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/stays/bookings/:id',
    access: staysAccess,
    summary: 'One request or booking',
    tags,
    schema: { params: IdParams, response: { 200: BookingOut } },
    async handler({ db, ctx, params }) {
      return load(db, ctx, requireSolutionScope(ctx), params.id);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/stays/bookings/:id/approve',
    access: manageAccess,
    summary: 'Approve a request on a bed: 409 stay.bed_taken when the bed is already booked on any of those days',
    tags,
    schema: { params: IdParams, body: ApproveBody, response: { 200: BookingOut } },
    async handler({ db, ctx, params, body, deps }) {
      requireManage(ctx);
      const bedId = await svc.approve(db, ctx, params.id, body.bedId, body.note, deps.clock.now());
      await audit(db, ctx, { action: 'stay.approved', entityType: 'stay_booking', entityId: params.id, details: { bedId } });
      return load(db, ctx, { kind: 'all' }, params.id);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/stays/bookings/:id/waitlist',
    access: manageAccess,
    summary: 'Put a request on the waiting list (or give back an offered bed)',
    tags,
    schema: { params: IdParams, body: DecisionBody, response: { 200: BookingOut } },
    async handler({ db, ctx, params, body, deps }) {
      requireManage(ctx);
      await svc.decide(db, ctx, params.id, 'waitlisted', body.note, deps.clock.now());
      await audit(db, ctx, { action: 'stay.waitlisted', entityType: 'stay_booking', entityId: params.id });
      return load(db, ctx, { kind: 'all' }, params.id);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/stays/bookings/:id/refuse',
    access: manageAccess,
    summary: 'Refuse a request, with a note',
    tags,
    schema: { params: IdParams, body: DecisionBody, response: { 200: BookingOut } },
    async handler({ db, ctx, params, body, deps }) {
      requireManage(ctx);
      await svc.decide(db, ctx, params.id, 'refused', body.note, deps.clock.now());
      await audit(db, ctx, { action: 'stay.refused', entityType: 'stay_booking', entityId: params.id });
      return load(db, ctx, { kind: 'all' }, params.id);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/stays/bookings/:id/cancel',
    access: manageAccess,
    summary: 'Cancel a booking (or withdraw a request): the freed bed is offered to the first suitable waiting request',
    tags,
    schema: { params: IdParams, body: DecisionBody, response: { 200: CancelOut } },
    async handler({ db, ctx, params, body, deps }) {
      requireManage(ctx);
      const now = deps.clock.now();
      const offered = await svc.cancel(db, ctx, params.id, body.note, now, romeDay(now));
      await audit(db, ctx, { action: 'stay.cancelled', entityType: 'stay_booking', entityId: params.id, details: { offeredTo: offered } });
      if (offered) {
        await audit(db, ctx, { action: 'stay.offered', entityType: 'stay_booking', entityId: offered, details: { freedBy: params.id } });
      }
      return { booking: await load(db, ctx, { kind: 'all' }, params.id), offeredTo: offered ? await load(db, ctx, { kind: 'all' }, offered) : null };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/stays/waiting-list',
    access: staysAccess,
    summary: 'The waiting list ranked by the documented priority rule, with the points of each request explained',
    tags,
    schema: { querystring: z.object({ solutionId: z.uuid().optional() }), response: { 200: z.object({ items: z.array(WaitingOut) }) } },
    async handler({ db, ctx, query, deps }) {
      const list = await svc.waitingList(db, ctx, requireSolutionScope(ctx), romeDay(deps.clock.now()), query.solutionId);
      return { items: list.map((w) => ({ ...presentBooking(w.row), rank: w.rank, priority: presentPriority(w.priority, ctx.lang) })) };
    },
  }),
];
