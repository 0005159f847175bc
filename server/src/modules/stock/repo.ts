import { type SelectQueryBuilder, sql } from 'kysely';
import type { TenantContext } from '../../kernel/context.js';
import { type Executor, inTenant } from '../../kernel/db/tenant.js';
import type { DB } from '../../kernel/db/types.js';
import type { Keyset } from '../../kernel/http/pagination.js';

type Ctx = Pick<TenantContext, 'tenantId'>;

const escapeLike = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

// ---- estates ----

export function listEstates(db: Executor, ctx: Ctx) {
  return estateQuery(db, ctx).orderBy('e.name').execute();
}

export function getEstate(db: Executor, ctx: Ctx, id: string) {
  return estateQuery(db, ctx).where('e.id', '=', id).executeTakeFirst();
}

function estateQuery(db: Executor, ctx: Ctx) {
  return db
    .selectFrom('estate as e')
    .select((eb) => [
      'e.id',
      'e.code',
      'e.name',
      'e.description',
      eb
        .selectFrom('building as b')
        .select((x) => x.fn.countAll<number>().as('n'))
        .whereRef('b.tenant_id', '=', 'e.tenant_id')
        .whereRef('b.estate_id', '=', 'e.id')
        .as('building_count'),
      eb
        .selectFrom('unit as u')
        .innerJoin('building as b', (j) => j.onRef('b.tenant_id', '=', 'u.tenant_id').onRef('b.id', '=', 'u.building_id'))
        .select((x) => x.fn.countAll<number>().as('n'))
        .whereRef('b.tenant_id', '=', 'e.tenant_id')
        .whereRef('b.estate_id', '=', 'e.id')
        .as('unit_count'),
    ])
    .where(inTenant(ctx, 'e'));
}
export type EstateRow = NonNullable<Awaited<ReturnType<typeof getEstate>>>;

export function findEstate(db: Executor, ctx: Ctx, by: { code?: string | null; name?: string | null; exceptId?: string }) {
  let q = db.selectFrom('estate').select(['id', 'code', 'name']).where(inTenant(ctx));
  q = q.where((eb) =>
    eb.or([
      ...(by.code ? [eb('code', '=', by.code)] : []),
      ...(by.name ? [eb(sql`lower(name)`, '=', by.name.toLowerCase())] : []),
      ...(by.code || by.name ? [] : [sql<boolean>`false`]),
    ]),
  );
  if (by.exceptId) {
    q = q.where('id', '<>', by.exceptId);
  }
  return q.executeTakeFirst();
}

// ---- buildings ----

function buildingQuery(db: Executor, ctx: Ctx) {
  return db
    .selectFrom('building as b')
    .leftJoin('estate as e', (j) => j.onRef('e.tenant_id', '=', 'b.tenant_id').onRef('e.id', '=', 'b.estate_id'))
    .selectAll('b')
    .select((eb) => [
      'e.name as estate_name',
      eb
        .selectFrom('unit as u')
        .select((x) => x.fn.countAll<number>().as('n'))
        .whereRef('u.tenant_id', '=', 'b.tenant_id')
        .whereRef('u.building_id', '=', 'b.id')
        .as('unit_count'),
    ])
    .where(inTenant(ctx, 'b'));
}
export type BuildingRow = NonNullable<Awaited<ReturnType<typeof getBuilding>>>;

export function getBuilding(db: Executor, ctx: Ctx, id: string) {
  return buildingQuery(db, ctx).where('b.id', '=', id).executeTakeFirst();
}

export function listBuildings(db: Executor, ctx: Ctx, f: { q?: string; estateId?: string; after?: Keyset; limit: number }) {
  let q = buildingQuery(db, ctx);
  if (f.q) {
    const like = escapeLike(f.q);
    q = q.where((eb) => eb.or([eb('b.address', 'ilike', like), eb('e.name', 'ilike', like), eb('b.neighbourhood', 'ilike', like)]));
  }
  if (f.estateId) {
    q = q.where('b.estate_id', '=', f.estateId);
  }
  if (f.after) {
    const { v, id } = f.after;
    q = q.where((eb) => eb.or([eb('b.address', '>', v), eb.and([eb('b.address', '=', v), eb('b.id', '>', id)])]));
  }
  return q
    .orderBy('b.address')
    .orderBy('b.id')
    .limit(f.limit + 1)
    .execute();
}

export function findBuildingByAddress(db: Executor, ctx: Ctx, city: string, address: string) {
  return db
    .selectFrom('building')
    .selectAll()
    .where(inTenant(ctx))
    .where(sql`lower(city)`, '=', city.toLowerCase())
    .where(sql`lower(address)`, '=', address.toLowerCase())
    .executeTakeFirst();
}

// ---- common spaces ----

export function listCommonSpaces(db: Executor, ctx: Ctx, f: { estateId?: string; buildingId?: string }) {
  let q = db.selectFrom('common_space').selectAll().where(inTenant(ctx));
  if (f.estateId) {
    q = q.where('estate_id', '=', f.estateId);
  }
  if (f.buildingId) {
    q = q.where('building_id', '=', f.buildingId);
  }
  return q.orderBy('name').orderBy('id').execute();
}
export type CommonSpaceRow = Awaited<ReturnType<typeof listCommonSpaces>>[number];

export function commonSpacesOfUnit(db: Executor, ctx: Ctx, buildingId: string, estateId: string | null) {
  return db
    .selectFrom('common_space')
    .selectAll()
    .where(inTenant(ctx))
    .where((eb) => eb.or([eb('building_id', '=', buildingId), ...(estateId ? [eb('estate_id', '=', estateId)] : [])]))
    .orderBy('name')
    .orderBy('id')
    .execute();
}

// ---- units ----

/**
 * The period in force on `day`, written with the stored start/end dates and plain comparisons:
 * under row-level security `during @> day` (not leakproof) would lose its statistics (migration 0007).
 * Periods are joined to their unit on `unit_key` (= unit_id), which only the btree indexes hold
 * (migration 0013): on `unit_id` the planner picked the EXCLUDE constraint's GiST index.
 */
const inForce = (alias: string, day: string) =>
  sql<boolean>`${sql.ref(`${alias}.starts_on`)} <= ${day}::date AND (${sql.ref(`${alias}.ends_on`)} IS NULL OR ${sql.ref(`${alias}.ends_on`)} > ${day}::date)`;

const ACCESSIBILITY_COLUMNS = {
  step_free_access: 'u.acc_step_free_access',
  lift: 'u.acc_lift',
  accessible_bathroom: 'u.acc_accessible_bathroom',
  wheelchair_turning_space: 'u.acc_wheelchair_turning_space',
} as const;

/** Above every character: `key < prefix + TOP` holds for every key that starts with the prefix. */
const TOP = String.fromCodePoint(0x10ffff);

/** The units of the ente, alone: filters reach buildings, estates and timelines by semi-joins. */
function baseUnits(db: Executor, ctx: Ctx) {
  return db.selectFrom('unit as u').where(inTenant(ctx, 'u'));
}
type BaseUnits = ReturnType<typeof baseUnits>;

/** Adds what a unit row shows: owner, managing body, status and program on `today`. */
function unitColumns(q: BaseUnits, today: string) {
  return q
    .innerJoin('building as b', (j) => j.onRef('b.tenant_id', '=', 'u.tenant_id').onRef('b.id', '=', 'u.building_id'))
    .leftJoin('estate as e', (j) => j.onRef('e.tenant_id', '=', 'b.tenant_id').onRef('e.id', '=', 'b.estate_id'))
    .leftJoin('organisation as oo', (j) => j.onRef('oo.tenant_id', '=', 'u.tenant_id').onRef('oo.id', '=', 'u.owner_organisation_id'))
    .leftJoin('organisation as om', (j) => j.onRef('om.tenant_id', '=', 'u.tenant_id').onRef('om.id', '=', 'u.managing_organisation_id'))
    .leftJoin('unit_status as cs', (j) => j.onRef('cs.tenant_id', '=', 'u.tenant_id').onRef('cs.unit_key', '=', 'u.id').on(inForce('cs', today)))
    .leftJoin('unit_program as cp', (j) => j.onRef('cp.tenant_id', '=', 'u.tenant_id').onRef('cp.unit_key', '=', 'u.id').on(inForce('cp', today)))
    .selectAll('u')
    .select([
      'b.address',
      'b.city',
      'b.postcode',
      'b.neighbourhood',
      'b.latitude',
      'b.longitude',
      'b.floors as building_floors',
      'b.has_lift',
      'b.year_built',
      'b.estate_id',
      'e.code as estate_code',
      'e.name as estate_name',
      'oo.name as owner_organisation_name',
      'om.name as managing_organisation_name',
      'cs.status as current_status',
      'cp.program as current_program',
      'cp.solution_type as current_solution_type',
    ]);
}
export type UnitRow = Awaited<ReturnType<ReturnType<typeof unitColumns>['executeTakeFirstOrThrow']>>;

export interface UnitFilter {
  q?: string;
  neighbourhood?: string;
  estateId?: string;
  buildingId?: string;
  program?: string;
  status?: string;
  minSurface?: number;
  maxSurface?: number;
  minBedrooms?: number;
  minBeds?: number;
  accessibility?: string[];
}

/**
 * The units matching the filter. Every condition uses leakproof operators on plain columns (or
 * sub-queries on small tables), so that under row-level security the planner keeps its statistics
 * and indexes: code prefix on the stored lower-case key; address and estate name (substring)
 * matched on the few buildings and estates first.
 */
function filteredUnits(db: Executor, ctx: Ctx, today: string, f: UnitFilter): BaseUnits {
  let q = baseUnits(db, ctx);
  if (f.q) {
    const key = f.q.toLowerCase();
    q = q.where('u.id', 'in', (eb) =>
      eb
        .selectFrom('unit as qu')
        .select('qu.id')
        .where(inTenant(ctx, 'qu'))
        .where('qu.code_key', '>=', key)
        .where('qu.code_key', '<', key + TOP)
        .unionAll(
          eb
            .selectFrom('unit as qu')
            .select('qu.id')
            .where(inTenant(ctx, 'qu'))
            .where(sql<boolean>`qu.building_id = ANY(ARRAY(${buildingsMatching(db, ctx, f.q as string)}))`),
        ),
    );
  }
  if (f.neighbourhood || f.estateId) {
    // `= ANY(ARRAY(…))`: the few matching buildings are listed first and their units read through
    // the building index (as a semi-join it was planned as a scan of every unit).
    let buildings = db.selectFrom('building as fb').select('fb.id').where(inTenant(ctx, 'fb'));
    if (f.neighbourhood) {
      buildings = buildings.where('fb.neighbourhood_key', '=', f.neighbourhood.toLowerCase());
    }
    if (f.estateId) {
      buildings = buildings.where('fb.estate_id', '=', f.estateId);
    }
    q = q.where(sql<boolean>`u.building_id = ANY(ARRAY(${buildings}))`);
  }
  if (f.buildingId) {
    q = q.where('u.building_id', '=', f.buildingId);
  }
  // Current program and status as semi-joins: the planner may start from their indexes
  // (few units of a rare program) or probe them unit by unit in code order (common ones).
  if (f.program) {
    const program = f.program;
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('unit_program as fp')
          .select('fp.id')
          .whereRef('fp.tenant_id', '=', 'u.tenant_id')
          .whereRef('fp.unit_key', '=', 'u.id')
          .where('fp.program', '=', program)
          .where(inForce('fp', today)),
      ),
    );
  }
  if (f.status) {
    const status = f.status;
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('unit_status as fs')
          .select('fs.id')
          .whereRef('fs.tenant_id', '=', 'u.tenant_id')
          .whereRef('fs.unit_key', '=', 'u.id')
          .where('fs.status', '=', status)
          .where(inForce('fs', today)),
      ),
    );
  }
  if (f.minSurface !== undefined) {
    q = q.where('u.surface_m2', '>=', f.minSurface);
  }
  if (f.maxSurface !== undefined) {
    q = q.where('u.surface_m2', '<=', f.maxSurface);
  }
  if (f.minBedrooms !== undefined) {
    q = q.where('u.bedrooms', '>=', f.minBedrooms);
  }
  if (f.minBeds !== undefined) {
    q = q.where('u.beds', '>=', f.minBeds);
  }
  for (const feature of f.accessibility ?? []) {
    const column = ACCESSIBILITY_COLUMNS[feature as keyof typeof ACCESSIBILITY_COLUMNS];
    if (column) {
      q = q.where(column, '=', true);
    }
  }
  return q;
}

/**
 * One page of units in code order. The page is chosen first on the filtered units alone (ids and
 * codes), then only its rows get their owner, status and program: joining those for every match
 * before the LIMIT cost a probe per matching unit.
 */
/** The buildings whose address or estate name contains `text` (few: matched before their units). */
function buildingsMatching(db: Executor, ctx: Ctx, text: string) {
  const like = escapeLike(text);
  return db
    .selectFrom('building as sb')
    .leftJoin('estate as se', (j) => j.onRef('se.tenant_id', '=', 'sb.tenant_id').onRef('se.id', '=', 'sb.estate_id'))
    .select('sb.id')
    .where(inTenant(ctx, 'sb'))
    .where((x) => x.or([x('sb.address', 'ilike', like), x('se.name', 'ilike', like)]));
}

/**
 * One page of units in code order. The page is chosen first on the filtered units alone (ids and
 * codes), then only its rows get their building, owner, status and program: joining those for
 * every match before the LIMIT cost a probe per matching unit. With a search, the page is the
 * union of two branches — code prefix, units of the matching buildings — each of which the
 * indexes answer without reading the units (migration 0016).
 */
export function listUnits(db: Executor, ctx: Ctx, today: string, f: UnitFilter & { after?: Keyset; limit: number }) {
  const after = <Q extends BaseUnits>(q: Q): Q => (f.after ? (q.where(sql<boolean>`(u.code, u.id) > (${f.after.v}, ${f.after.id}::uuid)`) as Q) : q);
  const rows = (ids: SelectQueryBuilder<DB, never, { id: string }>) =>
    unitColumns(baseUnits(db, ctx), today).where('u.id', 'in', ids).orderBy('u.code').orderBy('u.id').execute();
  if (!f.q) {
    return rows(pageOfUnits(after(filteredUnits(db, ctx, today, f)), f.limit));
  }
  const key = f.q.toLowerCase();
  const rest = { ...f, q: undefined };
  const byCode = after(filteredUnits(db, ctx, today, rest))
    .where('u.code_key', '>=', key)
    .where('u.code_key', '<', key + TOP)
    .select(['u.id', 'u.code']);
  const byBuilding = after(filteredUnits(db, ctx, today, rest))
    .where(sql<boolean>`u.building_id = ANY(ARRAY(${buildingsMatching(db, ctx, f.q)}))`)
    .select(['u.id', 'u.code']);
  return rows(
    db
      .selectFrom(byCode.union(byBuilding).as('m'))
      .select('m.id')
      .orderBy('m.code')
      .orderBy('m.id')
      .limit(f.limit + 1),
  );
}

function pageOfUnits(q: BaseUnits, limit: number) {
  return q
    .select('u.id')
    .orderBy('u.code')
    .orderBy('u.id')
    .limit(limit + 1);
}

/** How many units match the filter, by current status (null: no status today). */
export function countUnitsByStatus(db: Executor, ctx: Ctx, today: string, f: UnitFilter) {
  return filteredUnits(db, ctx, today, f)
    .leftJoin('unit_status as cs', (j) => j.onRef('cs.tenant_id', '=', 'u.tenant_id').onRef('cs.unit_key', '=', 'u.id').on(inForce('cs', today)))
    .select((eb) => ['cs.status', eb.fn.countAll<string>().as('n')])
    .groupBy('cs.status')
    .execute();
}

/** The neighbourhoods of the ente's buildings, with their unit counts. */
export function neighbourhoods(db: Executor, ctx: Ctx) {
  return db
    .selectFrom('building as b')
    .innerJoin('unit as u', (j) => j.onRef('u.tenant_id', '=', 'b.tenant_id').onRef('u.building_id', '=', 'b.id'))
    .select((eb) => ['b.neighbourhood', eb.fn.countAll<string>().as('n')])
    .where(inTenant(ctx, 'b'))
    .where('b.neighbourhood', 'is not', null)
    .groupBy('b.neighbourhood')
    .orderBy('b.neighbourhood')
    .execute();
}

/** Every unit matching the filter, for the CSV export. */
export function allUnits(db: Executor, ctx: Ctx, today: string, f: UnitFilter) {
  return unitColumns(filteredUnits(db, ctx, today, f), today)
    .orderBy('u.code')
    .orderBy('u.id')
    .execute();
}

export function getUnit(db: Executor, ctx: Ctx, today: string, id: string) {
  return unitColumns(baseUnits(db, ctx), today).where('u.id', '=', id).executeTakeFirst();
}

export function unitIdByCode(db: Executor, ctx: Ctx, code: string) {
  return db.selectFrom('unit').select('id').where(inTenant(ctx)).where('code', '=', code).executeTakeFirst();
}

export function programPeriods(db: Executor, ctx: Ctx, unitId: string) {
  return db
    .selectFrom('unit_program')
    .select(['id', 'program', 'solution_type', 'note', sql<string>`lower(during)`.as('from'), sql<string | null>`upper(during)`.as('to')])
    .where(inTenant(ctx))
    .where('unit_id', '=', unitId)
    .orderBy(sql`lower(during)`, 'desc')
    .execute();
}

export function statusPeriods(db: Executor, ctx: Ctx, unitId: string) {
  return db
    .selectFrom('unit_status')
    .select(['id', 'status', 'note', sql<string>`lower(during)`.as('from'), sql<string | null>`upper(during)`.as('to')])
    .where(inTenant(ctx))
    .where('unit_id', '=', unitId)
    .orderBy(sql`lower(during)`, 'desc')
    .execute();
}

/** The unit row locked for the rest of the transaction (serialises timeline changes of one unit). */
export function lockUnit(db: Executor, ctx: Ctx, id: string) {
  return db.selectFrom('unit').select('id').where(inTenant(ctx)).where('id', '=', id).forUpdate().executeTakeFirst();
}

export function organisationNames(db: Executor, ctx: Ctx) {
  return db.selectFrom('organisation').select(['id', 'name']).where(inTenant(ctx)).execute();
}

export function organisationExists(db: Executor, ctx: Ctx, id: string) {
  return db.selectFrom('organisation').select('id').where(inTenant(ctx)).where('id', '=', id).executeTakeFirst();
}

export const range = (from: string, to: string | null) => sql<string>`daterange(${from}::date, ${to}::date, '[)')`;
