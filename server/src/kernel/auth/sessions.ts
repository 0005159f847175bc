import { createHash, randomBytes } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { Principal } from '../context.js';
import type { Executor } from '../db/tenant.js';
import type { DB } from '../db/types.js';
import { grantsOf, type Program, type Role } from './permissions.js';

export const SESSION_COOKIE = 'abitare_session';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export interface NewSession {
  tenantId: string;
  userId: string;
  authMethod: 'password' | 'oidc';
  identityProvider?: string;
  ip: string;
  userAgent: string | undefined;
  now: Date;
  ttlHours: number;
}

/**
 * Opens a server-side session and returns the cookie token (only its hash is stored) and the
 * CSRF token the client must echo in `X-CSRF-Token` on every state-changing request.
 */
export async function createSession(db: Executor, s: NewSession) {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(s.now.getTime() + s.ttlHours * 3_600_000);
  const row = await db
    .insertInto('auth_session')
    .values({
      tenant_id: s.tenantId,
      user_id: s.userId,
      token_hash: sha256(token),
      auth_method: s.authMethod,
      identity_provider: s.identityProvider ?? null,
      csrf_token: csrfToken,
      ip: s.ip,
      user_agent: s.userAgent?.slice(0, 500) ?? null,
      created_at: s.now,
      last_seen_at: s.now,
      expires_at: expiresAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, token, csrfToken, expiresAt };
}

/**
 * Finds the live session for a cookie token: not revoked, not expired, not idle too long, user
 * active. Runs outside any tenant (the token decides the tenant), as the database owner.
 */
export async function loadSession(db: Kysely<DB>, token: string, now: Date, idleMinutes: number): Promise<Principal | null> {
  const row = await db
    .selectFrom('auth_session as s')
    .innerJoin('app_user as u', (j) => j.onRef('u.tenant_id', '=', 's.tenant_id').onRef('u.id', '=', 's.user_id'))
    .innerJoin('ente as e', 'e.id', 's.tenant_id')
    .select([
      's.id as sessionId',
      's.tenant_id as tenantId',
      's.csrf_token as csrfToken',
      's.auth_method as authMethod',
      's.last_seen_at as lastSeenAt',
      'u.id as userId',
      'u.organisation_id as organisationId',
      'u.full_name as fullName',
      'u.email',
      'e.slug as tenantSlug',
      'e.name as tenantName',
      // Roles in the same round trip as the session.
      (eb) =>
        eb
          .selectFrom('role_assignment as r')
          .select(
            sql<{ role: string; program: string | null }[]>`coalesce(json_agg(json_build_object('role', r.role, 'program', r.program)), '[]')`.as('roles'),
          )
          .whereRef('r.tenant_id', '=', 'u.tenant_id')
          .whereRef('r.user_id', '=', 'u.id')
          .as('roles'),
    ])
    .where('s.token_hash', '=', sha256(token))
    .where('s.revoked_at', 'is', null)
    .where('s.expires_at', '>', now)
    .where('s.last_seen_at', '>', new Date(now.getTime() - idleMinutes * 60_000))
    .where('u.active', '=', true)
    .where('e.active', '=', true)
    .executeTakeFirst();
  if (!row) {
    return null;
  }
  // Touch at most once a minute: the idle timeout needs no finer grain.
  if (now.getTime() - row.lastSeenAt.getTime() > 60_000) {
    await db.updateTable('auth_session').set({ last_seen_at: now }).where('tenant_id', '=', row.tenantId).where('id', '=', row.sessionId).execute();
  }
  const grants = (row.roles ?? []).map((r) => ({ role: r.role as Role, program: r.program as Program | null }));
  return {
    tenantId: row.tenantId,
    tenantSlug: row.tenantSlug,
    tenantName: row.tenantName,
    userId: row.userId,
    organisationId: row.organisationId,
    fullName: row.fullName,
    email: row.email,
    roles: grants,
    grants: grantsOf(grants),
    sessionId: row.sessionId,
    csrfToken: row.csrfToken,
    authMethod: row.authMethod as Principal['authMethod'],
  };
}

export async function revokeSession(db: Executor, tenantId: string, sessionId: string, now: Date): Promise<void> {
  await db.updateTable('auth_session').set({ revoked_at: now }).where('tenant_id', '=', tenantId).where('id', '=', sessionId).execute();
}

/** Ends every session of a user (deactivation, password change), optionally keeping one. */
export async function revokeUserSessions(db: Executor, tenantId: string, userId: string, now: Date, keep?: string): Promise<void> {
  let q = db
    .updateTable('auth_session')
    .set({ revoked_at: now })
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null);
  if (keep) {
    q = q.where('id', '<>', keep);
  }
  await q.execute();
}
