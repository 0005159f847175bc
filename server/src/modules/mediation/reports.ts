// Residents' reports of building problems: filed by the tenant from their page, routed to the
// building's managing body, followed by status changes the reporter sees and is notified of.
import { sql } from 'kysely';
import type { z } from 'zod';
import type { TenantContext } from '../../kernel/context.js';
import { type Executor, inTenant } from '../../kernel/db/tenant.js';
import { AppError, notFound } from '../../kernel/http/errors.js';
import { notify } from '../messages/index.js';
import { fieldError } from './errors.js';
import { myEstateIds, ownBuildings } from './policy.js';
import { type ReportStatus, reportMayMove, routeReport } from './rules/routing.js';
import type { ReportCreateBody, ReportListQuery, ReportStatusBody } from './schema.js';

type Ctx = TenantContext;

export const MAX_PHOTO_BYTES = 2 * 1024 * 1024;

/** The image type the bytes really are (magic numbers), whatever the client declared. */
export function sniffImage(b: Buffer): 'image/jpeg' | 'image/png' | 'image/webp' | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) {
    return 'image/jpeg';
  }
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
    return 'image/png';
  }
  if (b.length >= 12 && b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP') {
    return 'image/webp';
  }
  return null;
}

/** A report filed by a tenant about one of the buildings they live in. */
export async function fileReport(db: Executor, ctx: Ctx, body: z.output<typeof ReportCreateBody>, today: string) {
  const buildings = await ownBuildings(db, ctx, today);
  const building = body.buildingId ? buildings.find((b) => b.id === body.buildingId) : buildings.length === 1 ? buildings[0] : undefined;
  if (!building) {
    throw fieldError(400, buildings.length === 0 ? 'mediation.not_a_tenant' : 'mediation.building_required', 'buildingId');
  }
  let photo: Buffer | null = null;
  if (body.photo) {
    photo = Buffer.from(body.photo.dataBase64, 'base64');
    if (photo.length === 0 || photo.length > MAX_PHOTO_BYTES) {
      throw fieldError(400, 'mediation.photo_too_large', 'photo.dataBase64');
    }
    if (sniffImage(photo) !== body.photo.contentType) {
      throw fieldError(400, 'mediation.photo_type', 'photo.contentType');
    }
  }
  const managers = await db.selectFrom('unit').select('managing_organisation_id').where(inTenant(ctx)).where('building_id', '=', building.id).execute();
  const route = routeReport(
    body.category,
    body.description,
    managers.map((m) => m.managing_organisation_id),
  );
  const { id } = await db
    .insertInto('resident_report')
    .values({
      tenant_id: ctx.tenantId,
      estate_id: building.estate_id,
      building_id: building.id,
      category: body.category,
      description: body.description,
      location: body.location ?? null,
      status: route.status,
      urgent: route.urgent,
      routed_to: route.routedTo,
      reporter_user_id: ctx.principal.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('resident_report_event')
    .values({ tenant_id: ctx.tenantId, report_id: id, status: 'received', by_user: ctx.principal.userId, at: sql`clock_timestamp()` })
    .execute();
  if (route.status === 'routed') {
    await db
      .insertInto('resident_report_event')
      .values({ tenant_id: ctx.tenantId, report_id: id, status: 'routed', by_user: null, at: sql`clock_timestamp()` })
      .execute();
  }
  if (photo && body.photo) {
    await db
      .insertInto('resident_report_photo')
      .values({ tenant_id: ctx.tenantId, report_id: id, content_type: body.photo.contentType, size_bytes: photo.length, data: photo })
      .execute();
  }
  return { id, route };
}

function baseQuery(db: Executor, ctx: Ctx) {
  return db
    .selectFrom('resident_report as r')
    .innerJoin('building as b', (j) => j.onRef('b.tenant_id', '=', 'r.tenant_id').onRef('b.id', '=', 'r.building_id'))
    .leftJoin('estate as e', (j) => j.onRef('e.tenant_id', '=', 'r.tenant_id').onRef('e.id', '=', 'r.estate_id'))
    .leftJoin('organisation as o', (j) => j.onRef('o.tenant_id', '=', 'r.tenant_id').onRef('o.id', '=', 'r.routed_to'))
    .selectAll('r')
    .select(['b.address', 'e.name as estate_name', 'o.name as routed_to_name'])
    .where(inTenant(ctx, 'r'));
}

/**
 * Which reports the caller handles: a mediator those of their estates; the Ufficio Casa
 * (tenancy:manage) all; staff of a managing body those routed to their organisation.
 */
async function handlerScope(db: Executor, ctx: Ctx) {
  if (ctx.can('tenancy:manage')) {
    return { all: true as const };
  }
  return { all: false as const, estates: await myEstateIds(db, ctx), organisationId: ctx.principal.organisationId };
}

export async function listReports(db: Executor, ctx: Ctx, q: z.output<typeof ReportListQuery>) {
  const scope = await handlerScope(db, ctx);
  let query = baseQuery(db, ctx);
  if (!scope.all) {
    const { estates, organisationId } = scope;
    query = query.where((eb) =>
      eb.or([
        ...(estates.length > 0 ? [eb('r.estate_id', 'in', estates)] : []),
        ...(organisationId ? [eb('r.routed_to', '=', organisationId)] : []),
        eb.val(false),
      ]),
    );
  }
  if (q.estateId) {
    query = query.where('r.estate_id', '=', q.estateId);
  }
  if (q.status === 'open') {
    query = query.where('r.status', 'not in', ['resolved', 'rejected']);
  } else if (q.status) {
    query = query.where('r.status', '=', q.status);
  }
  return withDetails(db, ctx, await query.orderBy('r.urgent', 'desc').orderBy('r.created_at', 'desc').limit(500).execute());
}

export async function myReports(db: Executor, ctx: Ctx) {
  return withDetails(db, ctx, await baseQuery(db, ctx).where('r.reporter_user_id', '=', ctx.principal.userId).orderBy('r.created_at', 'desc').execute());
}

async function withDetails<R extends { id: string }>(db: Executor, ctx: Ctx, rows: R[]) {
  const ids = rows.map((r) => r.id);
  const [photos, events] =
    ids.length === 0
      ? [[], []]
      : await Promise.all([
          db
            .selectFrom('resident_report_photo')
            .select(['id', 'report_id', 'content_type', 'size_bytes'])
            .where(inTenant(ctx))
            .where('report_id', 'in', ids)
            .orderBy('created_at')
            .execute(),
          db
            .selectFrom('resident_report_event')
            .select(['report_id', 'status', 'note', 'at'])
            .where(inTenant(ctx))
            .where('report_id', 'in', ids)
            .orderBy('at')
            .orderBy('id')
            .execute(),
        ]);
  return rows.map((r) => ({ ...r, photos: photos.filter((p) => p.report_id === r.id), events: events.filter((e) => e.report_id === r.id) }));
}

export type ReportRow = Awaited<ReturnType<typeof myReports>>[number];

/** One report, if the caller filed it or handles it (404 otherwise). */
export async function visibleReport(db: Executor, ctx: Ctx, id: string) {
  const r = await baseQuery(db, ctx).where('r.id', '=', id).executeTakeFirst();
  if (!r) {
    throw notFound();
  }
  if (r.reporter_user_id === ctx.principal.userId) {
    return r;
  }
  const scope = await handlerScope(db, ctx);
  if (scope.all || (r.estate_id && scope.estates.includes(r.estate_id)) || (scope.organisationId && r.routed_to === scope.organisationId)) {
    return r;
  }
  throw notFound();
}

export async function oneReport(db: Executor, ctx: Ctx, id: string) {
  const [r] = await withDetails(db, ctx, [await visibleReport(db, ctx, id)]);
  return r as ReportRow;
}

const STATUS_LABELS: Record<ReportStatus, { it: string; en: string }> = {
  received: { it: 'ricevuta', en: 'received' },
  routed: { it: 'inoltrata all’ente gestore', en: 'sent to the managing body' },
  in_progress: { it: 'in lavorazione', en: 'in progress' },
  resolved: { it: 'risolta', en: 'resolved' },
  rejected: { it: 'non accolta', en: 'not accepted' },
};

/** A status change by whoever handles the report; the reporter is notified in the same transaction. */
export async function changeStatus(db: Executor, ctx: Ctx, id: string, body: z.output<typeof ReportStatusBody>) {
  const r = await visibleReport(db, ctx, id);
  if (r.reporter_user_id === ctx.principal.userId && !ctx.can('mediation:manage') && !ctx.can('tenancy:manage')) {
    throw notFound();
  }
  const locked = await db.selectFrom('resident_report').select('status').where(inTenant(ctx)).where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
  if (!reportMayMove(locked.status as ReportStatus, body.status)) {
    throw new AppError(409, 'mediation.report_state');
  }
  await db.updateTable('resident_report').set({ status: body.status, updated_at: sql`now()` }).where(inTenant(ctx)).where('id', '=', id).execute();
  const { id: eventId } = await db
    .insertInto('resident_report_event')
    .values({ tenant_id: ctx.tenantId, report_id: id, status: body.status, note: body.note ?? null, by_user: ctx.principal.userId, at: sql`clock_timestamp()` })
    .returning('id')
    .executeTakeFirstOrThrow();
  await notify(db, ctx, {
    event: 'resident_report.status_changed',
    to: { userId: r.reporter_user_id },
    params: { address: r.address, statusIt: STATUS_LABELS[body.status].it, statusEn: STATUS_LABELS[body.status].en },
    link: '/me/reports',
    entity: { type: 'resident_report', id },
    key: `resident_report.status_changed:${eventId}`,
  });
}
