import { writeAudit } from '../../kernel/audit/audit.js';
import { verifyPassword } from '../../kernel/auth/password.js';
import { createSession } from '../../kernel/auth/sessions.js';
import type { RequestMeta } from '../../kernel/context.js';
import { AppError } from '../../kernel/http/errors.js';
import type { AppDeps } from '../../kernel/http/route.js';
import { passwordLoginForbidden } from '../oidc/index.js';
import { findEnteBySlug, findLoginAccount, recordFailedLogin, recordSuccessfulLogin } from './repo.js';

/**
 * Password login. Every outcome is audited; after `loginMaxFailures` wrong passwords the account
 * is locked for `loginLockMinutes`. Unknown email and wrong password give the same answer.
 * An OIDC login (SPID/CIE) ends the same way: `createSession` with authMethod 'oidc'.
 */
export async function loginWithPassword(deps: AppDeps, meta: RequestMeta, input: { ente: string; email: string; password: string }) {
  const { db, config, clock } = deps;
  const now = clock.now();
  const ente = await findEnteBySlug(db, input.ente);
  if (!ente) {
    throw new AppError(400, 'auth.ente_unknown', [{ field: 'ente', in: 'body', code: 'auth.ente_unknown' }]);
  }
  const account = await findLoginAccount(db, input.ente, input.email);
  const actor = { tenantId: ente.id, userId: account?.id ?? null, organisationId: account?.organisation_id ?? null, requestId: meta.requestId, ip: meta.ip };
  if (account?.locked_until && account.locked_until > now) {
    await writeAudit(db, actor, { action: 'auth.login', outcome: 'denied', details: { reason: 'locked' } });
    throw new AppError(423, 'auth.locked', [], { 'retry-after': String(Math.ceil((account.locked_until.getTime() - now.getTime()) / 1000)) });
  }
  const ok = await verifyPassword(account?.password_hash ?? null, input.password);
  if (!account || !ok || !account.active) {
    // Commit the failure count and its audit row first, then refuse.
    const locked = await db.transaction().execute(async (trx) => {
      let lockedNow = false;
      if (account && !ok) {
        lockedNow = (await recordFailedLogin(trx, account.tenant_id, account.id, now, config.loginMaxFailures, config.loginLockMinutes)).locked;
      }
      await writeAudit(trx, actor, {
        action: 'auth.login',
        outcome: 'failure',
        details: { reason: !account ? 'unknown_email' : !ok ? 'wrong_password' : 'inactive', locked: lockedNow },
      });
      return lockedNow;
    });
    throw locked ? new AppError(423, 'auth.locked') : new AppError(401, 'auth.invalid_credentials');
  }
  // The ente may require SPID/CIE for staff: the right password alone does not open a session.
  if (await passwordLoginForbidden(db, account.tenant_id, account.id)) {
    await writeAudit(db, actor, { action: 'auth.login', outcome: 'denied', details: { reason: 'oidc_required' } });
    throw new AppError(403, 'auth.oidc_required');
  }
  return db.transaction().execute(async (trx) => {
    await recordSuccessfulLogin(trx, account.tenant_id, account.id, now);
    const session = await createSession(trx, {
      tenantId: account.tenant_id,
      userId: account.id,
      authMethod: 'password',
      ip: meta.ip,
      userAgent: meta.userAgent,
      now,
      ttlHours: config.sessionTtlHours,
    });
    await writeAudit(trx, actor, { action: 'auth.login', entityType: 'auth_session', entityId: session.id });
    return session;
  });
}
