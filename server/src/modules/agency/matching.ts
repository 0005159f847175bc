// Seekers, matches (ranked lists and a best overall assignment from the matching engine),
// proposals along the contract pipeline, contracts and their registration.
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import { type Executor, inTenant } from '../../kernel/db/tenant.js';
import type { DB } from '../../kernel/db/types.js';
import { AppError } from '../../kernel/http/errors.js';
import { assignSparse } from '../matching/engine/index.js';
import * as repo from './repo.js';
import { type Compatibility, compatibility, type ListingFacts, type SeekerFacts } from './rules/compatibility.js';
import { canMove, isOpenStage, missingForSigning, type Stage } from './rules/pipeline.js';
import type { ContractBody, RegistrationBody, SeekerBody, SeekerPatch, StageBody } from './schema.js';
import { fieldError, type Settings, settingsOf } from './service.js';

type Ctx = { tenantId: string };

// ---- seekers ----

export async function createSeeker(db: Executor, ctx: Ctx, body: z.output<typeof SeekerBody>, userId: string) {
  if (!(await db.selectFrom('person').select('id').where(inTenant(ctx)).where('id', '=', body.personId).executeTakeFirst())) {
    throw fieldError(400, 'agency.person_unknown', 'personId');
  }
  if (body.householdId && !(await db.selectFrom('household').select('id').where(inTenant(ctx)).where('id', '=', body.householdId).executeTakeFirst())) {
    throw fieldError(400, 'agency.household_unknown', 'householdId');
  }
  const open = await db
    .selectFrom('agency_seeker')
    .select('id')
    .where(inTenant(ctx))
    .where('person_id', '=', body.personId)
    .where('status', '=', 'open')
    .executeTakeFirst();
  if (open) {
    throw fieldError(409, 'agency.seeker_open', 'personId');
  }
  const { id } = await db
    .insertInto('agency_seeker')
    .values({
      tenant_id: ctx.tenantId,
      person_id: body.personId,
      household_id: body.householdId,
      intake_on: body.intakeOn,
      household_size: body.householdSize,
      annual_income_cents: body.annualIncomeCents,
      situation: body.situation,
      min_bedrooms: body.minBedrooms,
      preferred_zones: body.preferredZones,
      accessibility_needs: body.accessibilityNeeds,
      has_pets: body.hasPets,
      max_rent_cents: body.maxRentCents,
      wanted_from: body.wantedFrom,
      project_goals: body.projectGoals,
      notes: body.notes,
      created_by: userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function updateSeeker(db: Executor, ctx: Ctx, id: string, p: z.output<typeof SeekerPatch>) {
  const map: Record<string, unknown> = {
    household_id: p.householdId,
    status: p.status,
    intake_on: p.intakeOn,
    household_size: p.householdSize,
    annual_income_cents: p.annualIncomeCents,
    situation: p.situation,
    min_bedrooms: p.minBedrooms,
    preferred_zones: p.preferredZones,
    accessibility_needs: p.accessibilityNeeds,
    has_pets: p.hasPets,
    max_rent_cents: p.maxRentCents,
    wanted_from: p.wantedFrom,
    project_goals: p.projectGoals,
    notes: p.notes,
  };
  const set = Object.fromEntries(Object.entries(map).filter(([, v]) => v !== undefined));
  await db
    .updateTable('agency_seeker')
    .set({ ...set, updated_at: new Date() })
    .where(inTenant(ctx))
    .where('id', '=', id)
    .execute();
}

// ---- matching ----

export const seekerFacts = (s: repo.SeekerRow): SeekerFacts => ({
  annualIncomeCents: Number(s.annual_income_cents),
  maxRentCents: s.max_rent_cents,
  minBedrooms: s.min_bedrooms,
  preferredZones: s.preferred_zones,
  accessibilityNeeds: s.accessibility_needs,
  hasPets: s.has_pets,
  wantedFrom: s.wanted_from,
});

export const listingFacts = (l: repo.ListingRow): ListingFacts => ({
  rentCents: l.rent_asked_cents,
  expensesCents: l.expenses_cents,
  bedrooms: l.bedrooms,
  zone: l.zone,
  accessibility: [...l.accessibility, ...l.elements.filter((e) => e === 'lift')],
  petsAllowed: l.pets_allowed,
  availableFrom: typeof l.available_from === 'string' ? l.available_from : new Date(l.available_from).toISOString().slice(0, 10),
});

export const compat = (s: repo.SeekerRow, l: repo.ListingRow, settings: Settings, today: string): Compatibility =>
  compatibility(seekerFacts(s), listingFacts(l), { shareBp: settings.affordabilityBp, includeExpenses: settings.includeExpenses }, today);

const openListings = (db: Executor, ctx: Ctx) => repo.listingQuery(db, ctx).where('li.status', 'in', ['available', 'reserved']).limit(2000).execute();
const openSeekers = (db: Executor, ctx: Ctx) => repo.seekerQuery(db, ctx).where('s.status', '=', 'open').limit(5000).execute();

async function stagesOf(db: Executor, ctx: Ctx, by: 'seeker_id' | 'listing_id', id: string) {
  const rows = await db.selectFrom('agency_proposal').select(['seeker_id', 'listing_id', 'stage']).where(inTenant(ctx)).where(by, '=', id).execute();
  return new Map(rows.map((r) => [`${r.seeker_id}:${r.listing_id}`, r.stage as Stage]));
}

export async function matchesForSeeker(db: Executor, ctx: Ctx, seeker: repo.SeekerRow, today: string) {
  const settings = await settingsOf(db, ctx);
  const stages = await stagesOf(db, ctx, 'seeker_id', seeker.id);
  return (await openListings(db, ctx))
    .map((l) => ({ l, c: compat(seeker, l, settings, today) }))
    .sort((a, b) => Number(b.c.compatible) - Number(a.c.compatible) || b.c.score - a.c.score || a.c.costCents - b.c.costCents)
    .slice(0, 50)
    .map(({ l, c }) => ({ seekerId: seeker.id, listingId: l.id, label: l.title, c, stage: stages.get(`${seeker.id}:${l.id}`) ?? null }));
}

export async function matchesForListing(db: Executor, ctx: Ctx, listing: repo.ListingRow, today: string) {
  const settings = await settingsOf(db, ctx);
  const stages = await stagesOf(db, ctx, 'listing_id', listing.id);
  return (await openSeekers(db, ctx))
    .map((s) => ({ s, c: compat(s, listing, settings, today) }))
    .sort((a, b) => Number(b.c.compatible) - Number(a.c.compatible) || b.c.score - a.c.score)
    .slice(0, 50)
    .map(({ s, c }) => ({
      seekerId: s.id,
      listingId: listing.id,
      label: `${s.family_name} ${s.given_name}`,
      c,
      stage: stages.get(`${s.id}:${listing.id}`) ?? null,
    }));
}

/**
 * One listing per seeker and one seeker per listing, maximising the total score over the
 * compatible pairs (exact maximum-weight assignment of the matching engine, sparse graph).
 * Pairs already proposed are left out: the suggestions are new work.
 */
export async function suggestions(db: Executor, ctx: Ctx, today: string) {
  const settings = await settingsOf(db, ctx);
  const [seekers, listings] = await Promise.all([openSeekers(db, ctx), openListings(db, ctx)]);
  const proposed = await db.selectFrom('agency_proposal').select(['seeker_id', 'listing_id']).where(inTenant(ctx)).execute();
  const done = new Set(proposed.map((p) => `${p.seeker_id}:${p.listing_id}`));
  const row: number[] = [];
  const col: number[] = [];
  const w: number[] = [];
  const found: Compatibility[] = [];
  seekers.forEach((s, i) => {
    listings.forEach((l, j) => {
      if (done.has(`${s.id}:${l.id}`)) {
        return;
      }
      const c = compat(s, l, settings, today);
      if (c.compatible && c.score > 0) {
        row.push(i);
        col.push(j);
        w.push(c.score);
        found.push(c);
      }
    });
  });
  const a = assignSparse({ nRows: seekers.length, nCols: listings.length, row, col, w });
  const pairs = [];
  for (let i = 0; i < seekers.length; i++) {
    const e = a.rowEdge[i] as number;
    if (e >= 0) {
      const s = seekers[i] as repo.SeekerRow;
      const l = listings[col[e] as number] as repo.ListingRow;
      pairs.push({ seekerId: s.id, listingId: l.id, label: `${s.family_name} ${s.given_name} → ${l.title}`, c: found[e] as Compatibility, stage: null });
    }
  }
  pairs.sort((x, y) => y.c.score - x.c.score);
  return { totalScore: a.weight, pairs, seekersConsidered: seekers.length, listingsConsidered: listings.length };
}

// ---- proposals ----

export async function createProposal(db: Executor, ctx: Ctx, seekerId: string, listingId: string, userId: string, today: string) {
  const seeker = await repo.findSeeker(db, ctx, seekerId);
  if (seeker?.status !== 'open') {
    throw fieldError(400, 'agency.seeker_not_open', 'seekerId');
  }
  const listing = await repo.findListing(db, ctx, listingId);
  if (!listing || !['available', 'reserved'].includes(listing.status)) {
    throw fieldError(400, 'agency.listing_not_available', 'listingId');
  }
  const c = compat(seeker, listing, await settingsOf(db, ctx), today);
  const { id } = await db
    .insertInto('agency_proposal')
    .values({ tenant_id: ctx.tenantId, seeker_id: seekerId, listing_id: listingId, score: c.score, explanation: repo.jsonb(c.lines), created_by: userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, compatible: c.compatible };
}

export async function moveProposal(db: Executor, ctx: Ctx, p: repo.ProposalRow, body: z.output<typeof StageBody>) {
  if (!canMove(p.stage as Stage, body.stage)) {
    throw fieldError(409, 'agency.stage_move', 'stage');
  }
  if (body.stage === 'visit_scheduled' && body.visitAt === null) {
    throw fieldError(400, 'agency.visit_required', 'visitAt');
  }
  if (body.stage === 'refused' && body.refusedBy === null) {
    throw fieldError(400, 'agency.refused_by_required', 'refusedBy');
  }
  await db
    .updateTable('agency_proposal')
    .set({
      stage: body.stage,
      ...(body.visitAt !== null ? { visit_at: new Date(body.visitAt) } : {}),
      ...(body.stage === 'refused' ? { refused_by: body.refusedBy } : {}),
      ...(body.note !== null ? { outcome_note: body.note } : {}),
      updated_at: new Date(),
    })
    .where(inTenant(ctx))
    .where('id', '=', p.id)
    .execute();
  if (body.stage === 'agreed') {
    await db
      .updateTable('agency_listing')
      .set({ status: 'reserved', updated_at: new Date() })
      .where(inTenant(ctx))
      .where('id', '=', p.listing_id)
      .where('status', '=', 'available')
      .execute();
  }
}

export async function setChecklist(db: Executor, ctx: Ctx, id: string, checklist: string[]) {
  await db
    .updateTable('agency_proposal')
    .set({ checklist: [...new Set(checklist)], updated_at: new Date() })
    .where(inTenant(ctx))
    .where('id', '=', id)
    .execute();
}

/**
 * Records the signed contract: the proposal moves to signed, the listing is let, the seeker is
 * housed and the listing's other open proposals are withdrawn — one transaction. The listing row
 * is locked so two signatures on one flat cannot both pass.
 */
export async function signContract(db: Transaction<DB>, ctx: Ctx, p: repo.ProposalRow, body: z.output<typeof ContractBody>, userId: string) {
  if (p.stage !== 'agreed') {
    throw fieldError(409, 'agency.not_agreed', 'stage');
  }
  const missing = missingForSigning(p.checklist);
  if (missing.length > 0) {
    throw new AppError(
      409,
      'agency.checklist_incomplete',
      missing.map((m) => ({ field: `checklist.${m}`, in: 'body', code: 'agency.checklist_incomplete' })),
    );
  }
  if (body.endOn <= body.startOn) {
    throw fieldError(400, 'agency.period_order', 'endOn');
  }
  const listing = await db
    .selectFrom('agency_listing')
    .select('status')
    .where(inTenant(ctx))
    .where('id', '=', p.listing_id)
    .forUpdate()
    .executeTakeFirstOrThrow();
  if (listing.status === 'let') {
    throw fieldError(409, 'agency.listing_not_available', 'listingId');
  }
  const { id } = await db
    .insertInto('agency_contract')
    .values({
      tenant_id: ctx.tenantId,
      proposal_id: p.id,
      contract_type: body.contractType,
      monthly_rent_cents: body.monthlyRentCents,
      start_on: body.startOn,
      end_on: body.endOn,
      signed_on: body.signedOn,
      created_by: userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const now = new Date();
  await db.updateTable('agency_proposal').set({ stage: 'signed', updated_at: now }).where(inTenant(ctx)).where('id', '=', p.id).execute();
  await db
    .updateTable('agency_proposal')
    .set({ stage: 'withdrawn', outcome_note: 'listing let to another household', updated_at: now })
    .where(inTenant(ctx))
    .where('listing_id', '=', p.listing_id)
    .where('id', '<>', p.id)
    .where('stage', 'in', ['proposed', 'visit_scheduled', 'visited', 'agreed'])
    .execute();
  await db.updateTable('agency_listing').set({ status: 'let', updated_at: now }).where(inTenant(ctx)).where('id', '=', p.listing_id).execute();
  await db.updateTable('agency_seeker').set({ status: 'housed', updated_at: now }).where(inTenant(ctx)).where('id', '=', p.seeker_id).execute();
  return id;
}

export async function registerContract(db: Executor, ctx: Ctx, p: repo.ProposalRow, body: z.output<typeof RegistrationBody>) {
  if (p.stage !== 'signed' || p.contract_id === null) {
    throw fieldError(409, 'agency.not_signed', 'stage');
  }
  if (p.signed_on !== null && body.registeredOn < String(p.signed_on)) {
    throw fieldError(400, 'agency.registration_before_signature', 'registeredOn');
  }
  await db
    .updateTable('agency_contract')
    .set({ registered_on: body.registeredOn, registration_ref: body.registrationRef })
    .where(inTenant(ctx))
    .where('id', '=', p.contract_id)
    .execute();
  await db.updateTable('agency_proposal').set({ stage: 'registered', updated_at: new Date() }).where(inTenant(ctx)).where('id', '=', p.id).execute();
}

export type { Compatibility, Stage };
export { isOpenStage };
