// CSV import and export of units. An import is all or nothing: every row is validated (cells,
// in-file consistency, references to the ente's organisations and estates) before anything is
// written, then everything is written in the request's one transaction.
import { sql } from 'kysely';
import type { z } from 'zod';
import type { TenantContext } from '../../kernel/context.js';
import { type Executor, inTenant } from '../../kernel/db/tenant.js';
import { RequestValidationError } from '../../kernel/http/errors.js';
import { isMessageKey, type Lang, t } from '../../kernel/i18n/messages.js';
import { buildingKey, type CsvColumn, type CsvRow, type ParsedRow, parseStockCsv, type RowError, writeStockCsv } from './csv.js';
import type { UnitRow } from './repo.js';
import * as repo from './repo.js';

type Ctx = Pick<TenantContext, 'tenantId'>;

export interface ImportOutcome {
  rows: number;
  unitsCreated: number;
  unitsUpdated: number;
  estatesCreated: number;
  buildingsCreated: number;
  errors: RowError[];
}

const rowError = (line: number, field: string, code: string, lang: Lang): RowError => ({
  line,
  field,
  code,
  message: isMessageKey(code) ? t(code, lang) : code,
});

/** One CSV row per unit, in the column order of the format. */
export function unitToCsv(u: UnitRow): Record<CsvColumn, string | number | boolean | null> {
  return {
    unit_code: u.code,
    flat_number: u.flat_number,
    floor: u.floor,
    surface_m2: Number(u.surface_m2),
    rooms: u.rooms,
    bedrooms: u.bedrooms,
    beds: u.beds,
    bathrooms: u.bathrooms,
    accessibility: u.accessibility.join('|'),
    energy_class: u.energy_class,
    furnishing: u.furnishing,
    owner_kind: u.owner_kind,
    owner_organisation: u.owner_organisation_name,
    owner_name: u.owner_name,
    managing_body: u.managing_organisation_name,
    notes: u.notes,
    estate_code: u.estate_code,
    estate_name: u.estate_name,
    building_address: u.address,
    building_city: u.city,
    building_postcode: u.postcode,
    building_neighbourhood: u.neighbourhood,
    building_latitude: u.latitude === null ? null : Number(u.latitude),
    building_longitude: u.longitude === null ? null : Number(u.longitude),
    building_floors: u.building_floors,
    building_lift: u.has_lift,
    building_year_built: u.year_built,
    current_program: u.current_program,
    current_solution_type: u.current_solution_type,
    current_status: u.current_status,
  };
}

export function exportCsv(units: UnitRow[]): string {
  return writeStockCsv(units.map(unitToCsv));
}

interface Plan {
  records: number;
  parsed: ParsedRow[];
  orgs: Map<string, string>;
  estates: { id: string; code: string | null; name: string }[];
  buildings: Map<string, { id: string; estate_id: string | null }>;
  units: Map<string, string>;
  errors: RowError[];
}

async function plan(db: Executor, ctx: Ctx, text: string, lang: Lang): Promise<Plan> {
  const { records, rows, errors } = parseStockCsv(text, lang);
  const orgs = new Map((await repo.organisationNames(db, ctx)).map((o) => [o.name.toLowerCase(), o.id]));
  const estates = await db.selectFrom('estate').select(['id', 'code', 'name']).where(inTenant(ctx)).execute();
  const buildings = new Map(
    (await db.selectFrom('building').select(['id', 'estate_id', 'city', 'address']).where(inTenant(ctx)).execute()).map((b) => [
      `${b.city.toLowerCase()}\u0000${b.address.toLowerCase()}`,
      { id: b.id, estate_id: b.estate_id },
    ]),
  );
  const units = new Map((await db.selectFrom('unit').select(['id', 'code']).where(inTenant(ctx)).execute()).map((u) => [u.code, u.id]));
  // Organisation names are checked on the raw cells, so rows with other errors report them too.
  for (const { line, values } of records) {
    for (const f of ['owner_organisation', 'managing_body'] as const) {
      const name = values[f] ?? '';
      if (name !== '' && !orgs.has(name.toLowerCase())) {
        errors.push(rowError(line, f, 'stock.csv.organisation_unknown', lang));
      }
    }
  }
  for (const { line, row } of rows) {
    const byCode = row.estate_code ? estates.find((e) => e.code === row.estate_code) : undefined;
    const byName = row.estate_name ? estates.find((e) => e.name.toLowerCase() === row.estate_name?.toLowerCase()) : undefined;
    if (byCode && byName && byCode.id !== byName.id) {
      errors.push(rowError(line, 'estate_name', 'stock.csv.estate_mismatch', lang));
    }
  }
  errors.sort((a, b) => a.line - b.line);
  return { records: records.length, parsed: rows, orgs, estates, buildings, units, errors };
}

function summary(p: Plan): Omit<ImportOutcome, 'errors'> {
  const newEstates = new Set<string>();
  const newBuildings = new Set<string>();
  let created = 0;
  for (const { row } of p.parsed) {
    if (row.estate_name && !p.estates.some((e) => (row.estate_code && e.code === row.estate_code) || e.name.toLowerCase() === row.estate_name?.toLowerCase())) {
      newEstates.add(row.estate_code ?? row.estate_name.toLowerCase());
    }
    if (!p.buildings.has(buildingKey(row))) {
      newBuildings.add(buildingKey(row));
    }
    if (!p.units.has(row.unit_code)) {
      created += 1;
    }
  }
  return {
    rows: p.records,
    unitsCreated: created,
    unitsUpdated: p.parsed.length - created,
    estatesCreated: newEstates.size,
    buildingsCreated: newBuildings.size,
  };
}

/** The import's row errors as a 400 problem+json: field `line.<n>.<column>`, message in the request language. */
export function importFailure(errors: RowError[]): RequestValidationError {
  return new RequestValidationError(
    errors.map((e) => ({ code: 'custom', path: ['line', e.line, e.field], message: e.code, input: undefined }) as z.core.$ZodIssue),
  );
}

async function resolveEstate(db: Executor, ctx: Ctx, p: Plan, row: CsvRow): Promise<string | null> {
  if (!row.estate_name) {
    return null;
  }
  const found =
    (row.estate_code ? p.estates.find((e) => e.code === row.estate_code) : undefined) ??
    p.estates.find((e) => e.name.toLowerCase() === row.estate_name?.toLowerCase());
  if (found) {
    return found.id;
  }
  const created = await db
    .insertInto('estate')
    .values({ tenant_id: ctx.tenantId, code: row.estate_code, name: row.estate_name })
    .returning(['id', 'code', 'name'])
    .executeTakeFirstOrThrow();
  p.estates.push(created);
  return created.id;
}

function buildingValues(row: CsvRow, estateId: string | null) {
  const cols = {
    estate_id: estateId,
    postcode: row.building_postcode,
    neighbourhood: row.building_neighbourhood,
    latitude: row.building_latitude,
    longitude: row.building_longitude,
    floors: row.building_floors,
    has_lift: row.building_lift,
    year_built: row.building_year_built,
  };
  // An empty cell keeps what the building already has (a building spans many rows).
  return Object.fromEntries(Object.entries(cols).filter(([, v]) => v !== null)) as { [K in keyof typeof cols]?: NonNullable<(typeof cols)[K]> };
}

async function resolveBuilding(db: Executor, ctx: Ctx, p: Plan, row: CsvRow, seen: Set<string>, now: Date): Promise<string> {
  const key = buildingKey(row);
  const estateId = await resolveEstate(db, ctx, p, row);
  const existing = p.buildings.get(key);
  if (existing && seen.has(key)) {
    return existing.id;
  }
  seen.add(key);
  const values = buildingValues(row, estateId);
  if (existing) {
    await db
      .updateTable('building')
      .set({ ...values, updated_at: now })
      .where(inTenant(ctx))
      .where('id', '=', existing.id)
      .execute();
    return existing.id;
  }
  const { id } = await db
    .insertInto('building')
    .values({ ...values, tenant_id: ctx.tenantId, address: row.building_address, city: row.building_city })
    .returning('id')
    .executeTakeFirstOrThrow();
  p.buildings.set(key, { id, estate_id: estateId });
  return id;
}

function unitValues(row: CsvRow, buildingId: string, orgs: Map<string, string>) {
  return {
    building_id: buildingId,
    code: row.unit_code,
    flat_number: row.flat_number,
    floor: row.floor,
    surface_m2: row.surface_m2,
    rooms: row.rooms,
    bedrooms: row.bedrooms,
    beds: row.beds,
    bathrooms: row.bathrooms ?? 1,
    accessibility: [...new Set(row.accessibility ?? [])].sort(),
    energy_class: row.energy_class,
    furnishing: row.furnishing ?? 'none',
    owner_kind: row.owner_kind,
    owner_organisation_id: row.owner_organisation ? (orgs.get(row.owner_organisation.toLowerCase()) ?? null) : null,
    owner_name: row.owner_name,
    managing_organisation_id: row.managing_body ? (orgs.get(row.managing_body.toLowerCase()) ?? null) : null,
    notes: row.notes,
  };
}

/**
 * Validates a CSV of units and, unless `dryRun`, applies it: estates and buildings are matched
 * (estate by code, then name; building by city + address) or created; a known unit code updates
 * that unit, a new one creates it and opens its current status/program from `today`.
 * Throws a RequestValidationError (400) listing every row error when a real import has any.
 */
export async function importUnits(
  db: Executor,
  ctx: Ctx & { principal: { userId: string } },
  text: string,
  opts: { dryRun: boolean; today: string; now: Date; lang: Lang },
): Promise<ImportOutcome> {
  const p = await plan(db, ctx, text, opts.lang);
  const counts = summary(p);
  if (p.errors.length > 0 || opts.dryRun) {
    if (!opts.dryRun) {
      throw importFailure(p.errors);
    }
    return { ...counts, errors: p.errors };
  }
  const seen = new Set<string>();
  const statuses: { unit_id: string; status: string }[] = [];
  const programs: { unit_id: string; program: string; solution_type: string | null }[] = [];
  for (const { row } of p.parsed) {
    const buildingId = await resolveBuilding(db, ctx, p, row, seen, opts.now);
    const values = unitValues(row, buildingId, p.orgs);
    const existing = p.units.get(row.unit_code);
    if (existing) {
      await db
        .updateTable('unit')
        .set({ ...values, updated_at: opts.now })
        .where(inTenant(ctx))
        .where('id', '=', existing)
        .execute();
      continue;
    }
    const { id } = await db
      .insertInto('unit')
      .values({ ...values, tenant_id: ctx.tenantId })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (row.current_status) {
      statuses.push({ unit_id: id, status: row.current_status });
    }
    if (row.current_program) {
      programs.push({ unit_id: id, program: row.current_program, solution_type: row.current_solution_type });
    }
  }
  const during = sql<string>`daterange(${opts.today}::date, NULL, '[)')`;
  const base = { tenant_id: ctx.tenantId, during, created_by: ctx.principal.userId, note: 'CSV import' };
  if (statuses.length > 0) {
    await db
      .insertInto('unit_status')
      .values(statuses.map((s) => ({ ...base, ...s })))
      .execute();
  }
  if (programs.length > 0) {
    await db
      .insertInto('unit_program')
      .values(programs.map((s) => ({ ...base, ...s })))
      .execute();
  }
  return { ...counts, errors: [] };
}
