import { z } from 'zod';
import { audit } from '../../../kernel/audit/audit.js';
import type { Permission } from '../../../kernel/auth/permissions.js';
import type { TenantContext } from '../../../kernel/context.js';
import type { Executor } from '../../../kernel/db/tenant.js';
import { AppError, notFound } from '../../../kernel/http/errors.js';
import { decodeCursor, pageOf, toPage } from '../../../kernel/http/pagination.js';
import { type AnyRoute, defineRoute } from '../../../kernel/http/route.js';
import { inScope, phaseOf, policiesFor, requireFor, staffScope } from '../policy.js';
import { presentCall, presentCallSummary } from '../presenter.js';
import { applicationCounts, type CallRow, findCall, insertRulesVersion, listCalls } from '../repo.js';
import { CallCreateBody, CallListQuery, CallOut, CallPatchBody, CallSummaryOut, IdParams, PresetOut } from '../schema.js';
import { presetList, presetRules } from '../service.js';

const tags = ['calls'];
export const anyCallAccess = { permission: ['call:manage', 'call:read', 'application:review', 'ranking:publish', 'application:submit'] as Permission[] };

/** A call the user may see: staff within their programs; applicants any published call. 404 otherwise. */
export async function visibleCall(db: Executor, ctx: TenantContext, id: string): Promise<{ call: CallRow; staff: boolean }> {
  const call = await findCall(db, ctx, id);
  if (!call) {
    throw notFound();
  }
  const staff = inScope(staffScope(ctx), call.program);
  if (!staff && !(ctx.can('application:submit') && call.status !== 'draft')) {
    throw notFound();
  }
  return { call, staff };
}

export async function callOut(db: Executor, ctx: TenantContext, call: CallRow, staff: boolean, now: Date) {
  return presentCall(call, now, { counts: staff ? await applicationCounts(db, ctx, call.id) : null, policies: policiesFor(ctx, call.program) });
}

export const callRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/calls',
    access: anyCallAccess,
    summary: 'Calls: staff see every call of their programs, applicants every published call',
    tags,
    schema: { querystring: CallListQuery, response: { 200: pageOf(CallSummaryOut) } },
    async handler({ db, ctx, query, deps }) {
      const now = deps.clock.now();
      const rows = await listCalls(db, ctx, {
        scope: staffScope(ctx),
        published: ctx.can('application:submit'),
        program: query.program,
        limit: query.phase ? 200 : query.limit,
        after: decodeCursor(query.cursor),
      });
      const filtered = query.phase ? rows.filter((c) => phaseOf(c, now) === query.phase) : rows;
      return toPage(
        filtered,
        query.phase ? 200 : query.limit,
        (c) => c.opens_at.toISOString(),
        (c) => presentCallSummary(c, now),
      );
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/calls/presets',
    access: { permission: 'call:manage' },
    summary: 'Rule presets to start a call from (Tuscan ERP, youth collaborative housing, Dopo di Noi)',
    tags,
    schema: { response: { 200: z.object({ items: z.array(PresetOut) }) } },
    async handler() {
      return { items: presetList() };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/calls',
    access: { permission: 'call:manage' },
    summary: 'Create a call (draft) for a program, from rules or a preset',
    tags,
    status: 201,
    schema: { body: CallCreateBody, response: { 201: CallOut } },
    async handler({ db, ctx, body, deps }) {
      requireFor(ctx, 'call:manage', body.program);
      const rules = body.rules ?? presetRules(body.preset as Parameters<typeof presetRules>[0]);
      const { id } = await db
        .insertInto('call')
        .values({
          tenant_id: ctx.tenantId,
          program: body.program,
          title_it: body.title.it,
          title_en: body.title.en,
          body_it: body.body?.it ?? '',
          body_en: body.body?.en ?? '',
          opens_at: new Date(body.opensAt),
          closes_at: new Date(body.closesAt),
          places: body.places ?? null,
          objection_days: body.objectionDays,
          created_by: ctx.principal.userId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await insertRulesVersion(db, ctx, id, 1, rules);
      await audit(db, ctx, { action: 'call.created', entityType: 'call', entityId: id, details: { program: body.program, preset: body.preset ?? null } });
      const call = (await findCall(db, ctx, id)) as CallRow;
      return callOut(db, ctx, call, true, deps.clock.now());
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/calls/:id',
    access: anyCallAccess,
    summary: 'A call with its rules in force, the facts its form asks, and what the caller may do',
    tags,
    schema: { params: IdParams, response: { 200: CallOut } },
    async handler({ db, ctx, params, deps }) {
      const { call, staff } = await visibleCall(db, ctx, params.id);
      return callOut(db, ctx, call, staff, deps.clock.now());
    },
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/v1/calls/:id',
    access: { permission: 'call:manage' },
    summary: 'Edit a call; rules only while it is a draft (each change is a new rules version)',
    tags,
    schema: { params: IdParams, body: CallPatchBody, response: { 200: CallOut } },
    async handler({ db, ctx, params, body, deps }) {
      const { call } = await visibleCall(db, ctx, params.id);
      requireFor(ctx, 'call:manage', call.program);
      const draft = call.status === 'draft';
      if (body.rules && !draft) {
        throw new AppError(409, 'calls.rules_frozen', [{ field: 'rules', in: 'body', code: 'calls.rules_frozen' }]);
      }
      if (!draft && (body.opensAt || body.objectionDays !== undefined)) {
        throw new AppError(409, 'calls.bad_status');
      }
      const opens = body.opensAt ? new Date(body.opensAt) : call.opens_at;
      const closes = body.closesAt ? new Date(body.closesAt) : call.closes_at;
      if (closes <= opens) {
        throw new AppError(400, 'calls.dates_order', [{ field: 'closesAt', in: 'body', code: 'calls.dates_order' }]);
      }
      // A published call may only be extended while it is still open, never shortened.
      if (
        !draft &&
        body.closesAt &&
        ((phaseOf(call, deps.clock.now()) !== 'open' && phaseOf(call, deps.clock.now()) !== 'scheduled') || closes < call.closes_at)
      ) {
        throw new AppError(409, 'calls.bad_status');
      }
      const version = body.rules ? call.rules_version + 1 : call.rules_version;
      if (body.rules) {
        await insertRulesVersion(db, ctx, call.id, version, body.rules);
      }
      await db
        .updateTable('call')
        .set({
          ...(body.title ? { title_it: body.title.it, title_en: body.title.en } : {}),
          ...(body.body ? { body_it: body.body.it, body_en: body.body.en } : {}),
          ...(body.places !== undefined ? { places: body.places } : {}),
          ...(body.objectionDays !== undefined ? { objection_days: body.objectionDays } : {}),
          opens_at: opens,
          closes_at: closes,
          rules_version: version,
          updated_at: deps.clock.now(),
        })
        .where('tenant_id', '=', ctx.tenantId)
        .where('id', '=', call.id)
        .execute();
      await audit(db, ctx, {
        action: 'call.updated',
        entityType: 'call',
        entityId: call.id,
        details: { fields: Object.keys(body), rulesVersion: version },
      });
      return callOut(db, ctx, (await findCall(db, ctx, call.id)) as CallRow, true, deps.clock.now());
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/calls/:id/publish',
    access: { permission: 'call:manage' },
    summary: 'Publish a draft call: its rules are frozen; it opens and closes at its date-times',
    tags,
    schema: { params: IdParams, response: { 200: CallOut } },
    async handler({ db, ctx, params, deps }) {
      const { call } = await visibleCall(db, ctx, params.id);
      requireFor(ctx, 'call:manage', call.program);
      const now = deps.clock.now();
      if (call.status !== 'draft' || call.closes_at <= now) {
        throw new AppError(409, 'calls.bad_status');
      }
      await db
        .updateTable('call')
        .set({ status: 'published', published_at: now, updated_at: now })
        .where('tenant_id', '=', ctx.tenantId)
        .where('id', '=', call.id)
        .execute();
      await audit(db, ctx, { action: 'call.published', entityType: 'call', entityId: call.id, details: { rulesVersion: call.rules_version } });
      return callOut(db, ctx, (await findCall(db, ctx, call.id)) as CallRow, true, now);
    },
  }),
];
