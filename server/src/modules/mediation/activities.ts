// Community activities on an estate: calendar, place (a common space of the stock or free text),
// partner, registrations with a capacity that holds under concurrency, attendance, volunteers.

import type { Transaction } from 'kysely';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { TenantContext } from '../../kernel/context.js';
import { type Executor, inTenant } from '../../kernel/db/tenant.js';
import type { DB } from '../../kernel/db/types.js';
import { AppError, notFound } from '../../kernel/http/errors.js';
import { fieldError } from './errors.js';
import { assertEstate, myEstateIds, ownBuildings } from './policy.js';
import type { ActivityCreateBody, ActivityListQuery } from './schema.js';

type Ctx = TenantContext;

/** Estates whose activities the caller sees: a mediator's estates, a tenant's own estate. */
async function visibleEstates(db: Executor, ctx: Ctx, today: string) {
  const mine = await myEstateIds(db, ctx);
  const lived = ctx.can('report:submit') ? (await ownBuildings(db, ctx, today)).map((b) => b.estate_id).filter((e): e is string => e !== null) : [];
  return [...new Set([...mine, ...lived])];
}

export async function listActivities(db: Executor, ctx: Ctx, q: z.output<typeof ActivityListQuery>, today: string) {
  const estates = await visibleEstates(db, ctx, today);
  if (estates.length === 0 || (q.estateId && !estates.includes(q.estateId))) {
    return [];
  }
  let query = db
    .selectFrom('community_activity as a')
    .innerJoin('estate as e', (j) => j.onRef('e.tenant_id', '=', 'a.tenant_id').onRef('e.id', '=', 'a.estate_id'))
    .leftJoin('common_space as s', (j) => j.onRef('s.tenant_id', '=', 'a.tenant_id').onRef('s.id', '=', 'a.common_space_id'))
    .selectAll('a')
    .select([
      'e.name as estate_name',
      's.name as space_name',
      sql<number>`(SELECT count(*) FROM activity_registration r WHERE r.tenant_id = a.tenant_id AND r.activity_id = a.id AND r.role = 'participant')::int`.as(
        'participants',
      ),
      sql<number>`(SELECT count(*) FROM activity_registration r WHERE r.tenant_id = a.tenant_id AND r.activity_id = a.id AND r.role = 'volunteer')::int`.as(
        'volunteers',
      ),
      sql<boolean>`EXISTS (SELECT 1 FROM activity_registration r WHERE r.tenant_id = a.tenant_id AND r.activity_id = a.id AND r.user_id = ${ctx.principal.userId})`.as(
        'mine',
      ),
    ])
    .where(inTenant(ctx, 'a'))
    .where('a.estate_id', 'in', q.estateId ? [q.estateId] : estates);
  if (q.from) {
    query = query.where(sql<boolean>`a.starts_at >= (${q.from}::date)::timestamp AT TIME ZONE 'Europe/Rome'`);
  }
  if (q.to) {
    query = query.where(sql<boolean>`a.starts_at < ((${q.to}::date + 1)::timestamp AT TIME ZONE 'Europe/Rome')`);
  }
  return query.orderBy('a.starts_at').limit(500).execute();
}

export type ActivityRow = Awaited<ReturnType<typeof listActivities>>[number];

export async function loadActivity(db: Executor, ctx: Ctx, id: string, today: string) {
  const estateId = (await db.selectFrom('community_activity').select('estate_id').where(inTenant(ctx)).where('id', '=', id).executeTakeFirst())?.estate_id;
  const estates = await visibleEstates(db, ctx, today);
  if (!estateId || !estates.includes(estateId)) {
    throw notFound();
  }
  const row = (await listActivities(db, ctx, { estateId }, today)).find((a) => a.id === id);
  if (!row) {
    throw notFound();
  }
  const manager = (await myEstateIds(db, ctx)).includes(estateId);
  const registrations = manager
    ? await db
        .selectFrom('activity_registration')
        .select(['id', 'name', 'role', 'attended'])
        .where(inTenant(ctx))
        .where('activity_id', '=', id)
        .orderBy('created_at')
        .execute()
    : [];
  return { ...row, registrations, manager };
}

export async function createActivity(db: Executor, ctx: Ctx, body: z.output<typeof ActivityCreateBody>) {
  await assertEstate(db, ctx, body.estateId);
  if (Date.parse(body.endsAt) <= Date.parse(body.startsAt)) {
    throw fieldError(400, 'mediation.activity_times', 'endsAt');
  }
  if (body.commonSpaceId) {
    const space = await db
      .selectFrom('common_space as s')
      .leftJoin('building as b', (j) => j.onRef('b.tenant_id', '=', 's.tenant_id').onRef('b.id', '=', 's.building_id'))
      .select(sql<string | null>`coalesce(s.estate_id, b.estate_id)`.as('estate_id'))
      .where(inTenant(ctx, 's'))
      .where('s.id', '=', body.commonSpaceId)
      .executeTakeFirst();
    if (space?.estate_id !== body.estateId) {
      throw fieldError(400, 'mediation.space_not_on_estate', 'commonSpaceId');
    }
  }
  const { id } = await db
    .insertInto('community_activity')
    .values({
      tenant_id: ctx.tenantId,
      estate_id: body.estateId,
      title: body.title,
      category: body.category,
      audience: body.audience,
      starts_at: new Date(body.startsAt),
      ends_at: new Date(body.endsAt),
      common_space_id: body.commonSpaceId ?? null,
      place: body.place ?? null,
      partner: body.partner ?? null,
      capacity: body.capacity,
      created_by: ctx.principal.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/**
 * Registers someone. The activity row is locked first, so concurrent registrations queue up and
 * the count they read is final: never more participants than the capacity (volunteers do not count).
 */
export async function register(
  trx: Transaction<DB>,
  ctx: Ctx,
  activityId: string,
  who: { userId: string | null; name: string; role: 'participant' | 'volunteer' },
  now: Date,
) {
  const a = await trx
    .selectFrom('community_activity')
    .select(['capacity', 'starts_at'])
    .where(inTenant(ctx))
    .where('id', '=', activityId)
    .forUpdate()
    .executeTakeFirst();
  if (!a) {
    throw notFound();
  }
  if (new Date(a.starts_at) <= now) {
    throw new AppError(409, 'mediation.activity_started');
  }
  if (who.role === 'participant') {
    const { n } = await trx
      .selectFrom('activity_registration')
      .select(sql<number>`count(*)::int`.as('n'))
      .where(inTenant(ctx))
      .where('activity_id', '=', activityId)
      .where('role', '=', 'participant')
      .executeTakeFirstOrThrow();
    if (Number(n) >= a.capacity) {
      throw new AppError(409, 'mediation.activity_full');
    }
  }
  const row = await trx
    .insertInto('activity_registration')
    .values({ tenant_id: ctx.tenantId, activity_id: activityId, user_id: who.userId, name: who.name, role: who.role })
    .onConflict((oc) => oc.columns(['tenant_id', 'activity_id', 'user_id']).where('user_id', 'is not', null).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!row) {
    throw new AppError(409, 'mediation.already_registered');
  }
  return row.id;
}

export async function cancelOwn(db: Executor, ctx: Ctx, activityId: string) {
  const res = await db
    .deleteFrom('activity_registration')
    .where(inTenant(ctx))
    .where('activity_id', '=', activityId)
    .where('user_id', '=', ctx.principal.userId)
    .executeTakeFirst();
  if (Number(res.numDeletedRows) === 0) {
    throw notFound();
  }
}

export async function setAttendance(db: Executor, ctx: Ctx, activityId: string, registrationId: string, attended: boolean) {
  const a = await db.selectFrom('community_activity').select('estate_id').where(inTenant(ctx)).where('id', '=', activityId).executeTakeFirst();
  if (!a) {
    throw notFound();
  }
  await assertEstate(db, ctx, a.estate_id);
  const res = await db
    .updateTable('activity_registration')
    .set({ attended })
    .where(inTenant(ctx))
    .where('activity_id', '=', activityId)
    .where('id', '=', registrationId)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) {
    throw notFound();
  }
}
