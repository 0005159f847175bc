import { z } from 'zod';
import { audit } from '../../kernel/audit/audit.js';
import { AppError, notFound } from '../../kernel/http/errors.js';
import { type AnyRoute, defineRoute } from '../../kernel/http/route.js';
import { romeDay } from '../../kernel/time.js';
import { arrearsOf } from './arrears.js';
import { loadLedger } from './detail.js';
import { manageScope, readScope } from './policy.js';
import { presentArrears, presentChargeRun, presentNotice } from './presenter.js';
import * as repo from './repo.js';
import { manageTenancies, readTenancies, tags } from './routes.js';
import {
  ARREARS_LEVELS,
  ArrearsItemOut,
  ArrearsQuery,
  ChargeRunBody,
  ChargeRunOut,
  IdParams,
  LedgerEntryBody,
  LedgerOut,
  LedgerQuery,
  NoticeBody,
  NoticeOut,
} from './schema.js';
import * as service from './service.js';

async function requireTenancy(
  db: Parameters<typeof repo.findTenancy>[0],
  ctx: Parameters<typeof readScope>[0],
  scope: ReturnType<typeof readScope>,
  id: string,
  today: string,
) {
  const row = await repo.findTenancy(db, ctx, scope, today, id);
  if (!row) {
    throw notFound();
  }
  return row;
}

export const ledgerRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/tenancies/:id/ledger',
    access: readTenancies,
    summary: 'The rent ledger of a tenancy with a running balance and the balance on a day',
    tags,
    schema: { params: IdParams, querystring: LedgerQuery, response: { 200: LedgerOut } },
    async handler({ db, ctx, params, query, deps }) {
      const today = romeDay(deps.clock.now());
      await requireTenancy(db, ctx, readScope(ctx), params.id, today);
      return loadLedger(db, ctx, params.id, query.at ?? today);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/tenancies/:id/ledger',
    access: manageTenancies,
    summary: 'Append a row (payment, adjustment, write-off, extra charge); rows are never changed, corrections are new rows',
    tags,
    status: 201,
    schema: { params: IdParams, body: LedgerEntryBody, response: { 201: LedgerOut } },
    async handler({ db, ctx, params, body, deps }) {
      const entryId = await service.postEntry(db, ctx, manageScope(ctx), params.id, body, ctx.principal.userId);
      await audit(db, ctx, { action: `ledger.${body.kind}`, entityType: 'tenancy', entityId: params.id, details: { entryId, ...body } });
      return loadLedger(db, ctx, params.id, romeDay(deps.clock.now()));
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/tenancies/:id/notices',
    access: readTenancies,
    summary: 'Payment notices (pagoPA-style) of a tenancy',
    tags,
    schema: { params: IdParams, response: { 200: z.object({ items: z.array(NoticeOut) }) } },
    async handler({ db, ctx, params, deps }) {
      await requireTenancy(db, ctx, readScope(ctx), params.id, romeDay(deps.clock.now()));
      const settings = await repo.paymentSettings(db, ctx);
      return { items: (await repo.notices(db, ctx, params.id)).map((n) => presentNotice(n, settings?.creditor_fiscal_code ?? '')) };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/tenancies/:id/notices',
    access: manageTenancies,
    summary: 'Issue a payment notice (Numero Avviso with IUV check digits); amount defaults to the balance owed today',
    tags,
    status: 201,
    schema: { params: IdParams, body: NoticeBody, response: { 201: NoticeOut } },
    async handler({ db, ctx, params, body, deps }) {
      const today = romeDay(deps.clock.now());
      const t = await requireTenancy(db, ctx, manageScope(ctx), params.id, today);
      const n = await service.createNotice(db, ctx, { id: t.id, code: t.code, balanceCents: Number(t.balance_cents) }, body, today, ctx.principal.userId);
      await audit(db, ctx, {
        action: 'notice.created',
        entityType: 'tenancy',
        entityId: t.id,
        details: { noticeNumber: n.notice_number, amountCents: n.amount_cents },
      });
      return presentNotice(n, n.creditor_fiscal_code);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/tenancies/charge-runs',
    access: manageTenancies,
    summary: 'Charge a month’s rent and service charges to every tenancy covering it; idempotent (a second run creates nothing)',
    tags,
    status: 201,
    schema: { body: ChargeRunBody, response: { 201: ChargeRunOut } },
    async handler({ db, ctx, body, deps }) {
      if (manageScope(ctx) !== 'all') {
        throw new AppError(403, 'auth.forbidden');
      }
      const month = `${body.month}-01`;
      const runId = await service.runMonthlyCharges(db, ctx, month, ctx.principal.userId, deps.clock.now());
      const run = (await repo.chargeRuns(db, ctx, 50)).find((r) => r.id === runId);
      if (!run) {
        throw notFound();
      }
      await audit(db, ctx, {
        action: 'ledger.charge_run',
        entityType: 'charge_run',
        entityId: runId,
        details: { month: body.month, created: run.charges_created },
      });
      return presentChargeRun(run);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/tenancies/charge-runs',
    access: readTenancies,
    summary: 'The latest monthly charge runs with their progress',
    tags,
    schema: { response: { 200: z.object({ items: z.array(ChargeRunOut) }) } },
    async handler({ db, ctx }) {
      return { items: (await repo.chargeRuns(db, ctx)).map(presentChargeRun) };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/tenancies/arrears',
    access: readTenancies,
    summary: "Early-warning list: active tenancies in the caller's programs at or above a risk level, highest score first",
    tags,
    schema: { querystring: ArrearsQuery, response: { 200: z.object({ items: z.array(ArrearsItemOut) }) } },
    async handler({ db, ctx, query, deps }) {
      const today = romeDay(deps.clock.now());
      const min = ARREARS_LEVELS.indexOf(query.minLevel);
      const facts = await arrearsOf(db, ctx, readScope(ctx), today, { program: query.program, activeOnly: true });
      const items = facts
        .filter((f) => ARREARS_LEVELS.indexOf(f.arrears.level) >= min)
        .sort((a, b) => b.arrears.score - a.arrears.score || b.balanceCents - a.balanceCents || a.code.localeCompare(b.code))
        .slice(0, query.limit)
        .map((f) => ({
          tenancyId: f.id,
          code: f.code,
          program: f.program,
          tenantName: f.tenantName,
          unitCode: f.unitCode,
          estateName: f.estateName,
          balanceCents: f.balanceCents,
          monthlyDueCents: f.monthlyDueCents,
          lastPaymentDate: f.lastPaymentDate,
          arrears: presentArrears(f.arrears, ctx.lang),
        }));
      return { items };
    },
  }),
];
