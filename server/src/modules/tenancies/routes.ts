import { z } from 'zod';
import { audit } from '../../kernel/audit/audit.js';
import { PROGRAMS, type Program } from '../../kernel/auth/permissions.js';
import { AppError, notFound } from '../../kernel/http/errors.js';
import { decodeCursor, pageOf, toPage } from '../../kernel/http/pagination.js';
import { type AnyRoute, defineRoute } from '../../kernel/http/route.js';
import { romeDay } from '../../kernel/time.js';
import { unitFacts } from '../stock/index.js';
import { loadTenancy } from './detail.js';
import { inScope, manageScope, readScope, requireManage } from './policy.js';
import { presentLines, presentTenancySummary, stateOf, tenantNameOf } from './presenter.js';
import * as repo from './repo.js';
import { computeRent } from './rules/rent.js';
import {
  Day,
  IdParams,
  IncomeBody,
  PartyOut,
  PartyQuery,
  RentOut,
  RentPreviewBody,
  RentRuleBody,
  RentRuleOut,
  TenancyCreateBody,
  TenancyDetailOut,
  TenancyEndBody,
  TenancyListQuery,
  TenancySummaryOut,
  UnitIdParams,
  UnitTenancyOut,
} from './schema.js';
import * as service from './service.js';

export const tags = ['tenancies'];
export const readTenancies = { permission: 'tenancy:read' } as const;
export const manageTenancies = { permission: 'tenancy:manage' } as const;

export const tenancyRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/tenancies',
    access: readTenancies,
    summary: "Tenancies in the caller's programs, with today's rent and balance (search, filters, cursor by code)",
    tags,
    schema: { querystring: TenancyListQuery, response: { 200: pageOf(TenancySummaryOut) } },
    async handler({ db, ctx, query, deps }) {
      const today = romeDay(deps.clock.now());
      const rows = await repo.listTenancies(db, ctx, readScope(ctx), today, { ...query, after: decodeCursor(query.cursor), limit: query.limit });
      return toPage(
        rows,
        query.limit,
        (r) => r.code,
        (r) => presentTenancySummary(r, today),
      );
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/tenancies',
    access: manageTenancies,
    summary: 'Create a tenancy: occupies the unit over the period (409 resource.overlap on any overlap) and computes the first rent',
    tags,
    status: 201,
    schema: { body: TenancyCreateBody, response: { 201: TenancyDetailOut } },
    async handler({ db, ctx, body, deps }) {
      requireManage(ctx, body.program);
      const { id, code, rent } = await service.createTenancy(db, ctx, body, ctx.principal.userId);
      await audit(db, ctx, {
        action: 'tenancy.created',
        entityType: 'tenancy',
        entityId: id,
        details: {
          code,
          unitId: body.unitId,
          bed: body.bed,
          program: body.program,
          startDate: body.startDate,
          endDate: body.endDate,
          annualRentCents: rent.annualCents,
        },
      });
      return loadTenancy(db, ctx, readScope(ctx), id, romeDay(deps.clock.now()));
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/tenancies/:id',
    access: readTenancies,
    summary: 'One tenancy: contract, parties, incomes, rent in force with its explanation, rent history, arrears score',
    tags,
    schema: { params: IdParams, response: { 200: TenancyDetailOut } },
    async handler({ db, ctx, params, deps }) {
      return loadTenancy(db, ctx, readScope(ctx), params.id, romeDay(deps.clock.now()));
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/tenancies/:id/end',
    access: manageTenancies,
    summary: 'End a tenancy on a day (exclusive): the unit is free from then on',
    tags,
    schema: { params: IdParams, body: TenancyEndBody, response: { 200: TenancyDetailOut } },
    async handler({ db, ctx, params, body, deps }) {
      await service.endTenancy(db, ctx, manageScope(ctx), params.id, body, ctx.principal.userId, deps.clock.now());
      await audit(db, ctx, { action: 'tenancy.ended', entityType: 'tenancy', entityId: params.id, details: body });
      return loadTenancy(db, ctx, readScope(ctx), params.id, romeDay(deps.clock.now()));
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/tenancies/:id/income',
    access: manageTenancies,
    summary: 'Record a new income (yearly update, ISEE) from a day: the rent is recomputed from then; past amounts stay',
    tags,
    status: 201,
    schema: { params: IdParams, body: IncomeBody, response: { 201: TenancyDetailOut } },
    async handler({ db, ctx, params, body, deps }) {
      const rent = await service.updateIncome(db, ctx, manageScope(ctx), params.id, body, ctx.principal.userId);
      await audit(db, ctx, {
        action: 'tenancy.income_updated',
        entityType: 'tenancy',
        entityId: params.id,
        details: { effectiveFrom: body.effectiveFrom, annualRentCents: rent.annualCents },
      });
      return loadTenancy(db, ctx, readScope(ctx), params.id, romeDay(deps.clock.now()));
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/tenancies/:id/recompute',
    access: manageTenancies,
    summary: 'Recompute the rent from a day with the latest income and the rule in force then (e.g. after a rule change)',
    tags,
    status: 201,
    schema: { params: IdParams, body: z.object({ effectiveFrom: Day }), response: { 201: TenancyDetailOut } },
    async handler({ db, ctx, params, body, deps }) {
      const rent = await service.recompute(db, ctx, manageScope(ctx), params.id, body.effectiveFrom, ctx.principal.userId);
      await audit(db, ctx, {
        action: 'tenancy.rent_recomputed',
        entityType: 'tenancy',
        entityId: params.id,
        details: { ...body, annualRentCents: rent.annualCents },
      });
      return loadTenancy(db, ctx, readScope(ctx), params.id, romeDay(deps.clock.now()));
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/tenancies/rent-preview',
    access: readTenancies,
    summary: 'Compute a rent without saving it: the rule in force for the program on the day, explained line by line',
    tags,
    schema: { body: RentPreviewBody, response: { 200: RentOut } },
    async handler({ db, ctx, body }) {
      const unit = await unitFacts(db, ctx, body.unitId);
      if (!unit) {
        throw new AppError(400, 'tenancy.unit_unknown', [{ field: 'unitId', in: 'body', code: 'tenancy.unit_unknown' }]);
      }
      const rule = await service.ruleFor(db, ctx, body.program, body.date);
      const r = computeRent(rule.params, service.rentInput(body, unit.surfaceM2));
      return {
        id: null,
        effectiveFrom: body.date,
        annualCents: r.annualCents,
        monthlyCents: r.monthlyCents,
        category: r.category,
        ruleKind: rule.params.kind,
        reason: 'preview',
        lines: presentLines(r.lines, ctx.lang),
        createdAt: null,
      };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/tenancies/rent-rules',
    access: readTenancies,
    summary: 'Rent rules of every program: recorded versions (newest first) and the built-in default when none is recorded',
    tags,
    schema: { response: { 200: z.object({ items: z.array(RentRuleOut) }) } },
    async handler({ db, ctx }) {
      const rows = await repo.rentRules(db, ctx);
      const items: z.input<typeof RentRuleOut>[] = rows.map((r) => ({
        id: r.id,
        program: r.program as Program,
        effectiveFrom: r.effective_from,
        params: r.params as z.infer<typeof RentRuleOut>['params'],
        note: r.note,
        createdAt: r.created_at.toISOString(),
      }));
      for (const program of PROGRAMS) {
        if (!rows.some((r) => r.program === program)) {
          items.push({ id: null, program, effectiveFrom: null, params: service.defaultRule(program), note: null, createdAt: null });
        }
      }
      return { items };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/tenancies/rent-rules',
    access: manageTenancies,
    summary: 'Record a new version of a program’s rent rule from a day (earlier versions stay; 409 if one starts that day)',
    tags,
    status: 201,
    schema: { body: RentRuleBody, response: { 201: RentRuleOut } },
    async handler({ db, ctx, body }) {
      requireManage(ctx, body.program);
      const exists = await db
        .selectFrom('rent_rule')
        .select('id')
        .where('tenant_id', '=', ctx.tenantId)
        .where('program', '=', body.program)
        .where('effective_from', '=', body.effectiveFrom)
        .executeTakeFirst();
      if (exists) {
        throw new AppError(409, 'tenancy.rule_taken', [{ field: 'effectiveFrom', in: 'body', code: 'tenancy.rule_taken' }]);
      }
      const row = await db
        .insertInto('rent_rule')
        .values({
          tenant_id: ctx.tenantId,
          program: body.program,
          kind: body.params.kind,
          params: JSON.stringify(body.params),
          effective_from: body.effectiveFrom,
          note: body.note,
          created_by: ctx.principal.userId,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await audit(db, ctx, {
        action: 'tenancy.rent_rule_recorded',
        entityType: 'rent_rule',
        entityId: row.id,
        details: { program: body.program, effectiveFrom: body.effectiveFrom },
      });
      return {
        id: row.id,
        program: body.program,
        effectiveFrom: row.effective_from,
        params: body.params,
        note: row.note,
        createdAt: row.created_at.toISOString(),
      };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/tenancies/parties',
    access: manageTenancies,
    summary: 'People matching a name with their current household, latest incomes and ISEE (to open a tenancy)',
    tags,
    schema: { querystring: PartyQuery, response: { 200: z.object({ items: z.array(PartyOut) }) } },
    async handler({ db, ctx, query, deps }) {
      const rows = await repo.searchParties(db, ctx, query.q, romeDay(deps.clock.now()));
      return {
        items: rows.map((r) => ({
          personId: r.person_id,
          personName: r.person_name,
          householdId: r.household_id,
          householdName: r.household_name,
          incomeYear: r.income_year === null ? null : Number(r.income_year),
          incomeCents: r.income_cents === null ? null : Number(r.income_cents),
          iseeCents: r.isee_cents === null ? null : Number(r.isee_cents),
          children: Number(r.children ?? 0),
        })),
      };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/tenancies/by-unit/:unitId',
    access: { permission: ['tenancy:read', 'stock:read'] },
    summary: "A unit's tenancy history (for the stock pages); tenant names only for holders of tenancy:read in the tenancy's program",
    tags,
    schema: { params: UnitIdParams, response: { 200: z.object({ items: z.array(UnitTenancyOut) }) } },
    async handler({ db, ctx, params, deps }) {
      const today = romeDay(deps.clock.now());
      const unit = await db.selectFrom('unit').select('id').where('tenant_id', '=', ctx.tenantId).where('id', '=', params.unitId).executeTakeFirst();
      if (!unit) {
        throw notFound();
      }
      const scope = ctx.can('tenancy:read') || ctx.can('tenancy:manage') ? readScope(ctx) : [];
      const rows = await repo.tenanciesOfUnit(db, ctx, params.unitId);
      return {
        items: rows.map((r) => ({
          id: r.id,
          code: r.code,
          program: r.program as Program,
          kind: r.kind as z.infer<typeof UnitTenancyOut>['kind'],
          bed: r.bed,
          startDate: r.start_date,
          endDate: r.end_date,
          state: stateOf(r.start_date, r.end_date, today),
          tenantName: inScope(scope, r.program as Program) ? tenantNameOf(r) : null,
        })),
      };
    },
  }),
];
