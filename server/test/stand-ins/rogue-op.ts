// A hand-driven OpenID provider for the refusal tests: discovery, keys and a token endpoint that
// answers whatever ID token the test mints (wrong issuer, audience, expired, other key, old nonce).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';

export interface MintOptions {
  claims?: JWTPayload & Record<string, unknown>;
  /** Sign with a key the provider does not publish (same kid): a bad signature. */
  foreignKey?: boolean;
}

export interface RogueOp {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** What the token endpoint answers next; `nonce` is the one of the login being completed. */
  respond(fn: (ctx: { nonce: string | undefined; codeVerifier: string | undefined }) => MintOptions): void;
  /** The nonce sent in the last authorization URL the test passed to `authorize`. */
  authorize(authorizationUrl: string): { state: string; nonce: string };
  tokenRequests: number;
  close(): Promise<void>;
}

export async function startRogueOp(): Promise<RogueOp> {
  const good = await generateKeyPair('RS256', { extractable: true });
  const foreign = await generateKeyPair('RS256', { extractable: true });
  const publicJwk = { ...(await exportJWK(good.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  let responder: Parameters<RogueOp['respond']>[0] = () => ({});
  let lastNonce: string | undefined;
  const op: RogueOp = {
    issuer: '',
    clientId: 'abitare-test',
    clientSecret: 'abitare-test-secret-0123456789',
    respond(fn) {
      responder = fn;
    },
    authorize(url) {
      const u = new URL(url);
      lastNonce = u.searchParams.get('nonce') ?? undefined;
      return { state: u.searchParams.get('state') ?? '', nonce: lastNonce ?? '' };
    },
    tokenRequests: 0,
    close: async () => undefined,
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const json = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      const url = new URL(req.url ?? '/', op.issuer);
      if (url.pathname === '/.well-known/openid-configuration') {
        return json(200, {
          issuer: op.issuer,
          authorization_endpoint: `${op.issuer}/auth`,
          token_endpoint: `${op.issuer}/token`,
          jwks_uri: `${op.issuer}/jwks`,
          userinfo_endpoint: `${op.issuer}/me`,
          response_types_supported: ['code'],
          subject_types_supported: ['public'],
          id_token_signing_alg_values_supported: ['RS256'],
          code_challenge_methods_supported: ['S256'],
          token_endpoint_auth_methods_supported: ['client_secret_basic'],
        });
      }
      if (url.pathname === '/jwks') {
        return json(200, { keys: [publicJwk] });
      }
      if (url.pathname === '/me') {
        return req.headers.authorization === 'Bearer at-1' ? json(200, { sub: 'spid-user-1' }) : json(401, { error: 'invalid_token' });
      }
      if (url.pathname === '/token' && req.method === 'POST') {
        op.tokenRequests++;
        const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
        // RFC 6749 §2.3.1: id and secret are form-urlencoded before Basic encoding.
        const auth = decodeURIComponent(Buffer.from((req.headers.authorization ?? '').replace(/^Basic /, ''), 'base64').toString('utf8'));
        if (auth !== `${op.clientId}:${op.clientSecret}`) {
          return json(401, { error: 'invalid_client' });
        }
        if (form.get('code') !== 'good-code' || !form.get('code_verifier')) {
          return json(400, { error: 'invalid_grant' });
        }
        const m = responder({ nonce: lastNonce, codeVerifier: form.get('code_verifier') ?? undefined });
        const now = Math.floor(Date.now() / 1000);
        const claims = {
          iss: op.issuer,
          aud: op.clientId,
          sub: 'spid-user-1',
          iat: now,
          exp: now + 300,
          nonce: lastNonce,
          fiscal_number: 'TINIT-RSSMRA80A01E715X',
          given_name: 'Mario',
          family_name: 'Rossi',
          ...m.claims,
        };
        const idToken = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).sign(m.foreignKey ? foreign.privateKey : good.privateKey);
        return json(200, { access_token: 'at-1', token_type: 'Bearer', expires_in: 300, id_token: idToken });
      }
      return json(404, { error: 'not_found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  op.issuer = `http://127.0.0.1:${port}`;
  op.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return op;
}
