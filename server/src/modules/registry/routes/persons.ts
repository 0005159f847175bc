import { z } from 'zod';
import { audit, auditSensitiveRead } from '../../../kernel/audit/audit.js';
import { AppError } from '../../../kernel/http/errors.js';
import { decodeCursor, pageOf, toPage } from '../../../kernel/http/pagination.js';
import { type AnyRoute, defineRoute } from '../../../kernel/http/route.js';
import { activePrograms, covers, readScope, requireProgramInScope, sensitiveScope, today, writeScope } from '../policy.js';
import { presentPersonSummary } from '../presenter.js';
import { cfTaken, findDuplicates, findPerson, listPersons, mergePersons, personSortKey } from '../repo.js';
import {
  DuplicateOut,
  MergeBody,
  PersonCreateBody,
  PersonIdParams,
  PersonListQuery,
  PersonOut,
  PersonPatchBody,
  PersonSummaryOut,
  PurposeQuery,
  SENSITIVE_SCHEMAS,
  SensitiveOut,
  SensitiveParams,
  SensitivePutBody,
} from '../schema.js';
import { cfConflict, readPersonFile, visiblePerson } from '../service.js';

const tags = ['registry'];
const read = { permission: 'registry:read' } as const;
const write = { permission: 'registry:write' } as const;

const personColumns = (b: z.infer<typeof PersonPatchBody>) => ({
  ...(b.givenName !== undefined ? { given_name: b.givenName } : {}),
  ...(b.familyName !== undefined ? { family_name: b.familyName } : {}),
  ...(b.codiceFiscale !== undefined ? { codice_fiscale: b.codiceFiscale || null } : {}),
  ...(b.birthDate !== undefined ? { birth_date: b.birthDate } : {}),
  ...(b.birthPlace !== undefined ? { birth_place: b.birthPlace } : {}),
  ...(b.birthPlaceCode !== undefined ? { birth_place_code: b.birthPlaceCode } : {}),
  ...(b.sex !== undefined ? { sex: b.sex } : {}),
  ...(b.citizenship !== undefined ? { citizenship: b.citizenship } : {}),
  ...(b.email !== undefined ? { email: b.email } : {}),
  ...(b.phone !== undefined ? { phone: b.phone } : {}),
  ...(b.residenceAddress !== undefined ? { residence_address: b.residenceAddress } : {}),
  ...(b.residenceCity !== undefined ? { residence_city: b.residenceCity } : {}),
  ...(b.residencePostcode !== undefined ? { residence_postcode: b.residencePostcode } : {}),
  ...(b.domicileAddress !== undefined ? { domicile_address: b.domicileAddress } : {}),
  ...(b.domicileCity !== undefined ? { domicile_city: b.domicileCity } : {}),
  ...(b.noFixedAddress !== undefined ? { no_fixed_address: b.noFixedAddress } : {}),
});

export const personRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/registry/persons',
    access: read,
    summary: 'Search people (surname prefix, "surname name", or codice fiscale); only those within your programs',
    tags,
    schema: { querystring: PersonListQuery, response: { 200: pageOf(PersonSummaryOut) } },
    async handler({ db, ctx, query, deps }) {
      const day = today(deps.clock.now());
      const rows = await listPersons(db, ctx, readScope(ctx), day, {
        q: query.q,
        program: query.program,
        pendingCf: query.pendingCf === undefined ? undefined : query.pendingCf === 'true',
        after: decodeCursor(query.cursor),
        limit: query.limit,
      });
      return toPage(rows, query.limit, personSortKey, presentPersonSummary);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/registry/persons',
    access: write,
    summary: 'Register a person (codice fiscale optional: pending when missing)',
    tags,
    status: 201,
    schema: { body: PersonCreateBody, response: { 201: PersonOut } },
    async handler({ db, ctx, body, deps }) {
      const scope = writeScope(ctx);
      if (scope !== 'all' && !body.enrolment) {
        throw new AppError(400, 'registry.enrolment_required', [{ field: 'enrolment', in: 'body', code: 'registry.enrolment_required' }]);
      }
      if (body.enrolment) {
        requireProgramInScope(scope, body.enrolment.program, 'enrolment.program');
      }
      if (body.codiceFiscale && (await cfTaken(db, ctx, body.codiceFiscale))) {
        throw cfConflict();
      }
      const { enrolment, ...fields } = body;
      const { id } = await db
        .insertInto('person')
        .values({
          tenant_id: ctx.tenantId,
          created_by: ctx.principal.userId,
          ...personColumns(fields),
          given_name: fields.givenName,
          family_name: fields.familyName,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (enrolment) {
        await db
          .insertInto('enrolment')
          .values({
            tenant_id: ctx.tenantId,
            person_id: id,
            program: enrolment.program,
            case_worker_id: enrolment.caseWorkerId ?? null,
            started_on: enrolment.startedOn ?? today(deps.clock.now()),
          })
          .execute();
      }
      await audit(db, ctx, {
        action: 'person.created',
        entityType: 'person',
        entityId: id,
        details: { cfPending: !fields.codiceFiscale, program: enrolment?.program ?? null },
      });
      return readPersonFile(db, ctx, deps, id, 'registrazione');
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/registry/persons/:id',
    access: read,
    summary: "A person's common record (audited: the person can see who looked)",
    tags,
    schema: { params: PersonIdParams, querystring: PurposeQuery.partial(), response: { 200: PersonOut } },
    async handler({ db, ctx, params, query, deps }) {
      return readPersonFile(db, ctx, deps, params.id, query.purpose);
    },
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/v1/registry/persons/:id',
    access: write,
    summary: 'Update the common record',
    tags,
    schema: { params: PersonIdParams, body: PersonPatchBody, response: { 200: PersonOut } },
    async handler({ db, ctx, params, body, deps }) {
      const { person } = await visiblePerson(db, ctx, deps, params.id);
      // The stored record completes the patch, so a new birth date is checked against the stored code too.
      const merged = {
        codiceFiscale: person.codice_fiscale,
        birthDate: person.birth_date,
        sex: person.sex as 'M' | 'F' | null,
        birthPlaceCode: person.birth_place_code,
        ...body,
      };
      const check = PersonPatchBody.safeParse(merged);
      if (!check.success) {
        throw new AppError(400, 'cf.birth_date_mismatch', [{ field: 'codiceFiscale', in: 'body', code: String(check.error.issues[0]?.message) }]);
      }
      if (body.codiceFiscale && (await cfTaken(db, ctx, body.codiceFiscale, params.id))) {
        throw cfConflict();
      }
      await db
        .updateTable('person')
        .set({ ...personColumns(body), updated_at: deps.clock.now() })
        .where('tenant_id', '=', ctx.tenantId)
        .where('id', '=', params.id)
        .execute();
      await audit(db, ctx, { action: 'person.updated', entityType: 'person', entityId: params.id, details: { fields: Object.keys(body) } });
      return readPersonFile(db, ctx, deps, params.id, 'aggiornamento');
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/registry/persons/:id/sensitive',
    access: read,
    summary: 'Special-category records: content only for programs the person is enrolled in; every read audited with its purpose',
    tags,
    schema: { params: PersonIdParams, querystring: PurposeQuery, response: { 200: SensitiveOut } },
    async handler({ db, ctx, params, query, deps }) {
      const { day } = await visiblePerson(db, ctx, deps, params.id);
      const rows = await db
        .selectFrom('person_sensitive')
        .select(['category', 'data', 'updated_at'])
        .where('tenant_id', '=', ctx.tenantId)
        .where('person_id', '=', params.id)
        .orderBy('category')
        .execute();
      const programs = await activePrograms(db, ctx, params.id, day);
      const allowed = programs.length > 0 && covers(sensitiveScope(ctx), programs);
      for (const r of allowed ? rows : []) {
        await auditSensitiveRead(db, ctx, { category: r.category as never, entityType: 'person', entityId: params.id, purpose: query.purpose });
      }
      return {
        items: rows.map((r) => ({
          category: r.category as keyof typeof SENSITIVE_SCHEMAS,
          restricted: !allowed,
          data: allowed ? (r.data as Record<string, unknown>) : null,
          updatedAt: r.updated_at.toISOString(),
        })),
      };
    },
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/v1/registry/persons/:id/sensitive/:category',
    access: { permission: 'registry:special:read' },
    summary: 'Record or replace a special-category record (needs a program the person is enrolled in)',
    tags,
    schema: { params: SensitiveParams, body: SensitivePutBody, response: { 204: z.undefined() } },
    async handler({ db, ctx, params, body, deps }) {
      const { day } = await visiblePerson(db, ctx, deps, params.id);
      const programs = await activePrograms(db, ctx, params.id, day);
      if (programs.length === 0 || !covers(sensitiveScope(ctx), programs) || !ctx.can('registry:write')) {
        throw new AppError(403, 'registry.sensitive_denied');
      }
      const parsed = SENSITIVE_SCHEMAS[params.category].safeParse(body.data);
      if (!parsed.success) {
        throw new AppError(
          400,
          'registry.sensitive_invalid',
          parsed.error.issues.map((i) => ({ field: ['data', ...i.path.map(String)].join('.'), in: 'body', code: i.code })),
        );
      }
      const now = deps.clock.now();
      await db
        .insertInto('person_sensitive')
        .values({
          tenant_id: ctx.tenantId,
          person_id: params.id,
          category: params.category,
          data: JSON.stringify(parsed.data),
          recorded_by: ctx.principal.userId,
        })
        .onConflict((oc) =>
          oc
            .columns(['tenant_id', 'person_id', 'category'])
            .doUpdateSet({ data: JSON.stringify(parsed.data), recorded_by: ctx.principal.userId, updated_at: now }),
        )
        .execute();
      await audit(db, ctx, {
        action: 'sensitive.written',
        entityType: 'person',
        entityId: params.id,
        sensitiveCategory: params.category,
        purpose: body.purpose,
      });
      return undefined;
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/registry/duplicates',
    access: { permission: 'registry:write' },
    summary: 'Possible duplicate records (same birth date and the same or a similar name)',
    tags,
    schema: { response: { 200: DuplicateOut } },
    async handler({ db, ctx, deps }) {
      const day = today(deps.clock.now());
      const pairs = await findDuplicates(db, ctx, 100);
      const items = [];
      for (const pair of pairs) {
        const [a, b] = await Promise.all([findPerson(db, ctx, readScope(ctx), day, pair.a_id), findPerson(db, ctx, readScope(ctx), day, pair.b_id)]);
        if (a && b) {
          const same = a.family_name.toLowerCase() === b.family_name.toLowerCase() && a.given_name.toLowerCase() === b.given_name.toLowerCase();
          items.push({
            a: presentPersonSummary(a),
            b: presentPersonSummary(b),
            reason: same ? ('same_name_and_birth_date' as const) : ('similar_name_same_birth_date' as const),
            similarity: Number(pair.similarity),
          });
        }
      }
      return { items };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/registry/persons/:id/merge',
    access: { permission: 'registry:write' },
    summary: 'Merge this record into another (documents, household, enrolments, consents move; this record is archived)',
    tags,
    schema: { params: PersonIdParams, body: MergeBody, response: { 200: PersonOut } },
    async handler({ db, ctx, params, body, deps }) {
      if (params.id === body.intoId) {
        throw new AppError(400, 'registry.merge_self', [{ field: 'intoId', in: 'body', code: 'registry.merge_self' }]);
      }
      const { person: from } = await visiblePerson(db, ctx, deps, params.id);
      const { person: into } = await visiblePerson(db, ctx, deps, body.intoId);
      const moved = await mergePersons(db, ctx, from.id, into.id);
      if (!into.codice_fiscale && from.codice_fiscale) {
        await db.updateTable('person').set({ codice_fiscale: from.codice_fiscale }).where('tenant_id', '=', ctx.tenantId).where('id', '=', into.id).execute();
      }
      await audit(db, ctx, { action: 'person.merged', entityType: 'person', entityId: into.id, details: { mergedFrom: from.id, moved } });
      return readPersonFile(db, ctx, deps, into.id, 'unione schede duplicate');
    },
  }),
];
