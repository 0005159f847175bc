// Who may do what with a call, and what phase a call is in at a given instant.
import { type Permission, type Program, programsFor } from '../../kernel/auth/permissions.js';
import type { TenantContext } from '../../kernel/context.js';
import { AppError } from '../../kernel/http/errors.js';
import type { CallPhase } from './schema.js';

export type Scope = Program[] | 'all';

const DAY_MS = 86_400_000;

/** Programs whose calls (all phases, with their applications) a staff member sees. */
export function staffScope(ctx: TenantContext): Scope {
  const sets = (['call:manage', 'call:read', 'application:review', 'ranking:publish'] as Permission[]).map((p) => programsFor(ctx.principal.grants, p));
  if (sets.includes('all')) {
    return 'all';
  }
  return [...new Set(sets.flat() as Program[])];
}

export function inScope(scope: Scope, program: string): boolean {
  return scope === 'all' || scope.includes(program as Program);
}

/** Refuses (403) unless the user holds `permission` for the call's program. */
export function requireFor(ctx: TenantContext, permission: Permission, program: string): void {
  if (!ctx.can(permission, program as Program)) {
    throw new AppError(403, 'calls.program_out_of_scope');
  }
}

export interface CallTimes {
  status: string;
  opens_at: Date;
  closes_at: Date;
  provisional_at: Date | null;
  objection_days: number;
}

export function objectionDeadline(c: CallTimes): Date | null {
  return c.provisional_at ? new Date(c.provisional_at.getTime() + c.objection_days * DAY_MS) : null;
}

/** The phase of a call at `now`: draft → scheduled → open → closed → objections → provisional → final. */
export function phaseOf(c: CallTimes, now: Date): CallPhase {
  switch (c.status) {
    case 'draft':
      return 'draft';
    case 'published':
      return now < c.opens_at ? 'scheduled' : now < c.closes_at ? 'open' : 'closed';
    case 'provisional':
      return now < (objectionDeadline(c) as Date) ? 'objections' : 'provisional';
    default:
      return 'final';
  }
}

export function policiesFor(ctx: TenantContext, program: string) {
  const p = program as Program;
  return {
    manage: ctx.can('call:manage', p),
    review: ctx.can('application:review', p),
    publish: ctx.can('ranking:publish', p),
    apply: ctx.can('application:submit'),
  };
}
