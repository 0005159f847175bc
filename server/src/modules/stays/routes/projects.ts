// Life projects for the team: list with overdue-review alerts, detail (audited special-category
// read), versions, approval, reviews, comments.
import { z } from 'zod';
import { audit, auditSensitiveRead } from '../../../kernel/audit/audit.js';
import { notFound } from '../../../kernel/http/errors.js';
import { type AnyRoute, defineRoute } from '../../../kernel/http/route.js';
import { romeDay } from '../../../kernel/time.js';
import { projectScope } from '../policy.js';
import {
  CommentBody,
  OptionalPurposeQuery,
  ProjectApproveBody,
  ProjectCreateBody,
  ProjectDetailOut,
  ProjectDraftBody,
  ProjectListQuery,
  ProjectSummaryOut,
  PurposeQuery,
  ReviewBody,
  VersionOut,
} from '../project-schema.js';
import * as svc from '../projects.js';
import * as prepo from '../projects-repo.js';
import { IdParams, VersionParams } from '../schema.js';
import { tags } from './solutions.js';

const readAccess = { permission: 'case:read' } as const;
const writeAccess = { permission: 'case:write' } as const;
const sensitive = (id: string, purpose: string) => ({ category: 'disability' as const, entityType: 'life_project', entityId: id, purpose });

export const projectRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/stays/projects',
    access: readAccess,
    summary: 'Life projects (stage, next review, overdue days) of the people the caller follows; ?overdue=true lists the overdue reviews',
    tags,
    schema: { querystring: ProjectListQuery, response: { 200: z.object({ items: z.array(ProjectSummaryOut) }) } },
    async handler({ db, ctx, query, deps }) {
      const today = romeDay(deps.clock.now());
      let q = prepo.staffProjects(db, ctx, projectScope(ctx, 'read'), today);
      if (query.overdue) {
        q = q.where('lp.next_review_on', '<', today);
      }
      const rows = await q.orderBy('lp.next_review_on').orderBy('p.family_name').limit(1000).execute();
      return { items: rows.map((r) => svc.presentSummary(r, today)) };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/stays/projects',
    access: writeAccess,
    summary: 'Start the life project of a person enrolled in Dopo di Noi (version 1, draft)',
    tags,
    status: 201,
    schema: { body: ProjectCreateBody, response: { 201: ProjectDetailOut } },
    async handler({ db, ctx, body, deps }) {
      const today = romeDay(deps.clock.now());
      const scope = projectScope(ctx, 'write');
      const id = await svc.create(db, ctx, today, body.personId, body.content);
      await audit(db, ctx, { action: 'life_project.created', entityType: 'life_project', entityId: id, sensitiveCategory: 'disability' });
      return svc.detail(db, ctx, await svc.findStaffProject(db, ctx, scope.kind === 'all' ? scope : { kind: 'all' }, today, id), today);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/stays/projects/:id',
    access: readAccess,
    summary:
      'One life project: stage, dates and versions; with ?purpose= also the content of the current version, reviews and comments (special-category data, audited)',
    tags,
    schema: { params: IdParams, querystring: OptionalPurposeQuery, response: { 200: ProjectDetailOut } },
    async handler({ db, ctx, params, query, deps }) {
      const today = romeDay(deps.clock.now());
      const r = await svc.findStaffProject(db, ctx, projectScope(ctx, 'read'), today, params.id);
      if (query.purpose === undefined) {
        return svc.detail(db, ctx, r, today, false);
      }
      await auditSensitiveRead(db, ctx, sensitive(r.id, query.purpose));
      return svc.detail(db, ctx, r, today);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/stays/projects/:id/versions/:version',
    access: readAccess,
    summary: 'One kept version of a life project (audited read, ?purpose=)',
    tags,
    schema: { params: VersionParams, querystring: PurposeQuery, response: { 200: VersionOut } },
    async handler({ db, ctx, params, query, deps }) {
      const today = romeDay(deps.clock.now());
      const r = await svc.findStaffProject(db, ctx, projectScope(ctx, 'read'), today, params.id);
      const v = (await prepo.versions(db, ctx, r.id)).find((x) => x.version === params.version);
      if (!v) {
        throw notFound();
      }
      await auditSensitiveRead(db, ctx, sensitive(r.id, query.purpose));
      return { ...svc.presentVersionMeta(v), content: (typeof v.content === 'string' ? JSON.parse(v.content) : v.content) as never };
    },
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/v1/stays/projects/:id/draft',
    access: writeAccess,
    summary: 'Save the draft; when the current version is approved this opens the next version (the approved one is kept unchanged)',
    tags,
    schema: { params: IdParams, body: ProjectDraftBody, response: { 200: ProjectDetailOut } },
    async handler({ db, ctx, params, body, deps }) {
      const now = deps.clock.now();
      const today = romeDay(now);
      const scope = projectScope(ctx, 'write');
      const version = await svc.saveDraft(db, ctx, await svc.findStaffProject(db, ctx, scope, today, params.id), body.content, now);
      await audit(db, ctx, { action: 'life_project.draft_saved', entityType: 'life_project', entityId: params.id, details: { version } });
      return svc.detail(db, ctx, await svc.findStaffProject(db, ctx, scope, today, params.id), today);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/stays/projects/:id/approve',
    access: writeAccess,
    summary: 'Team approval of the current draft, with the team members and the first review date',
    tags,
    schema: { params: IdParams, body: ProjectApproveBody, response: { 200: ProjectDetailOut } },
    async handler({ db, ctx, params, body, deps }) {
      const now = deps.clock.now();
      const today = romeDay(now);
      const scope = projectScope(ctx, 'write');
      const r = await svc.findStaffProject(db, ctx, scope, today, params.id);
      await svc.approve(db, ctx, r, body.team, body.nextReviewOn, now, today);
      await audit(db, ctx, {
        action: 'life_project.approved',
        entityType: 'life_project',
        entityId: r.id,
        details: { version: r.current_version, team: body.team },
      });
      return svc.detail(db, ctx, await svc.findStaffProject(db, ctx, scope, today, params.id), today);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/stays/projects/:id/reviews',
    access: writeAccess,
    summary: 'Record a periodic review: progress 0–4 with a note for each goal, and the next review date',
    tags,
    status: 201,
    schema: { params: IdParams, body: ReviewBody, response: { 201: ProjectDetailOut } },
    async handler({ db, ctx, params, body, deps }) {
      const now = deps.clock.now();
      const today = romeDay(now);
      const scope = projectScope(ctx, 'write');
      const r = await svc.findStaffProject(db, ctx, scope, today, params.id);
      const id = await svc.addReview(db, ctx, r, body, now, today);
      await audit(db, ctx, { action: 'life_project.reviewed', entityType: 'life_project', entityId: r.id, details: { reviewId: id, heldOn: body.heldOn } });
      return svc.detail(db, ctx, await svc.findStaffProject(db, ctx, scope, today, params.id), today);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/stays/projects/:id/comments',
    access: writeAccess,
    summary: 'A team comment on the project',
    tags,
    status: 201,
    schema: { params: IdParams, body: CommentBody, response: { 201: z.object({ id: z.uuid() }) } },
    async handler({ db, ctx, params, body, deps }) {
      const r = await svc.findStaffProject(db, ctx, projectScope(ctx, 'write'), romeDay(deps.clock.now()), params.id);
      const id = await svc.addComment(db, ctx, r.id, 'team', body.body);
      await audit(db, ctx, { action: 'life_project.commented', entityType: 'life_project', entityId: r.id });
      return { id };
    },
  }),
];
