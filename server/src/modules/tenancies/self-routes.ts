// The tenant's own page: contract, rent and how it was computed, ledger, notices to pay.
import { z } from 'zod';
import { audit } from '../../kernel/audit/audit.js';
import type { TenantContext } from '../../kernel/context.js';
import type { Executor } from '../../kernel/db/tenant.js';
import { notFound } from '../../kernel/http/errors.js';
import { type AnyRoute, defineRoute } from '../../kernel/http/route.js';
import { romeDay } from '../../kernel/time.js';
import { loadLedger, loadTenancy } from './detail.js';
import { presentNotice } from './presenter.js';
import * as repo from './repo.js';
import { tags } from './routes.js';
import { IdParams, MyTenancyOut, NoticeOut } from './schema.js';
import * as service from './service.js';

const own = { permission: 'tenancy:own' } as const;

async function ownIds(db: Executor, ctx: TenantContext, today: string) {
  return (await repo.ownTenancyIds(db, ctx, ctx.principal.userId, today)).map((r) => r.id);
}

export const selfRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/me/tenancies',
    access: own,
    summary: "The signed-in tenant's tenancies: contract, rent with its explanation, ledger and payment notices",
    tags,
    schema: { response: { 200: z.object({ items: z.array(MyTenancyOut) }) } },
    async handler({ db, ctx, deps }) {
      const today = romeDay(deps.clock.now());
      const settings = await repo.paymentSettings(db, ctx);
      const items = [];
      for (const id of await ownIds(db, ctx, today)) {
        items.push({
          tenancy: await loadTenancy(db, ctx, 'all', id, today),
          ledger: await loadLedger(db, ctx, id, today),
          notices: (await repo.notices(db, ctx, id)).map((n) => presentNotice(n, settings?.creditor_fiscal_code ?? '')),
        });
      }
      return { items };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/me/tenancies/:id/notices',
    access: own,
    summary: 'The tenant asks for a payment notice for what they owe today',
    tags,
    status: 201,
    schema: { params: IdParams, response: { 201: NoticeOut } },
    async handler({ db, ctx, params, deps }) {
      const today = romeDay(deps.clock.now());
      if (!(await ownIds(db, ctx, today)).includes(params.id)) {
        throw notFound();
      }
      const t = await repo.findTenancy(db, ctx, 'all', today, params.id);
      if (!t) {
        throw notFound();
      }
      const n = await service.createNotice(db, ctx, { id: t.id, code: t.code, balanceCents: Number(t.balance_cents) }, {}, today, ctx.principal.userId);
      await audit(db, ctx, {
        action: 'notice.created',
        entityType: 'tenancy',
        entityId: t.id,
        details: { noticeNumber: n.notice_number, amountCents: n.amount_cents, byTenant: true },
      });
      return presentNotice(n, n.creditor_fiscal_code);
    },
  }),
];
