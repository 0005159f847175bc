// Case notes (confidentiality enforced in SQL, special-category reads audited) and referrals.
import { z } from 'zod';
import { audit } from '../../../kernel/audit/audit.js';
import { AppError } from '../../../kernel/http/errors.js';
import { type AnyRoute, defineRoute } from '../../../kernel/http/route.js';
import { romeDay } from '../../../kernel/time.js';
import * as repo from '../repo.js';
import { CaseDetailOut, IdParams, NoteBody, NoteOut, NotesQuery, ReferralBody, ReferralOutcomeBody, ReferralResponseBody, SubParams } from '../schema.js';
import * as service from '../service.js';
import { readCases, tags, writeCases } from './cases.js';

async function referralIn(db: Parameters<typeof repo.referrals>[0], ctx: { tenantId: string }, caseId: string, id: string) {
  const r = (await repo.referrals(db, ctx, caseId)).find((x) => x.id === id);
  if (!r) {
    throw new AppError(404, 'resource.not_found');
  }
  return r;
}

export const noteRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/cases/:id/notes',
    access: readCases,
    summary:
      'Notes of a case the caller may read (team / program / partner, filtered in SQL). Special-category notes: content only with ?purpose= and registry:special:read, audited',
    tags,
    schema: { params: IdParams, querystring: NotesQuery, response: { 200: z.object({ items: z.array(NoteOut) }) } },
    async handler({ db, ctx, params, query, deps }) {
      return { items: await service.readNotes(db, ctx, romeDay(deps.clock.now()), params.id, query.purpose) };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/cases/:id/notes',
    access: writeCases,
    summary: 'Write a note with its confidentiality level (and special category when it is about one)',
    tags,
    status: 201,
    schema: { params: IdParams, body: NoteBody, response: { 201: z.object({ id: z.uuid() }) } },
    async handler({ db, ctx, params, body, deps }) {
      await service.writableCase(db, ctx, romeDay(deps.clock.now()), params.id);
      const id = await service.addNote(db, ctx, params.id, body);
      await audit(db, ctx, {
        action: 'case.note_written',
        entityType: 'case',
        entityId: params.id,
        ...(body.sensitiveCategory ? { sensitiveCategory: body.sensitiveCategory } : {}),
        details: { noteId: id, confidentiality: body.confidentiality },
      });
      return { id };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/cases/:id/referrals',
    access: writeCases,
    summary: 'Refer the person to another organisation (e.g. Azienda USL, job service), from the caller’s organisation',
    tags,
    status: 201,
    schema: { params: IdParams, body: ReferralBody, response: { 201: CaseDetailOut } },
    async handler({ db, ctx, params, body, deps }) {
      const day = romeDay(deps.clock.now());
      await service.writableCase(db, ctx, day, params.id);
      if (!(await repo.organisationExists(db, ctx, body.toOrganisationId))) {
        throw new AppError(400, 'cases.organisation_unknown', [{ field: 'toOrganisationId', in: 'body', code: 'cases.organisation_unknown' }]);
      }
      const { id } = await db
        .insertInto('case_referral')
        .values({
          tenant_id: ctx.tenantId,
          case_id: params.id,
          from_organisation_id: ctx.principal.organisationId,
          to_organisation_id: body.toOrganisationId,
          service: body.service,
          reason: body.reason,
          referred_on: body.referredOn,
          created_by: ctx.principal.userId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(db, ctx, { action: 'case.referral_sent', entityType: 'case', entityId: params.id, details: { referralId: id, to: body.toOrganisationId } });
      return service.loadCase(db, ctx, day, params.id);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/cases/:id/referrals/:subId/response',
    access: writeCases,
    summary: 'The receiving organisation accepts or declines a referral',
    tags,
    schema: { params: SubParams, body: ReferralResponseBody, response: { 200: CaseDetailOut } },
    async handler({ db, ctx, params, body, deps }) {
      const day = romeDay(deps.clock.now());
      await service.writableCase(db, ctx, day, params.id);
      const r = await referralIn(db, ctx, params.id, params.subId);
      if (r.status !== 'sent' || body.on < r.referred_on) {
        throw new AppError(409, 'cases.referral_state');
      }
      await db
        .updateTable('case_referral')
        .set({ status: body.accepted ? 'accepted' : 'declined', responded_on: body.on, response_note: body.note })
        .where('tenant_id', '=', ctx.tenantId)
        .where('id', '=', r.id)
        .execute();
      await audit(db, ctx, {
        action: 'case.referral_answered',
        entityType: 'case',
        entityId: params.id,
        details: { referralId: r.id, accepted: body.accepted },
      });
      return service.loadCase(db, ctx, day, params.id);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/cases/:id/referrals/:subId/outcome',
    access: writeCases,
    summary: 'Record the outcome of an accepted referral',
    tags,
    schema: { params: SubParams, body: ReferralOutcomeBody, response: { 200: CaseDetailOut } },
    async handler({ db, ctx, params, body, deps }) {
      const day = romeDay(deps.clock.now());
      await service.writableCase(db, ctx, day, params.id);
      const r = await referralIn(db, ctx, params.id, params.subId);
      if (r.status !== 'accepted') {
        throw new AppError(409, 'cases.referral_state');
      }
      await db
        .updateTable('case_referral')
        .set({ status: 'completed', outcome: body.outcome, outcome_on: body.on })
        .where('tenant_id', '=', ctx.tenantId)
        .where('id', '=', r.id)
        .execute();
      await audit(db, ctx, { action: 'case.referral_completed', entityType: 'case', entityId: params.id, details: { referralId: r.id } });
      return service.loadCase(db, ctx, day, params.id);
    },
  }),
];
