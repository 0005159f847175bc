import { z } from 'zod';
import { audit } from '../../kernel/audit/audit.js';
import type { TenantContext } from '../../kernel/context.js';
import { inTenant } from '../../kernel/db/tenant.js';
import { AppError } from '../../kernel/http/errors.js';
import { type AnyRoute, defineRoute } from '../../kernel/http/route.js';
import { importPayments, rejectUnmatched, resolveUnmatched } from './payment-import.js';
import { manageScope } from './policy.js';
import { manageTenancies, tags } from './routes.js';
import { IdParams, ImportListOut, ImportOut, ImportQuery, RejectBody, ResolveBody, UnmatchedOut, UnmatchedQuery } from './schema.js';

/** A payments file spans every program: only unscoped managers import and resolve. */
function requireUnscoped(ctx: TenantContext) {
  if (manageScope(ctx) !== 'all') {
    throw new AppError(403, 'auth.forbidden');
  }
}

export const importRoutes: AnyRoute[] = [
  defineRoute({
    method: 'POST',
    url: '/api/v1/tenancies/payment-imports',
    access: manageTenancies,
    summary:
      'Import a payments file (Content-Type: text/csv; columns date, amount, notice_number and/or fiscal_code, description). ' +
      'Matched rows are posted, unmatched ones wait for an operator; importing the same file again posts nothing twice',
    tags,
    status: 201,
    bodyLimit: 5 * 1024 * 1024,
    schema: {
      querystring: ImportQuery,
      body: z
        .string()
        .max(5 * 1024 * 1024)
        .describe('The CSV file'),
      response: { 201: ImportOut },
    },
    async handler({ db, ctx, query, body }) {
      requireUnscoped(ctx);
      const out = await importPayments(db, ctx, body, query.fileName ?? null, ctx.principal.userId);
      await audit(db, ctx, {
        action: 'payments.imported',
        entityType: 'payment_import',
        entityId: out.importId,
        details: { ...out, fileName: query.fileName },
      });
      return out;
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/tenancies/payment-imports',
    access: manageTenancies,
    summary: 'The latest payments files imported',
    tags,
    schema: { response: { 200: ImportListOut } },
    async handler({ db, ctx }) {
      const rows = await db
        .selectFrom('payment_import as i')
        .leftJoin('app_user as a', (j) => j.onRef('a.tenant_id', '=', 'i.tenant_id').onRef('a.id', '=', 'i.created_by'))
        .selectAll('i')
        .select('a.full_name')
        .where(inTenant(ctx, 'i'))
        .orderBy('i.created_at', 'desc')
        .limit(20)
        .execute();
      return {
        items: rows.map((r) => ({
          id: r.id,
          fileName: r.file_name,
          rows: r.rows_total,
          posted: r.posted,
          unmatched: r.unmatched,
          duplicates: r.duplicates,
          createdAt: r.created_at.toISOString(),
          createdByName: r.full_name,
        })),
      };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/tenancies/unmatched-payments',
    access: manageTenancies,
    summary: 'Payments of imported files that matched no tenancy (the queue), or the resolved/rejected ones',
    tags,
    schema: { querystring: UnmatchedQuery, response: { 200: z.object({ items: z.array(UnmatchedOut) }) } },
    async handler({ db, ctx, query }) {
      const rows = await db
        .selectFrom('unmatched_payment as u')
        .innerJoin('payment_import as i', (j) => j.onRef('i.tenant_id', '=', 'u.tenant_id').onRef('i.id', '=', 'u.import_id'))
        .leftJoin('tenancy as t', (j) => j.onRef('t.tenant_id', '=', 'u.tenant_id').onRef('t.id', '=', 'u.tenancy_id'))
        .selectAll('u')
        .select(['i.file_name', 't.code as tenancy_code'])
        .where(inTenant(ctx, 'u'))
        .where('u.status', '=', query.status)
        .orderBy('u.paid_on')
        .orderBy('u.line')
        .limit(500)
        .execute();
      return {
        items: rows.map((r) => ({
          id: r.id,
          line: r.line,
          paidOn: r.paid_on,
          amountCents: Number(r.amount_cents),
          noticeNumber: r.notice_number,
          payerFiscalCode: r.payer_fiscal_code,
          description: r.description,
          status: r.status as 'open' | 'resolved' | 'rejected',
          tenancyId: r.tenancy_id,
          tenancyCode: r.tenancy_code,
          resolutionNote: r.resolution_note,
          fileName: r.file_name,
        })),
      };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/tenancies/unmatched-payments/:id/resolve',
    access: manageTenancies,
    summary: 'Post a waiting payment to a tenancy (once; 409 if it was already resolved or rejected)',
    tags,
    status: 204,
    schema: { params: IdParams, body: ResolveBody, response: { 204: z.undefined() } },
    async handler({ db, ctx, params, body, deps }) {
      requireUnscoped(ctx);
      await resolveUnmatched(db, ctx, params.id, body.tenancyId, body.note, ctx.principal.userId, deps.clock.now());
      await audit(db, ctx, {
        action: 'payments.unmatched_resolved',
        entityType: 'tenancy',
        entityId: body.tenancyId,
        details: { unmatchedId: params.id, note: body.note },
      });
      return undefined;
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/tenancies/unmatched-payments/:id/reject',
    access: manageTenancies,
    summary: 'Set a waiting payment aside (e.g. not a rent payment, refunded), with a note',
    tags,
    status: 204,
    schema: { params: IdParams, body: RejectBody, response: { 204: z.undefined() } },
    async handler({ db, ctx, params, body, deps }) {
      requireUnscoped(ctx);
      await rejectUnmatched(db, ctx, params.id, body.note, ctx.principal.userId, deps.clock.now());
      await audit(db, ctx, { action: 'payments.unmatched_rejected', entityType: 'unmatched_payment', entityId: params.id, details: body });
      return undefined;
    },
  }),
];
