import { useMutation, useQuery } from '@tanstack/react-query';
import { api, query } from '../../app/api.js';

export type OidcProvider = 'spid' | 'cie';

/** The SPID/CIE buttons configured for an ente (none: local login only). */
export function useOidcProviders(ente: string) {
  return useQuery({
    queryKey: ['oidc', 'providers', ente],
    queryFn: () => api<{ providers: OidcProvider[]; localLogin: true }>('GET', `/api/v1/auth/oidc/providers${query({ ente })}`),
    staleTime: 300_000,
  });
}

/** Starts the login at the identity provider: the browser leaves for its page. */
export function useStartOidc() {
  return useMutation({
    mutationFn: async (v: { provider: OidcProvider; ente: string; returnTo?: string }) => {
      const res = await api<{ authorizationUrl: string }>('POST', `/api/v1/auth/oidc/${v.provider}/start`, {
        ente: v.ente,
        ...(v.returnTo ? { returnTo: v.returnTo } : {}),
      });
      window.location.assign(res.authorizationUrl);
      return res;
    },
  });
}

export type CallbackResult =
  | { status: 'signed_in'; csrfToken: string; returnTo: string }
  | { status: 'consent_required'; ticket: string; givenName: string; familyName: string; privacyNoticeVersion: string };

export function completeOidc(search: string) {
  return api<CallbackResult>('POST', '/api/v1/auth/oidc/callback', { search });
}

export function useOidcSignup() {
  return useMutation({
    mutationFn: (ticket: string) => api<{ csrfToken: string; returnTo: string }>('POST', '/api/v1/auth/oidc/signup', { ticket, acceptPrivacyNotice: true }),
  });
}
