import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { audit } from '../../kernel/audit/audit.js';
import { SESSION_COOKIE } from '../../kernel/auth/sessions.js';
import type { Config } from '../../kernel/config.js';
import { type AnyRoute, defineRoute, requestMeta } from '../../kernel/http/route.js';
import { findClientRows, loginPolicy } from './repo.js';
import {
  CallbackBody,
  CallbackOut,
  LoginPolicyBody,
  LoginSettingsOut,
  OidcClientBody,
  ProviderParam,
  ProvidersOut,
  ProvidersQuery,
  SignupBody,
  SignupOut,
  StartBody,
  StartOut,
} from './schema.js';
import { completeLogin, completeSignup, configuredProviders, providerSettings, startLogin } from './service.js';

const tags = ['identity'];
/** Binds a login in flight to the browser that started it (login CSRF, session fixation). */
export const OIDC_COOKIE = 'abitare_oidc';
const OIDC_COOKIE_PATH = '/api/v1/auth/oidc';
/** The page of the web UI the identity provider sends the browser back to. */
export const CALLBACK_PATH = '/login/oidc';

function origin(config: Config, req: FastifyRequest): string {
  return config.publicOrigin ?? `${req.protocol}://${req.host}`;
}

function setSessionCookie(reply: FastifyReply, config: Config, session: { token: string; expiresAt: Date }) {
  reply.setCookie(SESSION_COOKIE, session.token, { path: '/', httpOnly: true, sameSite: 'lax', secure: config.cookieSecure, expires: session.expiresAt });
}

export const oidcRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/auth/oidc/providers',
    access: 'public',
    summary: 'Which SPID/CIE buttons the login page shows for an ente (only those configured)',
    tags,
    schema: { querystring: ProvidersQuery, response: { 200: ProvidersOut } },
    async handler({ deps, query }) {
      return { providers: await configuredProviders(deps, query.ente), localLogin: true as const };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/auth/oidc/:provider/start',
    access: 'public',
    summary: 'Start a SPID/CIE login (authorization code flow with PKCE, state and nonce); answers the URL to send the browser to',
    tags,
    schema: { params: ProviderParam, body: StartBody, response: { 200: StartOut } },
    rateLimit: { max: (config) => config.loginRatePerMinute, timeWindow: 60_000 },
    async handler({ deps, params, body, req, reply }) {
      const started = await startLogin(deps, {
        provider: params.provider,
        ente: body.ente,
        returnTo: body.returnTo,
        redirectUri: `${origin(deps.config, req)}${CALLBACK_PATH}`,
      });
      reply.setCookie(OIDC_COOKIE, started.browserToken, {
        path: OIDC_COOKIE_PATH,
        httpOnly: true,
        sameSite: 'lax',
        secure: deps.config.cookieSecure,
        maxAge: 15 * 60,
      });
      return { authorizationUrl: started.authorizationUrl };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/auth/oidc/callback',
    access: 'public',
    summary: 'Complete a SPID/CIE login: validates the ID token and signs in, or asks a new citizen to accept the privacy notice',
    tags,
    schema: { body: CallbackBody, response: { 200: CallbackOut } },
    rateLimit: { max: (config) => config.loginRatePerMinute, timeWindow: 60_000 },
    async handler({ deps, body, req, reply }) {
      const result = await completeLogin(deps, requestMeta(req), body.search, req.cookies[OIDC_COOKIE]);
      if (result.status === 'consent_required') {
        return result;
      }
      reply.clearCookie(OIDC_COOKIE, { path: OIDC_COOKIE_PATH });
      setSessionCookie(reply, deps.config, result.session);
      return { status: 'signed_in' as const, csrfToken: result.session.csrfToken, returnTo: result.returnTo };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/auth/oidc/signup',
    access: 'public',
    summary: 'First SPID/CIE login: accept the privacy notice; creates the citizen account linked to the registry person',
    tags,
    schema: { body: SignupBody, response: { 200: SignupOut } },
    rateLimit: { max: (config) => config.loginRatePerMinute, timeWindow: 60_000 },
    async handler({ deps, body, req, reply }) {
      const done = await completeSignup(deps, requestMeta(req), body.ticket, req.cookies[OIDC_COOKIE]);
      reply.clearCookie(OIDC_COOKIE, { path: OIDC_COOKIE_PATH });
      setSessionCookie(reply, deps.config, done.session);
      return { csrfToken: done.session.csrfToken, returnTo: done.returnTo };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/admin/login-settings',
    access: { permission: 'admin:users' },
    summary: "The ente's login settings: SPID/CIE clients (secrets never shown) and whether staff must use them",
    tags: ['admin'],
    schema: { response: { 200: LoginSettingsOut } },
    async handler({ db, ctx, deps }) {
      const policy = await loginPolicy(db, ctx.tenantId);
      const own = new Map((await findClientRows(db, ctx.tenantId)).map((r) => [r.provider, r]));
      const effective = await providerSettings(db, deps.config, { id: ctx.tenantId, slug: ctx.principal.tenantSlug });
      const providers = (['spid', 'cie'] as const).flatMap((provider): z.input<typeof LoginSettingsOut>['providers'] => {
        const row = own.get(provider);
        if (row) {
          return [
            { provider, source: 'ente' as const, issuer: row.issuer, clientId: row.client_id, hasSecret: row.client_secret !== null, enabled: row.enabled },
          ];
        }
        const env = effective.get(provider);
        return env
          ? [{ provider, source: 'environment' as const, issuer: env.issuer, clientId: env.clientId, hasSecret: env.clientSecret !== null, enabled: true }]
          : [];
      });
      return { ...policy, providers };
    },
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/v1/admin/login-settings/policy',
    access: { permission: 'admin:users' },
    summary: 'Require SPID/CIE for staff accounts (password login refused for them), privacy notice version',
    tags: ['admin'],
    schema: { body: LoginPolicyBody, response: { 204: z.undefined() } },
    async handler({ db, ctx, deps, body }) {
      const now = deps.clock.now();
      await db
        .insertInto('login_policy')
        .values({
          tenant_id: ctx.tenantId,
          staff_require_oidc: body.staffRequireOidc,
          ...(body.privacyNoticeVersion ? { privacy_notice_version: body.privacyNoticeVersion } : {}),
          updated_at: now,
        })
        .onConflict((oc) =>
          oc.column('tenant_id').doUpdateSet({
            staff_require_oidc: body.staffRequireOidc,
            ...(body.privacyNoticeVersion ? { privacy_notice_version: body.privacyNoticeVersion } : {}),
            updated_at: now,
          }),
        )
        .execute();
      await audit(db, ctx, { action: 'login_policy.changed', entityType: 'login_policy', entityId: ctx.tenantId, details: body });
      return undefined;
    },
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/v1/admin/login-settings/providers/:provider',
    access: { permission: 'admin:users' },
    summary: "Configure this ente's SPID or CIE client (issuer, client id, secret); overrides the environment",
    tags: ['admin'],
    schema: { params: ProviderParam, body: OidcClientBody, response: { 204: z.undefined() } },
    async handler({ db, ctx, deps, params, body }) {
      const now = deps.clock.now();
      const values = {
        issuer: body.issuer,
        client_id: body.clientId,
        scope: body.scope ?? 'openid profile email',
        enabled: body.enabled,
        updated_by: ctx.principal.userId,
        updated_at: now,
        ...(body.clientSecret ? { client_secret: body.clientSecret } : {}),
      };
      await db
        .insertInto('oidc_client')
        .values({ tenant_id: ctx.tenantId, provider: params.provider, ...values })
        .onConflict((oc) => oc.columns(['tenant_id', 'provider']).doUpdateSet(values))
        .execute();
      await audit(db, ctx, {
        action: 'oidc_client.changed',
        entityType: 'oidc_client',
        entityId: params.provider,
        details: { issuer: body.issuer, clientId: body.clientId, secretChanged: body.clientSecret !== undefined, enabled: body.enabled },
      });
      return undefined;
    },
  }),
];
