import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { TenantContext } from '../../kernel/context.js';
import { type Executor, inTenant } from '../../kernel/db/tenant.js';
import type { DB } from '../../kernel/db/types.js';
import { AppError, notFound } from '../../kernel/http/errors.js';
import type { MessageKey } from '../../kernel/i18n/messages.js';
import * as repo from './repo.js';
import type { BuildingCreateBody, EstateCreateBody, ProgramPeriodBody, StatusChangeBody, StatusPeriodBody, UnitCreateBody } from './schema.js';

type Ctx = Pick<TenantContext, 'tenantId'>;
type UnitInput = z.output<typeof UnitCreateBody>;
type BuildingInput = z.output<typeof BuildingCreateBody>;
type EstateInput = z.output<typeof EstateCreateBody>;

/** Drops the keys a partial input leaves undefined, keeping each column's own type. */
function defined<T extends Record<string, unknown>>(o: T) {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}

const bad = (field: string, code: MessageKey) => new AppError(400, code, [{ field, in: 'body', code }]);

export async function requireEstate(db: Executor, ctx: Ctx, id: string | null | undefined, field = 'estateId') {
  if (id && !(await db.selectFrom('estate').select('id').where(inTenant(ctx)).where('id', '=', id).executeTakeFirst())) {
    throw bad(field, 'stock.estate_unknown');
  }
}

export async function requireBuilding(db: Executor, ctx: Ctx, id: string | null | undefined, field = 'buildingId') {
  if (id && !(await db.selectFrom('building').select('id').where(inTenant(ctx)).where('id', '=', id).executeTakeFirst())) {
    throw bad(field, 'stock.building_unknown');
  }
}

export async function requireOrganisation(db: Executor, ctx: Ctx, id: string | null | undefined, field: string) {
  if (id && !(await repo.organisationExists(db, ctx, id))) {
    throw new AppError(400, 'organisation.unknown', [{ field, in: 'body', code: 'organisation.unknown' }]);
  }
}

export async function uniqueEstate(db: Executor, ctx: Ctx, e: { code?: string | null; name?: string }, exceptId?: string) {
  if (e.code && (await repo.findEstate(db, ctx, { code: e.code, exceptId }))) {
    throw new AppError(409, 'stock.estate_taken', [{ field: 'code', in: 'body', code: 'stock.estate_taken' }]);
  }
  if (e.name && (await repo.findEstate(db, ctx, { name: e.name, exceptId }))) {
    throw new AppError(409, 'stock.estate_taken', [{ field: 'name', in: 'body', code: 'stock.estate_taken' }]);
  }
}

export function estateColumns(e: Partial<EstateInput>) {
  return {
    ...(e.code !== undefined ? { code: e.code } : {}),
    ...(e.name !== undefined ? { name: e.name } : {}),
    ...(e.description !== undefined ? { description: e.description } : {}),
  };
}

export function buildingColumns(b: Partial<BuildingInput>) {
  const cols = {
    estate_id: b.estateId,
    address: b.address,
    postcode: b.postcode,
    city: b.city,
    neighbourhood: b.neighbourhood,
    latitude: b.latitude,
    longitude: b.longitude,
    floors: b.floors,
    has_lift: b.hasLift,
    year_built: b.yearBuilt,
  };
  return defined(cols);
}

export function unitColumns(u: Partial<UnitInput>) {
  const cols = {
    building_id: u.buildingId,
    code: u.code,
    flat_number: u.flatNumber,
    floor: u.floor,
    surface_m2: u.surfaceM2,
    rooms: u.rooms,
    bedrooms: u.bedrooms,
    beds: u.beds,
    bathrooms: u.bathrooms,
    accessibility: u.accessibility ? [...new Set(u.accessibility)].sort() : undefined,
    energy_class: u.energyClass,
    furnishing: u.furnishing,
    owner_kind: u.ownerKind,
    owner_organisation_id: u.ownerOrganisationId,
    owner_name: u.ownerName,
    managing_organisation_id: u.managingOrganisationId,
    notes: u.notes,
  };
  return defined(cols);
}

/** Checks the references and the code of a unit about to be written (create or update). */
export async function checkUnit(db: Executor, ctx: Ctx, u: Partial<UnitInput>, exceptId?: string) {
  await requireBuilding(db, ctx, u.buildingId);
  await requireOrganisation(db, ctx, u.ownerOrganisationId, 'ownerOrganisationId');
  await requireOrganisation(db, ctx, u.managingOrganisationId, 'managingOrganisationId');
  if (u.code) {
    const other = await repo.unitIdByCode(db, ctx, u.code);
    if (other && other.id !== exceptId) {
      throw new AppError(409, 'stock.unit_code_taken', [{ field: 'code', in: 'body', code: 'stock.unit_code_taken' }]);
    }
  }
}

export async function createUnit(db: Executor, ctx: Ctx, u: UnitInput): Promise<string> {
  await checkUnit(db, ctx, u);
  const cols = unitColumns(u);
  const { id } = await db
    .insertInto('unit')
    .values({
      ...cols,
      tenant_id: ctx.tenantId,
      building_id: u.buildingId,
      code: u.code,
      surface_m2: u.surfaceM2,
      rooms: u.rooms,
      bedrooms: u.bedrooms,
      beds: u.beds,
      owner_kind: u.ownerKind,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function addProgramPeriod(db: Executor, ctx: Ctx, unitId: string, p: z.output<typeof ProgramPeriodBody>, userId: string | null) {
  const { id } = await db
    .insertInto('unit_program')
    .values({
      tenant_id: ctx.tenantId,
      unit_id: unitId,
      program: p.program,
      solution_type: p.solutionType,
      during: repo.range(p.from, p.to),
      note: p.note,
      created_by: userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function addStatusPeriod(db: Executor, ctx: Ctx, unitId: string, p: z.output<typeof StatusPeriodBody>, userId: string | null) {
  const { id } = await db
    .insertInto('unit_status')
    .values({ tenant_id: ctx.tenantId, unit_id: unitId, status: p.status, during: repo.range(p.from, p.to), note: p.note, created_by: userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/**
 * Changes the status of a unit from a day on: the period in force on `from` (open or bounded, if it
 * started earlier) ends on `from`, and an open-ended period with the new status starts then. A
 * period that starts on or after `from` is never rewritten: the database refuses the overlap (409).
 */
export async function changeStatus(db: Transaction<DB>, ctx: Ctx, unitId: string, c: z.output<typeof StatusChangeBody>, userId: string | null) {
  if (!(await repo.lockUnit(db, ctx, unitId))) {
    throw notFound();
  }
  const inForce = (await repo.statusPeriods(db, ctx, unitId)).find((p) => p.from <= c.from && (p.to === null || c.from < p.to));
  let closed: { id: string; status: string; from: string } | null = null;
  if (inForce) {
    if (inForce.status === c.status) {
      throw new AppError(409, 'stock.status_unchanged', [{ field: 'status', in: 'body', code: 'stock.status_unchanged' }]);
    }
    if (inForce.from === c.from) {
      throw new AppError(409, 'resource.overlap', [{ field: 'from', in: 'body', code: 'resource.overlap' }]);
    }
    await db
      .updateTable('unit_status')
      .set({ during: repo.range(inForce.from, c.from) })
      .where(inTenant(ctx))
      .where('id', '=', inForce.id)
      .execute();
    closed = { id: inForce.id, status: inForce.status, from: inForce.from };
  }
  const id = await addStatusPeriod(db, ctx, unitId, { status: c.status, from: c.from, to: null, note: c.note }, userId);
  return { id, closed };
}
