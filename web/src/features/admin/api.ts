import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiError, api, query } from '../../app/api.js';
import type { Program, Role } from '../identity/api.js';

export interface RoleAssignment {
  id: string;
  role: Role;
  program: Program | null;
  createdAt: string;
}

export interface AdminUser {
  id: string;
  email: string;
  fullName: string;
  organisationId: string | null;
  organisationName: string | null;
  active: boolean;
  locked: boolean;
  lastLoginAt: string | null;
  createdAt: string;
  roles: RoleAssignment[];
}

export interface Organisation {
  id: string;
  name: string;
  kind: string;
  fiscalCode: string | null;
  active: boolean;
  userCount: number;
}

export interface AuditEntry {
  id: string;
  at: string;
  userId: string | null;
  userName: string | null;
  organisationId: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  purpose: string | null;
  sensitiveCategory: string | null;
  outcome: string;
  requestId: string | null;
  ip: string | null;
}

export interface AuditFilters {
  from?: string;
  to?: string;
  action?: string;
  entityType?: string;
  sensitive?: boolean;
}

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface UserCreateInput {
  email: string;
  fullName: string;
  organisationId: string | null;
  password: string;
  roles: { role: Role; program: Program | null }[];
}

const usersKey = ['admin', 'users'] as const;

export function useUsers(q: string) {
  return useInfiniteQuery({
    queryKey: [...usersKey, 'list', q],
    queryFn: ({ pageParam }) => api<Page<AdminUser>>('GET', `/api/v1/admin/users${query({ q, cursor: pageParam, limit: 20 })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useUser(id: string) {
  return useQuery({ queryKey: [...usersKey, 'one', id], queryFn: () => api<AdminUser>('GET', `/api/v1/admin/users/${encodeURIComponent(id)}`) });
}

export function useOrganisations() {
  return useQuery({
    queryKey: ['admin', 'organisations'],
    queryFn: async () => (await api<{ items: Organisation[] }>('GET', '/api/v1/admin/organisations')).items,
    staleTime: 5 * 60_000,
  });
}

/** Every user mutation answers with the updated user: cache it and refresh the lists. */
function useUserMutation<V>(fn: (vars: V) => Promise<AdminUser>) {
  const queryClient = useQueryClient();
  return useMutation<AdminUser, ApiError, V>({
    mutationFn: fn,
    onSuccess: async (user) => {
      queryClient.setQueryData([...usersKey, 'one', user.id], user);
      await queryClient.invalidateQueries({ queryKey: [...usersKey, 'list'] });
    },
  });
}

export function useCreateUser() {
  return useUserMutation((body: UserCreateInput) => api<AdminUser>('POST', '/api/v1/admin/users', body));
}

export function usePatchUser(id: string) {
  return useUserMutation((body: { fullName?: string; organisationId?: string | null; active?: boolean; unlock?: true }) =>
    api<AdminUser>('PATCH', `/api/v1/admin/users/${encodeURIComponent(id)}`, body),
  );
}

export function useAddRole(id: string) {
  return useUserMutation((body: { role: Role; program: Program | null }) =>
    api<AdminUser>('POST', `/api/v1/admin/users/${encodeURIComponent(id)}/roles`, body),
  );
}

export function useRemoveRole(id: string) {
  return useUserMutation((assignmentId: string) =>
    api<AdminUser>('DELETE', `/api/v1/admin/users/${encodeURIComponent(id)}/roles/${encodeURIComponent(assignmentId)}`),
  );
}

export function useAudit(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ['admin', 'audit', filters],
    queryFn: ({ pageParam }) =>
      api<Page<AuditEntry>>(
        'GET',
        `/api/v1/admin/audit${query({
          from: filters.from,
          to: filters.to,
          action: filters.action,
          entityType: filters.entityType,
          sensitive: filters.sensitive ? 'true' : undefined,
          cursor: pageParam,
          limit: 50,
        })}`,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
