// Counter places and appointments for operators (agenda, bookings, walk-ins, reminders) and for
// signed-in citizens and landlords (their own appointments).
import { z } from 'zod';
import { audit } from '../../../kernel/audit/audit.js';
import { notFound } from '../../../kernel/http/errors.js';
import { type AnyRoute, defineRoute } from '../../../kernel/http/route.js';
import { romeDay } from '../../../kernel/time.js';
import * as appointments from '../appointments.js';
import { book, manage } from '../policy.js';
import { presentAppointment, presentPlace } from '../presenter.js';
import * as repo from '../repo.js';
import { AgendaQuery, AppointmentOut, AppointmentStatusBody, BookingOut, IdParams, OperatorBookingBody, PlaceBody, PlaceOut } from '../schema.js';
import { fieldError } from '../service.js';

const tags = ['agency', 'appointments'];

export const appointmentRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/agency/places',
    access: manage,
    summary: 'Counter places with hours, slot length, holidays and closures (the Lucca preset is created on first use)',
    tags,
    schema: { response: { 200: z.object({ items: z.array(PlaceOut) }) } },
    async handler({ db, ctx }) {
      return { items: (await appointments.ensurePlaces(db, ctx)).map(presentPlace) };
    },
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/v1/agency/places/:id',
    access: manage,
    summary: 'Change a place: hours, slot length, extra holidays (MM-DD), closures, active',
    tags,
    schema: { params: IdParams, body: PlaceBody, response: { 200: PlaceOut } },
    async handler({ db, ctx, params, body }) {
      if (!(await repo.findPlace(db, ctx, params.id))) {
        throw notFound();
      }
      await appointments.updatePlace(db, ctx, params.id, body);
      await audit(db, ctx, { action: 'agency.place_updated', entityType: 'agency_place', entityId: params.id });
      return presentPlace((await repo.findPlace(db, ctx, params.id)) as repo.PlaceRow);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/agency/appointments',
    access: manage,
    summary: 'The day agenda (default today, Europe/Rome), all places or one',
    tags,
    schema: { querystring: AgendaQuery, response: { 200: z.object({ day: z.string(), items: z.array(AppointmentOut) }) } },
    async handler({ db, ctx, query, deps }) {
      const day = query.day ?? romeDay(deps.clock.now());
      return { day, items: (await appointments.agenda(db, ctx, day, query.placeId)).map(presentAppointment) };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/agency/appointments',
    access: manage,
    summary: 'Book for someone at the counter or on the phone (a free slot), or record a walk-in (`walkIn`: any time, no slot)',
    tags,
    status: 201,
    schema: { body: OperatorBookingBody, response: { 201: AppointmentOut } },
    async handler({ db, ctx, body, deps }) {
      const r = await appointments.book(
        db,
        ctx,
        body,
        { channel: body.walkIn ? 'walk_in' : 'operator', userId: null, createdBy: ctx.principal.userId },
        deps.clock.now(),
      );
      await audit(db, ctx, {
        action: 'agency.appointment_booked',
        entityType: 'agency_appointment',
        entityId: r.id,
        details: { channel: body.walkIn ? 'walk_in' : 'operator', startsAt: r.startsAt.toISOString() },
      });
      return presentAppointment(await repo.appointmentQuery(db, ctx).where('a.id', '=', r.id).executeTakeFirstOrThrow());
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/agency/appointments/:id/status',
    access: manage,
    summary: 'Mark an appointment attended, no-show or cancelled',
    tags,
    schema: { params: IdParams, body: AppointmentStatusBody, response: { 200: AppointmentOut } },
    async handler({ db, ctx, params, body, deps }) {
      const row = await repo.appointmentQuery(db, ctx).where('a.id', '=', params.id).executeTakeFirst();
      if (!row) {
        throw notFound();
      }
      if (row.status !== 'booked') {
        throw fieldError(409, 'agency.appointment_not_booked', 'status');
      }
      await db
        .updateTable('agency_appointment')
        .set({ status: body.status, ...(body.status === 'cancelled' ? { cancelled_at: deps.clock.now() } : {}) })
        .where('tenant_id', '=', ctx.tenantId)
        .where('id', '=', row.id)
        .execute();
      await audit(db, ctx, { action: 'agency.appointment_status', entityType: 'agency_appointment', entityId: row.id, details: body });
      return presentAppointment(await repo.appointmentQuery(db, ctx).where('a.id', '=', row.id).executeTakeFirstOrThrow());
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/agency/appointments/reminders',
    access: manage,
    summary: 'Tomorrow’s booked appointments not yet reminded: marked reminded and listed (to send by email/SMS until a messaging module exists)',
    tags,
    schema: { response: { 200: z.object({ items: z.array(AppointmentOut) }) } },
    async handler({ db, ctx, deps }) {
      const rows = await appointments.dueReminders(db, ctx, deps.clock.now());
      await audit(db, ctx, { action: 'agency.reminders_marked', entityType: 'agency_appointment', details: { count: rows.length } });
      return { items: rows.map(presentAppointment) };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/agency/me/appointments',
    access: book,
    summary: 'My counter appointments (booked while signed in), newest first',
    tags,
    schema: { response: { 200: z.object({ items: z.array(AppointmentOut) }) } },
    async handler({ db, ctx }) {
      const rows = await repo.appointmentQuery(db, ctx).where('a.user_id', '=', ctx.principal.userId).orderBy('a.starts_at', 'desc').limit(100).execute();
      return { items: rows.map(presentAppointment) };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/agency/me/appointments/:id/cancel',
    access: book,
    summary: 'Cancel one of my appointments (before it starts)',
    tags,
    schema: { params: IdParams, response: { 200: AppointmentOut } },
    async handler({ db, ctx, params, deps }) {
      const row = await repo.appointmentQuery(db, ctx).where('a.id', '=', params.id).where('a.user_id', '=', ctx.principal.userId).executeTakeFirst();
      if (!row) {
        throw notFound();
      }
      await appointments.cancel(db, ctx, row, deps.clock.now());
      await audit(db, ctx, { action: 'agency.appointment_cancelled', entityType: 'agency_appointment', entityId: row.id });
      return presentAppointment(await repo.appointmentQuery(db, ctx).where('a.id', '=', row.id).executeTakeFirstOrThrow());
    },
  }),
];

export { BookingOut };
