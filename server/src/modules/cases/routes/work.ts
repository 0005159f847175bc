// Work paths (training, placements, borse lavoro) and the centres that run them.
import { sql } from 'kysely';
import { z } from 'zod';
import { audit } from '../../../kernel/audit/audit.js';
import type { TenantContext } from '../../../kernel/context.js';
import type { Executor } from '../../../kernel/db/tenant.js';
import { AppError, notFound } from '../../../kernel/http/errors.js';
import { type AnyRoute, defineRoute } from '../../../kernel/http/route.js';
import { romeDay } from '../../../kernel/time.js';
import { presentWorkPath } from '../presenter.js';
import * as repo from '../repo.js';
import { AttendanceBody, CentreBody, CentreOut, IdParams, WorkPathBody, WorkPathListQuery, WorkPathOut, WorkPathUpdateBody } from '../schema.js';
import * as service from '../service.js';
import { readCases, tags, writeCases } from './cases.js';

async function loadPaths(db: Executor, ctx: TenantContext, day: string, f: { id?: string; caseId?: string | undefined; status?: string | undefined }) {
  let q = repo.workPathQuery(db, ctx, day);
  if (f.id) {
    q = q.where('w.id', '=', f.id);
  }
  if (f.caseId) {
    q = q.where('w.case_id', '=', f.caseId);
  }
  if (f.status) {
    q = q.where('w.status', '=', f.status);
  }
  const rows = await q.orderBy('w.started_on', 'desc').orderBy('w.id').limit(500).execute();
  const att = await repo.attendance(
    db,
    ctx,
    rows.map((r) => r.id),
  );
  return rows.map((r) => presentWorkPath(r, att));
}

async function onePath(db: Executor, ctx: TenantContext, day: string, id: string) {
  const [path] = await loadPaths(db, ctx, day, { id });
  if (!path) {
    throw notFound();
  }
  return path;
}

/** The path for a write: visible, and its case writable by the caller. */
async function writablePath(db: Executor, ctx: TenantContext, day: string, id: string) {
  const path = await onePath(db, ctx, day, id);
  await service.writableCase(db, ctx, day, path.caseId);
  return path;
}

export const workRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/work/centres',
    access: readCases,
    summary: 'Centres that run work paths: centri polifunzionali, training providers, job services, employers, with their services',
    tags,
    schema: { response: { 200: z.object({ items: z.array(CentreOut) }) } },
    async handler({ db, ctx }) {
      const rows = await repo.centres(db, ctx);
      return {
        items: rows.map((r) => ({
          id: r.id,
          name: r.name,
          kind: r.kind as 'other',
          organisationId: r.organisation_id,
          address: r.address,
          services: r.services,
        })),
      };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/work/centres',
    access: writeCases,
    summary: 'Register a centre and its services',
    tags,
    status: 201,
    schema: { body: CentreBody, response: { 201: z.object({ id: z.uuid() }) } },
    async handler({ db, ctx, body }) {
      if (body.organisationId && !(await repo.organisationExists(db, ctx, body.organisationId))) {
        throw new AppError(400, 'cases.organisation_unknown', [{ field: 'organisationId', in: 'body', code: 'cases.organisation_unknown' }]);
      }
      const { id } = await db
        .insertInto('work_centre')
        .values({
          tenant_id: ctx.tenantId,
          name: body.name,
          kind: body.kind,
          organisation_id: body.organisationId,
          address: body.address,
          services: sql<string[]>`${body.services}::text[]`,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(db, ctx, { action: 'work.centre_created', entityType: 'work_centre', entityId: id, details: { name: body.name } });
      return { id };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/work-paths',
    access: readCases,
    summary: 'Work paths of the cases the caller sees, with monthly attendance and the borsa lavoro payments due',
    tags,
    schema: { querystring: WorkPathListQuery, response: { 200: z.object({ items: z.array(WorkPathOut) }) } },
    async handler({ db, ctx, query, deps }) {
      return { items: await loadPaths(db, ctx, romeDay(deps.clock.now()), query) };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/cases/:id/work-paths',
    access: writeCases,
    summary: 'Start a work path for the person of the case: training course, placement (tirocinio) or borsa lavoro',
    tags,
    status: 201,
    schema: { params: IdParams, body: WorkPathBody, response: { 201: WorkPathOut } },
    async handler({ db, ctx, params, body, deps }) {
      const day = romeDay(deps.clock.now());
      await service.writableCase(db, ctx, day, params.id);
      const centre = await db.selectFrom('work_centre').select('id').where('tenant_id', '=', ctx.tenantId).where('id', '=', body.centreId).executeTakeFirst();
      if (!centre) {
        throw new AppError(400, 'cases.centre_unknown', [{ field: 'centreId', in: 'body', code: 'cases.centre_unknown' }]);
      }
      const { id } = await db
        .insertInto('work_path')
        .values({
          tenant_id: ctx.tenantId,
          case_id: params.id,
          kind: body.kind,
          centre_id: body.centreId,
          title: body.title,
          hours_per_month: body.hoursPerMonth,
          monthly_grant_cents: body.monthlyGrantCents,
          started_on: body.startedOn,
          ends_on: body.endsOn,
          status: body.startedOn > day ? 'planned' : 'active',
          created_by: ctx.principal.userId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(db, ctx, { action: 'work.path_started', entityType: 'case', entityId: params.id, details: { pathId: id, kind: body.kind } });
      return onePath(db, ctx, day, id);
    },
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/v1/work-paths/:id',
    access: writeCases,
    summary: 'Change the status of a work path and record its outcome (e.g. employment contract signed)',
    tags,
    schema: { params: IdParams, body: WorkPathUpdateBody, response: { 200: WorkPathOut } },
    async handler({ db, ctx, params, body, deps }) {
      const day = romeDay(deps.clock.now());
      const path = await writablePath(db, ctx, day, params.id);
      await db
        .updateTable('work_path')
        .set({ status: body.status, outcome: body.outcome, outcome_note: body.outcomeNote })
        .where('tenant_id', '=', ctx.tenantId)
        .where('id', '=', params.id)
        .execute();
      await audit(db, ctx, { action: 'work.path_updated', entityType: 'case', entityId: path.caseId, details: { pathId: params.id, ...body } });
      return onePath(db, ctx, day, params.id);
    },
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/v1/work-paths/:id/attendance',
    access: writeCases,
    summary: 'Record the hours attended in a month (replaces that month’s figure); the borsa lavoro payment due follows',
    tags,
    schema: { params: IdParams, body: AttendanceBody, response: { 200: WorkPathOut } },
    async handler({ db, ctx, params, body, deps }) {
      const day = romeDay(deps.clock.now());
      const path = await writablePath(db, ctx, day, params.id);
      const month = `${body.month}-01`;
      if (month < `${path.startedOn.slice(0, 7)}-01` || month > path.endsOn) {
        throw new AppError(400, 'request.invalid', [{ field: 'month', in: 'body', code: 'cases.period_order' }]);
      }
      const values = { hours_attended: body.hoursAttended, recorded_by: ctx.principal.userId, recorded_at: sql<Date>`now()` };
      await db
        .insertInto('work_attendance')
        .values({ tenant_id: ctx.tenantId, path_id: params.id, month, ...values })
        .onConflict((oc) => oc.columns(['tenant_id', 'path_id', 'month']).doUpdateSet(values))
        .execute();
      await audit(db, ctx, { action: 'work.attendance_recorded', entityType: 'case', entityId: path.caseId, details: { pathId: params.id, ...body } });
      return onePath(db, ctx, day, params.id);
    },
  }),
];
