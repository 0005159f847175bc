// Settings (territorial agreement), the agreed-rent check, landlords, listings, photos, incentives.
import { sql } from 'kysely';
import { z } from 'zod';
import { audit } from '../../../kernel/audit/audit.js';
import type { TenantContext } from '../../../kernel/context.js';
import type { Executor } from '../../../kernel/db/tenant.js';
import { inTenant } from '../../../kernel/db/tenant.js';
import { AppError, notFound } from '../../../kernel/http/errors.js';
import { decodeCursor, pageOf, toPage } from '../../../kernel/http/pagination.js';
import { type AnyRoute, defineRoute } from '../../../kernel/http/route.js';
import { manage, manageOrOwn, visibleListing } from '../policy.js';
import { presentIncentive, presentLandlord, presentListing, presentProperty } from '../presenter.js';
import * as repo from '../repo.js';
import {
  IdParams,
  IncentiveBody,
  IncentiveOut,
  LandlordBody,
  LandlordDetailOut,
  LandlordOut,
  LandlordPatch,
  LandlordQuery,
  ListingBody,
  ListingOut,
  ListingPatch,
  ListingQuery,
  PhotoBody,
  PhotoParams,
  PropertyBody,
  PropertyOut,
  RangeCheckBody,
  RangeOut,
  SettingsBody,
  SettingsOut,
} from '../schema.js';
import * as service from '../service.js';

export const tags = ['agency'];

export async function listingOut(db: Executor, ctx: TenantContext, id: string) {
  const row = await visibleListing(db, ctx, id);
  return presentListing(row, await repo.photosOf(db, ctx, [row.id]), ctx.lang);
}

async function landlordDetail(db: Executor, ctx: TenantContext, id: string) {
  const l = await repo.findLandlord(db, ctx, id);
  if (!l) {
    throw notFound();
  }
  const properties = await repo.propertyQuery(db, ctx).where('p.landlord_id', '=', id).orderBy('p.address').execute();
  const listings = await repo.listingQuery(db, ctx).where('p.landlord_id', '=', id).orderBy('li.created_at', 'desc').execute();
  const photos = await repo.photosOf(
    db,
    ctx,
    listings.map((x) => x.id),
  );
  return {
    ...presentLandlord(l),
    properties: properties.map((p) => presentProperty(p.id, p.landlord_id, p)),
    listings: listings.map((x) => presentListing(x, photos, ctx.lang)),
    incentives: (await repo.incentivesOf(db, ctx, id)).map(presentIncentive),
  };
}

export const listingRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/agency/settings',
    access: manageOrOwn,
    summary: 'The territorial agreement (canone concordato) and the affordability share in force (the Lucca preset until saved)',
    tags,
    schema: { response: { 200: SettingsOut } },
    async handler({ db, ctx }) {
      return service.settingsOf(db, ctx);
    },
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/v1/agency/settings',
    access: manage,
    summary: 'Replace the agreement and affordability settings; every listing’s range is recomputed',
    tags,
    schema: { body: SettingsBody, response: { 200: SettingsOut } },
    async handler({ db, ctx, body }) {
      const n = await service.saveSettings(db, ctx, body, ctx.principal.userId);
      await audit(db, ctx, {
        action: 'agency.settings_saved',
        entityType: 'agency_settings',
        details: { listingsRecomputed: n, verified: body.agreement.verified },
      });
      return service.settingsOf(db, ctx);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/agency/rent-check',
    access: manageOrOwn,
    summary: 'The agreed-rent range of a flat, explained line by line, and where an asked rent falls',
    tags,
    schema: { body: RangeCheckBody, response: { 200: RangeOut } },
    async handler({ db, ctx, body }) {
      const { agreement } = await service.settingsOf(db, ctx);
      const r = service.agreedRentRange(agreement, { ...body, surfaceM2Tenths: Math.round(body.surfaceM2 * 10) });
      if (!r.ok) {
        const field = r.error === 'zone_unknown' ? 'zone' : r.error === 'sub_band_unknown' ? 'subBand' : 'surfaceM2';
        throw service.fieldError(
          400,
          r.error === 'zone_unknown' ? 'agency.zone_unknown' : r.error === 'sub_band_unknown' ? 'agency.sub_band_unknown' : 'request.invalid',
          field,
        );
      }
      return {
        minCents: r.minCents,
        maxCents: r.maxCents,
        position: body.rentAskedCents === null ? null : service.rentPosition(body.rentAskedCents, r),
        lines: r.lines.map((l) => service.explainLine(l, ctx.lang)),
        verified: agreement.verified,
      };
    },
  }),

  // ---- landlords ----
  defineRoute({
    method: 'GET',
    url: '/api/v1/agency/landlords',
    access: manage,
    summary: 'Landlords (search by name or fiscal code; cursor by name)',
    tags,
    schema: { querystring: LandlordQuery, response: { 200: pageOf(LandlordOut) } },
    async handler({ db, ctx, query }) {
      let q = repo.landlordQuery(db, ctx);
      if (query.q) {
        const like = `%${query.q.toLowerCase()}%`;
        q = q.where((eb) => eb.or([eb(sql`lower(l.name)`, 'like', like), eb(sql`lower(l.fiscal_code)`, 'like', like)]));
      }
      const after = decodeCursor(query.cursor);
      if (after) {
        q = q.where((eb) => eb.or([eb('l.name', '>', after.v), eb.and([eb('l.name', '=', after.v), eb('l.id', '>', after.id)])]));
      }
      const rows = await q
        .orderBy('l.name')
        .orderBy('l.id')
        .limit(query.limit + 1)
        .execute();
      return toPage(rows, query.limit, (r) => r.name, presentLandlord);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/agency/landlords',
    access: manage,
    summary: 'Register a landlord (codice fiscale of a person, partita IVA of a company, both checked)',
    tags,
    status: 201,
    schema: { body: LandlordBody, response: { 201: LandlordDetailOut } },
    async handler({ db, ctx, body }) {
      const id = await service.createLandlord(db, ctx, body, ctx.principal.userId);
      await audit(db, ctx, { action: 'agency.landlord_created', entityType: 'agency_landlord', entityId: id, details: { kind: body.kind } });
      return landlordDetail(db, ctx, id);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/agency/landlords/:id',
    access: manage,
    summary: 'A landlord with properties, listings and incentives received',
    tags,
    schema: { params: IdParams, response: { 200: LandlordDetailOut } },
    async handler({ db, ctx, params }) {
      return landlordDetail(db, ctx, params.id);
    },
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/v1/agency/landlords/:id',
    access: manage,
    summary: 'Correct a landlord; `portalEmail` links the account of a landlord user for the portal (null unlinks)',
    tags,
    schema: { params: IdParams, body: LandlordPatch, response: { 200: LandlordDetailOut } },
    async handler({ db, ctx, params, body }) {
      const l = await repo.findLandlord(db, ctx, params.id);
      if (!l) {
        throw notFound();
      }
      await service.updateLandlord(db, ctx, l, body);
      await audit(db, ctx, { action: 'agency.landlord_updated', entityType: 'agency_landlord', entityId: l.id, details: { fields: Object.keys(body) } });
      return landlordDetail(db, ctx, l.id);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/agency/landlords/:id/properties',
    access: manage,
    summary: 'Add a property of a landlord (optionally linked to a stock unit)',
    tags,
    status: 201,
    schema: { params: IdParams, body: PropertyBody, response: { 201: PropertyOut } },
    async handler({ db, ctx, params, body }) {
      if (!(await repo.findLandlord(db, ctx, params.id))) {
        throw notFound();
      }
      const id = await service.createProperty(db, ctx, params.id, body, (await service.settingsOf(db, ctx)).agreement);
      await audit(db, ctx, { action: 'agency.property_created', entityType: 'agency_property', entityId: id });
      const p = await repo.propertyQuery(db, ctx).where('p.id', '=', id).executeTakeFirstOrThrow();
      return presentProperty(p.id, p.landlord_id, p);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/agency/landlords/:id/incentives',
    access: manage,
    summary: 'Record an incentive granted to a landlord (guarantee fund, one-off contribution, tax-benefit information, rent supplement)',
    tags,
    status: 201,
    schema: { params: IdParams, body: IncentiveBody, response: { 201: IncentiveOut } },
    async handler({ db, ctx, params, body }) {
      if (!(await repo.findLandlord(db, ctx, params.id))) {
        throw notFound();
      }
      if (body.contractId) {
        const c = await repo.proposalQuery(db, ctx).where('c.id', '=', body.contractId).where('l.id', '=', params.id).executeTakeFirst();
        if (!c) {
          throw service.fieldError(400, 'agency.contract_unknown', 'contractId');
        }
      }
      const row = await db
        .insertInto('agency_incentive')
        .values({
          tenant_id: ctx.tenantId,
          landlord_id: params.id,
          contract_id: body.contractId,
          kind: body.kind,
          amount_cents: body.amountCents,
          granted_on: body.grantedOn,
          note: body.note,
          created_by: ctx.principal.userId,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await audit(db, ctx, {
        action: 'agency.incentive_granted',
        entityType: 'agency_incentive',
        entityId: row.id,
        details: { kind: body.kind, amountCents: body.amountCents },
      });
      return presentIncentive(row);
    },
  }),

  // ---- listings ----
  defineRoute({
    method: 'GET',
    url: '/api/v1/agency/listings',
    access: manage,
    summary: 'Listings with the agreed-rent check (filters: status, zone, position, landlord, text; newest first)',
    tags,
    schema: { querystring: ListingQuery, response: { 200: pageOf(ListingOut) } },
    async handler({ db, ctx, query }) {
      let q = repo.listingQuery(db, ctx);
      if (query.status) {
        q = q.where('li.status', '=', query.status);
      }
      if (query.zone) {
        q = q.where('p.zone', '=', query.zone);
      }
      if (query.position) {
        q = q.where('li.rent_position', '=', query.position);
      }
      if (query.landlordId) {
        q = q.where('p.landlord_id', '=', query.landlordId);
      }
      if (query.q) {
        const like = `%${query.q.toLowerCase()}%`;
        q = q.where((eb) =>
          eb.or([eb(sql`lower(li.title)`, 'like', like), eb(sql`lower(p.address)`, 'like', like), eb(sql`lower(coalesce(p.neighbourhood, ''))`, 'like', like)]),
        );
      }
      const after = decodeCursor(query.cursor);
      if (after) {
        q = q.where(sql<boolean>`(li.created_at, li.id) < (${after.v}::timestamptz, ${after.id}::uuid)`);
      }
      const rows = await q
        .orderBy('li.created_at', 'desc')
        .orderBy('li.id', 'desc')
        .limit(query.limit + 1)
        .execute();
      const photos = await repo.photosOf(
        db,
        ctx,
        rows.map((r) => r.id),
      );
      return toPage(
        rows,
        query.limit,
        (r) => r.created_at.toISOString(),
        (r) => presentListing(r, photos, ctx.lang),
      );
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/agency/listings',
    access: manage,
    summary: 'Record a listing (of an existing property or a new one): the agreed-rent range is computed and stored',
    tags,
    status: 201,
    schema: { body: ListingBody, response: { 201: ListingOut } },
    async handler({ db, ctx, body }) {
      const id = await service.createListing(db, ctx, body, ctx.principal.userId);
      const out = await listingOut(db, ctx, id);
      await audit(db, ctx, {
        action: 'agency.listing_created',
        entityType: 'agency_listing',
        entityId: id,
        details: { rentAskedCents: body.rentAskedCents, position: out.range?.position ?? null },
      });
      return out;
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/agency/listings/:id',
    access: manageOrOwn,
    summary: 'A listing with its agreed-rent range explained (a landlord: only their own)',
    tags,
    schema: { params: IdParams, response: { 200: ListingOut } },
    async handler({ db, ctx, params }) {
      return listingOut(db, ctx, params.id);
    },
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/v1/agency/listings/:id',
    access: manage,
    summary: 'Change a listing (rent, availability, status …); the range check is recomputed',
    tags,
    schema: { params: IdParams, body: ListingPatch, response: { 200: ListingOut } },
    async handler({ db, ctx, params, body }) {
      await visibleListing(db, ctx, params.id);
      await service.updateListing(db, ctx, params.id, body);
      await audit(db, ctx, { action: 'agency.listing_updated', entityType: 'agency_listing', entityId: params.id, details: { fields: Object.keys(body) } });
      return listingOut(db, ctx, params.id);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/agency/listings/:id/photos',
    access: manageOrOwn,
    summary: 'Add a photo (JPEG, PNG or WebP, checked by content, at most 2 MiB, at most 12 per listing)',
    tags,
    status: 201,
    bodyLimit: 3_000_000,
    schema: { params: IdParams, body: PhotoBody, response: { 201: ListingOut } },
    async handler({ db, ctx, params, body }) {
      await visibleListing(db, ctx, params.id);
      const id = await service.addPhoto(db, ctx, params.id, body);
      await audit(db, ctx, { action: 'agency.photo_added', entityType: 'agency_listing', entityId: params.id, details: { photoId: id } });
      return listingOut(db, ctx, params.id);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/agency/listings/:id/photos/:photoId',
    access: manageOrOwn,
    summary: 'A photo of a listing (the stored bytes, with their type)',
    tags,
    schema: { params: PhotoParams, response: { 200: z.any() } },
    async handler({ db, ctx, params, reply }) {
      await visibleListing(db, ctx, params.id);
      const p = await db
        .selectFrom('agency_listing_photo')
        .select(['content_type', 'data'])
        .where(inTenant(ctx))
        .where('listing_id', '=', params.id)
        .where('id', '=', params.photoId)
        .executeTakeFirst();
      if (!p) {
        throw new AppError(404, 'resource.not_found');
      }
      reply.type(p.content_type).header('cache-control', 'private, max-age=3600').header('x-content-type-options', 'nosniff');
      return Buffer.from(p.data);
    },
  }),
];
