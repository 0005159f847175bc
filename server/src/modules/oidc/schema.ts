import { z } from 'zod';

export const OIDC_PROVIDERS = ['spid', 'cie'] as const;
export type OidcProvider = (typeof OIDC_PROVIDERS)[number];

export const ProviderParam = z.object({ provider: z.enum(OIDC_PROVIDERS).describe('Identity federation: `spid` or `cie`') });

/** Only a path inside the site: never an open redirect. */
const ReturnTo = z
  .string()
  .max(500)
  .regex(/^\/(?!\/)[^\s\\]*$/, 'oidc.return_to_invalid')
  .describe('Page to land on after signing in (a path of this site)');

export const ProvidersQuery = z.object({ ente: z.string().min(2).max(40).describe('Slug of the ente') });
export const ProvidersOut = z.object({
  providers: z.array(z.enum(OIDC_PROVIDERS)).describe('SPID/CIE buttons to show for this ente'),
  localLogin: z.literal(true).describe('Email and password login is always offered (staff may be required to use SPID/CIE)'),
});

export const StartBody = z.object({ ente: z.string().min(2).max(40).describe('Slug of the ente to sign in to'), returnTo: ReturnTo.optional() });
export const StartOut = z.object({ authorizationUrl: z.url().describe('Send the browser here (the identity provider)') });

export const CallbackBody = z.object({
  search: z.string().min(1).max(8000).describe('The query string the identity provider redirected the browser back with (`?code=…&state=…`)'),
});
export const CallbackOut = z.discriminatedUnion('status', [
  z.object({ status: z.literal('signed_in'), csrfToken: z.string(), returnTo: z.string() }),
  z.object({
    status: z.literal('consent_required'),
    ticket: z.string().describe('Send back to /auth/oidc/signup with the consent to the privacy notice'),
    givenName: z.string(),
    familyName: z.string(),
    privacyNoticeVersion: z.string(),
  }),
]);

export const SignupBody = z.object({
  ticket: z.string().min(20).max(200),
  acceptPrivacyNotice: z.literal(true, 'oidc.privacy_required').describe('The citizen accepted the privacy notice'),
});
export const SignupOut = z.object({ csrfToken: z.string(), returnTo: z.string() });

export const LoginSettingsOut = z.object({
  staffRequireOidc: z.boolean(),
  privacyNoticeVersion: z.string(),
  providers: z.array(
    z.object({
      provider: z.enum(OIDC_PROVIDERS),
      source: z.enum(['ente', 'environment']),
      issuer: z.string(),
      clientId: z.string(),
      hasSecret: z.boolean(),
      enabled: z.boolean(),
    }),
  ),
});
export const LoginPolicyBody = z.object({ staffRequireOidc: z.boolean(), privacyNoticeVersion: z.string().min(1).max(40).optional() });
export const OidcClientBody = z.object({
  issuer: z.url().describe('Issuer URL of the identity provider (or of the Soggetto Aggregatore)'),
  clientId: z.string().min(1).max(500),
  clientSecret: z.string().min(1).max(500).optional().describe('Write-only; omit to keep the current one'),
  scope: z.string().min(6).max(200).optional(),
  enabled: z.boolean().default(true),
});
