import { z } from 'zod';
import { audit } from '../../kernel/audit/audit.js';
import type { TenantContext } from '../../kernel/context.js';
import type { Executor } from '../../kernel/db/tenant.js';
import { notFound } from '../../kernel/http/errors.js';
import { decodeCursor, pageOf, toPage } from '../../kernel/http/pagination.js';
import { type AnyRoute, defineRoute } from '../../kernel/http/route.js';
import { presentBuilding, presentCommonSpace, presentEstate } from './presenter.js';
import * as repo from './repo.js';
import {
  BuildingCreateBody,
  BuildingListQuery,
  BuildingOut,
  BuildingPatchBody,
  CommonSpaceCreateBody,
  CommonSpaceOut,
  CommonSpaceQuery,
  EstateCreateBody,
  EstateOut,
  EstatePatchBody,
  IdParams,
} from './schema.js';
import * as service from './service.js';

export const tags = ['stock'];
export const readStock = { permission: 'stock:read' } as const;
export const writeStock = { permission: 'stock:write' } as const;

async function loadEstate(db: Executor, ctx: TenantContext, id: string) {
  const row = await repo.getEstate(db, ctx, id);
  if (!row) {
    throw notFound();
  }
  return row;
}

async function loadBuilding(db: Executor, ctx: TenantContext, id: string) {
  const row = await repo.getBuilding(db, ctx, id);
  if (!row) {
    throw notFound();
  }
  return row;
}

export const estateRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/stock/estates',
    access: readStock,
    summary: 'Estates (complessi) of the ente, with building and unit counts',
    tags,
    schema: { response: { 200: z.object({ items: z.array(EstateOut) }) } },
    async handler({ db, ctx }) {
      return { items: (await repo.listEstates(db, ctx)).map(presentEstate) };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/stock/estates',
    access: writeStock,
    summary: 'Add an estate',
    tags,
    status: 201,
    schema: { body: EstateCreateBody, response: { 201: EstateOut } },
    async handler({ db, ctx, body }) {
      await service.uniqueEstate(db, ctx, body);
      const { id } = await db
        .insertInto('estate')
        .values({ tenant_id: ctx.tenantId, ...service.estateColumns(body), name: body.name })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(db, ctx, { action: 'estate.created', entityType: 'estate', entityId: id, details: body });
      return presentEstate(await loadEstate(db, ctx, id));
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/stock/estates/:id',
    access: readStock,
    summary: 'One estate',
    tags,
    schema: { params: IdParams, response: { 200: EstateOut } },
    async handler({ db, ctx, params }) {
      return presentEstate(await loadEstate(db, ctx, params.id));
    },
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/v1/stock/estates/:id',
    access: writeStock,
    summary: 'Update an estate',
    tags,
    schema: { params: IdParams, body: EstatePatchBody, response: { 200: EstateOut } },
    async handler({ db, ctx, params, body, deps }) {
      await loadEstate(db, ctx, params.id);
      await service.uniqueEstate(db, ctx, body, params.id);
      await db
        .updateTable('estate')
        .set({ ...service.estateColumns(body), updated_at: deps.clock.now() })
        .where('tenant_id', '=', ctx.tenantId)
        .where('id', '=', params.id)
        .execute();
      await audit(db, ctx, { action: 'estate.updated', entityType: 'estate', entityId: params.id, details: { changes: body } });
      return presentEstate(await loadEstate(db, ctx, params.id));
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/stock/buildings',
    access: readStock,
    summary: 'Buildings (search, filter by estate, cursor pagination by address)',
    tags,
    schema: { querystring: BuildingListQuery, response: { 200: pageOf(BuildingOut) } },
    async handler({ db, ctx, query }) {
      const rows = await repo.listBuildings(db, ctx, { ...query, after: decodeCursor(query.cursor) });
      return toPage(rows, query.limit, (r) => r.address, presentBuilding);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/stock/buildings',
    access: writeStock,
    summary: 'Add a building',
    tags,
    status: 201,
    schema: { body: BuildingCreateBody, response: { 201: BuildingOut } },
    async handler({ db, ctx, body }) {
      await service.requireEstate(db, ctx, body.estateId);
      const { id } = await db
        .insertInto('building')
        .values({ ...service.buildingColumns(body), tenant_id: ctx.tenantId, address: body.address, city: body.city })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(db, ctx, { action: 'building.created', entityType: 'building', entityId: id, details: body });
      return presentBuilding(await loadBuilding(db, ctx, id));
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/stock/buildings/:id',
    access: readStock,
    summary: 'One building',
    tags,
    schema: { params: IdParams, response: { 200: BuildingOut } },
    async handler({ db, ctx, params }) {
      return presentBuilding(await loadBuilding(db, ctx, params.id));
    },
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/v1/stock/buildings/:id',
    access: writeStock,
    summary: 'Update a building',
    tags,
    schema: { params: IdParams, body: BuildingPatchBody, response: { 200: BuildingOut } },
    async handler({ db, ctx, params, body, deps }) {
      await loadBuilding(db, ctx, params.id);
      await service.requireEstate(db, ctx, body.estateId);
      await db
        .updateTable('building')
        .set({ ...service.buildingColumns(body), updated_at: deps.clock.now() })
        .where('tenant_id', '=', ctx.tenantId)
        .where('id', '=', params.id)
        .execute();
      await audit(db, ctx, { action: 'building.updated', entityType: 'building', entityId: params.id, details: { changes: body } });
      return presentBuilding(await loadBuilding(db, ctx, params.id));
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/stock/common-spaces',
    access: readStock,
    summary: 'Common spaces (laundry, garden, community room…) of a building or an estate',
    tags,
    schema: { querystring: CommonSpaceQuery, response: { 200: z.object({ items: z.array(CommonSpaceOut) }) } },
    async handler({ db, ctx, query }) {
      return { items: (await repo.listCommonSpaces(db, ctx, query)).map(presentCommonSpace) };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/stock/common-spaces',
    access: writeStock,
    summary: 'Add a common space to a building or an estate',
    tags,
    status: 201,
    schema: { body: CommonSpaceCreateBody, response: { 201: CommonSpaceOut } },
    async handler({ db, ctx, body }) {
      await service.requireEstate(db, ctx, body.estateId);
      await service.requireBuilding(db, ctx, body.buildingId);
      const row = await db
        .insertInto('common_space')
        .values({
          tenant_id: ctx.tenantId,
          estate_id: body.estateId,
          building_id: body.buildingId,
          name: body.name,
          kind: body.kind,
          capacity: body.capacity,
          notes: body.notes,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await audit(db, ctx, { action: 'common_space.created', entityType: 'common_space', entityId: row.id, details: body });
      return presentCommonSpace(row);
    },
  }),
];
