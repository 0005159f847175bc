// Seekers and their housing project, matches, proposals along the pipeline, contracts.
import { sql } from 'kysely';
import { z } from 'zod';
import { audit } from '../../../kernel/audit/audit.js';
import type { TenantContext } from '../../../kernel/context.js';
import type { Executor } from '../../../kernel/db/tenant.js';
import { inTenant } from '../../../kernel/db/tenant.js';
import { notFound } from '../../../kernel/http/errors.js';
import { decodeCursor, pageOf, toPage } from '../../../kernel/http/pagination.js';
import { type AnyRoute, defineRoute } from '../../../kernel/http/route.js';
import { romeDay } from '../../../kernel/time.js';
import * as matching from '../matching.js';
import { manage } from '../policy.js';
import { presentContract, presentProposal, presentSeeker, presentStep } from '../presenter.js';
import * as repo from '../repo.js';
import {
  ChecklistBody,
  ContractBody,
  ContractOut,
  ContractQuery,
  IdParams,
  MatchOut,
  ProposalBody,
  ProposalOut,
  ProposalQuery,
  RegistrationBody,
  SeekerBody,
  SeekerOut,
  SeekerPatch,
  SeekerQuery,
  StageBody,
  StepBody,
  StepOut,
  StepPatch,
  SuggestionOut,
} from '../schema.js';
import { explainLine, settingsOf } from '../service.js';

const tags = ['agency'];
const SeekerDetailOut = SeekerOut.extend({ steps: z.array(StepOut), proposals: z.array(ProposalOut) });

const today = (now: Date) => romeDay(now);

async function seekerDetail(db: Executor, ctx: TenantContext, id: string, now: Date) {
  const s = await repo.findSeeker(db, ctx, id);
  if (!s) {
    throw notFound();
  }
  const { affordabilityBp } = await settingsOf(db, ctx);
  const proposals = await repo.proposalQuery(db, ctx).where('pr.seeker_id', '=', id).orderBy('pr.created_at', 'desc').execute();
  return {
    ...presentSeeker(s, affordabilityBp),
    steps: (await repo.stepsOf(db, ctx, id)).map(presentStep),
    proposals: proposals.map((p) => presentProposal(p, ctx.lang, today(now))),
  };
}

async function proposalOut(db: Executor, ctx: TenantContext, id: string, now: Date) {
  const p = await repo.findProposal(db, ctx, id);
  if (!p) {
    throw notFound();
  }
  return presentProposal(p, ctx.lang, today(now));
}

const matchOut =
  (lang: 'it' | 'en') => (m: { seekerId: string; listingId: string; label: string; c: matching.Compatibility; stage: matching.Stage | null }) => ({
    seekerId: m.seekerId,
    listingId: m.listingId,
    label: m.label,
    compatible: m.c.compatible,
    score: m.c.score,
    ceilingCents: m.c.ceilingCents,
    costCents: m.c.costCents,
    lines: m.c.lines.map((l) => explainLine(l, lang)),
    proposalStage: m.stage,
  });

export const seekerRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/agency/seekers',
    access: manage,
    summary: 'Seekers (filter by status, search by name; newest intake first)',
    tags,
    schema: { querystring: SeekerQuery, response: { 200: pageOf(SeekerOut) } },
    async handler({ db, ctx, query }) {
      const { affordabilityBp } = await settingsOf(db, ctx);
      let q = repo.seekerQuery(db, ctx);
      if (query.status) {
        q = q.where('s.status', '=', query.status);
      }
      if (query.q) {
        const like = `%${query.q.toLowerCase()}%`;
        q = q.where(sql<boolean>`lower(pe.family_name || ' ' || pe.given_name) like ${like}`);
      }
      const after = decodeCursor(query.cursor);
      if (after) {
        q = q.where(sql<boolean>`(s.created_at, s.id) < (${after.v}::timestamptz, ${after.id}::uuid)`);
      }
      const rows = await q
        .orderBy('s.created_at', 'desc')
        .orderBy('s.id', 'desc')
        .limit(query.limit + 1)
        .execute();
      return toPage(
        rows,
        query.limit,
        (r) => r.created_at.toISOString(),
        (r) => presentSeeker(r, affordabilityBp),
      );
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/agency/seekers',
    access: manage,
    summary: 'Intake of a seeker: a registry person (and household), income, situation, needs, project goals',
    tags,
    status: 201,
    schema: { body: SeekerBody, response: { 201: SeekerDetailOut } },
    async handler({ db, ctx, body, deps }) {
      const id = await matching.createSeeker(db, ctx, body, ctx.principal.userId);
      await audit(db, ctx, { action: 'agency.seeker_created', entityType: 'agency_seeker', entityId: id, details: { personId: body.personId } });
      return seekerDetail(db, ctx, id, deps.clock.now());
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/agency/seekers/:id',
    access: manage,
    summary: 'A seeker with the housing project steps and proposals',
    tags,
    schema: { params: IdParams, response: { 200: SeekerDetailOut } },
    async handler({ db, ctx, params, deps }) {
      return seekerDetail(db, ctx, params.id, deps.clock.now());
    },
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/v1/agency/seekers/:id',
    access: manage,
    summary: 'Update a seeker (needs, income, status, project goals)',
    tags,
    schema: { params: IdParams, body: SeekerPatch, response: { 200: SeekerDetailOut } },
    async handler({ db, ctx, params, body, deps }) {
      if (!(await repo.findSeeker(db, ctx, params.id))) {
        throw notFound();
      }
      await matching.updateSeeker(db, ctx, params.id, body);
      await audit(db, ctx, { action: 'agency.seeker_updated', entityType: 'agency_seeker', entityId: params.id, details: { fields: Object.keys(body) } });
      return seekerDetail(db, ctx, params.id, deps.clock.now());
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/agency/seekers/:id/steps',
    access: manage,
    summary: 'Add a step to the housing project (who is responsible, by when)',
    tags,
    status: 201,
    schema: { params: IdParams, body: StepBody, response: { 201: StepOut } },
    async handler({ db, ctx, params, body }) {
      if (!(await repo.findSeeker(db, ctx, params.id))) {
        throw notFound();
      }
      const row = await db
        .insertInto('agency_project_step')
        .values({ tenant_id: ctx.tenantId, seeker_id: params.id, title: body.title, responsible: body.responsible, due_on: body.dueOn })
        .returningAll()
        .executeTakeFirstOrThrow();
      await audit(db, ctx, { action: 'agency.step_added', entityType: 'agency_seeker', entityId: params.id });
      return presentStep(row);
    },
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/v1/agency/steps/:id',
    access: manage,
    summary: 'Mark a project step done (or not done)',
    tags,
    schema: { params: IdParams, body: StepPatch, response: { 200: StepOut } },
    async handler({ db, ctx, params, body }) {
      const row = await db
        .updateTable('agency_project_step')
        .set({ done_on: body.doneOn })
        .where(inTenant(ctx))
        .where('id', '=', params.id)
        .returningAll()
        .executeTakeFirst();
      if (!row) {
        throw notFound();
      }
      await audit(db, ctx, { action: 'agency.step_updated', entityType: 'agency_seeker', entityId: row.seeker_id, details: { doneOn: body.doneOn } });
      return presentStep(row);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/agency/seekers/:id/matches',
    access: manage,
    summary: 'Listings ranked for a seeker: compatibility, score and its explanation',
    tags,
    schema: { params: IdParams, response: { 200: z.object({ items: z.array(MatchOut) }) } },
    async handler({ db, ctx, params, deps }) {
      const s = await repo.findSeeker(db, ctx, params.id);
      if (!s) {
        throw notFound();
      }
      return { items: (await matching.matchesForSeeker(db, ctx, s, today(deps.clock.now()))).map(matchOut(ctx.lang)) };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/agency/listings/:id/matches',
    access: manage,
    summary: 'Open seekers ranked for a listing',
    tags,
    schema: { params: IdParams, response: { 200: z.object({ items: z.array(MatchOut) }) } },
    async handler({ db, ctx, params, deps }) {
      const l = await repo.findListing(db, ctx, params.id);
      if (!l) {
        throw notFound();
      }
      return { items: (await matching.matchesForListing(db, ctx, l, today(deps.clock.now()))).map(matchOut(ctx.lang)) };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/agency/matching/suggestions',
    access: manage,
    summary: 'One listing per open seeker maximising the total score (matching engine, exact assignment); pairs already proposed are left out',
    tags,
    schema: { response: { 200: SuggestionOut } },
    async handler({ db, ctx, deps }) {
      const s = await matching.suggestions(db, ctx, today(deps.clock.now()));
      return {
        method: 'max_weight_assignment' as const,
        totalScore: s.totalScore,
        pairs: s.pairs.map(matchOut(ctx.lang)),
        seekersConsidered: s.seekersConsidered,
        listingsConsidered: s.listingsConsidered,
      };
    },
  }),

  // ---- proposals and contracts ----
  defineRoute({
    method: 'GET',
    url: '/api/v1/agency/proposals',
    access: manage,
    summary: 'Proposals (filter by stage, seeker, listing, or only those in progress)',
    tags,
    schema: { querystring: ProposalQuery, response: { 200: z.object({ items: z.array(ProposalOut) }) } },
    async handler({ db, ctx, query, deps }) {
      let q = repo.proposalQuery(db, ctx);
      if (query.stage) {
        q = q.where('pr.stage', '=', query.stage);
      }
      if (query.seekerId) {
        q = q.where('pr.seeker_id', '=', query.seekerId);
      }
      if (query.listingId) {
        q = q.where('pr.listing_id', '=', query.listingId);
      }
      const rows = await q.orderBy('pr.updated_at', 'desc').limit(500).execute();
      const items = rows.filter((r) => query.open !== 'true' || matching.isOpenStage(r.stage as matching.Stage));
      return { items: items.map((r) => presentProposal(r, ctx.lang, today(deps.clock.now()))) };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/agency/proposals',
    access: manage,
    summary: 'Propose a listing to a seeker (the compatibility explanation is kept with the proposal)',
    tags,
    status: 201,
    schema: { body: ProposalBody, response: { 201: ProposalOut } },
    async handler({ db, ctx, body, deps }) {
      const { id, compatible } = await matching.createProposal(db, ctx, body.seekerId, body.listingId, ctx.principal.userId, today(deps.clock.now()));
      await audit(db, ctx, { action: 'agency.proposal_created', entityType: 'agency_proposal', entityId: id, details: { ...body, compatible } });
      return proposalOut(db, ctx, id, deps.clock.now());
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/agency/proposals/:id/stage',
    access: manage,
    summary: 'Move a proposal: visit scheduled (with time), visited, agreed, refused (by whom), withdrawn',
    tags,
    schema: { params: IdParams, body: StageBody, response: { 200: ProposalOut } },
    async handler({ db, ctx, params, body, deps }) {
      const p = await repo.findProposal(db, ctx, params.id);
      if (!p) {
        throw notFound();
      }
      await matching.moveProposal(db, ctx, p, body);
      await audit(db, ctx, { action: 'agency.proposal_moved', entityType: 'agency_proposal', entityId: p.id, details: { from: p.stage, to: body.stage } });
      return proposalOut(db, ctx, p.id, deps.clock.now());
    },
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/v1/agency/proposals/:id/checklist',
    access: manage,
    summary: 'The documents checked for the contract (identity, income proof, energy certificate … are needed to sign)',
    tags,
    schema: { params: IdParams, body: ChecklistBody, response: { 200: ProposalOut } },
    async handler({ db, ctx, params, body, deps }) {
      if (!(await repo.findProposal(db, ctx, params.id))) {
        throw notFound();
      }
      await matching.setChecklist(db, ctx, params.id, body.checklist);
      await audit(db, ctx, { action: 'agency.checklist_updated', entityType: 'agency_proposal', entityId: params.id, details: body });
      return proposalOut(db, ctx, params.id, deps.clock.now());
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/agency/proposals/:id/contract',
    access: manage,
    summary: 'Record the signed contract of an agreed proposal: listing let, seeker housed, the listing’s other proposals withdrawn',
    tags,
    status: 201,
    schema: { params: IdParams, body: ContractBody, response: { 201: ProposalOut } },
    async handler({ db, ctx, params, body, deps }) {
      const p = await repo.findProposal(db, ctx, params.id);
      if (!p) {
        throw notFound();
      }
      const id = await matching.signContract(db, ctx, p, body, ctx.principal.userId);
      await audit(db, ctx, { action: 'agency.contract_signed', entityType: 'agency_contract', entityId: id, details: { proposalId: p.id, ...body } });
      return proposalOut(db, ctx, p.id, deps.clock.now());
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/agency/proposals/:id/registration',
    access: manage,
    summary: 'Record the registration of the signed contract (date and reference at the Agenzia delle Entrate)',
    tags,
    schema: { params: IdParams, body: RegistrationBody, response: { 200: ProposalOut } },
    async handler({ db, ctx, params, body, deps }) {
      const p = await repo.findProposal(db, ctx, params.id);
      if (!p) {
        throw notFound();
      }
      await matching.registerContract(db, ctx, p, body);
      await audit(db, ctx, { action: 'agency.contract_registered', entityType: 'agency_contract', entityId: p.contract_id ?? undefined, details: body });
      return proposalOut(db, ctx, p.id, deps.clock.now());
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/agency/contracts',
    access: manage,
    summary: 'Contracts, soonest expiry first (`expiringWithinDays` for the renewal reminders)',
    tags,
    schema: { querystring: ContractQuery, response: { 200: z.object({ items: z.array(ContractOut) }) } },
    async handler({ db, ctx, query, deps }) {
      const t = today(deps.clock.now());
      let q = repo.proposalQuery(db, ctx).where('c.id', 'is not', null);
      if (query.expiringWithinDays) {
        q = q.where('c.end_on', '>=', t).where(sql<boolean>`c.end_on <= ${t}::date + ${query.expiringWithinDays}::int`);
      }
      const rows = await q.orderBy('c.end_on').limit(500).execute();
      return { items: rows.map((r) => presentContract(r, t)).filter((c) => c !== null) };
    },
  }),
];
