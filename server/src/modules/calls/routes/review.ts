// The office side: applications of a call, review per criterion, admission/exclusion, paper
// applications, rankings (preview, publication) and objections.
import { z } from 'zod';
import { audit } from '../../../kernel/audit/audit.js';
import type { TenantContext } from '../../../kernel/context.js';
import type { Executor } from '../../../kernel/db/tenant.js';
import { AppError, notFound } from '../../../kernel/http/errors.js';
import { type AnyRoute, defineRoute } from '../../../kernel/http/route.js';
import { romeDay } from '../../../kernel/time.js';
import { inScope, phaseOf, requireFor, staffScope } from '../policy.js';
import { presentApplication, presentApplicationSummary, presentDocument, presentIntegration, presentObjection, presentRanking } from '../presenter.js';
import {
  type ApplicationRow,
  applicationsOfCall,
  type CallRow,
  documentContent,
  documentsOf,
  findApplication,
  findCall,
  json,
  latestIntegration,
  lockApplication,
  nextProtocolNumber,
  objectionOfApplication,
  objectionsOf,
  personById,
  rankingsOf,
  read,
} from '../repo.js';
import {
  ApplicationListQuery,
  ApplicationOut,
  ApplicationSummaryOut,
  DecisionBody,
  DocParams,
  DocumentOut,
  DocumentUploadBody,
  IdParams,
  IntegrationOut,
  IntegrationRequestBody,
  ObjectionDecisionBody,
  ObjectionOut,
  PaperApplicationBody,
  RankingOut,
  RankingPreviewOut,
  ReviewBody,
} from '../schema.js';
import {
  checkFacts,
  computeRanking,
  evaluateApplication,
  missingDocuments,
  newSeed,
  notifyApplicant,
  protocolOf,
  protocolYear,
  publicSnapshot,
  rulesOf,
  sha256,
  sniffFile,
  storedEntries,
} from '../service.js';

const tags = ['calls', 'review'];
const staffRead = { permission: ['call:manage', 'call:read', 'application:review', 'ranking:publish'] } as const;

async function staffCall(db: Executor, ctx: TenantContext, id: string): Promise<CallRow> {
  const call = await findCall(db, ctx, id);
  if (!call || !inScope(staffScope(ctx), call.program)) {
    throw notFound();
  }
  return call;
}

async function staffApplication(db: Executor, ctx: TenantContext, id: string): Promise<{ app: ApplicationRow; call: CallRow }> {
  const app = await findApplication(db, ctx, id);
  if (!app || app.status === 'draft') {
    throw notFound();
  }
  return { app, call: await staffCall(db, ctx, app.call_id) };
}

/** The full application as the office sees it (also used for the applicant's own view). */
export async function applicationOut(db: Executor, ctx: TenantContext, app: ApplicationRow, call: CallRow, now: Date) {
  const documents = await documentsOf(db, ctx, app.id);
  const rankings = await rankingsOf(db, ctx, call.id);
  const integration = await latestIntegration(db, ctx, app.id);
  const phase = phaseOf(call, now);
  return presentApplication(app, call, {
    documents,
    missingDocuments: missingDocuments(rulesOf(call), documents),
    evaluation: evaluateApplication(call, app),
    latest: rankings[0],
    objection: await objectionOfApplication(db, ctx, app.id),
    integration: integration ? presentIntegration(integration, romeDay(now)) : null,
    editable: (app.status === 'draft' || app.status === 'submitted') && phase === 'open',
  });
}

/** Applies a review: verified facts and per-criterion outcomes (unknown criteria refused). */
function reviewChanges(call: CallRow, app: ApplicationRow, body: z.infer<typeof ReviewBody>) {
  const rules = rulesOf(call);
  const verified = { ...read<Record<string, unknown>>(app.verified) };
  if (body.verified) {
    checkFacts(body.verified, { office: true, field: 'verified' });
    Object.assign(verified, body.verified);
  }
  const review = { ...read<Record<string, unknown>>(app.criterion_review) };
  for (const [i, c] of (body.criteria ?? []).entries()) {
    if (!rules.criteria.some((k) => k.code === c.code)) {
      throw new AppError(400, 'calls.unknown_criterion', [{ field: `criteria.${i}.code`, in: 'body', code: 'calls.unknown_criterion' }]);
    }
    review[c.code] = { outcome: c.outcome, ...(c.note ? { note: c.note } : {}) };
  }
  return { verified, review };
}

export const reviewRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/calls/:id/applications',
    access: staffRead,
    summary: 'Applications of a call (submitted and after), with their current score on verified data',
    tags,
    schema: { params: IdParams, querystring: ApplicationListQuery, response: { 200: z.object({ items: z.array(ApplicationSummaryOut) }) } },
    async handler({ db, ctx, params, query }) {
      const call = await staffCall(db, ctx, params.id);
      const rows = await applicationsOfCall(db, ctx, call.id, query.status ? [query.status] : ['submitted', 'admitted', 'excluded', 'withdrawn']);
      return { items: rows.map((a) => presentApplicationSummary(a, evaluateApplication(call, a))) };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/calls/:id/applications',
    access: { permission: 'application:review' },
    summary: 'Enter a paper application on behalf of a person (submitted at once, with a protocol number)',
    tags,
    status: 201,
    schema: { params: IdParams, body: PaperApplicationBody, response: { 201: ApplicationOut } },
    async handler({ db, ctx, params, body, deps }) {
      const call = await staffCall(db, ctx, params.id);
      requireFor(ctx, 'application:review', call.program);
      const now = deps.clock.now();
      if (phaseOf(call, now) !== 'open') {
        throw new AppError(409, 'calls.not_open');
      }
      if (body.personId && !(await personById(db, ctx, body.personId))) {
        throw new AppError(400, 'resource.not_found', [{ field: 'personId', in: 'body', code: 'resource.not_found' }]);
      }
      checkFacts(body.declared, { office: false, field: 'declared' });
      const year = protocolYear(now);
      const n = await nextProtocolNumber(db, ctx, year);
      const { id } = await db
        .insertInto('application')
        .values({
          tenant_id: ctx.tenantId,
          call_id: call.id,
          person_id: body.personId ?? null,
          channel: 'paper',
          status: 'submitted',
          applicant: json(body.applicant),
          household: json(body.household),
          declared: json(body.declared),
          protocol_year: year,
          protocol_number: n,
          protocol: protocolOf(year, n),
          submitted_at: now,
          created_by: ctx.principal.userId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(db, ctx, {
        action: 'application.submitted',
        entityType: 'application',
        entityId: id,
        details: { channel: 'paper', protocol: protocolOf(year, n) },
      });
      await notifyApplicant(db, ctx, { id, user_id: null, person_id: body.personId ?? null }, 'application.submitted', {
        protocol: protocolOf(year, n),
        callTitle: call.title_it,
      });
      return applicationOut(db, ctx, (await findApplication(db, ctx, id)) as ApplicationRow, call, now);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/applications/:id',
    access: staffRead,
    summary: 'One application: applicant, household, declared vs verified facts, documents, evaluation',
    tags,
    schema: { params: IdParams, response: { 200: ApplicationOut } },
    async handler({ db, ctx, params, deps }) {
      const { app, call } = await staffApplication(db, ctx, params.id);
      await audit(db, ctx, { action: 'application.read', entityType: 'application', entityId: app.id });
      return applicationOut(db, ctx, app, call, deps.clock.now());
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/applications/:id/documents/:docId',
    access: staffRead,
    summary: 'Download a document of an application (audited)',
    tags,
    schema: { params: DocParams, response: { 200: z.any() } },
    async handler({ db, ctx, params, reply }) {
      const { app } = await staffApplication(db, ctx, params.id);
      const doc = await documentContent(db, ctx, app.id, params.docId);
      if (!doc) {
        throw notFound();
      }
      await audit(db, ctx, { action: 'application.document_read', entityType: 'application', entityId: app.id, details: { documentId: params.docId } });
      reply.type(doc.content_type).header('content-disposition', `attachment; filename="${doc.file_name.replace(/[^\w.-]/g, '_')}"`);
      return Buffer.from(doc.content);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/applications/:id/documents',
    access: { permission: 'application:review' },
    summary: 'Attach a document on behalf of the applicant (paper applications, documents handed in at the counter)',
    tags,
    status: 201,
    bodyLimit: 7_500_000,
    schema: { params: IdParams, body: DocumentUploadBody, response: { 201: DocumentOut } },
    async handler({ db, ctx, params, body }) {
      const { app, call } = await staffApplication(db, ctx, params.id);
      requireFor(ctx, 'application:review', call.program);
      if (!rulesOf(call).documents.some((d) => d.code === body.kind)) {
        throw new AppError(400, 'calls.document_kind', [{ field: 'kind', in: 'body', code: 'calls.document_kind' }]);
      }
      const content = Buffer.from(body.contentBase64, 'base64');
      const type = sniffFile(content);
      const row = await db
        .insertInto('application_document')
        .values({
          tenant_id: ctx.tenantId,
          application_id: app.id,
          kind: body.kind,
          file_name: body.fileName,
          content_type: type,
          size_bytes: content.length,
          sha256: sha256(content),
          content,
          uploaded_by: ctx.principal.userId,
        })
        .returning(['id', 'kind', 'file_name', 'content_type', 'size_bytes', 'sha256', 'objection_id', 'created_at'])
        .executeTakeFirstOrThrow();
      await audit(db, ctx, {
        action: 'application.document_added',
        entityType: 'application',
        entityId: app.id,
        details: { documentId: row.id, kind: body.kind, sha256: row.sha256, by: 'office' },
      });
      return presentDocument(row);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/applications/:id/integration',
    access: { permission: 'application:review' },
    summary: 'Ask the applicant to complete the application (documents, note) by a deadline; the applicant is notified',
    tags,
    status: 201,
    schema: { params: IdParams, body: IntegrationRequestBody, response: { 201: IntegrationOut } },
    async handler({ db, ctx, params, body, deps }) {
      const { app, call } = await staffApplication(db, ctx, params.id);
      requireFor(ctx, 'application:review', call.program);
      const today = romeDay(deps.clock.now());
      if (!['submitted', 'admitted', 'excluded'].includes(app.status) || call.status === 'final') {
        throw new AppError(409, 'calls.application_status');
      }
      if (body.deadline < today) {
        throw new AppError(400, 'calls.deadline_past', [{ field: 'deadline', in: 'body', code: 'calls.deadline_past' }]);
      }
      const codes = new Set(rulesOf(call).documents.map((d) => d.code));
      const unknown = body.documents.findIndex((d) => !codes.has(d));
      if (unknown >= 0) {
        throw new AppError(400, 'calls.document_kind', [{ field: `documents.${unknown}`, in: 'body', code: 'calls.document_kind' }]);
      }
      const row = await db
        .insertInto('integration_request')
        .values({
          tenant_id: ctx.tenantId,
          application_id: app.id,
          documents: body.documents,
          note: body.note,
          deadline: body.deadline,
          created_by: ctx.principal.userId,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await audit(db, ctx, {
        action: 'application.integration_requested',
        entityType: 'application',
        entityId: app.id,
        details: { requestId: row.id, documents: body.documents, deadline: body.deadline },
      });
      await notifyApplicant(
        db,
        ctx,
        app,
        'application.integration_requested',
        { callTitle: call.title_it, note: `${body.note} (entro il ${body.deadline})` },
        `integration:${row.id}`,
      );
      return presentIntegration(row, today);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/applications/:id/review',
    access: { permission: 'application:review' },
    summary: 'Record verified facts and per-criterion outcomes (confirmed/rejected with a note)',
    tags,
    schema: { params: IdParams, body: ReviewBody, response: { 200: ApplicationOut } },
    async handler({ db, ctx, params, body, deps }) {
      const { call } = await staffApplication(db, ctx, params.id);
      requireFor(ctx, 'application:review', call.program);
      const app = (await lockApplication(db, ctx, params.id)) as ApplicationRow;
      if (!['submitted', 'admitted', 'excluded'].includes(app.status) || call.status === 'final') {
        throw new AppError(409, 'calls.application_status');
      }
      const { verified, review } = reviewChanges(call, app, body);
      const now = deps.clock.now();
      await db
        .updateTable('application')
        .set({
          verified: json(verified),
          criterion_review: json(review),
          reviewed_at: now,
          reviewed_by: ctx.principal.userId,
          updated_at: now,
        })
        .where('tenant_id', '=', ctx.tenantId)
        .where('id', '=', app.id)
        .execute();
      await audit(db, ctx, {
        action: 'application.reviewed',
        entityType: 'application',
        entityId: app.id,
        details: { verified: body.verified ?? {}, criteria: body.criteria ?? [] },
      });
      return applicationOut(db, ctx, (await findApplication(db, ctx, app.id)) as ApplicationRow, call, now);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/applications/:id/decision',
    access: { permission: 'application:review' },
    summary: 'Admit an application to the ranking, or exclude it with a coded reason and a note',
    tags,
    schema: { params: IdParams, body: DecisionBody, response: { 200: ApplicationOut } },
    async handler({ db, ctx, params, body, deps }) {
      const { call } = await staffApplication(db, ctx, params.id);
      requireFor(ctx, 'application:review', call.program);
      const now = deps.clock.now();
      const app = (await lockApplication(db, ctx, params.id)) as ApplicationRow;
      // Decisions may come while the call is open (rolling calls such as the youth avviso): the
      // applicant then can no longer change the application, only withdraw it.
      if (!['submitted', 'admitted', 'excluded'].includes(app.status) || call.status === 'final') {
        throw new AppError(409, 'calls.application_status');
      }
      await db
        .updateTable('application')
        .set({
          status: body.decision === 'admit' ? 'admitted' : 'excluded',
          exclusion_reason: body.decision === 'exclude' ? body.reason : null,
          exclusion_note: body.decision === 'exclude' ? body.note : null,
          reviewed_at: now,
          reviewed_by: ctx.principal.userId,
          updated_at: now,
        })
        .where('tenant_id', '=', ctx.tenantId)
        .where('id', '=', app.id)
        .execute();
      await audit(db, ctx, {
        action: body.decision === 'admit' ? 'application.admitted' : 'application.excluded',
        entityType: 'application',
        entityId: app.id,
        details: body.decision === 'exclude' ? { reason: body.reason, note: body.note } : {},
      });
      return applicationOut(db, ctx, (await findApplication(db, ctx, app.id)) as ApplicationRow, call, now);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/calls/:id/ranking-preview',
    access: staffRead,
    summary: 'The ranking as it would be published now (not published, no draw recorded)',
    tags,
    schema: { params: IdParams, response: { 200: RankingPreviewOut } },
    async handler({ db, ctx, params }) {
      const call = await staffCall(db, ctx, params.id);
      const { ranking, unreviewed } = await computeRanking(db, ctx, call, 'preview');
      const stored = storedEntries(ranking);
      return { entries: stored.entries, excluded: stored.excluded, unreviewed };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/calls/:id/rankings',
    access: staffRead,
    summary: 'Published rankings of a call (newest first)',
    tags,
    schema: { params: IdParams, response: { 200: z.object({ items: z.array(RankingOut) }) } },
    async handler({ db, ctx, params }) {
      const call = await staffCall(db, ctx, params.id);
      return { items: (await rankingsOf(db, ctx, call.id)).map((r) => presentRanking(r, call)) };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/calls/:id/rankings',
    access: { permission: 'ranking:publish' },
    summary: 'Publish the provisional ranking (after closing) or the final one (after the objection window, objections decided)',
    tags,
    status: 201,
    schema: { params: IdParams, body: z.object({ kind: z.enum(['provisional', 'final']) }), response: { 201: RankingOut } },
    async handler({ db, ctx, params, body, deps }) {
      const call = await staffCall(db, ctx, params.id);
      requireFor(ctx, 'ranking:publish', call.program);
      // Lock the call so two publications cannot race.
      await db.selectFrom('call').select('id').where('tenant_id', '=', ctx.tenantId).where('id', '=', call.id).forUpdate().execute();
      const now = deps.clock.now();
      const phase = phaseOf(call, now);
      if (body.kind === 'provisional' && phase !== 'closed') {
        throw new AppError(409, phase === 'open' || phase === 'scheduled' ? 'calls.not_closed' : 'calls.bad_status');
      }
      if (body.kind === 'final') {
        if (phase !== 'provisional') {
          throw new AppError(409, phase === 'objections' ? 'calls.objection_window' : 'calls.bad_status');
        }
        if ((await objectionsOf(db, ctx, call.id)).some((o) => o.status === 'filed')) {
          throw new AppError(409, 'calls.objections_pending');
        }
      }
      const seed = newSeed();
      const { ranking, unreviewed } = await computeRanking(db, ctx, call, seed);
      if (unreviewed > 0) {
        throw new AppError(409, 'calls.unreviewed');
      }
      const snap = publicSnapshot(ranking);
      const row = await db
        .insertInto('ranking')
        .values({
          tenant_id: ctx.tenantId,
          call_id: call.id,
          kind: body.kind,
          rules_version: call.rules_version,
          seed,
          entries: json(storedEntries(ranking)),
          sha256: snap.hash,
          published_by: ctx.principal.userId,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await db
        .updateTable('call')
        .set(
          body.kind === 'provisional' ? { status: 'provisional', provisional_at: now, updated_at: now } : { status: 'final', final_at: now, updated_at: now },
        )
        .where('tenant_id', '=', ctx.tenantId)
        .where('id', '=', call.id)
        .execute();
      // The draw by lot is reproducible from the seed: it is kept in the audit trail too.
      await audit(db, ctx, {
        action: `ranking.published`,
        entityType: 'call',
        entityId: call.id,
        details: {
          kind: body.kind,
          rankingId: row.id,
          sha256: snap.hash,
          seed,
          ranked: snap.entries.length,
          excluded: snap.excluded.length,
          lotUsed: snap.entries.some((e) => e.tieBrokenBy === 'lot'),
        },
      });
      // Every applicant in the snapshot is told (once per ranking kind).
      const apps = new Map((await applicationsOfCall(db, ctx, call.id, ['admitted', 'excluded'])).map((a) => [a.id, a]));
      for (const e of [...ranking.ranked, ...ranking.excluded]) {
        const a = apps.get(e.id);
        if (a) {
          await notifyApplicant(
            db,
            ctx,
            a,
            'ranking.published',
            { callTitle: call.title_it, kind: body.kind === 'final' ? 'definitiva' : 'provvisoria' },
            `ranking.published:${body.kind}:${a.id}`,
          );
        }
      }
      return presentRanking(row, (await findCall(db, ctx, call.id)) as CallRow);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/calls/:id/objections',
    access: staffRead,
    summary: 'Objections filed against the provisional ranking',
    tags,
    schema: { params: IdParams, response: { 200: z.object({ items: z.array(ObjectionOut) }) } },
    async handler({ db, ctx, params }) {
      const call = await staffCall(db, ctx, params.id);
      return { items: (await objectionsOf(db, ctx, call.id)).map(presentObjection) };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/objections/:id/decision',
    access: { permission: 'application:review' },
    summary: 'Decide an objection with reasons; accepting it may correct verified facts and criteria (the final ranking is recomputed)',
    tags,
    schema: { params: IdParams, body: ObjectionDecisionBody, response: { 200: ObjectionOut } },
    async handler({ db, ctx, params, body, deps }) {
      const objection = await db
        .selectFrom('objection')
        .selectAll()
        .where('tenant_id', '=', ctx.tenantId)
        .where('id', '=', params.id)
        .forUpdate()
        .executeTakeFirst();
      if (!objection) {
        throw notFound();
      }
      const { app, call } = await staffApplication(db, ctx, objection.application_id);
      requireFor(ctx, 'application:review', call.program);
      if (objection.status !== 'filed' || call.status !== 'provisional') {
        throw new AppError(409, 'calls.bad_status');
      }
      const now = deps.clock.now();
      if (body.outcome === 'accepted' && (body.verified || body.criteria)) {
        const { verified, review } = reviewChanges(call, app, body);
        await db
          .updateTable('application')
          .set({
            verified: json(verified),
            criterion_review: json(review),
            reviewed_at: now,
            reviewed_by: ctx.principal.userId,
            updated_at: now,
          })
          .where('tenant_id', '=', ctx.tenantId)
          .where('id', '=', app.id)
          .execute();
      }
      await db
        .updateTable('objection')
        .set({ status: body.outcome, decision_note: body.note, decided_by: ctx.principal.userId, decided_at: now })
        .where('tenant_id', '=', ctx.tenantId)
        .where('id', '=', objection.id)
        .execute();
      await audit(db, ctx, {
        action: 'objection.decided',
        entityType: 'application',
        entityId: app.id,
        details: { objectionId: objection.id, outcome: body.outcome, note: body.note, verified: body.verified ?? {}, criteria: body.criteria ?? [] },
      });
      const out = (await objectionOfApplication(db, ctx, app.id)) as NonNullable<Awaited<ReturnType<typeof objectionOfApplication>>>;
      return presentObjection(out);
    },
  }),
];
