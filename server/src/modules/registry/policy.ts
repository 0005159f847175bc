import { sql } from 'kysely';
import { type Program, programsFor } from '../../kernel/auth/permissions.js';
import type { TenantContext } from '../../kernel/context.js';
import type { Executor } from '../../kernel/db/tenant.js';
import { AppError } from '../../kernel/http/errors.js';
import { romeDay } from '../../kernel/time.js';

/**
 * Need-to-know: a role limited to programs sees the people enrolled in those programs; an
 * unscoped role sees everyone in the ente. Special-category data need `registry:special:read`
 * for a program the person is enrolled in today, whatever the scope.
 */
export type Scope = Program[] | 'all';

export const readScope = (ctx: TenantContext): Scope => programsFor(ctx.principal.grants, 'registry:read');
export const writeScope = (ctx: TenantContext): Scope => programsFor(ctx.principal.grants, 'registry:write');
export const sensitiveScope = (ctx: TenantContext): Scope => programsFor(ctx.principal.grants, 'registry:special:read');

/** Today in Europe/Rome as YYYY-MM-DD. */
export function today(now: Date): string {
  return romeDay(now);
}

/** Programs the person is enrolled in on `day`. */
export async function activePrograms(db: Executor, ctx: TenantContext, personId: string, day: string): Promise<Program[]> {
  const rows = await db
    .selectFrom('enrolment')
    .select('program')
    .where('tenant_id', '=', ctx.tenantId)
    .where('person_id', '=', personId)
    .where('started_on', '<=', day)
    .where((eb) => eb.or([eb('ended_on', 'is', null), eb('ended_on', '>', day)]))
    .execute();
  return rows.map((r) => r.program as Program);
}

export function covers(scope: Scope, programs: readonly Program[]): boolean {
  return scope === 'all' || programs.some((p) => scope.includes(p));
}

/** SQL condition: the person (alias p) is visible within the scope on `day`. */
export function visibleInScope(scope: Scope, day: string) {
  if (scope === 'all') {
    return sql<boolean>`true`;
  }
  if (scope.length === 0) {
    return sql<boolean>`false`;
  }
  return sql<boolean>`EXISTS (SELECT 1 FROM enrolment e WHERE e.tenant_id = p.tenant_id AND e.person_id = p.id
    AND e.program IN (${sql.join(scope)}) AND e.started_on <= ${day} AND (e.ended_on IS NULL OR e.ended_on > ${day}))`;
}

export function requireProgramInScope(scope: Scope, program: Program, field = 'program') {
  if (scope !== 'all' && !scope.includes(program)) {
    throw new AppError(403, 'registry.program_out_of_scope', [{ field, in: 'body', code: 'registry.program_out_of_scope' }]);
  }
}
