// A local OpenID provider (oidc-provider on 127.0.0.1) that issues SPID-like claims: the
// `fiscal_number` claim as `TINIT-<codice fiscale>`, given and family name, email. Its built-in
// development login form takes the codice fiscale as the user name (any password) and a
// confirmation page follows. Used by the browser test and by `npm run dev:idp` for the demo.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';

export interface SpidIdentity {
  givenName: string;
  familyName: string;
  email?: string;
}

export interface SpidIdpOptions {
  port?: number;
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  /** Known identities by codice fiscale; any other well-formed codice fiscale gets placeholder names. */
  identities?: Record<string, SpidIdentity>;
}

export interface SpidIdp {
  issuer: string;
  close(): Promise<void>;
}

export async function startSpidIdp(o: SpidIdpOptions): Promise<SpidIdp> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(o.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: 'spid-test', alg: 'RS256', use: 'sig' };
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: o.clientId,
        client_secret: o.clientSecret,
        redirect_uris: o.redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [jwk as never] },
    cookies: { keys: ['spid-stand-in-cookie-key'] },
    claims: { openid: ['sub'], profile: ['given_name', 'family_name', 'fiscal_number'], email: ['email'] },
    acrValues: ['https://www.spid.gov.it/SpidL2'],
    features: { devInteractions: { enabled: true }, claimsParameter: { enabled: true } },
    pkce: { required: () => true },
    // SPID-like: the identity claims travel in the ID token too.
    conformIdTokenClaims: false,
    async findAccount(_ctx, id) {
      const cf = id.toUpperCase();
      const known = o.identities?.[cf];
      return {
        accountId: cf,
        async claims() {
          return {
            sub: `spid-${cf}`,
            fiscal_number: `TINIT-${cf}`,
            given_name: known?.givenName ?? 'Cittadina',
            family_name: known?.familyName ?? 'SPID',
            ...(known?.email ? { email: known.email } : {}),
          };
        },
      };
    },
  });
  server.on('request', provider.callback());
  return {
    issuer,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
