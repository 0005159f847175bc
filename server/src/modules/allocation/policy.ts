// Who may do what with a call's allocation: the operator of the call's program (allocation:decide
// for that program); an applicant only with their own application (application:submit).
import type { TenantContext } from '../../kernel/context.js';
import type { Executor } from '../../kernel/db/tenant.js';
import { notFound } from '../../kernel/http/errors.js';
import * as repo from './repo.js';

export const decides = (ctx: TenantContext, call: repo.CallRow) => ctx.can('allocation:decide', call.program as never);

/** The call, if the caller decides its allocation; 404 otherwise (no hint that it exists). */
export async function decidableCall(db: Executor, ctx: TenantContext, callId: string): Promise<repo.CallRow> {
  const call = await repo.findCall(db, ctx, callId);
  if (!call || !decides(ctx, call)) {
    throw notFound();
  }
  return call;
}

/** The application and how the caller reaches it: as its operator or as the applicant. */
export async function reachableApplication(db: Executor, ctx: TenantContext, applicationId: string) {
  const who = await repo.findApplicant(db, ctx, applicationId);
  const call = who ? await repo.findCall(db, ctx, who.callId) : null;
  if (!who || !call) {
    throw notFound();
  }
  if (decides(ctx, call)) {
    return { who, call, as: 'operator' as const };
  }
  if (who.userId !== null && who.userId === ctx.principal.userId && ctx.can('application:submit')) {
    return { who, call, as: 'applicant' as const };
  }
  throw notFound();
}
