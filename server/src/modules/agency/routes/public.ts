// The public booking page's API: no sign-in needed. The ente comes from the URL; every query
// runs in a transaction scoped to it (row-level security as for signed-in requests).
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import { writeAudit } from '../../../kernel/audit/audit.js';
import { runInTenant } from '../../../kernel/db/tenant.js';
import type { DB } from '../../../kernel/db/types.js';
import { notFound } from '../../../kernel/http/errors.js';
import { type AnyRoute, defineRoute } from '../../../kernel/http/route.js';
import { romeDay } from '../../../kernel/time.js';
import * as appointments from '../appointments.js';
import { presentPlace } from '../presenter.js';
import * as repo from '../repo.js';
import {
  BookingBody,
  BookingOut,
  CancelBody,
  EnteAppointmentParams,
  EnteParams,
  EntePlaceParams,
  PublicPlaceOut,
  SlotOut,
  SlotsQuery,
  TokenQuery,
} from '../schema.js';

const tags = ['agency', 'public'];

async function inEnte<T>(db: Kysely<DB>, slug: string, fn: (trx: Transaction<DB>, t: { tenantId: string; name: string }) => Promise<T>) {
  const ente = await db.selectFrom('ente').select(['id', 'name']).where('slug', '=', slug).where('active', '=', true).executeTakeFirst();
  if (!ente) {
    throw notFound();
  }
  return runInTenant(db, { tenantId: ente.id, userId: null }, (trx) => fn(trx, { tenantId: ente.id, name: ente.name }));
}

const publicPlace = (p: repo.PlaceRow) => {
  const { closures: _c, extraHolidays: _e, active: _a, ...rest } = presentPlace(p);
  return rest;
};

export const publicRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/public/:ente/agency/places',
    access: 'public',
    summary: 'The agency’s counter places of an ente, with their opening hours',
    tags,
    schema: { params: EnteParams, response: { 200: z.object({ enteName: z.string(), items: z.array(PublicPlaceOut) }) } },
    async handler({ db, params }) {
      return inEnte(db, params.ente, async (trx, t) => ({
        enteName: t.name,
        items: (await appointments.ensurePlaces(trx, t)).filter((p) => p.active).map(publicPlace),
      }));
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/public/:ente/agency/places/:placeId/slots',
    access: 'public',
    summary: 'The slots of a place from a day (default today) for up to 62 days: only future ones, each free or taken',
    tags,
    schema: { params: EntePlaceParams, querystring: SlotsQuery, response: { 200: z.object({ items: z.array(SlotOut) }) } },
    async handler({ db, params, query, deps }) {
      const now = deps.clock.now();
      return inEnte(db, params.ente, async (trx, t) => {
        const place = await repo.findPlace(trx, t, params.placeId);
        if (!place?.active) {
          throw notFound();
        }
        return { items: await appointments.slotsOf(trx, t, place, query.from ?? romeDay(now), query.days, now) };
      });
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/public/:ente/agency/appointments',
    access: 'public',
    summary: 'Book a free slot (signed in or not). 409 agency.slot_taken when someone took it first. Answers a token for the .ics and cancellation',
    tags,
    status: 201,
    rateLimit: { max: 120, timeWindow: 60_000 },
    schema: { params: EnteParams, body: BookingBody, response: { 201: BookingOut } },
    async handler({ db, params, body, ctx, deps }) {
      return inEnte(db, params.ente, async (trx, t) => {
        // A signed-in citizen or landlord of this ente gets the booking on their page too.
        const userId = ctx.principal && ctx.principal.tenantId === t.tenantId ? ctx.principal.userId : null;
        const r = await appointments.book(trx, t, body, { channel: 'online', userId, createdBy: userId }, deps.clock.now());
        await writeAudit(
          trx,
          { tenantId: t.tenantId, userId, organisationId: null, requestId: ctx.requestId, ip: ctx.ip },
          {
            action: 'agency.appointment_booked',
            entityType: 'agency_appointment',
            entityId: r.id,
            details: { channel: 'online', startsAt: r.startsAt.toISOString() },
          },
        );
        return {
          id: r.id,
          startsAt: r.startsAt.toISOString(),
          endsAt: r.endsAt.toISOString(),
          place: { id: r.place.id, name: r.place.name, address: r.place.address },
          topic: body.topic,
          cancelToken: r.token,
        };
      });
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/public/:ente/agency/appointments/:id/ics',
    access: 'public',
    summary: 'The booking as an iCalendar file (with the token received at booking)',
    tags,
    schema: { params: EnteAppointmentParams, querystring: TokenQuery, response: { 200: z.any() } },
    async handler({ db, params, query, reply, req }) {
      return inEnte(db, params.ente, async (trx, t) => {
        const row = await appointments.findByToken(trx, t, params.id, query.token);
        const origin = `${req.protocol}://${req.host}`;
        const cancelUrl = `${origin}/book/${encodeURIComponent(params.ente)}/cancel?id=${row.id}&token=${encodeURIComponent(query.token)}`;
        reply.type('text/calendar; charset=utf-8').header('content-disposition', 'attachment; filename="appuntamento.ics"');
        return Buffer.from(appointments.icsOf(row, cancelUrl), 'utf8');
      });
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/public/:ente/agency/appointments/:id/cancel',
    access: 'public',
    summary: 'Cancel a booking with the token received at booking (before it starts)',
    tags,
    rateLimit: { max: 60, timeWindow: 60_000 },
    schema: { params: EnteAppointmentParams, body: CancelBody, response: { 204: z.null() } },
    async handler({ db, params, body, ctx, deps }) {
      await inEnte(db, params.ente, async (trx, t) => {
        const row = await appointments.findByToken(trx, t, params.id, body.token);
        await appointments.cancel(trx, t, row, deps.clock.now());
        await writeAudit(
          trx,
          { tenantId: t.tenantId, userId: null, organisationId: null, requestId: ctx.requestId, ip: ctx.ip },
          { action: 'agency.appointment_cancelled', entityType: 'agency_appointment', entityId: row.id, details: { by: 'token' } },
        );
      });
      return undefined;
    },
  }),
];
