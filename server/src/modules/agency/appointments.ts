// Counter places and appointments: slots from the place's hours, bookings that the database
// keeps unique per place and start (a partial unique index), cancellation by token, .ics,
// the operator's day agenda and the day-before reminders.
import { createHash, randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { type Executor, inTenant } from '../../kernel/db/tenant.js';
import { AppError } from '../../kernel/http/errors.js';
import { romeDay } from '../../kernel/time.js';
import { notify } from '../messages/index.js';
import * as repo from './repo.js';
import { appointmentIcs } from './rules/ics.js';
import { addDays, generateSlots, LUCCA_EXTRA_HOLIDAYS, LUCCA_PLACES, type OpeningHours, romeInstant } from './rules/slots.js';
import type { BookingBody, PlaceBody } from './schema.js';
import { fieldError } from './service.js';

type Ctx = { tenantId: string };

/** The places of the ente; an agency without any gets the Lucca preset (the two places of seed 002). */
export async function ensurePlaces(db: Executor, ctx: Ctx) {
  const existing = await repo.places(db, ctx);
  if (existing.length > 0) {
    return existing;
  }
  for (const p of LUCCA_PLACES) {
    await db
      .insertInto('agency_place')
      .values({
        tenant_id: ctx.tenantId,
        code: p.code,
        name: p.name,
        address: p.address,
        phone: p.phone,
        slot_minutes: p.slotMinutes,
        hours: repo.jsonb(p.hours),
        extra_holidays: LUCCA_EXTRA_HOLIDAYS,
        closures: [],
      })
      .onConflict((oc) => oc.columns(['tenant_id', 'code']).doNothing())
      .execute();
  }
  return repo.places(db, ctx);
}

export async function updatePlace(db: Executor, ctx: Ctx, id: string, body: z.output<typeof PlaceBody>) {
  const bad = body.hours.findIndex((h) => h.from >= h.to);
  if (bad >= 0) {
    throw fieldError(400, 'agency.hours_order', `hours.${bad}.to`);
  }
  await db
    .updateTable('agency_place')
    .set({
      name: body.name,
      address: body.address,
      phone: body.phone,
      slot_minutes: body.slotMinutes,
      hours: repo.jsonb(body.hours),
      extra_holidays: body.extraHolidays,
      closures: [...new Set(body.closures)].sort(),
      active: body.active,
    })
    .where(inTenant(ctx))
    .where('id', '=', id)
    .execute();
}

const calendarOf = (p: repo.PlaceRow) => ({
  hours: repo.json<OpeningHours[]>(p.hours),
  slotMinutes: p.slot_minutes,
  extraHolidays: p.extra_holidays,
  closures: p.closures,
});

/** The slots of a place from a day for some days, from now on, each marked free or taken. */
export async function slotsOf(db: Executor, ctx: Ctx, place: repo.PlaceRow, fromDay: string, days: number, now: Date) {
  const toDay = addDays(fromDay, days - 1);
  const slots = generateSlots(calendarOf(place), fromDay, toDay).filter((s) => s.startsAt > now);
  const taken = await repo.takenStarts(db, ctx, place.id, romeInstant(fromDay, '00:00'), romeInstant(addDays(toDay, 1), '00:00'));
  return slots.map((s) => ({
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    day: s.day,
    time: s.time,
    free: !taken.has(s.startsAt.getTime()),
  }));
}

const whenFormat = new Intl.DateTimeFormat('it-IT', { timeZone: 'Europe/Rome', dateStyle: 'full', timeStyle: 'short' });
const whenText = (d: Date) => whenFormat.format(d);

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface BookingInput extends z.output<typeof BookingBody> {
  walkIn?: boolean;
}

/**
 * Books a slot. Online and operator bookings must hit a slot of the place's calendar, in the
 * future; walk-ins are recorded at the given time, outside the slot uniqueness. Two bookings of
 * one slot: the unique index lets one insert through, the other gets 409 agency.slot_taken.
 */
export async function book(
  db: Executor,
  ctx: Ctx,
  input: BookingInput,
  who: { channel: 'online' | 'operator' | 'walk_in'; userId: string | null; createdBy: string | null },
  now: Date,
) {
  const place = await repo.findPlace(db, ctx, input.placeId);
  if (!place?.active) {
    throw fieldError(400, 'agency.place_unknown', 'placeId');
  }
  const startsAt = new Date(input.startsAt);
  let endsAt = new Date(startsAt.getTime() + place.slot_minutes * 60_000);
  if (who.channel !== 'walk_in') {
    const day = romeDay(startsAt);
    const slot = generateSlots(calendarOf(place), day, day).find((s) => s.startsAt.getTime() === startsAt.getTime());
    if (!slot) {
      throw fieldError(400, 'agency.slot_unknown', 'startsAt');
    }
    if (slot.startsAt <= now) {
      throw fieldError(400, 'agency.slot_past', 'startsAt');
    }
    endsAt = slot.endsAt;
  }
  const token = randomBytes(24).toString('base64url');
  try {
    const { id } = await db
      .insertInto('agency_appointment')
      .values({
        tenant_id: ctx.tenantId,
        place_id: place.id,
        starts_at: startsAt,
        ends_at: endsAt,
        channel: who.channel,
        topic: input.topic,
        name: input.name,
        email: input.email,
        phone: input.phone,
        note: input.note,
        user_id: who.userId,
        cancel_token_hash: hashToken(token),
        created_by: who.createdBy,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (who.userId) {
      // A signed-in citizen or landlord gets the confirmation in the app (and by email / App IO).
      await notify(db, ctx, {
        event: 'appointment.booked',
        to: { userId: who.userId },
        params: { place: `${place.name}, ${place.address}`, when: whenText(startsAt) },
        entity: { type: 'agency_appointment', id },
      });
    }
    return { id, token, place, startsAt, endsAt };
  } catch (e) {
    if ((e as { code?: string }).code === '23505') {
      throw fieldError(409, 'agency.slot_taken', 'startsAt');
    }
    throw e;
  }
}

export async function findByToken(db: Executor, ctx: Ctx, id: string, token: string) {
  const row = await repo.appointmentQuery(db, ctx).where('a.id', '=', id).where('a.cancel_token_hash', '=', hashToken(token)).executeTakeFirst();
  if (!row) {
    throw new AppError(404, 'resource.not_found');
  }
  return row;
}

export async function cancel(db: Executor, ctx: Ctx, row: repo.AppointmentRow, now: Date) {
  if (row.status !== 'booked') {
    throw fieldError(409, 'agency.appointment_not_booked', 'status');
  }
  if (row.starts_at <= now) {
    throw fieldError(409, 'agency.appointment_past', 'status');
  }
  await db.updateTable('agency_appointment').set({ status: 'cancelled', cancelled_at: now }).where(inTenant(ctx)).where('id', '=', row.id).execute();
}

export function icsOf(row: repo.AppointmentRow, cancelUrl: string | null) {
  return appointmentIcs({
    uid: row.id,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    createdAt: row.created_at,
    summary: `Appuntamento – ${row.place_name}`,
    location: row.place_address,
    description: cancelUrl ? `Per annullare / to cancel: ${cancelUrl}` : 'Agenzia Sociale per la Casa',
  });
}

/** The appointments of a Europe/Rome day (all places, or one), in time order. */
export function agenda(db: Executor, ctx: Ctx, day: string, placeId: string | undefined) {
  let q = repo
    .appointmentQuery(db, ctx)
    .where('a.starts_at', '>=', romeInstant(day, '00:00'))
    .where('a.starts_at', '<', romeInstant(addDays(day, 1), '00:00'));
  if (placeId) {
    q = q.where('a.place_id', '=', placeId);
  }
  return q.orderBy('a.starts_at').orderBy('a.created_at').execute();
}

/**
 * Reminders for tomorrow's booked appointments not reminded yet: marks them, notifies the
 * people who booked while signed in (messages module) and answers the list, so the operator can
 * call or text the others.
 */
export async function dueReminders(db: Executor, ctx: Ctx, now: Date) {
  const tomorrow = addDays(romeDay(now), 1);
  const rows = (await agenda(db, ctx, tomorrow, undefined)).filter((r) => r.status === 'booked' && r.reminded_at === null);
  if (rows.length > 0) {
    await db
      .updateTable('agency_appointment')
      .set({ reminded_at: now })
      .where(inTenant(ctx))
      .where(
        'id',
        'in',
        rows.map((r) => r.id),
      )
      .execute();
    for (const r of rows) {
      if (r.user_id) {
        await notify(db, ctx, {
          event: 'appointment.reminder',
          to: { userId: r.user_id },
          params: { place: `${r.place_name}, ${r.place_address}`, when: whenText(r.starts_at) },
          entity: { type: 'agency_appointment', id: r.id },
        });
      }
    }
  }
  return rows.map((r) => ({ ...r, reminded_at: now }));
}
