// Cases: opening one (with the program's path and the team), loading it for display, and the
// writes on it. Every function takes the tenant transaction the route opened.
import { sql } from 'kysely';
import type { z } from 'zod';
import { auditSensitiveRead } from '../../kernel/audit/audit.js';
import type { Program } from '../../kernel/auth/permissions.js';
import type { TenantContext } from '../../kernel/context.js';
import { type Executor, inTenant } from '../../kernel/db/tenant.js';
import { AppError, notFound } from '../../kernel/http/errors.js';
import { activePrograms } from '../registry/index.js';
import { canLogVisit, canReadSensitive, canWrite, requireProgram, requireWrite } from './policy.js';
import { presentCaseDetail, presentNote } from './presenter.js';
import * as repo from './repo.js';
import { moveToStage, PATHS } from './rules/paths.js';
import type { CaseCreateBody, CaseUpdateBody, ChecklistBody, NoteBody, TeamMemberBody } from './schema.js';

/** The case as the caller sees it, or 404. */
export async function visibleCase(db: Executor, ctx: TenantContext, day: string, id: string) {
  const row = await repo.findCase(db, ctx, day, id);
  if (!row) {
    throw notFound();
  }
  return row;
}

/** The case for a write: visible, and writable by the caller (403 otherwise). */
export async function writableCase(db: Executor, ctx: TenantContext, day: string, id: string) {
  const row = await visibleCase(db, ctx, day, id);
  requireWrite(ctx, { program: row.program as Program, inTeam: row.in_team });
  return row;
}

export async function loadCase(db: Executor, ctx: TenantContext, day: string, id: string) {
  const row = await visibleCase(db, ctx, day, id);
  const access = { program: row.program as Program, inTeam: row.in_team };
  const [team, stages, items, agreements, referrals, placement] = [
    await repo.team(db, ctx, id),
    await repo.stages(db, ctx, id),
    await repo.checklist(db, ctx, id),
    await repo.agreements(db, ctx, id),
    await repo.referrals(db, ctx, id),
    await repo.placement(db, ctx, id, day),
  ];
  return presentCaseDetail(
    row,
    { team, stages, items, agreements, referrals, placement },
    {
      write: canWrite(ctx, access),
      logVisit: canLogVisit(ctx, access),
      readSensitive: canReadSensitive(ctx, access),
    },
  );
}

async function requireUser(db: Executor, ctx: TenantContext, userId: string, field: string) {
  if (!(await repo.userExists(db, ctx, userId))) {
    throw new AppError(400, 'cases.user_unknown', [{ field, in: 'body', code: 'cases.user_unknown' }]);
  }
}

export async function createCase(db: Executor, ctx: TenantContext, body: z.infer<typeof CaseCreateBody>): Promise<string> {
  requireProgram(ctx, body.program);
  const person = await db.selectFrom('person').select('id').where(inTenant(ctx)).where('id', '=', body.personId).executeTakeFirst();
  if (!person) {
    throw new AppError(400, 'cases.person_unknown', [{ field: 'personId', in: 'body', code: 'cases.person_unknown' }]);
  }
  // Program scoping comes from the registry: a case opens only for a person enrolled in the program.
  if (!(await activePrograms(db, ctx, body.personId, body.openedOn)).includes(body.program)) {
    throw new AppError(422, 'cases.not_enrolled', [{ field: 'personId', in: 'body', code: 'cases.not_enrolled' }]);
  }
  if (body.householdId) {
    const hh = await db.selectFrom('household').select('id').where(inTenant(ctx)).where('id', '=', body.householdId).executeTakeFirst();
    if (!hh) {
      throw new AppError(400, 'cases.household_unknown', [{ field: 'householdId', in: 'body', code: 'cases.household_unknown' }]);
    }
  }
  for (const [i, m] of body.team.entries()) {
    await requireUser(db, ctx, m.userId, `team.${i}.userId`);
  }
  const { id } = await db
    .insertInto('case_file')
    .values({
      tenant_id: ctx.tenantId,
      program: body.program,
      person_id: body.personId,
      household_id: body.householdId,
      opened_on: body.openedOn,
      summary: body.summary,
      created_by: ctx.principal.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const path = PATHS[body.program];
  await db
    .insertInto('case_stage')
    .values(
      path.map((s, i) => ({
        tenant_id: ctx.tenantId,
        case_id: id,
        stage_key: s.key,
        position: i + 1,
        status: i === 0 ? 'active' : 'pending',
        started_on: i === 0 ? body.openedOn : null,
      })),
    )
    .execute();
  await db
    .insertInto('case_checklist_item')
    .values(path.flatMap((s) => s.checklist.map((item, j) => ({ tenant_id: ctx.tenantId, case_id: id, stage_key: s.key, item_key: item, position: j + 1 }))))
    .execute();
  if (body.team.length > 0) {
    await db
      .insertInto('case_member')
      .values(body.team.map((m) => ({ tenant_id: ctx.tenantId, case_id: id, user_id: m.userId, role: m.role, from_on: body.openedOn })))
      .execute();
  }
  return id;
}

export async function updateCase(db: Executor, ctx: TenantContext, id: string, body: z.infer<typeof CaseUpdateBody>) {
  const row = await db
    .updateTable('case_file')
    .set({
      ...(body.status ? { status: body.status, closed_on: body.status === 'closed' ? (body.closedOn ?? null) : null } : {}),
      ...(body.closeReason !== undefined ? { close_reason: body.closeReason } : {}),
      ...(body.summary !== undefined ? { summary: body.summary } : {}),
      updated_at: sql`now()`,
    })
    .where(inTenant(ctx))
    .where('id', '=', id)
    .returning('id')
    .executeTakeFirst();
  if (!row) {
    throw notFound();
  }
}

export async function addMember(db: Executor, ctx: TenantContext, caseId: string, body: z.infer<typeof TeamMemberBody>, day: string) {
  await requireUser(db, ctx, body.userId, 'userId');
  const { id } = await db
    .insertInto('case_member')
    .values({ tenant_id: ctx.tenantId, case_id: caseId, user_id: body.userId, role: body.role, from_on: body.fromOn ?? day })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function endMember(db: Executor, ctx: TenantContext, caseId: string, memberId: string, on: string) {
  const row = await db
    .updateTable('case_member')
    .set({ to_on: on })
    .where(inTenant(ctx))
    .where('case_id', '=', caseId)
    .where('id', '=', memberId)
    .where('from_on', '<', on)
    .where('to_on', 'is', null)
    .returning('id')
    .executeTakeFirst();
  if (!row) {
    throw new AppError(409, 'resource.conflict', [{ field: 'on', in: 'body', code: 'resource.conflict' }]);
  }
}

/** Moves the case to a stage: earlier stages are done (completed today if not yet), later ones pending. */
export async function moveStage(db: Executor, ctx: TenantContext, caseId: string, stageKey: string, day: string) {
  const current = await repo.stages(db, ctx, caseId);
  const moved = moveToStage(
    current.map((s) => ({ key: s.stage_key, position: s.position, status: s.status as 'pending' | 'active' | 'done' })),
    stageKey,
  );
  if (!moved) {
    throw new AppError(404, 'cases.stage_unknown');
  }
  for (const s of moved.changed) {
    await db
      .updateTable('case_stage')
      .set({
        status: s.status,
        ...(s.status === 'active' ? { started_on: day, completed_on: null } : {}),
        ...(s.status === 'done' ? { completed_on: day } : {}),
        ...(s.status === 'pending' ? { started_on: null, completed_on: null } : {}),
      })
      .where(inTenant(ctx))
      .where('case_id', '=', caseId)
      .where('stage_key', '=', s.key)
      .execute();
  }
}

export async function setChecklistItem(
  db: Executor,
  ctx: TenantContext,
  caseId: string,
  stageKey: string,
  itemKey: string,
  body: z.infer<typeof ChecklistBody>,
  day: string,
) {
  const row = await db
    .updateTable('case_checklist_item')
    .set({ done_on: body.done ? (body.on ?? day) : null, done_by: body.done ? ctx.principal.userId : null, note: body.note })
    .where(inTenant(ctx))
    .where('case_id', '=', caseId)
    .where('stage_key', '=', stageKey)
    .where('item_key', '=', itemKey)
    .returning('item_key')
    .executeTakeFirst();
  if (!row) {
    throw new AppError(404, 'cases.item_unknown');
  }
}

export async function addNote(db: Executor, ctx: TenantContext, caseId: string, body: z.infer<typeof NoteBody>) {
  const { id } = await db
    .insertInto('case_note')
    .values({
      tenant_id: ctx.tenantId,
      case_id: caseId,
      author_id: ctx.principal.userId,
      confidentiality: body.confidentiality,
      sensitive_category: body.sensitiveCategory,
      body: body.body,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/**
 * The notes the caller may read (filtered in SQL). Special-category notes keep their content
 * hidden unless the caller holds registry:special:read for the program and gives a purpose; each
 * such read is audited.
 */
export async function readNotes(db: Executor, ctx: TenantContext, day: string, caseId: string, purpose: string | undefined) {
  const c = await visibleCase(db, ctx, day, caseId);
  const rows = await repo.visibleNotes(db, ctx, day, caseId);
  const mayRead = purpose !== undefined && canReadSensitive(ctx, { program: c.program as Program, inTeam: c.in_team });
  const out = [];
  for (const n of rows) {
    const open = n.sensitive_category === null || mayRead;
    if (n.sensitive_category !== null && open && purpose !== undefined) {
      await auditSensitiveRead(db, ctx, {
        category: n.sensitive_category as 'health',
        entityType: 'case_note',
        entityId: n.id,
        purpose,
      });
    }
    out.push(presentNote(n, open));
  }
  return out;
}
