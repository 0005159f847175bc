// Who sees which tenancies. A role limited to programs sees the tenancies of those programs; the
// mediation program covers ERP tenancies (mediators work on the public-housing estates). An
// unscoped holder of tenancy:read or tenancy:manage sees every tenancy of the ente. A citizen
// with tenancy:own sees only the tenancies they are party to (routes under /me).
import { type Program, programsFor } from '../../kernel/auth/permissions.js';
import type { TenantContext } from '../../kernel/context.js';
import { AppError } from '../../kernel/http/errors.js';

export type Scope = Program[] | 'all';

/** Programs whose tenancies another program's staff also follow. */
const COVERS: Partial<Record<Program, Program[]>> = { mediation: ['erp'] };

export function widen(scope: Scope): Scope {
  if (scope === 'all') {
    return scope;
  }
  return [...new Set(scope.flatMap((p) => [p, ...(COVERS[p] ?? [])]))];
}

function union(a: Scope, b: Scope): Scope {
  if (a === 'all' || b === 'all') {
    return 'all';
  }
  return [...new Set([...a, ...b])];
}

export const readScope = (ctx: TenantContext): Scope =>
  widen(union(programsFor(ctx.principal.grants, 'tenancy:read'), programsFor(ctx.principal.grants, 'tenancy:manage')));

export const manageScope = (ctx: TenantContext): Scope => widen(programsFor(ctx.principal.grants, 'tenancy:manage'));

export function inScope(scope: Scope, program: Program): boolean {
  return scope === 'all' || scope.includes(program);
}

export function requireManage(ctx: TenantContext, program: Program, field = 'program') {
  if (!inScope(manageScope(ctx), program)) {
    throw new AppError(403, 'tenancy.program_out_of_scope', [{ field, in: 'body', code: 'tenancy.program_out_of_scope' }]);
  }
}
