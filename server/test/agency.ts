// Factories of the agency module (landlords, listings, seekers), shared by its API tests and the
// demo seed. They write as the database owner and create their missing parents.
import { randomUUID } from 'node:crypto';
import type { Executor } from '../src/kernel/db/tenant.js';
import { agreedRentRange, LUCCA_AGREEMENT } from '../src/modules/agency/index.js';
import { buildEnte, buildPerson } from './factories.js';

export interface LandlordSpec {
  tenantId?: string;
  kind?: 'person' | 'company';
  name?: string;
  fiscalCode?: string;
  vatNumber?: string | null;
  userId?: string | null;
  email?: string | null;
  phone?: string | null;
}

export async function buildLandlord(db: Executor, o: LandlordSpec = {}): Promise<{ id: string; tenantId: string }> {
  const tenantId = o.tenantId ?? (await buildEnte(db)).id;
  const { id } = await db
    .insertInto('agency_landlord')
    .values({
      tenant_id: tenantId,
      kind: o.kind ?? 'person',
      name: o.name ?? `Proprietario ${randomUUID().slice(0, 6)}`,
      fiscal_code: o.fiscalCode ?? randomUUID().replace(/-/g, '').slice(0, 16).toUpperCase(),
      vat_number: o.vatNumber ?? null,
      user_id: o.userId ?? null,
      email: o.email ?? null,
      phone: o.phone ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, tenantId };
}

export interface ListingSpec {
  tenantId?: string;
  landlordId?: string;
  title?: string;
  address?: string;
  neighbourhood?: string | null;
  zone?: string;
  subBand?: string;
  surfaceM2?: number;
  rooms?: number;
  bedrooms?: number;
  elements?: string[];
  accessibility?: string[];
  unitId?: string | null;
  rentAskedCents?: number;
  expensesCents?: number;
  availableFrom?: string;
  furnishing?: 'none' | 'partial' | 'full';
  contractType?: 'agevolato' | 'transitorio' | 'studenti';
  petsAllowed?: boolean;
  status?: string;
  createdAt?: Date;
}

/** A property and its listing, with the agreed-rent range of the Lucca preset stored. */
export async function buildListing(db: Executor, o: ListingSpec = {}): Promise<{ id: string; tenantId: string; propertyId: string; landlordId: string }> {
  const landlord = o.landlordId
    ? await db.selectFrom('agency_landlord').select(['id', 'tenant_id']).where('id', '=', o.landlordId).executeTakeFirstOrThrow()
    : await buildLandlord(db, { tenantId: o.tenantId }).then((l) => ({ id: l.id, tenant_id: l.tenantId }));
  const tenantId = landlord.tenant_id;
  const zone = o.zone ?? 'C';
  const subBand = o.subBand ?? '2';
  const surface = o.surfaceM2 ?? 65;
  const elements = o.elements ?? ['lift', 'autonomous_heating', 'double_glazing', 'balcony'];
  const furnishing = o.furnishing ?? 'none';
  const contractType = o.contractType ?? 'agevolato';
  const { id: propertyId } = await db
    .insertInto('agency_property')
    .values({
      tenant_id: tenantId,
      landlord_id: landlord.id,
      unit_id: o.unitId ?? null,
      address: o.address ?? `via Test ${randomUUID().slice(0, 4)}`,
      neighbourhood: o.neighbourhood ?? null,
      zone,
      sub_band: subBand,
      surface_m2: surface,
      rooms: o.rooms ?? 3,
      bedrooms: o.bedrooms ?? 2,
      elements,
      accessibility: o.accessibility ?? [],
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const rent = o.rentAskedCents ?? 45_000;
  const r = agreedRentRange(LUCCA_AGREEMENT, { zone, subBand, surfaceM2Tenths: Math.round(surface * 10), elements, furnishing, contractType });
  const range = r.ok ? { min: r.minCents, max: r.maxCents, lines: r.lines } : null;
  const { id } = await db
    .insertInto('agency_listing')
    .values({
      tenant_id: tenantId,
      property_id: propertyId,
      title: o.title ?? `Appartamento ${randomUUID().slice(0, 4)}`,
      status: o.status ?? 'available',
      rent_asked_cents: rent,
      expenses_cents: o.expensesCents ?? 4_000,
      available_from: o.availableFrom ?? '2026-11-01',
      furnishing,
      contract_type: contractType,
      pets_allowed: o.petsAllowed ?? false,
      range_min_cents: range?.min ?? null,
      range_max_cents: range?.max ?? null,
      rent_position: range ? (rent < range.min ? 'below' : rent > range.max ? 'above' : 'inside') : null,
      range_lines: JSON.stringify(range?.lines ?? []) as never,
      ...(o.createdAt ? { created_at: o.createdAt } : {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, tenantId, propertyId, landlordId: landlord.id };
}

export interface SeekerSpec {
  tenantId?: string;
  personId?: string;
  householdSize?: number;
  annualIncomeCents?: number;
  minBedrooms?: number;
  preferredZones?: string[];
  situation?: string[];
  accessibilityNeeds?: string[];
  hasPets?: boolean;
  intakeOn?: string;
  status?: string;
  givenName?: string;
  familyName?: string;
}

export async function buildSeeker(db: Executor, o: SeekerSpec = {}): Promise<{ id: string; tenantId: string; personId: string }> {
  const tenantId = o.tenantId ?? (await buildEnte(db)).id;
  const personId = o.personId ?? (await buildPerson(db, { tenantId, givenName: o.givenName, familyName: o.familyName })).id;
  const { id } = await db
    .insertInto('agency_seeker')
    .values({
      tenant_id: tenantId,
      person_id: personId,
      intake_on: o.intakeOn ?? '2026-10-01',
      household_size: o.householdSize ?? 3,
      annual_income_cents: o.annualIncomeCents ?? 2_400_000,
      situation: o.situation ?? ['eviction'],
      min_bedrooms: o.minBedrooms ?? 2,
      preferred_zones: o.preferredZones ?? ['C'],
      accessibility_needs: o.accessibilityNeeds ?? [],
      has_pets: o.hasPets ?? false,
      status: o.status ?? 'open',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, tenantId, personId };
}

/** Marks the agency's places as created (the Lucca preset) so tests can book at once. */
export async function placesOf(db: Executor, tenantId: string) {
  return db.selectFrom('agency_place').select(['id', 'code']).where('tenant_id', '=', tenantId).orderBy('code').execute();
}
