// Occupancy of a unit by a tenancy, for the tenancies module: the status timeline changes in the
// caller's transaction, under the unit's row lock, and the EXCLUDE constraint refuses overlaps.
import type { Transaction } from 'kysely';
import { inTenant } from '../../kernel/db/tenant.js';
import type { DB } from '../../kernel/db/types.js';
import { AppError } from '../../kernel/http/errors.js';
import * as repo from './repo.js';

type Ctx = { tenantId: string };

export interface UnitFacts {
  id: string;
  code: string;
  surfaceM2: number;
  beds: number;
  estateId: string | null;
  estateName: string | null;
  address: string;
  city: string;
}

/** Locks a unit and returns what a tenancy needs to know of it (null when it is not the ente's). */
export async function lockUnitForTenancy(db: Transaction<DB>, ctx: Ctx, unitId: string): Promise<UnitFacts | null> {
  if (!(await repo.lockUnit(db, ctx, unitId))) {
    return null;
  }
  return unitFacts(db, ctx, unitId);
}

export async function unitFacts(db: Transaction<DB>, ctx: Ctx, unitId: string): Promise<UnitFacts | null> {
  const row = await db
    .selectFrom('unit as u')
    .innerJoin('building as b', (j) => j.onRef('b.tenant_id', '=', 'u.tenant_id').onRef('b.id', '=', 'u.building_id'))
    .leftJoin('estate as e', (j) => j.onRef('e.tenant_id', '=', 'b.tenant_id').onRef('e.id', '=', 'b.estate_id'))
    .select(['u.id', 'u.code', 'u.surface_m2', 'u.beds', 'e.id as estate_id', 'e.name as estate_name', 'b.address', 'b.city'])
    .where(inTenant(ctx, 'u'))
    .where('u.id', '=', unitId)
    .executeTakeFirst();
  if (!row) {
    return null;
  }
  return {
    id: row.id,
    code: row.code,
    surfaceM2: Number(row.surface_m2),
    beds: row.beds,
    estateId: row.estate_id,
    estateName: row.estate_name,
    address: row.address,
    city: row.city,
  };
}

const overlap = () => new AppError(409, 'resource.overlap', [{ field: 'startDate', in: 'body', code: 'resource.overlap' }]);

/**
 * Marks the unit occupied over [from, to). The status in force on `from` must be available or
 * reserved: it is cut at `from` (or replaced when it starts that day); when it went on past `to`,
 * the unit is available again from `to`. Any other status in force, or a later period inside
 * [from, to), answers 409 resource.overlap. With `shared` (a bed tenancy) a unit already occupied
 * on `from` stays as it is. The caller holds the unit's row lock.
 */
export async function occupyUnit(
  db: Transaction<DB>,
  ctx: Ctx,
  unitId: string,
  p: { from: string; to: string | null; note: string; userId: string | null; shared?: boolean },
) {
  const periods = await repo.statusPeriods(db, ctx, unitId);
  const inForce = periods.find((s) => s.from <= p.from && (s.to === null || p.from < s.to));
  if (inForce && inForce.status === 'occupied' && p.shared) {
    return;
  }
  if (inForce && inForce.status !== 'available' && inForce.status !== 'reserved') {
    throw overlap();
  }
  let resumeUntil: string | null | undefined;
  if (inForce) {
    if (inForce.from === p.from) {
      await db.deleteFrom('unit_status').where(inTenant(ctx)).where('id', '=', inForce.id).execute();
    } else {
      await db
        .updateTable('unit_status')
        .set({ during: repo.range(inForce.from, p.from) })
        .where(inTenant(ctx))
        .where('id', '=', inForce.id)
        .execute();
    }
    if (p.to !== null && (inForce.to === null || inForce.to > p.to)) {
      resumeUntil = inForce.to;
    }
  }
  await db
    .insertInto('unit_status')
    .values({ tenant_id: ctx.tenantId, unit_id: unitId, status: 'occupied', during: repo.range(p.from, p.to), note: p.note, created_by: p.userId })
    .execute();
  if (resumeUntil !== undefined && p.to !== null) {
    await db
      .insertInto('unit_status')
      .values({ tenant_id: ctx.tenantId, unit_id: unitId, status: 'available', during: repo.range(p.to, resumeUntil), note: null, created_by: p.userId })
      .execute();
  }
}

/**
 * Frees the unit from `end` on: the occupied period running across `end` is cut there and an
 * available period starts (until that period's old end). Nothing changes if no occupied period
 * runs past `end`. The caller holds the unit's row lock.
 */
export async function releaseUnit(db: Transaction<DB>, ctx: Ctx, unitId: string, p: { end: string; userId: string | null }) {
  const periods = await repo.statusPeriods(db, ctx, unitId);
  const running = periods.find((s) => s.status === 'occupied' && s.from < p.end && (s.to === null || s.to > p.end));
  if (!running) {
    return;
  }
  await db
    .updateTable('unit_status')
    .set({ during: repo.range(running.from, p.end) })
    .where(inTenant(ctx))
    .where('id', '=', running.id)
    .execute();
  await db
    .insertInto('unit_status')
    .values({ tenant_id: ctx.tenantId, unit_id: unitId, status: 'available', during: repo.range(p.end, running.to), note: null, created_by: p.userId })
    .execute();
}
