import { z } from 'zod';
import { audit } from '../../kernel/audit/audit.js';
import { inTenant } from '../../kernel/db/tenant.js';
import { AppError } from '../../kernel/http/errors.js';
import { type AnyRoute, defineRoute } from '../../kernel/http/route.js';
import { romeDay } from '../../kernel/time.js';
import { decidableCall, reachableApplication } from './policy.js';
import { nameOf, overview, titleOf } from './presenter.js';
import * as repo from './repo.js';
import {
  AdjustBody,
  Answers,
  CallListOut,
  CallParams,
  ComputeOut,
  ConfirmBody,
  ExplainOut,
  IdParams,
  MineOut,
  OverviewOut,
  QuestionnaireOut,
  RefuseBody,
  ScoringConfig,
  WhatIfOut,
} from './schema.js';
import { computeDraft, explain, loadWorld, whatIf, withoutPair, withPair } from './service.js';
import { acceptOffer, confirmPlan, refuseOffer } from './workflow.js';

const tags = ['allocation'];
const decide = { permission: 'allocation:decide' } as const;
const eitherSide = { permission: ['allocation:decide', 'application:submit'] } as const;

async function existingPlan(db: Parameters<typeof repo.findPlan>[0], ctx: { tenantId: string }, callId: string) {
  const plan = await repo.findPlan(db, ctx, { callId });
  if (!plan) {
    throw new AppError(409, 'allocation.no_plan');
  }
  return plan;
}

export const allocationRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/allocation/calls',
    access: decide,
    summary: 'Calls whose admitted applicants are paired for cohabitation (youth collaborative housing)',
    tags,
    schema: { response: { 200: CallListOut } },
    async handler({ db, ctx }) {
      const rows = await db
        .selectFrom('call')
        .select(['id', 'title_it', 'title_en', 'status', 'program'])
        .where(inTenant(ctx))
        .where('program', '=', 'youth_collab')
        .orderBy('opens_at', 'desc')
        .execute();
      // Calls with questionnaires first: those are the ones being paired.
      const filled = await db
        .selectFrom('allocation_questionnaire')
        .select(['call_id', db.fn.countAll<number>().as('n')])
        .where(inTenant(ctx))
        .groupBy('call_id')
        .execute();
      const count = new Map(filled.map((f) => [f.call_id, Number(f.n)]));
      return {
        items: rows
          .filter((r) => ctx.can('allocation:decide', r.program as never))
          .sort((a, b) => (count.get(b.id) ?? 0) - (count.get(a.id) ?? 0))
          .map((r) => ({ id: r.id, title: ctx.lang === 'en' ? r.title_en : r.title_it, status: r.status })),
      };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/allocation/calls/:callId',
    access: decide,
    summary: 'Allocation of a call: questionnaires, scoring settings, the plan with its pairs, flats and offers',
    tags,
    schema: { params: CallParams, response: { 200: OverviewOut } },
    async handler({ db, ctx, params, deps }) {
      const call = await decidableCall(db, ctx, params.callId);
      return overview(db, ctx, call, romeDay(deps.clock.now()), ctx.lang);
    },
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/v1/allocation/calls/:callId/settings',
    access: decide,
    summary: 'Hard constraints and weights of the compatibility score for a call',
    tags,
    schema: { params: CallParams, body: ScoringConfig, response: { 200: ScoringConfig } },
    async handler({ db, ctx, params, body }) {
      const call = await decidableCall(db, ctx, params.callId);
      await db
        .insertInto('allocation_settings')
        .values({ tenant_id: ctx.tenantId, call_id: call.id, config: JSON.stringify(body) as never, updated_by: ctx.principal.userId })
        .onConflict((oc) =>
          oc.columns(['tenant_id', 'call_id']).doUpdateSet({ config: JSON.stringify(body) as never, updated_by: ctx.principal.userId, updated_at: new Date() }),
        )
        .execute();
      await audit(db, ctx, { action: 'allocation.settings_changed', entityType: 'call', entityId: call.id, details: body });
      return body;
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/allocation/calls/:callId/plan',
    access: decide,
    summary: 'Compute (or recompute) the draft plan: optimal pairs, then optimal flats for the pairs',
    tags,
    schema: { params: CallParams, response: { 200: ComputeOut } },
    async handler({ db, ctx, params, deps }) {
      const call = await decidableCall(db, ctx, params.callId);
      const today = romeDay(deps.clock.now());
      const r = await computeDraft(db, ctx, call, today, ctx.principal.userId, (p) => p);
      await audit(db, ctx, { action: 'allocation.plan_computed', entityType: 'allocation_plan', entityId: r.planId, details: { total: r.after } });
      return { delta: r.before === null ? null : r.after - r.before, overview: await overview(db, ctx, call, today, ctx.lang) };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/allocation/calls/:callId/plan/adjust',
    access: decide,
    summary: 'Lock, forbid or release a pair in the draft plan; answers the new optimum and the change of total score',
    tags,
    schema: { params: CallParams, body: AdjustBody, response: { 200: ComputeOut } },
    async handler({ db, ctx, params, body, deps }) {
      const call = await decidableCall(db, ctx, params.callId);
      const today = romeDay(deps.clock.now());
      const r = await computeDraft(db, ctx, call, today, ctx.principal.userId, (p) => {
        if (body.lock) {
          return { locked: withPair(p.locked, body.lock), forbidden: withoutPair(p.forbidden, body.lock) };
        }
        if (body.forbid) {
          return { locked: withoutPair(p.locked, body.forbid), forbidden: withPair(p.forbidden, body.forbid) };
        }
        const u = body.unlock as [string, string];
        return { locked: withoutPair(p.locked, u), forbidden: withoutPair(p.forbidden, u) };
      });
      await audit(db, ctx, { action: 'allocation.plan_adjusted', entityType: 'allocation_plan', entityId: r.planId, details: { ...body, total: r.after } });
      return { delta: r.after - (r.before ?? 0), overview: await overview(db, ctx, call, today, ctx.lang) };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/allocation/calls/:callId/plan/what-if',
    access: decide,
    summary: 'What if a pair were locked or forbidden: the new optimum and its change, nothing saved',
    tags,
    schema: { params: CallParams, body: AdjustBody, response: { 200: WhatIfOut } },
    async handler({ db, ctx, params, body, deps }) {
      const call = await decidableCall(db, ctx, params.callId);
      const plan = await existingPlan(db, ctx, call.id);
      return whatIf(await loadWorld(db, ctx, call), romeDay(deps.clock.now()), plan, body);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/allocation/calls/:callId/plan/explanation',
    access: decide,
    summary: 'For each person: the partner, and the best alternative partner with what it would cost the whole plan',
    tags,
    schema: { params: CallParams, response: { 200: ExplainOut } },
    async handler({ db, ctx, params, deps }) {
      const call = await decidableCall(db, ctx, params.callId);
      const plan = await existingPlan(db, ctx, call.id);
      const w = await loadWorld(db, ctx, call);
      const names = new Map(w.people.map((p) => [p.applicationId, nameOf(p)]));
      return {
        items: explain(w, romeDay(deps.clock.now()), plan).map((e) => ({
          ...e,
          name: names.get(e.applicationId) ?? '',
          alternative: e.alternative ? { ...e.alternative, name: names.get(e.alternative.applicationId) ?? '' } : null,
        })),
      };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/allocation/calls/:callId/plan/confirm',
    access: decide,
    summary: 'Confirm the plan: every placed pair gets an offer of its flat (one per person, with a deadline, notified)',
    tags,
    schema: { params: CallParams, body: ConfirmBody, response: { 200: z.object({ offers: z.number().int(), overview: OverviewOut }) } },
    async handler({ db, ctx, params, body, deps }) {
      const call = await decidableCall(db, ctx, params.callId);
      const plan = await existingPlan(db, ctx, call.id);
      const offers = await confirmPlan(db, ctx, plan.id, deps.clock.now(), body.responseDays);
      return { offers, overview: await overview(db, ctx, call, romeDay(deps.clock.now()), ctx.lang) };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/allocation/applications/:id/questionnaire',
    access: eitherSide,
    summary: 'The compatibility questionnaire of an application (the applicant or the operator of the call)',
    tags,
    schema: { params: IdParams, response: { 200: QuestionnaireOut } },
    async handler({ db, ctx, params }) {
      const { who, call } = await reachableApplication(db, ctx, params.id);
      const plan = await repo.findPlan(db, ctx, { callId: call.id });
      return {
        applicationId: who.applicationId,
        callTitle: titleOf(call, ctx.lang),
        name: nameOf(who),
        answers: who.answers,
        filledAs: who.filledAs,
        editable: call.program === 'youth_collab' && plan?.status !== 'confirmed',
      };
    },
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/v1/allocation/applications/:id/questionnaire',
    access: eitherSide,
    summary: 'Fill in or change the compatibility questionnaire (until the plan is confirmed)',
    tags,
    schema: { params: IdParams, body: Answers, response: { 204: z.undefined() } },
    status: 204,
    async handler({ db, ctx, params, body }) {
      const { who, call, as } = await reachableApplication(db, ctx, params.id);
      const plan = await repo.findPlan(db, ctx, { callId: call.id });
      if (call.program !== 'youth_collab' || plan?.status === 'confirmed' || !['submitted', 'admitted'].includes(who.status)) {
        throw new AppError(409, 'allocation.questionnaire_closed');
      }
      const values = { answers: JSON.stringify(body) as never, filled_by: ctx.principal.userId, filled_as: as, updated_at: new Date() };
      await db
        .insertInto('allocation_questionnaire')
        .values({ tenant_id: ctx.tenantId, application_id: who.applicationId, call_id: call.id, ...values })
        .onConflict((oc) => oc.columns(['tenant_id', 'application_id']).doUpdateSet(values))
        .execute();
      await audit(db, ctx, { action: 'allocation.questionnaire_saved', entityType: 'application', entityId: who.applicationId, details: { as } });
      return undefined;
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/allocation/me',
    access: { permission: 'application:submit' },
    summary: "The applicant's questionnaires to fill and the flats offered to them",
    tags,
    schema: { response: { 200: MineOut } },
    async handler({ db, ctx }) {
      const apps = await repo.applicationsOfUser(db, ctx, ctx.principal.userId);
      const calls = new Map<string, repo.CallRow>();
      for (const a of apps) {
        const c = await repo.findCall(db, ctx, a.callId);
        if (c) {
          calls.set(c.id, c);
        }
      }
      const youth = apps.filter((a) => calls.get(a.callId)?.program === 'youth_collab');
      const offers = youth.length
        ? await db
            .selectFrom('allocation_offer')
            .selectAll()
            .where(inTenant(ctx))
            .where(
              'application_id',
              'in',
              youth.map((a) => a.applicationId),
            )
            .orderBy('created_at', 'desc')
            .execute()
        : [];
      const units = await repo.unitsById(db, ctx, [...new Set(offers.map((o) => o.unit_id))]);
      const out = [];
      for (const o of offers) {
        const u = units.get(o.unit_id) as repo.FlatRow;
        const pair = await db.selectFrom('allocation_pair').selectAll().where(inTenant(ctx)).where('id', '=', o.pair_id).executeTakeFirst();
        const otherId = pair ? (pair.application_a === o.application_id ? pair.application_b : pair.application_a) : null;
        const other = otherId ? await repo.findApplicant(db, ctx, otherId) : null;
        const app = youth.find((a) => a.applicationId === o.application_id);
        const call = app ? calls.get(app.callId) : undefined;
        out.push({
          id: o.id,
          applicationId: o.application_id,
          status: o.status as 'offered' | 'accepted' | 'refused',
          deadline: o.deadline.toISOString(),
          refusalReason: o.refusal_reason,
          respondedAt: o.responded_at ? o.responded_at.toISOString() : null,
          unit: { id: u.id, code: u.code, address: u.address, neighbourhood: u.neighbourhood, bedrooms: u.bedrooms, surfaceM2: u.surfaceM2 },
          callTitle: call ? titleOf(call, ctx.lang) : '',
          cohabitant: other ? other.givenName : null,
        });
      }
      return {
        applications: youth.map((a) => ({
          applicationId: a.applicationId,
          callTitle: titleOf(calls.get(a.callId) as repo.CallRow, ctx.lang),
          status: a.status,
          filled: a.answers !== null,
        })),
        offers: out,
      };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/allocation/offers/:id/accept',
    access: eitherSide,
    summary: 'Accept an offer (the person, or the operator recording their answer): the flat turns occupied at once; 409 if another pair took it',
    tags,
    status: 204,
    schema: { params: IdParams, response: { 204: z.undefined() } },
    async handler({ db, ctx, params, deps }) {
      await acceptOffer(db, ctx, params.id, deps.clock.now(), romeDay(deps.clock.now()));
      return undefined;
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/allocation/offers/:id/refuse',
    access: eitherSide,
    summary: 'Refuse an offer with a reason: the pair breaks and the next best partner is proposed for the flat',
    tags,
    schema: { params: IdParams, body: RefuseBody, response: { 200: z.object({ replacementPairId: z.uuid().nullable() }) } },
    async handler({ db, ctx, params, body, deps }) {
      const r = await refuseOffer(db, ctx, params.id, body, deps.clock.now(), romeDay(deps.clock.now()));
      return { replacementPairId: r.replacement };
    },
  }),
];
