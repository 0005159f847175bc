import { z } from 'zod';
import { audit } from '../../kernel/audit/audit.js';
import type { TenantContext } from '../../kernel/context.js';
import type { Executor } from '../../kernel/db/tenant.js';
import { AppError, notFound } from '../../kernel/http/errors.js';
import { decodeCursor, pageOf, toPage } from '../../kernel/http/pagination.js';
import { type AnyRoute, defineRoute } from '../../kernel/http/route.js';
import { romeDay } from './periods.js';
import { presentUnit, presentUnitDetail } from './presenter.js';
import * as repo from './repo.js';
import { readStock, tags, writeStock } from './routes.js';
import {
  IdParams,
  NeighbourhoodOut,
  ProgramPeriodBody,
  StatusChangeBody,
  StatusPeriodBody,
  UnitCreateBody,
  UnitDetailOut,
  UnitFilterQuery,
  UnitListQuery,
  UnitOut,
  UnitPatchBody,
  UnitSummaryOut,
} from './schema.js';
import * as service from './service.js';

/** The list filters of the query string, in repository form. */
export function unitFilter(query: { accessibility?: string } & Omit<repo.UnitFilter, 'accessibility'>): repo.UnitFilter {
  return { ...query, accessibility: query.accessibility ? query.accessibility.split(',') : undefined };
}

async function loadUnitDetail(db: Executor, ctx: TenantContext, id: string, today: string) {
  const unit = await repo.getUnit(db, ctx, today, id);
  if (!unit) {
    throw notFound();
  }
  const programs = await repo.programPeriods(db, ctx, id);
  const statuses = await repo.statusPeriods(db, ctx, id);
  const spaces = await repo.commonSpacesOfUnit(db, ctx, unit.building_id, unit.estate_id);
  return presentUnitDetail(unit, programs, statuses, spaces);
}

async function requireUnit(db: Executor, ctx: TenantContext, id: string) {
  if (!(await repo.lockUnit(db, ctx, id))) {
    throw notFound();
  }
}

export const unitRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/stock/units',
    access: readStock,
    summary: 'Units with their current status and program (search, filters, cursor pagination by code)',
    tags,
    schema: { querystring: UnitListQuery, response: { 200: pageOf(UnitOut) } },
    async handler({ db, ctx, query, deps }) {
      const rows = await repo.listUnits(db, ctx, romeDay(deps.clock.now()), { ...unitFilter(query), after: decodeCursor(query.cursor), limit: query.limit });
      return toPage(rows, query.limit, (r) => r.code, presentUnit);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/stock/units/summary',
    access: readStock,
    summary: 'How many units match the list filters, in all and by current status',
    tags,
    schema: { querystring: UnitFilterQuery, response: { 200: UnitSummaryOut } },
    async handler({ db, ctx, query, deps }) {
      const rows = await repo.countUnitsByStatus(db, ctx, romeDay(deps.clock.now()), unitFilter(query));
      const byStatus: Record<string, number> = {};
      let total = 0;
      for (const r of rows) {
        byStatus[r.status ?? 'none'] = Number(r.n);
        total += Number(r.n);
      }
      return { total, byStatus };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/stock/neighbourhoods',
    access: readStock,
    summary: "Neighbourhoods (quartieri, frazioni) of the ente's buildings, with unit counts",
    tags,
    schema: { response: { 200: z.object({ items: z.array(NeighbourhoodOut) }) } },
    async handler({ db, ctx }) {
      const rows = await repo.neighbourhoods(db, ctx);
      return { items: rows.map((r) => ({ name: r.neighbourhood as string, unitCount: Number(r.n) })) };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/stock/units',
    access: writeStock,
    summary: 'Add a unit to a building',
    tags,
    status: 201,
    schema: { body: UnitCreateBody, response: { 201: UnitDetailOut } },
    async handler({ db, ctx, body, deps }) {
      const id = await service.createUnit(db, ctx, body);
      await audit(db, ctx, { action: 'unit.created', entityType: 'unit', entityId: id, details: { code: body.code, buildingId: body.buildingId } });
      return loadUnitDetail(db, ctx, id, romeDay(deps.clock.now()));
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/stock/units/:id',
    access: readStock,
    summary: 'One unit with building, estate, owner, managing body, program periods and status history',
    tags,
    schema: { params: IdParams, response: { 200: UnitDetailOut } },
    async handler({ db, ctx, params, deps }) {
      return loadUnitDetail(db, ctx, params.id, romeDay(deps.clock.now()));
    },
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/v1/stock/units/:id',
    access: writeStock,
    summary: 'Update the fields of a unit (not its timelines)',
    tags,
    schema: { params: IdParams, body: UnitPatchBody, response: { 200: UnitDetailOut } },
    async handler({ db, ctx, params, body, deps }) {
      const today = romeDay(deps.clock.now());
      const current = await repo.getUnit(db, ctx, today, params.id);
      if (!current) {
        throw notFound();
      }
      const rooms = body.rooms ?? current.rooms;
      const bedrooms = body.bedrooms ?? current.bedrooms;
      if (bedrooms > rooms) {
        throw new AppError(400, 'stock.bedrooms_rooms', [{ field: 'bedrooms', in: 'body', code: 'stock.bedrooms_rooms' }]);
      }
      await service.checkUnit(db, ctx, body, params.id);
      await db
        .updateTable('unit')
        .set({ ...service.unitColumns(body), updated_at: deps.clock.now() })
        .where('tenant_id', '=', ctx.tenantId)
        .where('id', '=', params.id)
        .execute();
      await audit(db, ctx, { action: 'unit.updated', entityType: 'unit', entityId: params.id, details: { changes: body } });
      return loadUnitDetail(db, ctx, params.id, today);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/stock/units/:id/programs',
    access: writeStock,
    summary: 'Record a period in which the unit serves a program (no overlaps: 409 resource.overlap)',
    tags,
    status: 201,
    schema: { params: IdParams, body: ProgramPeriodBody, response: { 201: UnitDetailOut } },
    async handler({ db, ctx, params, body, deps }) {
      await requireUnit(db, ctx, params.id);
      const id = await service.addProgramPeriod(db, ctx, params.id, body, ctx.principal.userId);
      await audit(db, ctx, { action: 'unit.program_added', entityType: 'unit', entityId: params.id, details: { periodId: id, ...body } });
      return loadUnitDetail(db, ctx, params.id, romeDay(deps.clock.now()));
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/stock/units/:id/status-periods',
    access: writeStock,
    summary: 'Record an explicit status period [from, to) (no overlaps: 409 resource.overlap)',
    tags,
    status: 201,
    schema: { params: IdParams, body: StatusPeriodBody, response: { 201: UnitDetailOut } },
    async handler({ db, ctx, params, body, deps }) {
      await requireUnit(db, ctx, params.id);
      const id = await service.addStatusPeriod(db, ctx, params.id, body, ctx.principal.userId);
      await audit(db, ctx, { action: 'unit.status_added', entityType: 'unit', entityId: params.id, details: { periodId: id, ...body } });
      return loadUnitDetail(db, ctx, params.id, romeDay(deps.clock.now()));
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/stock/units/:id/status',
    access: writeStock,
    summary: 'Change the status from a day on: the period in force then ends that day, an open one starts',
    tags,
    status: 201,
    schema: { params: IdParams, body: StatusChangeBody, response: { 201: UnitDetailOut } },
    async handler({ db, ctx, params, body, deps }) {
      const { id, closed } = await service.changeStatus(db, ctx, params.id, body, ctx.principal.userId);
      await audit(db, ctx, { action: 'unit.status_changed', entityType: 'unit', entityId: params.id, details: { periodId: id, closed, ...body } });
      return loadUnitDetail(db, ctx, params.id, romeDay(deps.clock.now()));
    },
  }),
];
