import { z } from 'zod';
import { audit } from '../../kernel/audit/audit.js';
import { notFound } from '../../kernel/http/errors.js';
import { type AnyRoute, defineRoute } from '../../kernel/http/route.js';
import { romeDay } from '../../kernel/time.js';
import { cancelPlan, createPlan, plansOf } from './plans.js';
import { manageScope, readScope } from './policy.js';
import * as repo from './repo.js';
import { manageTenancies, readTenancies, tags } from './routes.js';
import { IdParams, PlanBody, PlanOut, PlanParams } from './schema.js';

export const planRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/tenancies/:id/plans',
    access: readTenancies,
    summary: 'Payment plans of a tenancy, each instalment paid, due or missed today; broken after 2 missed',
    tags,
    schema: { params: IdParams, response: { 200: z.object({ items: z.array(PlanOut) }) } },
    async handler({ db, ctx, params, deps }) {
      const today = romeDay(deps.clock.now());
      if (!(await repo.findTenancy(db, ctx, readScope(ctx), today, params.id))) {
        throw notFound();
      }
      return { items: (await plansOf(db, ctx, [params.id], today)).get(params.id) ?? [] };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/tenancies/:id/plans',
    access: manageTenancies,
    summary: 'Agree a payment plan (rateizzazione): the debt (default: the balance today) in monthly instalments',
    tags,
    status: 201,
    schema: { params: IdParams, body: PlanBody, response: { 201: PlanOut } },
    async handler({ db, ctx, params, body, deps }) {
      const today = romeDay(deps.clock.now());
      const t = await repo.findTenancy(db, ctx, manageScope(ctx), today, params.id);
      if (!t) {
        throw notFound();
      }
      const planId = await createPlan(db, ctx, { id: t.id, balanceCents: Number(t.balance_cents) }, body, today, ctx.principal.userId);
      await audit(db, ctx, { action: 'tenancy.plan_created', entityType: 'tenancy', entityId: t.id, details: { planId, ...body } });
      const plan = ((await plansOf(db, ctx, [t.id], today)).get(t.id) ?? []).find((p) => p.id === planId);
      if (!plan) {
        throw notFound();
      }
      return plan;
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/tenancies/:id/plans/:planId/cancel',
    access: manageTenancies,
    summary: 'Cancel a payment plan (e.g. replaced by a new one); its history stays',
    tags,
    status: 204,
    schema: { params: PlanParams, response: { 204: z.undefined() } },
    async handler({ db, ctx, params, deps }) {
      const today = romeDay(deps.clock.now());
      if (!(await repo.findTenancy(db, ctx, manageScope(ctx), today, params.id))) {
        throw notFound();
      }
      await cancelPlan(db, ctx, params.id, params.planId, deps.clock.now());
      await audit(db, ctx, { action: 'tenancy.plan_cancelled', entityType: 'tenancy', entityId: params.id, details: { planId: params.planId } });
      return undefined;
    },
  }),
];
