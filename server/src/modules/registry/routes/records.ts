import { z } from 'zod';
import { audit } from '../../../kernel/audit/audit.js';
import { AppError, notFound } from '../../../kernel/http/errors.js';
import { type AnyRoute, defineRoute } from '../../../kernel/http/route.js';
import { requireProgramInScope, writeScope } from '../policy.js';
import { ConsentBody, DocumentBody, EndBody, EnrolmentBody, PersonIdParams, PersonOut, RepresentativeBody, SubParams } from '../schema.js';
import { readPersonFile, visiblePerson } from '../service.js';

const tags = ['registry'];
const write = { permission: 'registry:write' } as const;
const read = { permission: 'registry:read' } as const;

function endConflict() {
  return new AppError(409, 'resource.conflict', [{ field: 'on', in: 'body', code: 'resource.conflict' }]);
}

export const recordRoutes: AnyRoute[] = [
  defineRoute({
    method: 'POST',
    url: '/api/v1/registry/persons/:id/enrolments',
    access: write,
    summary: 'Enrol the person in a program (service line), with a case worker',
    tags,
    status: 201,
    schema: { params: PersonIdParams, body: EnrolmentBody, response: { 201: PersonOut } },
    async handler({ db, ctx, params, body, deps }) {
      requireProgramInScope(writeScope(ctx), body.program);
      await visiblePerson(db, ctx, deps, params.id);
      if (body.caseWorkerId) {
        const worker = await db
          .selectFrom('app_user')
          .select('id')
          .where('tenant_id', '=', ctx.tenantId)
          .where('id', '=', body.caseWorkerId)
          .executeTakeFirst();
        if (!worker) {
          throw new AppError(400, 'request.invalid', [{ field: 'caseWorkerId', in: 'body', code: 'unknown_user' }]);
        }
      }
      const { id } = await db
        .insertInto('enrolment')
        .values({
          tenant_id: ctx.tenantId,
          person_id: params.id,
          program: body.program,
          case_worker_id: body.caseWorkerId ?? null,
          started_on: body.startedOn,
          note: body.note ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(db, ctx, { action: 'person.enrolled', entityType: 'person', entityId: params.id, details: { enrolmentId: id, program: body.program } });
      return readPersonFile(db, ctx, deps, params.id, 'presa in carico');
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/registry/persons/:id/enrolments/:subId/end',
    access: write,
    summary: 'End an enrolment on a day',
    tags,
    schema: { params: SubParams, body: EndBody, response: { 200: PersonOut } },
    async handler({ db, ctx, params, body, deps }) {
      await visiblePerson(db, ctx, deps, params.id);
      const e = await db
        .selectFrom('enrolment')
        .select(['program', 'started_on', 'ended_on'])
        .where('tenant_id', '=', ctx.tenantId)
        .where('person_id', '=', params.id)
        .where('id', '=', params.subId)
        .executeTakeFirst();
      if (!e) {
        throw notFound();
      }
      requireProgramInScope(writeScope(ctx), e.program as never);
      if (e.ended_on !== null || e.started_on >= body.on) {
        throw endConflict();
      }
      await db.updateTable('enrolment').set({ ended_on: body.on }).where('tenant_id', '=', ctx.tenantId).where('id', '=', params.subId).execute();
      await audit(db, ctx, {
        action: 'person.enrolment_ended',
        entityType: 'person',
        entityId: params.id,
        details: { enrolmentId: params.subId, on: body.on },
      });
      return readPersonFile(db, ctx, deps, params.id, 'chiusura presa in carico');
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/registry/persons/:id/consents',
    access: write,
    summary: 'Record a consent or legal basis for a purpose, given by the person or a legal representative',
    tags,
    status: 201,
    schema: { params: PersonIdParams, body: ConsentBody, response: { 201: PersonOut } },
    async handler({ db, ctx, params, body, deps }) {
      await visiblePerson(db, ctx, deps, params.id);
      if (body.givenById) {
        const rep = await db
          .selectFrom('person_representative')
          .select('id')
          .where('tenant_id', '=', ctx.tenantId)
          .where('person_id', '=', params.id)
          .where('representative_id', '=', body.givenById)
          .where('started_on', '<=', body.givenOn)
          .where((eb) => eb.or([eb('ended_on', 'is', null), eb('ended_on', '>', body.givenOn)]))
          .executeTakeFirst();
        if (!rep) {
          throw new AppError(400, 'request.invalid', [{ field: 'givenById', in: 'body', code: 'not_a_representative' }]);
        }
      }
      const { id } = await db
        .insertInto('consent')
        .values({
          tenant_id: ctx.tenantId,
          person_id: params.id,
          purpose: body.purpose,
          legal_basis: body.legalBasis,
          given_on: body.givenOn,
          given_by_id: body.givenById ?? null,
          recorded_by: ctx.principal.userId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(db, ctx, { action: 'consent.recorded', entityType: 'person', entityId: params.id, details: { consentId: id, purpose: body.purpose } });
      return readPersonFile(db, ctx, deps, params.id, 'registrazione consenso');
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/registry/persons/:id/consents/:subId/withdraw',
    access: write,
    summary: 'Record the withdrawal of a consent',
    tags,
    schema: { params: SubParams, body: EndBody, response: { 200: PersonOut } },
    async handler({ db, ctx, params, body, deps }) {
      await visiblePerson(db, ctx, deps, params.id);
      const r = await db
        .updateTable('consent')
        .set({ withdrawn_on: body.on })
        .where('tenant_id', '=', ctx.tenantId)
        .where('person_id', '=', params.id)
        .where('id', '=', params.subId)
        .where('withdrawn_on', 'is', null)
        .where('given_on', '<=', body.on)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) {
        throw endConflict();
      }
      await audit(db, ctx, { action: 'consent.withdrawn', entityType: 'person', entityId: params.id, details: { consentId: params.subId } });
      return readPersonFile(db, ctx, deps, params.id, 'revoca consenso');
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/registry/persons/:id/representatives',
    access: write,
    summary: 'Link a legal representative (amministratore di sostegno, tutore, curatore, genitore), who is a person too',
    tags,
    status: 201,
    schema: { params: PersonIdParams, body: RepresentativeBody, response: { 201: PersonOut } },
    async handler({ db, ctx, params, body, deps }) {
      if (body.representativeId === params.id) {
        throw new AppError(400, 'request.invalid', [{ field: 'representativeId', in: 'body', code: 'self' }]);
      }
      await visiblePerson(db, ctx, deps, params.id);
      const rep = await db.selectFrom('person').select('id').where('tenant_id', '=', ctx.tenantId).where('id', '=', body.representativeId).executeTakeFirst();
      if (!rep) {
        throw new AppError(400, 'request.invalid', [{ field: 'representativeId', in: 'body', code: 'unknown_person' }]);
      }
      await db
        .insertInto('person_representative')
        .values({ tenant_id: ctx.tenantId, person_id: params.id, representative_id: body.representativeId, kind: body.kind, started_on: body.startedOn })
        .execute();
      await audit(db, ctx, { action: 'person.representative_linked', entityType: 'person', entityId: params.id, details: body });
      return readPersonFile(db, ctx, deps, params.id, 'rappresentante legale');
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/registry/persons/:id/documents',
    access: write,
    summary: 'Add an identity or residence document, optionally with its scanned file (PDF/JPEG/PNG, max 5 MB)',
    tags,
    status: 201,
    bodyLimit: 8_000_000,
    schema: { params: PersonIdParams, body: DocumentBody, response: { 201: PersonOut } },
    async handler({ db, ctx, params, body, deps }) {
      await visiblePerson(db, ctx, deps, params.id);
      const data = body.file ? Buffer.from(body.file.contentBase64, 'base64') : null;
      if (data && data.length > 5_242_880) {
        throw new AppError(413, 'request.too_large', [{ field: 'file.contentBase64', in: 'body', code: 'too_big' }]);
      }
      const { id } = await db
        .insertInto('person_document')
        .values({
          tenant_id: ctx.tenantId,
          person_id: params.id,
          kind: body.kind,
          number: body.number ?? null,
          issued_by: body.issuedBy ?? null,
          expires_on: body.expiresOn ?? null,
          file_name: body.file?.name ?? null,
          file_mime: body.file?.mime ?? null,
          file_data: data,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(db, ctx, { action: 'person.document_added', entityType: 'person', entityId: params.id, details: { documentId: id, kind: body.kind } });
      return readPersonFile(db, ctx, deps, params.id, 'documento');
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/registry/persons/:id/documents/:subId/file',
    access: read,
    summary: 'Download the scanned file of a document (audited)',
    tags,
    schema: { params: SubParams, response: { 200: z.string().describe('The file (binary)') } },
    async handler({ db, ctx, params, deps, reply }) {
      await visiblePerson(db, ctx, deps, params.id);
      const doc = await db
        .selectFrom('person_document')
        .select(['file_name', 'file_mime', 'file_data'])
        .where('tenant_id', '=', ctx.tenantId)
        .where('person_id', '=', params.id)
        .where('id', '=', params.subId)
        .executeTakeFirst();
      if (!doc?.file_data) {
        throw notFound();
      }
      await audit(db, ctx, { action: 'person.document_read', entityType: 'person', entityId: params.id, details: { documentId: params.subId } });
      reply.header('content-disposition', `attachment; filename="${(doc.file_name ?? 'documento').replace(/[^\w.-]/g, '_')}"`);
      reply.type(doc.file_mime ?? 'application/octet-stream');
      return doc.file_data as never;
    },
  }),
];
