// Factories build valid rows and create their missing parents, so every test (and the demo
// seed) makes its own ente and stays isolated from the others. They write as the database owner.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { hashPassword } from '../src/kernel/auth/password.js';
import type { Program, Role } from '../src/kernel/auth/permissions.js';
import type { Executor } from '../src/kernel/db/tenant.js';

export const TEST_PASSWORD = 'correct-horse-battery-staple';

const hashes = new Map<string, Promise<string>>();
/** argon2 is slow on purpose; one hash per distinct password is enough for tests and demo data. */
function cachedHash(password: string): Promise<string> {
  let h = hashes.get(password);
  if (!h) {
    h = hashPassword(password);
    hashes.set(password, h);
  }
  return h;
}

export interface EnteRow {
  id: string;
  slug: string;
  name: string;
}

export async function buildEnte(db: Executor, o: { slug?: string; name?: string; belfiore?: string; istat?: string } = {}): Promise<EnteRow> {
  const slug = o.slug ?? `ente-${randomUUID().slice(0, 8)}`;
  return db
    .insertInto('ente')
    .values({ slug, name: o.name ?? `Comune di ${slug}`, kind: 'comune', belfiore: o.belfiore ?? null, codice_istat: o.istat ?? null })
    .returning(['id', 'slug', 'name'])
    .executeTakeFirstOrThrow();
}

export async function buildOrganisation(
  db: Executor,
  o: { tenantId?: string; name?: string; kind?: string; fiscalCode?: string } = {},
): Promise<{ id: string; tenantId: string; name: string }> {
  const tenantId = o.tenantId ?? (await buildEnte(db)).id;
  const row = await db
    .insertInto('organisation')
    .values({
      tenant_id: tenantId,
      name: o.name ?? `Organisation ${randomUUID().slice(0, 8)}`,
      kind: o.kind ?? 'municipality',
      fiscal_code: o.fiscalCode ?? null,
    })
    .returning(['id', 'name'])
    .executeTakeFirstOrThrow();
  return { id: row.id, tenantId, name: row.name };
}

export interface UserSpec {
  tenantId?: string;
  organisationId?: string | null;
  email?: string;
  fullName?: string;
  password?: string;
  roles?: { role: Role; program?: Program | null }[];
  isDemo?: boolean;
  active?: boolean;
}

export interface BuiltUser {
  id: string;
  tenantId: string;
  email: string;
  password: string;
  enteSlug: string;
}

export async function buildUser(db: Executor, o: UserSpec = {}): Promise<BuiltUser> {
  const tenantId = o.tenantId ?? (await buildEnte(db)).id;
  const password = o.password ?? TEST_PASSWORD;
  const email = o.email ?? `user-${randomUUID().slice(0, 8)}@example.org`;
  const { id } = await db
    .insertInto('app_user')
    .values({
      tenant_id: tenantId,
      organisation_id: o.organisationId ?? null,
      email,
      full_name: o.fullName ?? `Test ${email.split('@')[0]}`,
      password_hash: await cachedHash(password),
      is_demo: o.isDemo ?? false,
      active: o.active ?? true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const r of o.roles ?? []) {
    await db
      .insertInto('role_assignment')
      .values({ tenant_id: tenantId, user_id: id, role: r.role, program: r.program ?? null })
      .execute();
  }
  const ente = await db.selectFrom('ente').select('slug').where('id', '=', tenantId).executeTakeFirstOrThrow();
  return { id, tenantId, email, password, enteSlug: ente.slug };
}

// --- registry ---------------------------------------------------------------------------------

export interface PersonSpec {
  tenantId?: string;
  givenName?: string;
  familyName?: string;
  codiceFiscale?: string | null;
  birthDate?: string | null;
  sex?: 'M' | 'F';
  userId?: string | null;
  noFixedAddress?: boolean;
  enrolments?: { program: Program; startedOn?: string; endedOn?: string | null }[];
}

export async function buildPerson(db: Executor, o: PersonSpec = {}): Promise<{ id: string; tenantId: string }> {
  const tenantId = o.tenantId ?? (await buildEnte(db)).id;
  const { id } = await db
    .insertInto('person')
    .values({
      tenant_id: tenantId,
      given_name: o.givenName ?? 'Anna',
      family_name: o.familyName ?? `Test${randomUUID().slice(0, 6)}`,
      codice_fiscale: o.codiceFiscale ?? null,
      birth_date: o.birthDate ?? '1980-01-01',
      sex: o.sex ?? 'F',
      user_id: o.userId ?? null,
      no_fixed_address: o.noFixedAddress ?? false,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const e of o.enrolments ?? []) {
    await db
      .insertInto('enrolment')
      .values({ tenant_id: tenantId, person_id: id, program: e.program, started_on: e.startedOn ?? '2025-01-01', ended_on: e.endedOn ?? null })
      .execute();
  }
  return { id, tenantId };
}

// ---- stock ----

export async function buildEstate(
  db: Executor,
  o: { tenantId?: string; code?: string | null; name?: string } = {},
): Promise<{ id: string; tenantId: string; name: string }> {
  const tenantId = o.tenantId ?? (await buildEnte(db)).id;
  const row = await db
    .insertInto('estate')
    .values({ tenant_id: tenantId, code: o.code ?? null, name: o.name ?? `Estate ${randomUUID().slice(0, 8)}` })
    .returning(['id', 'name'])
    .executeTakeFirstOrThrow();
  return { id: row.id, tenantId, name: row.name };
}

export interface BuildingSpec {
  tenantId?: string;
  estateId?: string | null;
  address?: string;
  city?: string;
  neighbourhood?: string | null;
  hasLift?: boolean;
}

export async function buildBuilding(db: Executor, o: BuildingSpec = {}): Promise<{ id: string; tenantId: string; estateId: string | null }> {
  const tenantId = o.tenantId ?? (await buildEnte(db)).id;
  const estateId = o.estateId === undefined ? (await buildEstate(db, { tenantId })).id : o.estateId;
  const row = await db
    .insertInto('building')
    .values({
      tenant_id: tenantId,
      estate_id: estateId,
      address: o.address ?? `via Test ${randomUUID().slice(0, 6)}`,
      city: o.city ?? 'Lucca',
      postcode: '55100',
      neighbourhood: o.neighbourhood ?? null,
      has_lift: o.hasLift ?? false,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, tenantId, estateId };
}

export interface UnitSpec {
  tenantId?: string;
  buildingId?: string;
  code?: string;
  surfaceM2?: number;
  rooms?: number;
  bedrooms?: number;
  beds?: number;
  accessibility?: string[];
  ownerKind?: string;
  /** Opens a status period [since, ∞). */
  status?: { status: string; from: string; to?: string | null };
  /** Opens a program period [from, ∞). */
  program?: { program: Program; from: string; to?: string | null; solutionType?: string | null };
}

export async function buildUnit(db: Executor, o: UnitSpec = {}): Promise<{ id: string; tenantId: string; buildingId: string; code: string }> {
  const tenantId = o.tenantId ?? (o.buildingId ? undefined : (await buildEnte(db)).id);
  const building = o.buildingId
    ? await db.selectFrom('building').select(['id', 'tenant_id']).where('id', '=', o.buildingId).executeTakeFirstOrThrow()
    : { id: (await buildBuilding(db, { tenantId })).id, tenant_id: tenantId as string };
  const code = o.code ?? `U-${randomUUID().slice(0, 8)}`;
  const { id } = await db
    .insertInto('unit')
    .values({
      tenant_id: building.tenant_id,
      building_id: building.id,
      code,
      surface_m2: o.surfaceM2 ?? 60,
      rooms: o.rooms ?? 3,
      bedrooms: o.bedrooms ?? 2,
      beds: o.beds ?? 3,
      accessibility: o.accessibility ?? [],
      owner_kind: o.ownerKind ?? 'municipality',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (o.status) {
    await db
      .insertInto('unit_status')
      .values({
        tenant_id: building.tenant_id,
        unit_id: id,
        status: o.status.status,
        during: sql<string>`daterange(${o.status.from}::date, ${o.status.to ?? null}::date)`,
      })
      .execute();
  }
  if (o.program) {
    await db
      .insertInto('unit_program')
      .values({
        tenant_id: building.tenant_id,
        unit_id: id,
        program: o.program.program,
        solution_type: o.program.solutionType ?? null,
        during: sql<string>`daterange(${o.program.from}::date, ${o.program.to ?? null}::date)`,
      })
      .execute();
  }
  return { id, tenantId: building.tenant_id, buildingId: building.id, code };
}
