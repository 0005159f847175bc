// Who sees which housing solutions and life projects.
//
// - `stay:manage` for dopo_di_noi (Ufficio Casa, social workers of the program): every solution.
// - `stay:read` (partner-organisation staff): only the solutions their organisation runs, and the
//   people staying (or paired) in them.
// - Life projects also need `case:read` (`case:write` to change them) for dopo_di_noi, and the
//   person enrolled in dopo_di_noi today (need-to-know, through the registry).
// - `stay:family` (citizens): the relatives they represent in the registry, and themselves.
import type { TenantContext } from '../../kernel/context.js';
import { AppError } from '../../kernel/http/errors.js';

export type StayScope = { kind: 'all' } | { kind: 'organisation'; organisationId: string };

export const outOfScope = () => new AppError(403, 'stay.out_of_scope');

/** The solutions the caller sees, or null when none. */
export function solutionScope(ctx: TenantContext): StayScope | null {
  if (ctx.can('stay:manage', 'dopo_di_noi')) {
    return { kind: 'all' };
  }
  if (ctx.can('stay:read') && ctx.principal.organisationId) {
    return { kind: 'organisation', organisationId: ctx.principal.organisationId };
  }
  return null;
}

export function requireSolutionScope(ctx: TenantContext): StayScope {
  const s = solutionScope(ctx);
  if (!s) {
    throw outOfScope();
  }
  return s;
}

export function requireManage(ctx: TenantContext): void {
  if (!ctx.can('stay:manage', 'dopo_di_noi')) {
    throw outOfScope();
  }
}

/** Life projects: read (case:read) or write (case:write) for dopo_di_noi, within the solution scope. */
export function projectScope(ctx: TenantContext, mode: 'read' | 'write'): StayScope {
  if (!ctx.can(mode === 'read' ? 'case:read' : 'case:write', 'dopo_di_noi')) {
    throw outOfScope();
  }
  return requireSolutionScope(ctx);
}
