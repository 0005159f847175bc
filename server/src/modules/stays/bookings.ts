// Short-stay bookings: request, approve (the EXCLUDE constraint refuses any double booking),
// waitlist, refuse, cancel (the freed bed is offered to the first suitable waiting request).
import type { Transaction } from 'kysely';
import type { TenantContext } from '../../kernel/context.js';
import type { DB } from '../../kernel/db/types.js';
import { AppError, notFound } from '../../kernel/http/errors.js';
import { activePrograms } from '../registry/index.js';
import { type StayScope, solutionScope } from './policy.js';
import { toPriorityInput } from './presenter.js';
import * as repo from './repo.js';
import { rankWaitingList } from './rules/priority.js';
import { SHORT_STAY_KINDS } from './schema.js';

const OPEN = ['requested', 'waitlisted', 'offered'];
const isPg = (e: unknown, code: string) => typeof e === 'object' && e !== null && (e as { code?: string }).code === code;

export const bedTaken = () => new AppError(409, 'stay.bed_taken', [{ field: 'bedId', in: 'body', code: 'stay.bed_taken' }]);
const badTransition = () => new AppError(409, 'stay.status_conflict');

export interface NewBooking {
  solutionId: string;
  personId: string;
  startsOn: string;
  endsOn: string;
  needs: string;
  supportHoursPerDay: number;
  severity: 'mild' | 'severe';
  familyBurden: number;
  requestedAs: 'family' | 'social_worker' | 'operator';
}

/** Checks the solution takes short stays for this severity and length, and the person is in the program. */
export async function createRequest(db: Transaction<DB>, ctx: TenantContext, scope: StayScope, today: string, b: NewBooking): Promise<string> {
  const s = await repo.findSolution(db, ctx, scope, today, b.solutionId);
  if (!s) {
    throw new AppError(404, 'stay.solution_unknown', [{ field: 'solutionId', in: 'body', code: 'stay.solution_unknown' }]);
  }
  if (!s.active || !(SHORT_STAY_KINDS as readonly string[]).includes(s.kind)) {
    throw new AppError(422, 'stay.not_short_stay', [{ field: 'solutionId', in: 'body', code: 'stay.not_short_stay' }]);
  }
  if (!s.eligible_severities.includes(b.severity)) {
    throw new AppError(422, 'stay.not_eligible', [{ field: 'severity', in: 'body', code: 'stay.not_eligible' }]);
  }
  if (b.startsOn < today) {
    throw new AppError(422, 'stay.in_the_past', [{ field: 'startsOn', in: 'body', code: 'stay.in_the_past' }]);
  }
  const nights = (Date.parse(b.endsOn) - Date.parse(b.startsOn)) / 86_400_000;
  if (s.max_stay_days !== null && nights > s.max_stay_days) {
    throw new AppError(422, 'stay.too_long', [{ field: 'endsOn', in: 'body', code: 'stay.too_long' }]);
  }
  if (!(await repo.personExists(db, ctx, b.personId)) || !(await activePrograms(db, ctx, b.personId, today)).includes('dopo_di_noi')) {
    throw new AppError(422, 'stay.person_not_enrolled', [{ field: 'personId', in: 'body', code: 'stay.person_not_enrolled' }]);
  }
  return repo.insertBooking(db, ctx, { ...b, requestedBy: ctx.principal.userId });
}

/**
 * Approves a request on a bed (the one given, or the first free for the whole period). Two
 * approvals racing for the same bed and days: the exclusion constraint lets exactly one commit,
 * the other gets 409 stay.bed_taken.
 */
export async function approve(db: Transaction<DB>, ctx: TenantContext, id: string, bedId: string | null, note: string | null, now: Date) {
  const row = await repo.lockBooking(db, ctx, id);
  if (!row) {
    throw notFound();
  }
  if (!OPEN.includes(row.status)) {
    throw badTransition();
  }
  const b = await repo.findBooking(db, ctx, { kind: 'all' }, id);
  if (!b) {
    throw notFound();
  }
  let bed = bedId;
  if (row.status === 'offered' && bed === null) {
    bed = b.bed_id;
  }
  if (bed === null) {
    const free = await repo.freeBeds(db, ctx, b.solution_id, b.starts_on, b.ends_on);
    if (free.length === 0) {
      throw bedTaken();
    }
    bed = free[0]?.id ?? null;
  } else {
    if (!(await repo.solutionBeds(db, ctx, b.solution_id)).some((x) => x.id === bed)) {
      throw new AppError(422, 'stay.bed_unknown', [{ field: 'bedId', in: 'body', code: 'stay.bed_unknown' }]);
    }
  }
  try {
    await repo.setBookingStatus(db, ctx, id, { status: 'approved', bedId: bed, decidedBy: ctx.principal.userId, at: now, note });
  } catch (e) {
    if (isPg(e, '23P01')) {
      throw bedTaken();
    }
    throw e;
  }
  return bed as string;
}

export async function decide(db: Transaction<DB>, ctx: TenantContext, id: string, to: 'refused' | 'waitlisted', note: string | null, now: Date) {
  const row = await repo.lockBooking(db, ctx, id);
  if (!row) {
    throw notFound();
  }
  const allowed = to === 'refused' ? OPEN : ['requested', 'offered'];
  if (!allowed.includes(row.status)) {
    throw badTransition();
  }
  await repo.setBookingStatus(db, ctx, id, { status: to, bedId: null, decidedBy: ctx.principal.userId, at: now, note });
}

/** The waiting list of a solution (or all the caller sees), ranked by the priority rule. */
export async function waitingList(db: Transaction<DB>, ctx: TenantContext, scope: StayScope, today: string, solutionId?: string) {
  const rows = await repo.listBookings(db, ctx, scope, { solutionId, statuses: ['requested', 'waitlisted'] });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return rankWaitingList(rows.map(toPriorityInput), today).map((r) => ({ row: byId.get(r.id) as repo.BookingRow, rank: r.rank, priority: r.priority }));
}

/**
 * Cancels an approved booking (or withdraws an open request). A freed bed is offered to the
 * first waiting request of the same solution, in priority order, whose severity the solution
 * takes and whose whole period is free on that bed: it is held for it (status offered) until an
 * operator approves it. Returns that request's id.
 */
export async function cancel(db: Transaction<DB>, ctx: TenantContext, id: string, note: string | null, now: Date, today: string): Promise<string | null> {
  const row = await repo.lockBooking(db, ctx, id);
  if (!row) {
    throw notFound();
  }
  if (row.status === 'requested' || row.status === 'waitlisted') {
    await repo.setBookingStatus(db, ctx, id, { status: 'withdrawn', decidedBy: ctx.principal.userId, at: now, note });
    return null;
  }
  if (row.status !== 'approved' && row.status !== 'offered') {
    throw badTransition();
  }
  const b = (await repo.findBooking(db, ctx, { kind: 'all' }, id)) as repo.BookingRow;
  await repo.setBookingStatus(db, ctx, id, { status: 'cancelled', decidedBy: ctx.principal.userId, at: now, note });
  return offerFreedBed(db, ctx, b, now, today);
}

async function offerFreedBed(db: Transaction<DB>, ctx: TenantContext, freed: repo.BookingRow, now: Date, today: string): Promise<string | null> {
  if (!freed.bed_id || freed.ends_on <= today) {
    return null;
  }
  const queue = await waitingList(db, ctx, { kind: 'all' }, today, freed.solution_id);
  for (const { row } of queue) {
    if (row.starts_on < today || !row.eligible_severities.includes(row.severity)) {
      continue;
    }
    const free = await repo.freeBeds(db, ctx, freed.solution_id, row.starts_on, row.ends_on);
    if (free.some((x) => x.id === freed.bed_id)) {
      await repo.setBookingStatus(db, ctx, row.id, { status: 'offered', bedId: freed.bed_id, at: now, offered: true });
      return row.id;
    }
  }
  return null;
}

export { solutionScope };
