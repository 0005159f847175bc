// Who sees which case and which note. A role limited to programs sees the cases of those
// programs; an unscoped holder of case:read sees every case of the ente; anyone in a case's team
// sees that case. Notes, decided in SQL on every read:
//   team    → the author and the members of the case team;
//   program → also the program's own staff (any role with case:read for the program other than
//             partner_staff);
//   partner → everyone who sees the case, partner organisations included.
// Special-category notes show their content only to holders of registry:special:read for the
// program, with a stated purpose, and each read is audited.
import { sql } from 'kysely';
import { type Permission, type Program, programsFor, ROLE_PERMISSIONS } from '../../kernel/auth/permissions.js';
import type { TenantContext } from '../../kernel/context.js';
import { AppError } from '../../kernel/http/errors.js';

export type Scope = Program[] | 'all';

export const readScope = (ctx: TenantContext): Scope => programsFor(ctx.principal.grants, 'case:read');
export const writeScope = (ctx: TenantContext): Scope => programsFor(ctx.principal.grants, 'case:write');
export const visitScope = (ctx: TenantContext): Scope => programsFor(ctx.principal.grants, 'visit:log');
export const sensitiveScope = (ctx: TenantContext): Scope => programsFor(ctx.principal.grants, 'registry:special:read');

/** Programs whose 'program' notes the caller reads: case:read through a role other than partner staff. */
export function internalScope(ctx: TenantContext, permission: Permission = 'case:read'): Scope {
  const programs = new Set<Program>();
  for (const r of ctx.principal.roles) {
    if (r.role === 'partner_staff' || !ROLE_PERMISSIONS[r.role].includes(permission)) {
      continue;
    }
    if (r.program === null) {
      return 'all';
    }
    programs.add(r.program);
  }
  return [...programs];
}

export function inScope(scope: Scope, program: Program): boolean {
  return scope === 'all' || scope.includes(program);
}

export function programIn(scope: Scope, column = 'c.program') {
  if (scope === 'all') {
    return sql<boolean>`true`;
  }
  if (scope.length === 0) {
    return sql<boolean>`false`;
  }
  return sql<boolean>`${sql.ref(column)} IN (${sql.join(scope)})`;
}

/** SQL: the caller is in the team of the case (alias c) on `day`. */
export function inTeam(userId: string, day: string, caseAlias = 'c') {
  return sql<boolean>`EXISTS (SELECT 1 FROM case_member m WHERE m.tenant_id = ${sql.ref(`${caseAlias}.tenant_id`)}
    AND m.case_id = ${sql.ref(`${caseAlias}.id`)} AND m.user_id = ${userId} AND m.from_on <= ${day}::date
    AND (m.to_on IS NULL OR m.to_on > ${day}::date))`;
}

/** SQL: the case (alias c) is visible to the caller. */
export function caseVisible(ctx: TenantContext, day: string) {
  return sql<boolean>`(${programIn(readScope(ctx))} OR ${inTeam(ctx.principal.userId, day)})`;
}

/** SQL: the note (alias n, of the case c) is readable by the caller. */
export function noteVisible(ctx: TenantContext, day: string) {
  return sql<boolean>`(n.author_id = ${ctx.principal.userId} OR ${inTeam(ctx.principal.userId, day)}
    OR (n.confidentiality = 'program' AND ${programIn(internalScope(ctx))})
    OR n.confidentiality = 'partner')`;
}

export interface CaseAccess {
  program: Program;
  inTeam: boolean;
}

/** Writing on a case: case:write for its program, or a member of its team holding case:write. */
export function canWrite(ctx: TenantContext, c: CaseAccess): boolean {
  return inScope(writeScope(ctx), c.program) || (c.inTeam && ctx.can('case:write'));
}

export function canLogVisit(ctx: TenantContext, c: CaseAccess): boolean {
  return c.program === 'housing_first' && (inScope(visitScope(ctx), c.program) || (c.inTeam && ctx.can('visit:log')));
}

export function canReadSensitive(ctx: TenantContext, c: CaseAccess): boolean {
  return inScope(sensitiveScope(ctx), c.program);
}

export function requireWrite(ctx: TenantContext, c: CaseAccess) {
  if (!canWrite(ctx, c)) {
    throw new AppError(403, 'cases.not_allowed');
  }
}

export function requireProgram(ctx: TenantContext, program: Program) {
  if (!inScope(writeScope(ctx), program)) {
    throw new AppError(403, 'cases.program_out_of_scope', [{ field: 'program', in: 'body', code: 'cases.program_out_of_scope' }]);
  }
}
