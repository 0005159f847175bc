// The applicant's side: my applications (draft, declarations, documents, submit with protocol
// number and receipt, withdraw), my score and position with a what-if, my objection.
import { z } from 'zod';
import { audit } from '../../../kernel/audit/audit.js';
import type { TenantContext } from '../../../kernel/context.js';
import type { Executor } from '../../../kernel/db/tenant.js';
import { AppError, notFound } from '../../../kernel/http/errors.js';
import { type AnyRoute, defineRoute } from '../../../kernel/http/route.js';
import { romeDay } from '../../../kernel/time.js';
import { type PdfLine, renderPdf } from '../pdf.js';
import { objectionDeadline, phaseOf } from '../policy.js';
import { presentDocument, presentObjection } from '../presenter.js';
import {
  type ApplicationRow,
  applicationsOfUser,
  type CallRow,
  documentContent,
  documentsOf,
  findApplication,
  findCall,
  json,
  latestIntegration,
  linkedPerson,
  lockApplication,
  nextProtocolNumber,
  objectionOfApplication,
  rankingsOf,
  read,
} from '../repo.js';
import {
  ApplicationOut,
  ApplicationPatchBody,
  DocParams,
  DocumentOut,
  DocumentUploadBody,
  IdParams,
  IntegrationAnswerBody,
  ObjectionBody,
  ObjectionOut,
  WhatIfBody,
  WhatIfOut,
} from '../schema.js';
import {
  type ApplicantData,
  checkFacts,
  evaluate,
  evaluateApplication,
  type Facts,
  factsOf,
  missingDeclarations,
  missingDocuments,
  notifyApplicant,
  positionFor,
  protocolOf,
  protocolYear,
  rejectedCriteria,
  rulesOf,
  type StoredRanking,
  sha256,
  sniffFile,
} from '../service.js';
import { applicationOut } from './review.js';

const tags = ['calls', 'self'];
const submit = { permission: 'application:submit' } as const;

/** One of my applications (another person's answers 404, never 403: its existence is not told). */
async function myApplication(db: Executor, ctx: TenantContext, id: string): Promise<{ app: ApplicationRow; call: CallRow }> {
  const app = await findApplication(db, ctx, id);
  if (!app || app.user_id !== ctx.principal.userId) {
    throw notFound();
  }
  return { app, call: (await findCall(db, ctx, app.call_id)) as CallRow };
}

/** Changes by the applicant are possible only while the call is open. */
function requireOpen(call: CallRow, now: Date) {
  const phase = phaseOf(call, now);
  if (phase !== 'open') {
    throw new AppError(409, phase === 'scheduled' || phase === 'draft' ? 'calls.not_open' : 'calls.closed');
  }
}

export const meRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/me/applications',
    access: submit,
    summary: 'My applications',
    tags,
    schema: { response: { 200: z.object({ items: z.array(ApplicationOut) }) } },
    async handler({ db, ctx, deps }) {
      const now = deps.clock.now();
      const apps = await applicationsOfUser(db, ctx, ctx.principal.userId);
      const items = [];
      for (const a of apps) {
        items.push(await applicationOut(db, ctx, a, (await findCall(db, ctx, a.call_id)) as CallRow, now));
      }
      return { items };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/me/applications',
    access: submit,
    summary: 'Start an application (draft) to an open call; applicant data come from my registry record',
    tags,
    status: 201,
    schema: { body: z.object({ callId: z.uuid() }), response: { 201: ApplicationOut } },
    async handler({ db, ctx, body, deps }) {
      const now = deps.clock.now();
      const call = await findCall(db, ctx, body.callId);
      if (!call || call.status === 'draft') {
        throw notFound();
      }
      requireOpen(call, now);
      const person = await linkedPerson(db, ctx, ctx.principal.userId);
      if (!person?.birth_date) {
        throw new AppError(409, 'calls.no_person');
      }
      const existing = await db
        .selectFrom('application')
        .select('id')
        .where('tenant_id', '=', ctx.tenantId)
        .where('call_id', '=', call.id)
        .where('user_id', '=', ctx.principal.userId)
        .where('status', '<>', 'withdrawn')
        .executeTakeFirst();
      if (existing) {
        throw new AppError(409, 'calls.application_exists');
      }
      const applicant: ApplicantData = {
        givenName: person.given_name,
        familyName: person.family_name,
        codiceFiscale: person.codice_fiscale,
        birthDate: person.birth_date,
        email: person.email,
        phone: person.phone,
      };
      const { id } = await db
        .insertInto('application')
        .values({
          tenant_id: ctx.tenantId,
          call_id: call.id,
          person_id: person.id,
          user_id: ctx.principal.userId,
          applicant: json(applicant),
          created_by: ctx.principal.userId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(db, ctx, { action: 'application.created', entityType: 'application', entityId: id, details: { callId: call.id } });
      return applicationOut(db, ctx, (await findApplication(db, ctx, id)) as ApplicationRow, call, now);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/me/applications/:id',
    access: submit,
    summary: 'One of my applications: status, score with each criterion, position and the rule that broke a tie',
    tags,
    schema: { params: IdParams, response: { 200: ApplicationOut } },
    async handler({ db, ctx, params, deps }) {
      const { app, call } = await myApplication(db, ctx, params.id);
      return applicationOut(db, ctx, app, call, deps.clock.now());
    },
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/v1/me/applications/:id',
    access: submit,
    summary: 'Change household and declarations (draft, or submitted until the call closes)',
    tags,
    schema: { params: IdParams, body: ApplicationPatchBody, response: { 200: ApplicationOut } },
    async handler({ db, ctx, params, body, deps }) {
      const now = deps.clock.now();
      const { call } = await myApplication(db, ctx, params.id);
      const app = (await lockApplication(db, ctx, params.id)) as ApplicationRow;
      requireOpen(call, now);
      if (app.status !== 'draft' && app.status !== 'submitted') {
        throw new AppError(409, 'calls.application_status');
      }
      if (body.declared) {
        checkFacts(body.declared, { office: false, field: 'declared' });
      }
      const applicant = { ...read<ApplicantData>(app.applicant), ...(body.contact ?? {}) };
      await db
        .updateTable('application')
        .set({
          ...(body.household ? { household: json(body.household) } : {}),
          ...(body.declared ? { declared: json({ ...read<Facts>(app.declared), ...body.declared }) } : {}),
          applicant: json(applicant),
          updated_at: now,
        })
        .where('tenant_id', '=', ctx.tenantId)
        .where('id', '=', app.id)
        .execute();
      if (app.status === 'submitted') {
        await audit(db, ctx, { action: 'application.changed', entityType: 'application', entityId: app.id, details: { fields: Object.keys(body) } });
      }
      return applicationOut(db, ctx, (await findApplication(db, ctx, app.id)) as ApplicationRow, call, now);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/me/applications/:id/documents',
    access: submit,
    summary: 'Attach a document (PDF, JPEG or PNG ≤ 5 MB; the type is read from the content; SHA-256 kept)',
    tags,
    status: 201,
    bodyLimit: 7_500_000,
    schema: { params: IdParams, body: DocumentUploadBody, response: { 201: DocumentOut } },
    async handler({ db, ctx, params, body, deps }) {
      const now = deps.clock.now();
      const { app, call } = await myApplication(db, ctx, params.id);
      const rules = rulesOf(call);
      const objection = await objectionOfApplication(db, ctx, app.id);
      // Documents go with the application while the call is open or an integration request is
      // open, or with my objection while it may still be filed.
      const forObjection = phaseOf(call, now) === 'objections' && objection?.status === 'filed';
      if (!forObjection) {
        const integration = await latestIntegration(db, ctx, app.id);
        const integrating = integration !== undefined && integration.answered_at === null && integration.deadline >= romeDay(now);
        if (!integrating) {
          requireOpen(call, now);
        }
        if (!rules.documents.some((d) => d.code === body.kind)) {
          throw new AppError(400, 'calls.document_kind', [{ field: 'kind', in: 'body', code: 'calls.document_kind' }]);
        }
      }
      const content = Buffer.from(body.contentBase64, 'base64');
      const type = sniffFile(content);
      const row = await db
        .insertInto('application_document')
        .values({
          tenant_id: ctx.tenantId,
          application_id: app.id,
          objection_id: forObjection ? (objection?.id ?? null) : null,
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
        details: { documentId: row.id, kind: body.kind, sha256: row.sha256 },
      });
      return presentDocument(row);
    },
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/v1/me/applications/:id/documents/:docId',
    access: submit,
    summary: 'Remove one of my documents while the call is open',
    tags,
    schema: { params: DocParams, response: { 204: z.null() } },
    async handler({ db, ctx, params, deps }) {
      const { app, call } = await myApplication(db, ctx, params.id);
      requireOpen(call, deps.clock.now());
      const r = await db
        .deleteFrom('application_document')
        .where('tenant_id', '=', ctx.tenantId)
        .where('application_id', '=', app.id)
        .where('id', '=', params.docId)
        .where('objection_id', 'is', null)
        .executeTakeFirst();
      if (Number(r.numDeletedRows) === 0) {
        throw notFound();
      }
      await audit(db, ctx, { action: 'application.document_removed', entityType: 'application', entityId: app.id, details: { documentId: params.docId } });
      return undefined;
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/me/applications/:id/documents/:docId',
    access: submit,
    summary: 'Download one of my documents',
    tags,
    schema: { params: DocParams, response: { 200: z.any() } },
    async handler({ db, ctx, params, reply }) {
      const { app } = await myApplication(db, ctx, params.id);
      const doc = await documentContent(db, ctx, app.id, params.docId);
      if (!doc) {
        throw notFound();
      }
      reply.type(doc.content_type).header('content-disposition', `attachment; filename="${doc.file_name.replace(/[^\w.-]/g, '_')}"`);
      return Buffer.from(doc.content);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/me/applications/:id/submit',
    access: submit,
    summary: 'Submit before the call closes: a protocol number (unique and gapless per ente and year) and a receipt',
    tags,
    schema: { params: IdParams, response: { 200: ApplicationOut } },
    async handler({ db, ctx, params, deps }) {
      const now = deps.clock.now();
      const { call } = await myApplication(db, ctx, params.id);
      const app = (await lockApplication(db, ctx, params.id)) as ApplicationRow;
      requireOpen(call, now);
      if (app.status !== 'draft') {
        throw new AppError(409, 'calls.application_status');
      }
      const rules = rulesOf(call);
      const missing = missingDeclarations(rules, app.declared as Facts);
      const docs = missingDocuments(rules, await documentsOf(db, ctx, app.id));
      if (missing.length > 0 || docs.length > 0) {
        throw new AppError(400, missing.length > 0 ? 'calls.declaration_missing' : 'calls.document_missing', [
          ...missing.map((f) => ({ field: `declared.${f}`, in: 'body', code: 'calls.declaration_missing' })),
          ...docs.map((d) => ({ field: `documents.${d}`, in: 'body', code: 'calls.document_missing' })),
        ]);
      }
      const year = protocolYear(now);
      const n = await nextProtocolNumber(db, ctx, year);
      const protocol = protocolOf(year, n);
      await db
        .updateTable('application')
        .set({ status: 'submitted', protocol_year: year, protocol_number: n, protocol, submitted_at: now, updated_at: now })
        .where('tenant_id', '=', ctx.tenantId)
        .where('id', '=', app.id)
        .execute();
      await audit(db, ctx, { action: 'application.submitted', entityType: 'application', entityId: app.id, details: { protocol, channel: 'online' } });
      await notifyApplicant(db, ctx, app, 'application.submitted', { protocol, callTitle: ctx.lang === 'en' ? call.title_en : call.title_it });
      return applicationOut(db, ctx, (await findApplication(db, ctx, app.id)) as ApplicationRow, call, now);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/me/applications/:id/receipt.pdf',
    access: submit,
    summary: 'The receipt of a submitted application (PDF)',
    tags,
    schema: { params: IdParams, response: { 200: z.any() } },
    async handler({ db, ctx, params, reply }) {
      const { app, call } = await myApplication(db, ctx, params.id);
      if (!app.protocol || !app.submitted_at) {
        throw new AppError(409, 'calls.application_status');
      }
      const a = read<ApplicantData>(app.applicant);
      const docs = await documentsOf(db, ctx, app.id);
      const when = new Intl.DateTimeFormat('it-IT', { timeZone: 'Europe/Rome', dateStyle: 'long', timeStyle: 'medium' }).format(app.submitted_at);
      const lines: PdfLine[] = [
        { text: `${ctx.principal.tenantName} – Ricevuta di presentazione della domanda`, size: 15, bold: true },
        { text: call.title_it, size: 12, bold: true },
        { text: '' },
        { text: `Numero di protocollo: ${app.protocol}`, size: 13, bold: true },
        { text: `Presentata il: ${when} (ora di Roma)` },
        { text: `Richiedente: ${a.givenName} ${a.familyName}${a.codiceFiscale ? ` – ${a.codiceFiscale}` : ''}` },
        { text: `Componenti del nucleo dichiarati: ${read<unknown[]>(app.household).length + 1}` },
        { text: '' },
        { text: 'Documenti allegati (impronta SHA-256):', bold: true },
        ...docs.map((d) => ({ text: `• ${d.kind}: ${d.file_name} – ${d.sha256.slice(0, 16)}…`, size: 9 })),
        { text: '' },
        { text: 'Conserva questa ricevuta. Puoi modificare o ritirare la domanda fino alla chiusura del bando.', size: 9 },
      ];
      await audit(db, ctx, { action: 'application.receipt', entityType: 'application', entityId: app.id });
      reply.type('application/pdf').header('content-disposition', `attachment; filename="ricevuta-${app.protocol.replace('/', '-')}.pdf"`);
      return renderPdf(`Ricevuta ${app.protocol}`, lines);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/me/applications/:id/integration/answer',
    access: submit,
    summary: 'Answer the open integration request (after adding the documents asked for)',
    tags,
    schema: { params: IdParams, body: IntegrationAnswerBody, response: { 200: ApplicationOut } },
    async handler({ db, ctx, params, body, deps }) {
      const now = deps.clock.now();
      const { app, call } = await myApplication(db, ctx, params.id);
      const integration = await latestIntegration(db, ctx, app.id);
      if (!integration || integration.answered_at !== null || integration.deadline < romeDay(now)) {
        throw new AppError(409, 'calls.integration_closed');
      }
      await db
        .updateTable('integration_request')
        .set({ answered_at: now, answer_note: body.note ?? null })
        .where('tenant_id', '=', ctx.tenantId)
        .where('id', '=', integration.id)
        .execute();
      await audit(db, ctx, { action: 'application.integration_answered', entityType: 'application', entityId: app.id, details: { requestId: integration.id } });
      return applicationOut(db, ctx, app, call, now);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/me/applications/:id/withdraw',
    access: submit,
    summary: 'Withdraw my application (before the ranking is published)',
    tags,
    schema: { params: IdParams, response: { 200: ApplicationOut } },
    async handler({ db, ctx, params, deps }) {
      const now = deps.clock.now();
      const { call } = await myApplication(db, ctx, params.id);
      const app = (await lockApplication(db, ctx, params.id)) as ApplicationRow;
      if (!['draft', 'submitted'].includes(app.status) || !['open', 'closed'].includes(phaseOf(call, now))) {
        throw new AppError(409, 'calls.application_status');
      }
      await db
        .updateTable('application')
        .set({ status: 'withdrawn', withdrawn_at: now, updated_at: now })
        .where('tenant_id', '=', ctx.tenantId)
        .where('id', '=', app.id)
        .execute();
      await audit(db, ctx, { action: 'application.withdrawn', entityType: 'application', entityId: app.id, details: { protocol: app.protocol } });
      return applicationOut(db, ctx, (await findApplication(db, ctx, app.id)) as ApplicationRow, call, now);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/me/applications/:id/what-if',
    access: submit,
    summary: 'What if I declared other values? My score and position, nothing saved, nobody else’s data shown',
    tags,
    schema: { params: IdParams, body: WhatIfBody, response: { 200: WhatIfOut } },
    async handler({ db, ctx, params, body }) {
      const { app, call } = await myApplication(db, ctx, params.id);
      checkFacts(body.declared, { office: false, field: 'declared' });
      const rules = rulesOf(call);
      const e = evaluate(rules, factsOf(call, app, { declared: body.declared, household: body.household }), { rejected: rejectedCriteria(app) });
      const latest = (await rankingsOf(db, ctx, call.id))[0];
      let others: number[];
      let basis: 'ranking' | 'current';
      if (latest) {
        others = read<StoredRanking>(latest.entries)
          .entries.filter((x) => x.applicationId !== app.id)
          .map((x) => x.score);
        basis = 'ranking';
      } else {
        const apps = await db
          .selectFrom('application')
          .selectAll()
          .where('tenant_id', '=', ctx.tenantId)
          .where('call_id', '=', call.id)
          .where('status', 'in', ['submitted', 'admitted'])
          .where('id', '<>', app.id)
          .execute();
        others = apps
          .map((a) => evaluateApplication(call, a))
          .filter((x) => x.eligible)
          .map((x) => x.score);
        basis = 'current';
      }
      return { evaluation: e, position: e.eligible ? positionFor(e.score, others) : null, total: others.length + 1, basis };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/me/applications/:id/objection',
    access: submit,
    summary: 'File an objection to the provisional ranking, within the objection window',
    tags,
    status: 201,
    schema: { params: IdParams, body: ObjectionBody, response: { 201: ObjectionOut } },
    async handler({ db, ctx, params, body, deps }) {
      const now = deps.clock.now();
      const { app, call } = await myApplication(db, ctx, params.id);
      if (phaseOf(call, now) !== 'objections' || !['admitted', 'excluded'].includes(app.status)) {
        throw new AppError(409, 'calls.objection_window', [], { 'x-objection-deadline': objectionDeadline(call)?.toISOString() ?? '' });
      }
      if (await objectionOfApplication(db, ctx, app.id)) {
        throw new AppError(409, 'calls.objection_exists');
      }
      const { id } = await db
        .insertInto('objection')
        .values({ tenant_id: ctx.tenantId, application_id: app.id, call_id: call.id, text: body.text, filed_by: ctx.principal.userId, filed_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(db, ctx, { action: 'objection.filed', entityType: 'application', entityId: app.id, details: { objectionId: id } });
      return presentObjection((await objectionOfApplication(db, ctx, app.id)) as NonNullable<Awaited<ReturnType<typeof objectionOfApplication>>>);
    },
  }),
];
