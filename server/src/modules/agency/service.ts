// Agency operations on landlords, properties, listings and settings. Each runs in the request's
// transaction, so a listing, its property and its audit row commit together or not at all.
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import { type Executor, inTenant } from '../../kernel/db/tenant.js';
import type { DB } from '../../kernel/db/types.js';
import { AppError } from '../../kernel/http/errors.js';
import type { MessageKey } from '../../kernel/i18n/messages.js';
import { validateCodiceFiscale } from '../registry/index.js';
import { unitFacts } from '../stock/index.js';
import * as repo from './repo.js';
import { type AgreementParams, agreedRentRange, LUCCA_AGREEMENT, rentPosition } from './rules/canone-concordato.js';
import { validatePartitaIva } from './rules/fiscal-id.js';
import type { LandlordBody, ListingBody, ListingPatch, PhotoBody, PropertyBody, SettingsBody } from './schema.js';

type Ctx = { tenantId: string };

export const fieldError = (status: number, code: MessageKey, field: string, where: 'body' | 'query' = 'body') =>
  new AppError(status, code, [{ field, in: where, code }]);

// ---- settings ----

export interface Settings {
  agreement: AgreementParams;
  affordabilityBp: number;
  includeExpenses: boolean;
  isPreset: boolean;
}

export async function settingsOf(db: Executor, ctx: Ctx): Promise<Settings> {
  const row = await repo.settingsRow(db, ctx);
  if (!row) {
    return { agreement: LUCCA_AGREEMENT, affordabilityBp: 3_000, includeExpenses: true, isPreset: true };
  }
  return {
    agreement: repo.json<AgreementParams>(row.agreement),
    affordabilityBp: row.affordability_bp,
    includeExpenses: row.include_expenses,
    isPreset: false,
  };
}

export async function saveSettings(db: Transaction<DB>, ctx: Ctx, body: z.output<typeof SettingsBody>, userId: string) {
  const values = {
    agreement: repo.jsonb(body.agreement),
    affordability_bp: body.affordabilityBp,
    include_expenses: body.includeExpenses,
    updated_by: userId,
    updated_at: new Date(),
  };
  await db
    .insertInto('agency_settings')
    .values({ tenant_id: ctx.tenantId, ...values })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet(values))
    .execute();
  // The stored ranges follow the agreement: recompute every listing's.
  const listings = await repo.listingQuery(db, ctx).execute();
  for (const l of listings) {
    await storeRange(db, ctx, l.id, body.agreement);
  }
  return listings.length;
}

// ---- the agreed-rent range of a listing ----

type RangeFacts = Pick<repo.ListingRow, 'zone' | 'sub_band' | 'surface_m2' | 'elements' | 'furnishing' | 'contract_type' | 'rent_asked_cents'>;

export function rangeOf(agreement: AgreementParams, f: RangeFacts) {
  const r = agreedRentRange(agreement, {
    zone: f.zone,
    subBand: f.sub_band,
    surfaceM2Tenths: Math.round(Number(f.surface_m2) * 10),
    elements: f.elements,
    furnishing: f.furnishing as 'none',
    contractType: f.contract_type as 'agevolato',
  });
  if (!r.ok) {
    return null;
  }
  return { minCents: r.minCents, maxCents: r.maxCents, position: rentPosition(f.rent_asked_cents, r), lines: r.lines };
}

async function storeRange(db: Executor, ctx: Ctx, listingId: string, agreement: AgreementParams) {
  const row = await repo.findListing(db, ctx, listingId);
  if (!row) {
    return;
  }
  const r = rangeOf(agreement, row);
  await db
    .updateTable('agency_listing')
    .set({
      range_min_cents: r?.minCents ?? null,
      range_max_cents: r?.maxCents ?? null,
      rent_position: r?.position ?? null,
      range_lines: repo.jsonb(r?.lines ?? []),
    })
    .where(inTenant(ctx))
    .where('id', '=', listingId)
    .execute();
}

function checkZone(agreement: AgreementParams, zone: string, subBand: string, prefix: string) {
  const z = agreement.zones.find((x) => x.code === zone);
  if (!z) {
    throw fieldError(400, 'agency.zone_unknown', `${prefix}zone`);
  }
  if (!z.subBands.some((b) => b.code === subBand)) {
    throw fieldError(400, 'agency.sub_band_unknown', `${prefix}subBand`);
  }
}

// ---- landlords ----

/** Checks the identifiers of a landlord and answers them in canonical form. */
export function checkLandlordIds(kind: 'person' | 'company', fiscalCode: string, vatNumber: string | null) {
  let vat: string | null = null;
  if (vatNumber !== null && vatNumber !== '') {
    const v = validatePartitaIva(vatNumber);
    if (!v.ok) {
      throw fieldError(400, v.error, 'vatNumber');
    }
    vat = v.value;
  }
  if (kind === 'person') {
    const cf = validateCodiceFiscale(fiscalCode);
    if (!cf.ok) {
      throw fieldError(400, 'landlord.cf_invalid', 'fiscalCode');
    }
    return { fiscalCode: fiscalCode.toUpperCase(), vat };
  }
  if (vat === null) {
    throw fieldError(400, 'landlord.vat_required', 'vatNumber');
  }
  const cf = validatePartitaIva(fiscalCode);
  if (!cf.ok) {
    throw fieldError(400, cf.error, 'fiscalCode');
  }
  return { fiscalCode: cf.value, vat };
}

async function portalUser(db: Executor, ctx: Ctx, email: string | null | undefined): Promise<string | null | undefined> {
  if (email === undefined) {
    return undefined;
  }
  if (email === null) {
    return null;
  }
  const u = await repo.userByEmail(db, ctx, email);
  if (!u || !(await repo.userHasRole(db, ctx, u.id, 'landlord'))) {
    throw fieldError(400, 'agency.portal_user_unknown', 'portalEmail');
  }
  return u.id;
}

export async function createLandlord(db: Executor, ctx: Ctx, body: z.output<typeof LandlordBody>, userId: string) {
  const ids = checkLandlordIds(body.kind, body.fiscalCode, body.vatNumber);
  const user = await portalUser(db, ctx, body.portalEmail);
  const { id } = await db
    .insertInto('agency_landlord')
    .values({
      tenant_id: ctx.tenantId,
      kind: body.kind,
      name: body.name,
      fiscal_code: ids.fiscalCode,
      vat_number: ids.vat,
      email: body.email,
      phone: body.phone,
      address: body.address,
      user_id: user ?? null,
      notes: body.notes,
      created_by: userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function updateLandlord(db: Executor, ctx: Ctx, current: repo.LandlordRow, patch: Partial<z.output<typeof LandlordBody>>) {
  const kind = patch.kind ?? (current.kind as 'person' | 'company');
  const ids = checkLandlordIds(kind, patch.fiscalCode ?? current.fiscal_code, patch.vatNumber === undefined ? current.vat_number : patch.vatNumber);
  const user = await portalUser(db, ctx, patch.portalEmail);
  await db
    .updateTable('agency_landlord')
    .set({
      kind,
      fiscal_code: ids.fiscalCode,
      vat_number: ids.vat,
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.email !== undefined ? { email: patch.email } : {}),
      ...(patch.phone !== undefined ? { phone: patch.phone } : {}),
      ...(patch.address !== undefined ? { address: patch.address } : {}),
      ...(patch.notes !== undefined ? { notes: patch.notes } : {}),
      ...(user !== undefined ? { user_id: user } : {}),
      updated_at: new Date(),
    })
    .where(inTenant(ctx))
    .where('id', '=', current.id)
    .execute();
}

// ---- properties and listings ----

export async function createProperty(
  db: Transaction<DB>,
  ctx: Ctx,
  landlordId: string,
  p: z.output<typeof PropertyBody>,
  agreement: AgreementParams,
  prefix = '',
) {
  checkZone(agreement, p.zone, p.subBand, prefix);
  if (p.bedrooms > p.rooms) {
    throw fieldError(400, 'agency.bedrooms_over_rooms', `${prefix}bedrooms`);
  }
  if (p.unitId !== null && !(await unitFacts(db, ctx, p.unitId))) {
    throw fieldError(400, 'agency.unit_unknown', `${prefix}unitId`);
  }
  const { id } = await db
    .insertInto('agency_property')
    .values({
      tenant_id: ctx.tenantId,
      landlord_id: landlordId,
      unit_id: p.unitId,
      address: p.address,
      city: p.city,
      neighbourhood: p.neighbourhood,
      zone: p.zone,
      sub_band: p.subBand,
      surface_m2: p.surfaceM2,
      rooms: p.rooms,
      bedrooms: p.bedrooms,
      floor: p.floor,
      elements: p.elements,
      accessibility: p.accessibility,
      energy_class: p.energyClass,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function createListing(db: Transaction<DB>, ctx: Ctx, body: z.output<typeof ListingBody>, userId: string | null) {
  const landlord = await repo.findLandlord(db, ctx, body.landlordId);
  if (!landlord) {
    throw fieldError(400, 'agency.landlord_unknown', 'landlordId');
  }
  const { agreement } = await settingsOf(db, ctx);
  let propertyId = body.propertyId;
  if (propertyId !== null) {
    const p = await db.selectFrom('agency_property').select('landlord_id').where(inTenant(ctx)).where('id', '=', propertyId).executeTakeFirst();
    if (!p || p.landlord_id !== landlord.id) {
      throw fieldError(400, 'agency.property_unknown', 'propertyId');
    }
  } else if (body.property !== null) {
    propertyId = await createProperty(db, ctx, landlord.id, body.property, agreement, 'property.');
  }
  const { id } = await db
    .insertInto('agency_listing')
    .values({
      tenant_id: ctx.tenantId,
      property_id: propertyId as string,
      title: body.title,
      status: body.status,
      rent_asked_cents: body.rentAskedCents,
      expenses_cents: body.expensesCents,
      available_from: body.availableFrom,
      furnishing: body.furnishing,
      contract_type: body.contractType,
      pets_allowed: body.petsAllowed,
      description: body.description,
      created_by: userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await storeRange(db, ctx, id, agreement);
  return id;
}

export async function updateListing(db: Executor, ctx: Ctx, id: string, patch: Partial<z.output<typeof ListingPatch>>) {
  const set = {
    ...(patch.title !== undefined ? { title: patch.title } : {}),
    ...(patch.status !== undefined ? { status: patch.status } : {}),
    ...(patch.rentAskedCents !== undefined ? { rent_asked_cents: patch.rentAskedCents } : {}),
    ...(patch.expensesCents !== undefined ? { expenses_cents: patch.expensesCents } : {}),
    ...(patch.availableFrom !== undefined ? { available_from: patch.availableFrom } : {}),
    ...(patch.furnishing !== undefined ? { furnishing: patch.furnishing } : {}),
    ...(patch.contractType !== undefined ? { contract_type: patch.contractType } : {}),
    ...(patch.petsAllowed !== undefined ? { pets_allowed: patch.petsAllowed } : {}),
    ...(patch.description !== undefined ? { description: patch.description } : {}),
  };
  await db
    .updateTable('agency_listing')
    .set({ ...set, updated_at: new Date() })
    .where(inTenant(ctx))
    .where('id', '=', id)
    .execute();
  await storeRange(db, ctx, id, (await settingsOf(db, ctx)).agreement);
}

// ---- photos ----

const MAX_PHOTO_BYTES = 2 * 1024 * 1024;
const MAX_PHOTOS = 12;

/** The image type the bytes really are (magic numbers), whatever the client declared. */
export function sniffImage(b: Buffer): 'image/jpeg' | 'image/png' | 'image/webp' | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) {
    return 'image/jpeg';
  }
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
    return 'image/png';
  }
  if (b.length >= 12 && b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP') {
    return 'image/webp';
  }
  return null;
}

export async function addPhoto(db: Executor, ctx: Ctx, listingId: string, body: z.output<typeof PhotoBody>) {
  const data = Buffer.from(body.dataBase64, 'base64');
  if (data.length === 0 || data.length > MAX_PHOTO_BYTES) {
    throw fieldError(400, 'agency.photo_too_large', 'dataBase64');
  }
  if (sniffImage(data) !== body.contentType) {
    throw fieldError(400, 'agency.photo_type', 'contentType');
  }
  const count = await db
    .selectFrom('agency_listing_photo')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(inTenant(ctx))
    .where('listing_id', '=', listingId)
    .executeTakeFirstOrThrow();
  if (Number(count.n) >= MAX_PHOTOS) {
    throw fieldError(409, 'agency.photo_limit', 'dataBase64');
  }
  const { id } = await db
    .insertInto('agency_listing_photo')
    .values({ tenant_id: ctx.tenantId, listing_id: listingId, content_type: body.contentType, size_bytes: data.length, data, caption: body.caption })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export { agreedRentRange, rentPosition } from './rules/canone-concordato.js';
export { explainLine } from './rules/explain.js';
