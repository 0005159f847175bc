// Life projects: versions (a draft is edited in place, an approved one is frozen and editing opens
// the next), team approval, acknowledgement by the person or family, periodic reviews, comments,
// and the easy-to-read version.
import type { Transaction } from 'kysely';
import type { TenantContext } from '../../kernel/context.js';
import { inTenant } from '../../kernel/db/tenant.js';
import type { DB } from '../../kernel/db/types.js';
import { AppError, notFound } from '../../kernel/http/errors.js';
import { activePrograms } from '../registry/index.js';
import type { StayScope } from './policy.js';
import type { ProjectContent } from './project-schema.js';
import * as prepo from './projects-repo.js';
import { overdueDays, progressWord, stageOf } from './rules/review.js';

type Trx = Transaction<DB>;
const iso = (d: Date | string | null) => (d === null ? null : typeof d === 'string' ? d : d.toISOString());
const parse = (c: unknown): ProjectContent => (typeof c === 'string' ? JSON.parse(c) : c) as ProjectContent;

export function presentSummary(r: prepo.ProjectRow, today: string) {
  return {
    id: r.id,
    personId: r.person_id,
    personName: r.person_name,
    version: r.current_version,
    stage: stageOf({ version: r.current_version, status: r.status, acknowledgedAt: r.acknowledged_at }),
    nextReviewOn: r.next_review_on,
    overdueDays: overdueDays(r.next_review_on, today),
    lastReviewOn: r.last_review_on,
  };
}

export async function findStaffProject(db: Trx, ctx: TenantContext, scope: StayScope, today: string, id: string) {
  const r = await prepo.staffProjects(db, ctx, scope, today).where('lp.id', '=', id).executeTakeFirst();
  if (!r) {
    throw notFound();
  }
  return r;
}

/** The project; without `withContent` only what is not special-category data (stage, dates, versions). */
export async function detail(db: Trx, ctx: TenantContext, r: prepo.ProjectRow, today: string, withContent = true) {
  const vs = await prepo.versions(db, ctx, r.id);
  if (!withContent) {
    return { ...presentSummary(r, today), restricted: true, content: null, versions: vs.map(presentVersionMeta), reviews: [], comments: [] };
  }
  const [rs, cs] = await Promise.all([prepo.reviews(db, ctx, r.id), prepo.comments(db, ctx, r.id)]);
  return {
    ...presentSummary(r, today),
    restricted: false,
    content: parse(r.content),
    versions: vs.map(presentVersionMeta),
    reviews: rs.map((x) => ({
      id: x.id,
      version: x.version,
      heldOn: x.held_on,
      progress: (typeof x.progress === 'string' ? JSON.parse(x.progress) : x.progress) as { goalId: string; score: number; note: string }[],
      summary: x.summary,
      nextReviewOn: x.next_review_on,
    })),
    comments: cs.map(presentComment),
  };
}

export function presentVersionMeta(v: Awaited<ReturnType<typeof prepo.versions>>[number]) {
  return {
    version: v.version,
    status: v.status as 'draft' | 'approved',
    createdAt: iso(v.created_at) as string,
    approvedAt: iso(v.approved_at),
    approvalTeam: v.approval_team,
    acknowledgedAt: iso(v.acknowledged_at),
    acknowledgedAs: v.acknowledged_as as 'person' | 'family' | null,
  };
}

const presentComment = (c: Awaited<ReturnType<typeof prepo.comments>>[number]) => ({
  id: c.id,
  authorKind: c.author_kind as 'person' | 'family' | 'team',
  authorName: c.full_name,
  body: c.body,
  createdAt: iso(c.created_at) as string,
});

export async function create(db: Trx, ctx: TenantContext, today: string, personId: string, content: ProjectContent) {
  const person = await db.selectFrom('person').select('id').where(inTenant(ctx)).where('id', '=', personId).where('merged_into', 'is', null).executeTakeFirst();
  if (!person || !(await activePrograms(db, ctx, personId, today)).includes('dopo_di_noi')) {
    throw new AppError(422, 'stay.person_not_enrolled', [{ field: 'personId', in: 'body', code: 'stay.person_not_enrolled' }]);
  }
  const exists = await db.selectFrom('life_project').select('id').where(inTenant(ctx)).where('person_id', '=', personId).executeTakeFirst();
  if (exists) {
    throw new AppError(409, 'stay.project_exists', [{ field: 'personId', in: 'body', code: 'stay.project_exists' }]);
  }
  const { id } = await db
    .insertInto('life_project')
    .values({ tenant_id: ctx.tenantId, person_id: personId, created_by: ctx.principal.userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('life_project_version')
    .values({ tenant_id: ctx.tenantId, project_id: id, version: 1, content: JSON.stringify(content), created_by: ctx.principal.userId })
    .execute();
  return id;
}

/** Saves the draft; when the current version is approved, opens the next version as a draft. */
export async function saveDraft(db: Trx, ctx: TenantContext, r: prepo.ProjectRow, content: ProjectContent, now: Date) {
  await db.selectFrom('life_project').select('id').where(inTenant(ctx)).where('id', '=', r.id).forUpdate().execute();
  if (r.status === 'draft') {
    await db
      .updateTable('life_project_version')
      .set({ content: JSON.stringify(content) })
      .where(inTenant(ctx))
      .where('project_id', '=', r.id)
      .where('version', '=', r.current_version)
      .execute();
    return r.current_version;
  }
  const next = r.current_version + 1;
  await db
    .insertInto('life_project_version')
    .values({ tenant_id: ctx.tenantId, project_id: r.id, version: next, content: JSON.stringify(content), created_by: ctx.principal.userId })
    .execute();
  await db.updateTable('life_project').set({ current_version: next, updated_at: now }).where(inTenant(ctx)).where('id', '=', r.id).execute();
  return next;
}

export async function approve(db: Trx, ctx: TenantContext, r: prepo.ProjectRow, team: string[], nextReviewOn: string, now: Date, today: string) {
  if (r.status !== 'draft') {
    throw new AppError(409, 'stay.project_not_draft');
  }
  if (nextReviewOn <= today) {
    throw new AppError(422, 'stay.review_date_past', [{ field: 'nextReviewOn', in: 'body', code: 'stay.review_date_past' }]);
  }
  await db
    .updateTable('life_project_version')
    .set({ status: 'approved', approved_by: ctx.principal.userId, approved_at: now, approval_team: team })
    .where(inTenant(ctx))
    .where('project_id', '=', r.id)
    .where('version', '=', r.current_version)
    .where('status', '=', 'draft')
    .execute();
  await db.updateTable('life_project').set({ next_review_on: nextReviewOn, updated_at: now }).where(inTenant(ctx)).where('id', '=', r.id).execute();
}

/** A review is held against the approved version in force (the latest approved one). */
export async function addReview(
  db: Trx,
  ctx: TenantContext,
  r: prepo.ProjectRow,
  body: { heldOn: string; progress: { goalId: string; score: number; note: string }[]; summary: string | null; nextReviewOn: string },
  now: Date,
  today: string,
) {
  const approved = (await prepo.versions(db, ctx, r.id)).filter((v) => v.status === 'approved').at(-1);
  if (!approved) {
    throw new AppError(409, 'stay.project_not_approved');
  }
  if (body.heldOn > today) {
    throw new AppError(422, 'stay.review_in_future', [{ field: 'heldOn', in: 'body', code: 'stay.review_in_future' }]);
  }
  if (body.nextReviewOn <= body.heldOn) {
    throw new AppError(422, 'stay.period_order', [{ field: 'nextReviewOn', in: 'body', code: 'stay.period_order' }]);
  }
  const goals = new Set(parse(approved.content).goals.map((g) => g.id));
  const unknown = body.progress.findIndex((p) => !goals.has(p.goalId));
  if (unknown >= 0) {
    throw new AppError(422, 'stay.goal_unknown', [{ field: `progress.${unknown}.goalId`, in: 'body', code: 'stay.goal_unknown' }]);
  }
  const { id } = await db
    .insertInto('life_project_review')
    .values({
      tenant_id: ctx.tenantId,
      project_id: r.id,
      version: approved.version,
      held_on: body.heldOn,
      progress: JSON.stringify(body.progress),
      summary: body.summary,
      next_review_on: body.nextReviewOn,
      created_by: ctx.principal.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.updateTable('life_project').set({ next_review_on: body.nextReviewOn, updated_at: now }).where(inTenant(ctx)).where('id', '=', r.id).execute();
  return id;
}

export async function addComment(db: Trx, ctx: TenantContext, projectId: string, kind: 'person' | 'family' | 'team', body: string) {
  const { id } = await db
    .insertInto('life_project_comment')
    .values({ tenant_id: ctx.tenantId, project_id: projectId, author_user_id: ctx.principal.userId, author_kind: kind, body })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** The person or family acknowledges the approved version in force. */
export async function acknowledge(db: Trx, ctx: TenantContext, r: prepo.ProjectRow, as: 'person' | 'family', now: Date) {
  const approved = (await prepo.versions(db, ctx, r.id)).filter((v) => v.status === 'approved').at(-1);
  if (!approved) {
    throw new AppError(409, 'stay.project_not_approved');
  }
  await db
    .updateTable('life_project_version')
    .set({ acknowledged_at: now, acknowledged_by: ctx.principal.userId, acknowledged_as: as })
    .where(inTenant(ctx))
    .where('project_id', '=', r.id)
    .where('version', '=', approved.version)
    .execute();
  return approved.version;
}

/**
 * The easy-to-read version: the approved version in force (a draft is never shown to the family),
 * the person's own words, each goal as one short sentence with who helps, and the latest progress
 * in words.
 */
export async function easyVersion(db: Trx, ctx: TenantContext, r: prepo.ProjectRow) {
  const [vs, rs, cs] = await Promise.all([prepo.versions(db, ctx, r.id), prepo.reviews(db, ctx, r.id), prepo.comments(db, ctx, r.id)]);
  const approved = vs.filter((v) => v.status === 'approved').at(-1);
  if (!approved) {
    throw new AppError(404, 'stay.project_not_approved');
  }
  const content = parse(approved.content);
  const last = rs.at(-1);
  const progress = last
    ? ((typeof last.progress === 'string' ? JSON.parse(last.progress) : last.progress) as { goalId: string; score: number; note: string }[])
    : [];
  return {
    personId: r.person_id,
    personName: r.person_name,
    version: approved.version,
    approved: true,
    acknowledged: approved.acknowledged_at !== null,
    wishes: content.wishes,
    goals: content.goals.map((g) => {
      const p = progress.find((x) => x.goalId === g.id);
      return {
        id: g.id,
        domain: g.domain,
        text: g.easyText,
        helpers: [...new Set(g.actions.map((a) => a.responsible))],
        progress: p ? progressWord(p.score) : null,
        progressNote: p?.note || null,
      };
    }),
    nextMeetingOn: r.next_review_on,
    comments: cs.map(presentComment),
  };
}
