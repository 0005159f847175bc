import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, setCsrfToken } from '../../app/api.js';

export const ROLES = [
  'citizen',
  'landlord',
  'housing_operator',
  'social_worker',
  'housing_first_team',
  'mediator',
  'agency_operator',
  'partner_staff',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];
export const PROGRAMS = ['youth_collab', 'dopo_di_noi', 'erp', 'agency', 'mediation', 'cohousing', 'housing_first'] as const;
export type Program = (typeof PROGRAMS)[number];

export interface RoleGrant {
  role: Role;
  program: Program | null;
}

export interface Me {
  user: { id: string; fullName: string; email: string; organisationId: string | null; organisationName: string | null };
  ente: { id: string; slug: string; name: string };
  roles: RoleGrant[];
  permissions: string[];
  csrfToken: string;
  authMethod: 'password' | 'oidc';
}

export interface Ente {
  id: string;
  slug: string;
  name: string;
  kind: string;
}

export interface DemoAccount {
  ente: string;
  enteName: string;
  email: string;
  fullName: string;
  roles: RoleGrant[];
  organisationName: string | null;
  password: string;
}

export interface LoginInput {
  ente: string;
  email: string;
  password: string;
}

export const meKey = ['me'] as const;

/** True once the user signed out in this tab: the login page then starts from home, not from the
 * page the previous user left (another person may sign in on the same device). */
export const signOut = { byUser: false };

/** Loads /me and remembers its CSRF token; null when nobody is signed in (401). */
async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api<Me>('GET', '/api/v1/me');
    setCsrfToken(me.csrfToken);
    return me;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw err;
  }
}

/** The signed-in user, or null when nobody is signed in. */
export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 60_000, retry: false });
}

/** True when the signed-in user holds the permission (as reported by the server). */
export function hasPermission(me: Me | null | undefined, permission: string): boolean {
  return me?.permissions.includes(permission) ?? false;
}

export function useEnti() {
  return useQuery({
    queryKey: ['enti'],
    queryFn: async () => (await api<{ items: Ente[] }>('GET', '/api/v1/enti')).items,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Demo accounts; null when demo mode is off (the endpoint answers 404). */
export function useDemoAccounts() {
  return useQuery({
    queryKey: ['demo-accounts'],
    queryFn: async (): Promise<DemoAccount[] | null> => {
      try {
        return (await api<{ items: DemoAccount[] }>('GET', '/api/v1/demo/accounts')).items;
      } catch (err) {
        if (err instanceof ApiError && err.status === 404) {
          return null;
        }
        throw err;
      }
    },
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}

/** Cached queries to drop when the user changes: all but public lists and /me itself. */
function keepOnlyPublic(q: { queryKey: readonly unknown[] }): boolean {
  return !['enti', 'demo-accounts', 'me'].includes(String(q.queryKey[0]));
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation<void, ApiError, LoginInput>({
    mutationFn: async (input) => {
      const { csrfToken } = await api<{ csrfToken: string }>('POST', '/api/v1/auth/login', input);
      setCsrfToken(csrfToken);
      signOut.byUser = false;
    },
    onSuccess: async () => {
      // A new user: nothing cached for the previous one may survive. /me is replaced in place so
      // that mounted observers (header, guard) see the new user at once.
      queryClient.removeQueries({ predicate: keepOnlyPublic });
      queryClient.setQueryData(meKey, await fetchMe());
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation<void, ApiError, void>({
    mutationFn: async () => {
      try {
        await api<void>('POST', '/api/v1/auth/logout');
      } catch (err) {
        // Already signed out on the server: the outcome is the same.
        if (!(err instanceof ApiError && err.status === 401)) {
          throw err;
        }
      }
    },
    onSuccess: () => {
      setCsrfToken(null);
      signOut.byUser = true;
      queryClient.removeQueries({ predicate: keepOnlyPublic });
      queryClient.setQueryData(meKey, null);
    },
  });
}

export function useChangePassword() {
  return useMutation<void, ApiError, { currentPassword: string; newPassword: string }>({
    mutationFn: (body) => api<void>('POST', '/api/v1/me/password', body),
  });
}
