import { createHash, randomBytes } from 'node:crypto';
import { writeAudit } from '../../kernel/audit/audit.js';
import { createSession } from '../../kernel/auth/sessions.js';
import type { Config } from '../../kernel/config.js';
import type { RequestMeta } from '../../kernel/context.js';
import type { Executor } from '../../kernel/db/tenant.js';
import { AppError } from '../../kernel/http/errors.js';
import type { AppDeps } from '../../kernel/http/route.js';
import { linkPersonToAccount } from '../registry/index.js';
import {
  consumeLogin,
  consumeSignup,
  emailTaken,
  findAccountByCodiceFiscale,
  findClientRows,
  findEnte,
  insertLogin,
  insertSignup,
  loginPolicy,
  rolesOf,
} from './repo.js';
import { buildAuthorizationRequest, exchangeCode, fiscalNumberClaim, type RpSettings } from './rp.js';
import { OIDC_PROVIDERS, type OidcProvider } from './schema.js';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const LOGIN_TTL_MS = 10 * 60_000;
const SIGNUP_TTL_MS = 15 * 60_000;
const DEFAULT_SCOPE = 'openid profile email';

/** The SPID/CIE clients of an ente: its own admin settings, else the installation's environment. */
export async function providerSettings(db: Executor, config: Config, ente: { id: string; slug: string }): Promise<Map<OidcProvider, RpSettings>> {
  const out = new Map<OidcProvider, RpSettings>();
  const envApplies = config.oidc.enti === null || config.oidc.enti.includes(ente.slug);
  for (const provider of OIDC_PROVIDERS) {
    const env = config.oidc[provider];
    if (env && envApplies) {
      out.set(provider, {
        provider,
        issuer: env.issuer,
        clientId: env.clientId,
        clientSecret: env.clientSecret ?? null,
        scope: DEFAULT_SCOPE,
        allowHttp: config.oidc.allowHttp,
      });
    }
  }
  for (const row of await findClientRows(db, ente.id)) {
    const provider = row.provider as OidcProvider;
    if (!row.enabled) {
      out.delete(provider);
      continue;
    }
    out.set(provider, {
      provider,
      issuer: row.issuer,
      clientId: row.client_id,
      clientSecret: row.client_secret,
      scope: row.scope,
      allowHttp: config.oidc.allowHttp,
    });
  }
  return out;
}

async function enteOrFail(db: Executor, slug: string) {
  const ente = await findEnte(db, slug);
  if (!ente) {
    throw new AppError(400, 'auth.ente_unknown', [{ field: 'ente', in: 'body', code: 'auth.ente_unknown' }]);
  }
  return ente;
}

export async function configuredProviders(deps: AppDeps, enteSlug: string): Promise<OidcProvider[]> {
  const ente = await findEnte(deps.db, enteSlug);
  if (!ente) {
    return [];
  }
  return [...(await providerSettings(deps.db, deps.config, ente)).keys()];
}

/** Starts a login: stores state, nonce and the PKCE verifier, bound to the browser's cookie. */
export async function startLogin(
  deps: AppDeps,
  input: { provider: OidcProvider; ente: string; returnTo?: string | undefined; redirectUri: string },
): Promise<{ authorizationUrl: string; browserToken: string }> {
  const ente = await enteOrFail(deps.db, input.ente);
  const settings = (await providerSettings(deps.db, deps.config, ente)).get(input.provider);
  if (!settings) {
    throw new AppError(404, 'oidc.not_configured');
  }
  const request = await buildAuthorizationRequest(settings, input.redirectUri);
  const browserToken = randomBytes(24).toString('base64url');
  const now = deps.clock.now();
  await insertLogin(deps.db, {
    tenantId: ente.id,
    provider: input.provider,
    stateHash: sha256(request.state),
    browserHash: sha256(browserToken),
    nonce: request.nonce,
    codeVerifier: request.codeVerifier,
    redirectUri: input.redirectUri,
    returnTo: input.returnTo ?? null,
    now,
    expiresAt: new Date(now.getTime() + LOGIN_TTL_MS),
  });
  return { authorizationUrl: request.url, browserToken };
}

/** `TINIT-<codice fiscale>` (SPID/CIE) or a bare codice fiscale. */
export function codiceFiscaleFromClaim(value: unknown): string | null {
  if (typeof value !== 'string') {
    return null;
  }
  const m = /^(?:TINIT-)?([A-Z0-9]{16})$/i.exec(value.trim());
  return m ? (m[1] as string).toUpperCase() : null;
}

const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim().slice(0, 100) : null);

type Session = Awaited<ReturnType<typeof createSession>>;
export type CallbackResult =
  | { status: 'signed_in'; session: Session; returnTo: string }
  | { status: 'consent_required'; ticket: string; givenName: string; familyName: string; privacyNoticeVersion: string };

/**
 * Completes a login from the query string the provider sent the browser back with. The login
 * in flight is consumed first (a replayed callback finds nothing); every refusal is audited.
 */
export async function completeLogin(deps: AppDeps, meta: RequestMeta, search: string, browserToken: string | undefined): Promise<CallbackResult> {
  const { db, clock } = deps;
  const now = clock.now();
  const params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const state = params.get('state');
  if (!state) {
    throw new AppError(400, 'oidc.state_invalid');
  }
  const login = await consumeLogin(db, sha256(state), now);
  if (!login || !browserToken || sha256(browserToken) !== login.browser_hash) {
    throw new AppError(400, 'oidc.state_invalid');
  }
  const provider = login.provider as OidcProvider;
  const actor = { tenantId: login.tenant_id, userId: null, organisationId: null, requestId: meta.requestId, ip: meta.ip };
  const refuse = async (err: AppError): Promise<never> => {
    await writeAudit(db, actor, { action: 'auth.login', outcome: 'failure', details: { method: 'oidc', provider, reason: err.code } });
    throw err;
  };
  const ente = await db.selectFrom('ente').select(['id', 'slug']).where('id', '=', login.tenant_id).executeTakeFirstOrThrow();
  const settings = (await providerSettings(db, deps.config, ente)).get(provider);
  if (!settings) {
    return refuse(new AppError(404, 'oidc.not_configured'));
  }
  const callbackUrl = new URL(login.redirect_uri);
  callbackUrl.search = params.toString();
  let identity: Awaited<ReturnType<typeof exchangeCode>>;
  try {
    identity = await exchangeCode(settings, callbackUrl, { state, nonce: login.nonce, codeVerifier: login.code_verifier });
  } catch (err) {
    return refuse(err instanceof AppError ? err : new AppError(401, 'oidc.token_invalid'));
  }
  const cf = codiceFiscaleFromClaim(fiscalNumberClaim(identity.claims));
  if (!cf) {
    return refuse(new AppError(401, 'oidc.no_fiscal_number'));
  }
  const returnTo = login.return_to ?? '/';
  const account = await findAccountByCodiceFiscale(db, login.tenant_id, cf);
  if (account) {
    if (!account.active) {
      return refuse(new AppError(401, 'oidc.account_inactive'));
    }
    const session = await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('app_user')
        .set({ failed_logins: 0, locked_until: null, last_login_at: now })
        .where('tenant_id', '=', login.tenant_id)
        .where('id', '=', account.id)
        .execute();
      const personId = await linkPersonToAccount(trx, login.tenant_id, cf, account.id, now);
      const s = await createSession(trx, {
        tenantId: login.tenant_id,
        userId: account.id,
        authMethod: 'oidc',
        identityProvider: provider,
        ip: meta.ip,
        userAgent: meta.userAgent,
        now,
        ttlHours: deps.config.sessionTtlHours,
      });
      await writeAudit(
        trx,
        { ...actor, userId: account.id, organisationId: account.organisation_id },
        {
          action: 'auth.login',
          entityType: 'auth_session',
          entityId: s.id,
          details: { method: 'oidc', provider, personId },
        },
      );
      return s;
    });
    return { status: 'signed_in', session, returnTo };
  }
  const ticket = randomBytes(32).toString('base64url');
  const policy = await loginPolicy(db, login.tenant_id);
  const givenName = str(identity.claims.given_name) ?? cf;
  const familyName = str(identity.claims.family_name) ?? '';
  const email = str(identity.claims.email);
  await insertSignup(db, {
    tenantId: login.tenant_id,
    ticketHash: sha256(ticket),
    browserHash: login.browser_hash,
    provider,
    codiceFiscale: cf,
    givenName,
    familyName,
    email: email && /^[^@\s]+@[^@\s]+$/.test(email) ? email : null,
    returnTo: login.return_to,
    now,
    expiresAt: new Date(now.getTime() + SIGNUP_TTL_MS),
  });
  return { status: 'consent_required', ticket, givenName, familyName, privacyNoticeVersion: policy.privacyNoticeVersion };
}

/**
 * First login: the citizen accepted the privacy notice. Creates the citizen account, links the
 * registry person with the same codice fiscale, audits both, and opens the session.
 */
export async function completeSignup(
  deps: AppDeps,
  meta: RequestMeta,
  ticket: string,
  browserToken: string | undefined,
): Promise<{ session: Session; returnTo: string }> {
  const { db, clock } = deps;
  const now = clock.now();
  const signup = await consumeSignup(db, sha256(ticket), now);
  if (!signup || !browserToken || sha256(browserToken) !== signup.browser_hash) {
    throw new AppError(400, 'oidc.ticket_invalid');
  }
  const policy = await loginPolicy(db, signup.tenant_id);
  return db.transaction().execute(async (trx) => {
    // An account may have appeared meanwhile (a second tab): sign in to it instead.
    const existing = await findAccountByCodiceFiscale(trx, signup.tenant_id, signup.codice_fiscale);
    let userId = existing?.id;
    const actorBase = { tenantId: signup.tenant_id, organisationId: null, requestId: meta.requestId, ip: meta.ip };
    if (!userId) {
      const email =
        signup.email && !(await emailTaken(trx, signup.tenant_id, signup.email)) ? signup.email : `${signup.codice_fiscale.toLowerCase()}@spid.invalid`;
      const fullName = `${signup.given_name} ${signup.family_name}`.trim();
      const user = await trx
        .insertInto('app_user')
        .values({
          tenant_id: signup.tenant_id,
          email,
          full_name: fullName,
          codice_fiscale: signup.codice_fiscale,
          locale: meta.lang,
          privacy_accepted_at: now,
          privacy_notice_version: policy.privacyNoticeVersion,
          last_login_at: now,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      userId = user.id;
      await trx.insertInto('role_assignment').values({ tenant_id: signup.tenant_id, user_id: userId, role: 'citizen', program: null }).execute();
      const personId = await linkPersonToAccount(trx, signup.tenant_id, signup.codice_fiscale, userId, now);
      await writeAudit(
        trx,
        { ...actorBase, userId },
        {
          action: 'account.created',
          entityType: 'app_user',
          entityId: userId,
          details: {
            method: 'oidc',
            provider: signup.provider,
            role: 'citizen',
            personId,
            privacyNoticeVersion: policy.privacyNoticeVersion,
            privacyAcceptedAt: now.toISOString(),
          },
        },
      );
    }
    const session = await createSession(trx, {
      tenantId: signup.tenant_id,
      userId,
      authMethod: 'oidc',
      identityProvider: signup.provider,
      ip: meta.ip,
      userAgent: meta.userAgent,
      now,
      ttlHours: deps.config.sessionTtlHours,
    });
    await writeAudit(
      trx,
      { ...actorBase, userId },
      { action: 'auth.login', entityType: 'auth_session', entityId: session.id, details: { method: 'oidc', provider: signup.provider } },
    );
    return { session, returnTo: signup.return_to ?? '/' };
  });
}

/** Roles that are not staff: citizens and landlords may always use a password. */
const NON_STAFF = new Set(['citizen', 'landlord']);

/** True when the ente requires SPID/CIE for staff and this account holds a staff role. */
export async function passwordLoginForbidden(db: Executor, tenantId: string, userId: string): Promise<boolean> {
  const policy = await loginPolicy(db, tenantId);
  if (!policy.staffRequireOidc) {
    return false;
  }
  return (await rolesOf(db, tenantId, userId)).some((r) => !NON_STAFF.has(r.role));
}
