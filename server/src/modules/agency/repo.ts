// Queries of the agency's tables. Plain functions over Kysely taking the request's transaction;
// every query starts with the tenant filter (row-level security is the second wall).
import { sql } from 'kysely';
import { type Executor, inTenant } from '../../kernel/db/tenant.js';

type Ctx = { tenantId: string };

/** A value for a jsonb column (the generated types wrap defaulted jsonb columns twice). */
export const jsonb = (v: unknown) => JSON.stringify(v) as never;

export const json = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

// ---- settings ----

export function settingsRow(db: Executor, ctx: Ctx) {
  return db.selectFrom('agency_settings').selectAll().where(inTenant(ctx)).executeTakeFirst();
}

// ---- landlords ----

export function landlordQuery(db: Executor, ctx: Ctx) {
  return db
    .selectFrom('agency_landlord as l')
    .selectAll('l')
    .select((eb) =>
      eb
        .selectFrom('agency_listing as li')
        .innerJoin('agency_property as p', (j) => j.onRef('p.tenant_id', '=', 'li.tenant_id').onRef('p.id', '=', 'li.property_id'))
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('p.tenant_id', '=', 'l.tenant_id')
        .whereRef('p.landlord_id', '=', 'l.id')
        .as('listing_count'),
    )
    .where(inTenant(ctx, 'l'));
}
export type LandlordRow = Awaited<ReturnType<ReturnType<typeof landlordQuery>['executeTakeFirstOrThrow']>>;

export function findLandlord(db: Executor, ctx: Ctx, id: string) {
  return landlordQuery(db, ctx).where('l.id', '=', id).executeTakeFirst();
}

export function landlordOfUser(db: Executor, ctx: Ctx, userId: string) {
  return landlordQuery(db, ctx).where('l.user_id', '=', userId).executeTakeFirst();
}

export function userByEmail(db: Executor, ctx: Ctx, email: string) {
  return db.selectFrom('app_user as u').select(['u.id']).where(inTenant(ctx, 'u')).where(sql<boolean>`lower(u.email) = lower(${email})`).executeTakeFirst();
}

export async function userHasRole(db: Executor, ctx: Ctx, userId: string, role: string) {
  const r = await db
    .selectFrom('role_assignment')
    .select('user_id')
    .where(inTenant(ctx))
    .where('user_id', '=', userId)
    .where('role', '=', role)
    .executeTakeFirst();
  return r !== undefined;
}

// ---- properties and listings ----

export function propertyQuery(db: Executor, ctx: Ctx) {
  return db
    .selectFrom('agency_property as p')
    .leftJoin('unit as u', (j) => j.onRef('u.tenant_id', '=', 'p.tenant_id').onRef('u.id', '=', 'p.unit_id'))
    .selectAll('p')
    .select('u.code as unit_code')
    .where(inTenant(ctx, 'p'));
}
export type PropertyRow = Awaited<ReturnType<ReturnType<typeof propertyQuery>['executeTakeFirstOrThrow']>>;

export function listingQuery(db: Executor, ctx: Ctx) {
  return db
    .selectFrom('agency_listing as li')
    .innerJoin('agency_property as p', (j) => j.onRef('p.tenant_id', '=', 'li.tenant_id').onRef('p.id', '=', 'li.property_id'))
    .innerJoin('agency_landlord as l', (j) => j.onRef('l.tenant_id', '=', 'p.tenant_id').onRef('l.id', '=', 'p.landlord_id'))
    .leftJoin('unit as u', (j) => j.onRef('u.tenant_id', '=', 'p.tenant_id').onRef('u.id', '=', 'p.unit_id'))
    .selectAll('li')
    .select([
      'p.landlord_id',
      'p.unit_id',
      'u.code as unit_code',
      'p.address',
      'p.city',
      'p.neighbourhood',
      'p.zone',
      'p.sub_band',
      'p.surface_m2',
      'p.rooms',
      'p.bedrooms',
      'p.floor',
      'p.elements',
      'p.accessibility',
      'p.energy_class',
      'l.name as landlord_name',
      'l.user_id as landlord_user_id',
    ])
    .where(inTenant(ctx, 'li'));
}
export type ListingRow = Awaited<ReturnType<ReturnType<typeof listingQuery>['executeTakeFirstOrThrow']>>;

export function findListing(db: Executor, ctx: Ctx, id: string) {
  return listingQuery(db, ctx).where('li.id', '=', id).executeTakeFirst();
}

export async function photosOf(db: Executor, ctx: Ctx, listingIds: string[]) {
  if (listingIds.length === 0) {
    return [];
  }
  return db
    .selectFrom('agency_listing_photo')
    .select(['id', 'listing_id', 'content_type', 'size_bytes', 'caption'])
    .where(inTenant(ctx))
    .where('listing_id', 'in', listingIds)
    .orderBy('created_at')
    .execute();
}

export function incentivesOf(db: Executor, ctx: Ctx, landlordId: string) {
  return db.selectFrom('agency_incentive').selectAll().where(inTenant(ctx)).where('landlord_id', '=', landlordId).orderBy('granted_on', 'desc').execute();
}

// ---- seekers ----

export function seekerQuery(db: Executor, ctx: Ctx) {
  return db
    .selectFrom('agency_seeker as s')
    .innerJoin('person as pe', (j) => j.onRef('pe.tenant_id', '=', 's.tenant_id').onRef('pe.id', '=', 's.person_id'))
    .selectAll('s')
    .select(['pe.given_name', 'pe.family_name', 'pe.codice_fiscale'])
    .where(inTenant(ctx, 's'));
}
export type SeekerRow = Awaited<ReturnType<ReturnType<typeof seekerQuery>['executeTakeFirstOrThrow']>>;

export function findSeeker(db: Executor, ctx: Ctx, id: string) {
  return seekerQuery(db, ctx).where('s.id', '=', id).executeTakeFirst();
}

export function stepsOf(db: Executor, ctx: Ctx, seekerId: string) {
  return db
    .selectFrom('agency_project_step')
    .selectAll()
    .where(inTenant(ctx))
    .where('seeker_id', '=', seekerId)
    .orderBy(sql`due_on NULLS LAST`)
    .orderBy('created_at')
    .execute();
}

// ---- proposals and contracts ----

export function proposalQuery(db: Executor, ctx: Ctx) {
  return db
    .selectFrom('agency_proposal as pr')
    .innerJoin('agency_seeker as s', (j) => j.onRef('s.tenant_id', '=', 'pr.tenant_id').onRef('s.id', '=', 'pr.seeker_id'))
    .innerJoin('person as pe', (j) => j.onRef('pe.tenant_id', '=', 's.tenant_id').onRef('pe.id', '=', 's.person_id'))
    .innerJoin('agency_listing as li', (j) => j.onRef('li.tenant_id', '=', 'pr.tenant_id').onRef('li.id', '=', 'pr.listing_id'))
    .innerJoin('agency_property as p', (j) => j.onRef('p.tenant_id', '=', 'li.tenant_id').onRef('p.id', '=', 'li.property_id'))
    .innerJoin('agency_landlord as l', (j) => j.onRef('l.tenant_id', '=', 'p.tenant_id').onRef('l.id', '=', 'p.landlord_id'))
    .leftJoin('agency_contract as c', (j) => j.onRef('c.tenant_id', '=', 'pr.tenant_id').onRef('c.proposal_id', '=', 'pr.id'))
    .selectAll('pr')
    .select([
      'pe.given_name',
      'pe.family_name',
      's.household_size',
      'li.title as listing_title',
      'li.rent_asked_cents',
      'l.id as landlord_id',
      'l.name as landlord_name',
      'l.user_id as landlord_user_id',
      'c.id as contract_id',
      'c.contract_type',
      'c.monthly_rent_cents',
      'c.start_on',
      'c.end_on',
      'c.signed_on',
      'c.registered_on',
      'c.registration_ref',
      'c.tenancy_id',
    ])
    .where(inTenant(ctx, 'pr'));
}
export type ProposalRow = Awaited<ReturnType<ReturnType<typeof proposalQuery>['executeTakeFirstOrThrow']>>;

export function findProposal(db: Executor, ctx: Ctx, id: string) {
  return proposalQuery(db, ctx).where('pr.id', '=', id).executeTakeFirst();
}

// ---- places and appointments ----

export function places(db: Executor, ctx: Ctx) {
  return db.selectFrom('agency_place').selectAll().where(inTenant(ctx)).orderBy('code').execute();
}
export type PlaceRow = Awaited<ReturnType<typeof places>>[number];

export function findPlace(db: Executor, ctx: Ctx, id: string) {
  return db.selectFrom('agency_place').selectAll().where(inTenant(ctx)).where('id', '=', id).executeTakeFirst();
}

export function appointmentQuery(db: Executor, ctx: Ctx) {
  return db
    .selectFrom('agency_appointment as a')
    .innerJoin('agency_place as pl', (j) => j.onRef('pl.tenant_id', '=', 'a.tenant_id').onRef('pl.id', '=', 'a.place_id'))
    .selectAll('a')
    .select(['pl.name as place_name', 'pl.address as place_address'])
    .where(inTenant(ctx, 'a'));
}
export type AppointmentRow = Awaited<ReturnType<ReturnType<typeof appointmentQuery>['executeTakeFirstOrThrow']>>;

/** Start instants of the live (not cancelled) slot bookings of a place in [from, to). */
export async function takenStarts(db: Executor, ctx: Ctx, placeId: string, from: Date, to: Date): Promise<Set<number>> {
  const rows = await db
    .selectFrom('agency_appointment')
    .select('starts_at')
    .where(inTenant(ctx))
    .where('place_id', '=', placeId)
    .where('status', '<>', 'cancelled')
    .where('channel', '<>', 'walk_in')
    .where('starts_at', '>=', from)
    .where('starts_at', '<', to)
    .execute();
  return new Set(rows.map((r) => new Date(r.starts_at).getTime()));
}
