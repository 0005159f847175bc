// Cases: list, open, read, update; team; path stages and checklists; agreements.
import { audit } from '../../../kernel/audit/audit.js';
import { decodeCursor, pageOf, toPage } from '../../../kernel/http/pagination.js';
import { type AnyRoute, defineRoute } from '../../../kernel/http/route.js';
import { romeDay } from '../../../kernel/time.js';
import { presentCaseSummary } from '../presenter.js';
import * as repo from '../repo.js';
import {
  AgreementBody,
  CaseCreateBody,
  CaseDetailOut,
  CaseListQuery,
  CaseSummaryOut,
  CaseUpdateBody,
  ChecklistBody,
  ChecklistParams,
  DirectoryOut,
  EndBody,
  IdParams,
  StageParams,
  SubParams,
  TeamMemberBody,
} from '../schema.js';
import * as service from '../service.js';

export const tags = ['cases'];
export const readCases = { permission: 'case:read' } as const;
export const writeCases = { permission: 'case:write' } as const;

export const caseRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/cases/directory',
    access: readCases,
    summary: 'Organisations (for referrals) and staff members (for teams and visit plans) of the ente',
    tags,
    schema: { response: { 200: DirectoryOut } },
    async handler({ db, ctx }) {
      const organisations = await db
        .selectFrom('organisation')
        .select(['id', 'name', 'kind'])
        .where('tenant_id', '=', ctx.tenantId)
        .where('active', '=', true)
        .orderBy('name')
        .execute();
      const staff = await db
        .selectFrom('app_user as u')
        .leftJoin('organisation as o', (j) => j.onRef('o.tenant_id', '=', 'u.tenant_id').onRef('o.id', '=', 'u.organisation_id'))
        .select(['u.id', 'u.full_name as name', 'o.name as organisation'])
        .where('u.tenant_id', '=', ctx.tenantId)
        .where('u.active', '=', true)
        .where(({ exists, selectFrom }) =>
          exists(
            selectFrom('role_assignment as r')
              .select('r.user_id')
              .whereRef('r.tenant_id', '=', 'u.tenant_id')
              .whereRef('r.user_id', '=', 'u.id')
              .where('r.role', 'not in', ['citizen', 'landlord']),
          ),
        )
        .orderBy('u.full_name')
        .execute();
      return { organisations, staff };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/cases',
    access: readCases,
    summary: "Cases in the caller's programs and those whose team the caller is in (filters, cursor by person name)",
    tags,
    schema: { querystring: CaseListQuery, response: { 200: pageOf(CaseSummaryOut) } },
    async handler({ db, ctx, query, deps }) {
      const day = romeDay(deps.clock.now());
      const rows = await repo.listCases(db, ctx, day, {
        program: query.program,
        status: query.status,
        q: query.q,
        mine: query.mine === 'true',
        after: decodeCursor(query.cursor),
        limit: query.limit,
      });
      return toPage(rows, query.limit, (r) => r.sort_name, presentCaseSummary);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/cases',
    access: writeCases,
    summary: 'Open a case (presa in carico) for a person enrolled in the program: copies the program’s path and sets the team',
    tags,
    status: 201,
    schema: { body: CaseCreateBody, response: { 201: CaseDetailOut } },
    async handler({ db, ctx, body, deps }) {
      const id = await service.createCase(db, ctx, body);
      await audit(db, ctx, { action: 'case.opened', entityType: 'case', entityId: id, details: { program: body.program, personId: body.personId } });
      return service.loadCase(db, ctx, romeDay(deps.clock.now()), id);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/cases/:id',
    access: readCases,
    summary: 'One case: person, team, path with checklists, agreements, referrals, Housing First placement, what the caller may do',
    tags,
    schema: { params: IdParams, response: { 200: CaseDetailOut } },
    async handler({ db, ctx, params, deps }) {
      return service.loadCase(db, ctx, romeDay(deps.clock.now()), params.id);
    },
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/v1/cases/:id',
    access: writeCases,
    summary: 'Change status (open, suspended, closed with a day and reason) or summary',
    tags,
    schema: { params: IdParams, body: CaseUpdateBody, response: { 200: CaseDetailOut } },
    async handler({ db, ctx, params, body, deps }) {
      const day = romeDay(deps.clock.now());
      await service.writableCase(db, ctx, day, params.id);
      await service.updateCase(db, ctx, params.id, body);
      await audit(db, ctx, { action: 'case.updated', entityType: 'case', entityId: params.id, details: { status: body.status, closedOn: body.closedOn } });
      return service.loadCase(db, ctx, day, params.id);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/cases/:id/team',
    access: writeCases,
    summary: 'Add a member to the case team (case manager, educator, partner staff…)',
    tags,
    status: 201,
    schema: { params: IdParams, body: TeamMemberBody, response: { 201: CaseDetailOut } },
    async handler({ db, ctx, params, body, deps }) {
      const day = romeDay(deps.clock.now());
      await service.writableCase(db, ctx, day, params.id);
      const memberId = await service.addMember(db, ctx, params.id, body, day);
      await audit(db, ctx, {
        action: 'case.member_added',
        entityType: 'case',
        entityId: params.id,
        details: { memberId, userId: body.userId, role: body.role },
      });
      return service.loadCase(db, ctx, day, params.id);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/cases/:id/team/:subId/end',
    access: writeCases,
    summary: 'A member leaves the case team on a day',
    tags,
    schema: { params: SubParams, body: EndBody, response: { 200: CaseDetailOut } },
    async handler({ db, ctx, params, body, deps }) {
      const day = romeDay(deps.clock.now());
      await service.writableCase(db, ctx, day, params.id);
      await service.endMember(db, ctx, params.id, params.subId, body.on);
      await audit(db, ctx, { action: 'case.member_ended', entityType: 'case', entityId: params.id, details: { memberId: params.subId, on: body.on } });
      return service.loadCase(db, ctx, day, params.id);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/cases/:id/stages/:stage/start',
    access: writeCases,
    summary: 'Move the case to a stage of its path: earlier stages done, later ones pending',
    tags,
    schema: { params: StageParams, response: { 200: CaseDetailOut } },
    async handler({ db, ctx, params, deps }) {
      const day = romeDay(deps.clock.now());
      await service.writableCase(db, ctx, day, params.id);
      await service.moveStage(db, ctx, params.id, params.stage, day);
      await audit(db, ctx, { action: 'case.stage_started', entityType: 'case', entityId: params.id, details: { stage: params.stage } });
      return service.loadCase(db, ctx, day, params.id);
    },
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/v1/cases/:id/checklist/:stage/:item',
    access: writeCases,
    summary: 'Tick (or untick) a checklist item of a stage, e.g. move-in: keys handed over',
    tags,
    schema: { params: ChecklistParams, body: ChecklistBody, response: { 200: CaseDetailOut } },
    async handler({ db, ctx, params, body, deps }) {
      const day = romeDay(deps.clock.now());
      await service.writableCase(db, ctx, day, params.id);
      await service.setChecklistItem(db, ctx, params.id, params.stage, params.item, body, day);
      await audit(db, ctx, {
        action: 'case.checklist_set',
        entityType: 'case',
        entityId: params.id,
        details: { stage: params.stage, item: params.item, done: body.done },
      });
      return service.loadCase(db, ctx, day, params.id);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/cases/:id/agreements',
    access: writeCases,
    summary: 'Record an agreement signed by the residents (cohabitation agreement, house rules…) with its version and day',
    tags,
    status: 201,
    schema: { params: IdParams, body: AgreementBody, response: { 201: CaseDetailOut } },
    async handler({ db, ctx, params, body, deps }) {
      const day = romeDay(deps.clock.now());
      await service.writableCase(db, ctx, day, params.id);
      const { id } = await db
        .insertInto('case_agreement')
        .values({
          tenant_id: ctx.tenantId,
          case_id: params.id,
          kind: body.kind,
          title: body.title,
          version: body.version,
          signed_on: body.signedOn,
          signed_by: body.signedBy,
          reference: body.reference,
          created_by: ctx.principal.userId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(db, ctx, {
        action: 'case.agreement_signed',
        entityType: 'case',
        entityId: params.id,
        details: { agreementId: id, kind: body.kind, version: body.version },
      });
      return service.loadCase(db, ctx, day, params.id);
    },
  }),
];
