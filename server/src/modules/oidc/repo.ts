import { sql } from 'kysely';
import type { Executor } from '../../kernel/db/tenant.js';
import type { OidcProvider } from './schema.js';

export function findEnte(db: Executor, slug: string) {
  return db.selectFrom('ente').select(['id', 'slug', 'name']).where('slug', '=', slug).where('active', '=', true).executeTakeFirst();
}

export function findClientRows(db: Executor, tenantId: string) {
  return db
    .selectFrom('oidc_client')
    .select(['provider', 'issuer', 'client_id', 'client_secret', 'scope', 'enabled'])
    .where('tenant_id', '=', tenantId)
    .execute();
}

export async function loginPolicy(db: Executor, tenantId: string) {
  const row = await db.selectFrom('login_policy').select(['staff_require_oidc', 'privacy_notice_version']).where('tenant_id', '=', tenantId).executeTakeFirst();
  return { staffRequireOidc: row?.staff_require_oidc ?? false, privacyNoticeVersion: row?.privacy_notice_version ?? '2026-01' };
}

export function insertLogin(
  db: Executor,
  v: {
    tenantId: string;
    provider: OidcProvider;
    stateHash: string;
    browserHash: string;
    nonce: string;
    codeVerifier: string;
    redirectUri: string;
    returnTo: string | null;
    now: Date;
    expiresAt: Date;
  },
) {
  return db
    .insertInto('oidc_login')
    .values({
      tenant_id: v.tenantId,
      provider: v.provider,
      state_hash: v.stateHash,
      browser_hash: v.browserHash,
      nonce: v.nonce,
      code_verifier: v.codeVerifier,
      redirect_uri: v.redirectUri,
      return_to: v.returnTo,
      created_at: v.now,
      expires_at: v.expiresAt,
    })
    .execute();
}

/** Takes a login in flight exactly once: the row is marked consumed in the same statement. */
export function consumeLogin(db: Executor, stateHash: string, now: Date) {
  return db
    .updateTable('oidc_login')
    .set({ consumed_at: now })
    .where('state_hash', '=', stateHash)
    .where('consumed_at', 'is', null)
    .where('expires_at', '>', now)
    .returning(['tenant_id', 'id', 'provider', 'browser_hash', 'nonce', 'code_verifier', 'redirect_uri', 'return_to'])
    .executeTakeFirst();
}

/** The account a fiscal code signs in to: matched on the account, else on the person it is linked to. */
export function findAccountByCodiceFiscale(db: Executor, tenantId: string, cf: string) {
  return db
    .selectFrom('app_user as u')
    .select(['u.id', 'u.organisation_id', 'u.active'])
    .where('u.tenant_id', '=', tenantId)
    .where((eb) =>
      eb.or([
        eb('u.codice_fiscale', '=', cf),
        eb.exists(
          eb
            .selectFrom('person as p')
            .select(sql`1`.as('one'))
            .whereRef('p.tenant_id', '=', 'u.tenant_id')
            .whereRef('p.user_id', '=', 'u.id')
            .where('p.codice_fiscale', '=', cf)
            .where('p.merged_into', 'is', null),
        ),
      ]),
    )
    .orderBy(sql`u.codice_fiscale IS NULL`)
    .executeTakeFirst();
}

export function rolesOf(db: Executor, tenantId: string, userId: string) {
  return db.selectFrom('role_assignment').select('role').where('tenant_id', '=', tenantId).where('user_id', '=', userId).execute();
}

export function insertSignup(
  db: Executor,
  v: {
    tenantId: string;
    ticketHash: string;
    browserHash: string;
    provider: OidcProvider;
    codiceFiscale: string;
    givenName: string;
    familyName: string;
    email: string | null;
    returnTo: string | null;
    now: Date;
    expiresAt: Date;
  },
) {
  return db
    .insertInto('oidc_signup')
    .values({
      tenant_id: v.tenantId,
      ticket_hash: v.ticketHash,
      browser_hash: v.browserHash,
      provider: v.provider,
      codice_fiscale: v.codiceFiscale,
      given_name: v.givenName,
      family_name: v.familyName,
      email: v.email,
      return_to: v.returnTo,
      created_at: v.now,
      expires_at: v.expiresAt,
    })
    .execute();
}

export function consumeSignup(db: Executor, ticketHash: string, now: Date) {
  return db
    .updateTable('oidc_signup')
    .set({ consumed_at: now })
    .where('ticket_hash', '=', ticketHash)
    .where('consumed_at', 'is', null)
    .where('expires_at', '>', now)
    .returningAll()
    .executeTakeFirst();
}

export async function emailTaken(db: Executor, tenantId: string, email: string) {
  const row = await db
    .selectFrom('app_user')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where(sql`lower(email)`, '=', email.toLowerCase())
    .executeTakeFirst();
  return row !== undefined;
}
