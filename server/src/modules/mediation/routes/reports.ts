// Residents' reports: the tenant files and follows them; mediators and the Ufficio Casa handle them.
import { z } from 'zod';
import { audit } from '../../../kernel/audit/audit.js';
import { inTenant } from '../../../kernel/db/tenant.js';
import { notFound } from '../../../kernel/http/errors.js';
import { type AnyRoute, defineRoute } from '../../../kernel/http/route.js';
import { romeDay } from '../../../kernel/time.js';
import { ownBuildings } from '../policy.js';
import { presentReport } from '../presenter.js';
import * as reports from '../reports.js';
import { IdParams, PhotoParams, ReportCreateBody, ReportListQuery, ReportOut, ReportStatusBody } from '../schema.js';
import { tags } from './cases.js';

const submit = { permission: 'report:submit' } as const;
const handle = { permission: ['mediation:manage', 'tenancy:manage'] } as const;

export const reportRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/me/reports',
    access: submit,
    summary: 'The reports the signed-in tenant filed, with status history',
    tags,
    schema: { response: { 200: z.object({ items: z.array(ReportOut) }) } },
    async handler({ db, ctx }) {
      return { items: (await reports.myReports(db, ctx)).map(presentReport) };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/me/reports/buildings',
    access: submit,
    summary: 'The buildings the tenant lives in today (where they may report a problem)',
    tags,
    schema: { response: { 200: z.object({ items: z.array(z.object({ id: z.uuid(), address: z.string() })) }) } },
    async handler({ db, ctx, deps }) {
      return { items: (await ownBuildings(db, ctx, romeDay(deps.clock.now()))).map((b) => ({ id: b.id, address: b.address })) };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/me/reports',
    access: submit,
    summary: 'A tenant reports a problem in their building (optional photo: JPEG, PNG or WebP, ≤ 2 MiB); routed to the managing body',
    tags,
    status: 201,
    bodyLimit: 3 * 1024 * 1024,
    schema: { body: ReportCreateBody, response: { 201: ReportOut } },
    async handler({ db, ctx, body, deps }) {
      const { id, route } = await reports.fileReport(db, ctx, body, romeDay(deps.clock.now()));
      await audit(db, ctx, {
        action: 'mediation.report_filed',
        entityType: 'resident_report',
        entityId: id,
        details: { category: body.category, routedTo: route.routedTo, urgent: route.urgent },
      });
      return presentReport(await reports.oneReport(db, ctx, id));
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/mediation/reports',
    access: handle,
    summary: "Reports to handle: a mediator's estates, every report for the Ufficio Casa (urgent first)",
    tags,
    schema: { querystring: ReportListQuery, response: { 200: z.object({ items: z.array(ReportOut) }) } },
    async handler({ db, ctx, query }) {
      return { items: (await reports.listReports(db, ctx, query)).map(presentReport) };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/mediation/reports/:id',
    access: { permission: ['mediation:manage', 'tenancy:manage', 'report:submit'] },
    summary: 'One report (its reporter or who handles it)',
    tags,
    schema: { params: IdParams, response: { 200: ReportOut } },
    async handler({ db, ctx, params }) {
      return presentReport(await reports.oneReport(db, ctx, params.id));
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/mediation/reports/:id/status',
    access: handle,
    summary: 'Move a report on (in progress, resolved, rejected, reopened) with a note; the reporter is notified',
    tags,
    schema: { params: IdParams, body: ReportStatusBody, response: { 200: ReportOut } },
    async handler({ db, ctx, params, body }) {
      await reports.changeStatus(db, ctx, params.id, body);
      await audit(db, ctx, { action: 'mediation.report_status', entityType: 'resident_report', entityId: params.id, details: { status: body.status } });
      return presentReport(await reports.oneReport(db, ctx, params.id));
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/mediation/reports/:id/photos/:photoId',
    access: { permission: ['mediation:manage', 'tenancy:manage', 'report:submit'] },
    summary: 'A photo of a report (the stored bytes with their type)',
    tags,
    schema: { params: PhotoParams, response: { 200: z.any() } },
    async handler({ db, ctx, params, reply }) {
      await reports.visibleReport(db, ctx, params.id);
      const p = await db
        .selectFrom('resident_report_photo')
        .select(['content_type', 'data'])
        .where(inTenant(ctx))
        .where('report_id', '=', params.id)
        .where('id', '=', params.photoId)
        .executeTakeFirst();
      if (!p) {
        throw notFound();
      }
      reply.type(p.content_type).header('cache-control', 'private, max-age=3600').header('x-content-type-options', 'nosniff');
      return Buffer.from(p.data);
    },
  }),
];
