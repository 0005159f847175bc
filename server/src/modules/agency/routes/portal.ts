// The landlord portal: a landlord sees and updates their own listings, sees the proposals on
// them (stage, visit, household size — no personal data) and the contracts' status.
import { audit } from '../../../kernel/audit/audit.js';
import { type AnyRoute, defineRoute } from '../../../kernel/http/route.js';
import { own, ownLandlord, visibleListing } from '../policy.js';
import { presentIncentive, presentListing, presentOwnProposal } from '../presenter.js';
import * as repo from '../repo.js';
import { IdParams, ListingOut, OwnListingPatch, OwnOverviewOut } from '../schema.js';
import * as service from '../service.js';
import { listingOut } from './listings.js';

const tags = ['agency', 'landlord portal'];

export const portalRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/agency/me/listings',
    access: own,
    summary: 'My listings with their agreed-rent check, the proposals on them and contract status; my incentives',
    tags,
    schema: { response: { 200: OwnOverviewOut } },
    async handler({ db, ctx }) {
      const l = await repo.landlordOfUser(db, ctx, ctx.principal.userId);
      if (!l) {
        return { landlord: null, listings: [], incentives: [] };
      }
      const listings = await repo.listingQuery(db, ctx).where('p.landlord_id', '=', l.id).orderBy('li.created_at', 'desc').execute();
      const ids = listings.map((x) => x.id);
      const photos = await repo.photosOf(db, ctx, ids);
      const proposals = ids.length === 0 ? [] : await repo.proposalQuery(db, ctx).where('pr.listing_id', 'in', ids).orderBy('pr.updated_at', 'desc').execute();
      return {
        landlord: { id: l.id, name: l.name },
        listings: listings.map((x) => ({
          ...presentListing(x, photos, ctx.lang),
          proposals: proposals.filter((p) => p.listing_id === x.id).map(presentOwnProposal),
        })),
        incentives: (await repo.incentivesOf(db, ctx, l.id)).map(presentIncentive),
      };
    },
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/v1/agency/me/listings/:id',
    access: own,
    summary: 'Update my listing: rent asked, expenses, availability, description, available/withdrawn',
    tags,
    schema: { params: IdParams, body: OwnListingPatch, response: { 200: ListingOut } },
    async handler({ db, ctx, params, body }) {
      await ownLandlord(db, ctx);
      const row = await visibleListing(db, ctx, params.id);
      if (row.status === 'let' && body.status !== undefined) {
        throw service.fieldError(409, 'agency.listing_let', 'status');
      }
      await service.updateListing(db, ctx, params.id, body);
      await audit(db, ctx, {
        action: 'agency.listing_updated_by_landlord',
        entityType: 'agency_listing',
        entityId: params.id,
        details: { fields: Object.keys(body) },
      });
      return listingOut(db, ctx, params.id);
    },
  }),
];
