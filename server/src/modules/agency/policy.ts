// Who may do what in the agency. Operators (agency:manage) see everything of their ente; a
// landlord (listing:own) sees only the listings of the landlord record linked to their account,
// and of a proposal only its stage, visit time and the household size — never the seeker's name
// or any personal data; citizens and landlords (appointment:book) see their own appointments.
import type { TenantContext } from '../../kernel/context.js';
import type { Executor } from '../../kernel/db/tenant.js';
import { AppError } from '../../kernel/http/errors.js';
import * as repo from './repo.js';

export const manage = { permission: 'agency:manage' } as const;
export const own = { permission: 'listing:own' } as const;
export const book = { permission: 'appointment:book' } as const;
export const manageOrOwn = { permission: ['agency:manage', 'listing:own'] } as const;

export const isOperator = (ctx: TenantContext) => ctx.can('agency:manage');

/** The landlord record of the signed-in landlord (403 when their account is linked to none). */
export async function ownLandlord(db: Executor, ctx: TenantContext) {
  const l = await repo.landlordOfUser(db, ctx, ctx.principal.userId);
  if (!l) {
    throw new AppError(403, 'agency.no_landlord_record');
  }
  return l;
}

/** A listing the caller may see: any for an operator, their own for a landlord (else 404, never a hint). */
export async function visibleListing(db: Executor, ctx: TenantContext, id: string) {
  const row = await repo.findListing(db, ctx, id);
  if (!row || (!isOperator(ctx) && row.landlord_user_id !== ctx.principal.userId)) {
    throw new AppError(404, 'resource.not_found');
  }
  return row;
}
