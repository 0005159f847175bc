// The relying party: discovery, authorization URL (code flow, PKCE S256, state, nonce) and the
// code exchange with ID token validation, all through openid-client (no hand-written crypto).
import { createHash } from 'node:crypto';
import * as oidc from 'openid-client';
import { AppError } from '../../kernel/http/errors.js';
import type { MessageKey } from '../../kernel/i18n/messages.js';
import type { OidcProvider } from './schema.js';

export interface RpSettings {
  provider: OidcProvider;
  issuer: string;
  clientId: string;
  clientSecret: string | null;
  scope: string;
  allowHttp: boolean;
}

/** SPID asks for a level of assurance; level 2 is what public services use for citizens. */
const ACR: Record<OidcProvider, string> = {
  spid: 'https://www.spid.gov.it/SpidL2',
  cie: 'https://www.spid.gov.it/SpidL2',
};

/** The claims a citizen's account needs (SPID/CIE attribute names and the plain OIDC ones). */
const CLAIMS_REQUEST = JSON.stringify({
  id_token: { fiscal_number: null, given_name: null, family_name: null },
  userinfo: {
    fiscal_number: null,
    'https://attributes.eid.gov.it/fiscal_number': null,
    given_name: null,
    family_name: null,
    email: null,
  },
});

const DISCOVERY_TTL_MS = 3_600_000;
const discovered = new Map<string, { at: number; config: Promise<oidc.Configuration> }>();

function configurationFor(s: RpSettings): Promise<oidc.Configuration> {
  const key = [
    s.issuer,
    s.clientId,
    createHash('sha256')
      .update(s.clientSecret ?? '')
      .digest('hex'),
  ].join('|');
  const hit = discovered.get(key);
  if (hit && Date.now() - hit.at < DISCOVERY_TTL_MS) {
    return hit.config;
  }
  const insecure = s.allowHttp && s.issuer.startsWith('http:');
  const config = oidc
    .discovery(
      new URL(s.issuer),
      s.clientId,
      { id_token_signed_response_alg: 'RS256' },
      s.clientSecret ? oidc.ClientSecretBasic(s.clientSecret) : oidc.None(),
      { execute: insecure ? [oidc.allowInsecureRequests] : [], timeout: 10 },
    )
    .then((c) => {
      // Verify the ID token's signature even though it comes straight from the token endpoint:
      // the login must not rest on TLS alone (SPID/CIE sign every token).
      oidc.enableNonRepudiationChecks(c);
      return c;
    })
    .catch((err: unknown) => {
      discovered.delete(key);
      throw err;
    });
  discovered.set(key, { at: Date.now(), config });
  return config;
}

async function configuration(s: RpSettings): Promise<oidc.Configuration> {
  try {
    return await configurationFor(s);
  } catch (err) {
    throw Object.assign(new AppError(502, 'oidc.provider_unreachable'), { cause: err });
  }
}

export interface AuthorizationRequest {
  url: string;
  state: string;
  nonce: string;
  codeVerifier: string;
}

export async function buildAuthorizationRequest(s: RpSettings, redirectUri: string): Promise<AuthorizationRequest> {
  const config = await configuration(s);
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: s.scope,
    response_type: 'code',
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    prompt: 'login',
    acr_values: ACR[s.provider],
    claims: CLAIMS_REQUEST,
    ui_locales: 'it en',
  });
  return { url: url.href, state, nonce, codeVerifier };
}

export interface VerifiedIdentity {
  subject: string;
  claims: Record<string, unknown>;
}

/**
 * Exchanges the code and validates the ID token: signature against the provider's keys, issuer,
 * audience, expiry, nonce and (through the code exchange) the PKCE verifier. Claims missing from
 * the ID token are read from the userinfo endpoint.
 */
export async function exchangeCode(s: RpSettings, callbackUrl: URL, checks: { state: string; nonce: string; codeVerifier: string }): Promise<VerifiedIdentity> {
  const config = await configuration(s);
  try {
    const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: checks.codeVerifier,
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims();
    if (!idClaims) {
      throw new AppError(401, 'oidc.token_invalid');
    }
    let claims: Record<string, unknown> = { ...idClaims };
    if (fiscalNumberClaim(claims) === undefined && tokens.access_token) {
      const info = await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub);
      claims = { ...info, ...claims };
    }
    return { subject: idClaims.sub, claims };
  } catch (err) {
    throw refusal(err);
  }
}

export function fiscalNumberClaim(claims: Record<string, unknown>): unknown {
  return claims.fiscal_number ?? claims['https://attributes.eid.gov.it/fiscal_number'];
}

/** The causes of an openid-client error, outermost first. */
function chain(err: unknown): { code?: string; message: string; claim?: string; error?: string }[] {
  const out: { code?: string; message: string; claim?: string; error?: string }[] = [];
  let cur: unknown = err;
  for (let i = 0; i < 5 && cur && typeof cur === 'object'; i++) {
    const e = cur as { code?: unknown; message?: unknown; cause?: unknown; error?: unknown };
    const cause = e.cause as { claim?: unknown } | undefined;
    out.push({
      code: typeof e.code === 'string' ? e.code : undefined,
      message: typeof e.message === 'string' ? e.message : '',
      claim: cause && typeof cause === 'object' && typeof cause.claim === 'string' ? cause.claim : undefined,
      error: typeof e.error === 'string' ? e.error : undefined,
    });
    cur = e.cause;
  }
  return out;
}

/** Maps a failed exchange to one clear, stable reason (problem+json code). */
export function refusal(err: unknown): AppError {
  if (err instanceof AppError) {
    return err;
  }
  const links = chain(err);
  const has = (pred: (l: (typeof links)[number]) => boolean) => links.some(pred);
  let code: MessageKey = 'oidc.token_invalid';
  let status = 401;
  if (has((l) => l.claim === 'iss' || /"iss"|issuer/.test(l.message))) {
    code = 'oidc.wrong_issuer';
  } else if (has((l) => l.claim === 'aud' || l.claim === 'azp')) {
    code = 'oidc.wrong_audience';
  } else if (has((l) => l.claim === 'exp' || l.claim === 'iat' || l.claim === 'nbf')) {
    code = 'oidc.token_expired';
  } else if (has((l) => l.claim === 'nonce')) {
    code = 'oidc.nonce_invalid';
  } else if (has((l) => /signature verification failed/i.test(l.message) || l.code === 'OAUTH_KEY_SELECTION_FAILED')) {
    code = 'oidc.bad_signature';
  } else if (has((l) => l.code === 'OAUTH_AUTHORIZATION_RESPONSE_ERROR' || l.error === 'access_denied')) {
    code = 'oidc.provider_refused';
  } else if (has((l) => l.code === 'OAUTH_RESPONSE_BODY_ERROR')) {
    code = 'oidc.code_rejected';
  } else if (has((l) => /fetch failed|ECONNREFUSED|timeout/i.test(l.message))) {
    code = 'oidc.provider_unreachable';
    status = 502;
  }
  return Object.assign(new AppError(status, code), { cause: err });
}
