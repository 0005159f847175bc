import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiError, api, query } from '../../app/api.js';
import type { Program } from '../identity/api.js';

export const SENSITIVE_CATEGORIES = ['disability', 'health', 'addiction', 'homelessness', 'judicial'] as const;
export type SensitiveCategory = (typeof SENSITIVE_CATEGORIES)[number];
export const RELATIONSHIPS = ['head', 'spouse', 'partner', 'child', 'parent', 'sibling', 'grandparent', 'grandchild', 'other_relative', 'cohabitant'] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];
export const INCOME_KINDS = ['employment', 'pension', 'self_employment', 'unemployment_benefit', 'disability_benefit', 'other'] as const;

export interface PersonSummary {
  id: string;
  givenName: string;
  familyName: string;
  codiceFiscale: string | null;
  cfPending: boolean;
  birthDate: string | null;
  residenceCity: string | null;
  noFixedAddress: boolean;
  programs: Program[];
}

export interface Consent {
  id: string;
  purpose: string;
  legalBasis: string;
  givenOn: string;
  withdrawnOn: string | null;
  givenById: string | null;
  givenByName: string | null;
}

export interface Person extends PersonSummary {
  birthPlace: string | null;
  birthPlaceCode: string | null;
  sex: 'M' | 'F' | null;
  citizenship: string | null;
  email: string | null;
  phone: string | null;
  residenceAddress: string | null;
  residencePostcode: string | null;
  domicileAddress: string | null;
  domicileCity: string | null;
  linkedAccount: boolean;
  householdId: string | null;
  enrolments: { id: string; program: Program; caseWorkerName: string | null; startedOn: string; endedOn: string | null; note: string | null }[];
  consents: Consent[];
  documents: { id: string; kind: string; number: string | null; expiresOn: string | null; fileName: string | null; expired: boolean }[];
  representatives: { id: string; representativeId: string; name: string; kind: string; startedOn: string; endedOn: string | null }[];
  sensitiveCategories: SensitiveCategory[];
  createdAt: string;
}

export type IseeStatus = 'valid' | 'expiring' | 'expired';

export interface Household {
  id: string;
  name: string;
  head: { personId: string; name: string } | null;
  members: {
    id: string;
    personId: string;
    name: string;
    birthDate: string | null;
    relationship: Relationship;
    joinedOn: string;
    leftOn: string | null;
    current: boolean;
  }[];
  isee: { id: string; kind: string; valueCents: number; protocolDsu: string; issuedOn: string; expiresOn: string; status: IseeStatus }[];
  currentIsee: { valueCents: number; expiresOn: string; status: IseeStatus } | null;
  incomes: { id: string; personId: string | null; year: number; kind: string; amountCents: number }[];
}

export interface SensitiveItem {
  category: SensitiveCategory;
  restricted: boolean;
  data: Record<string, unknown> | null;
  updatedAt: string;
}

export interface AccessEntry {
  at: string;
  action: string;
  roles: string[];
  organisationName: string | null;
  purpose: string | null;
  sensitiveCategory: string | null;
}

export interface PersonFilters {
  q?: string | undefined;
  program?: string | undefined;
  pendingCf?: boolean | undefined;
}

export type PersonInput = Partial<
  Omit<
    Person,
    | 'id'
    | 'cfPending'
    | 'programs'
    | 'enrolments'
    | 'consents'
    | 'documents'
    | 'representatives'
    | 'sensitiveCategories'
    | 'createdAt'
    | 'linkedAccount'
    | 'householdId'
  >
> & {
  givenName: string;
  familyName: string;
  enrolment?: { program: Program; startedOn?: string };
};

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

const key = ['registry'] as const;
const personUrl = (id: string) => `/api/v1/registry/persons/${encodeURIComponent(id)}`;
const householdUrl = (id: string) => `/api/v1/registry/households/${encodeURIComponent(id)}`;

export function usePersons(filters: PersonFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: [...key, 'persons', filters],
    queryFn: ({ pageParam }) =>
      api<Page<PersonSummary>>(
        'GET',
        `/api/v1/registry/persons${query({ q: filters.q, program: filters.program, pendingCf: filters.pendingCf ? 'true' : undefined, cursor: pageParam, limit: 25 })}`,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

export function usePerson(id: string) {
  return useQuery({ queryKey: [...key, 'person', id], queryFn: () => api<Person>('GET', personUrl(id)) });
}

export function useHousehold(id: string | null) {
  return useQuery({
    queryKey: [...key, 'household', id],
    queryFn: () => api<Household>('GET', householdUrl(id ?? '')),
    enabled: Boolean(id),
  });
}

/** Special-category content is read on demand only, with the purpose written to the audit log. */
export function useReadSensitive(id: string) {
  return useMutation<{ items: SensitiveItem[] }, ApiError, string>({
    mutationFn: (purpose) => api('GET', `${personUrl(id)}/sensitive${query({ purpose })}`),
  });
}

function useRegistryMutation<V, R>(fn: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation<R, ApiError, V>({
    mutationFn: fn,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: key });
    },
  });
}

export function useCreatePerson() {
  return useRegistryMutation((body: PersonInput) => api<Person>('POST', '/api/v1/registry/persons', body));
}

export function usePutSensitive(id: string) {
  return useRegistryMutation((vars: { category: SensitiveCategory; data: Record<string, unknown>; purpose: string }) =>
    api<unknown>('PUT', `${personUrl(id)}/sensitive/${vars.category}`, { data: vars.data, purpose: vars.purpose }),
  );
}

export function useEnrol(id: string) {
  return useRegistryMutation((body: { program: Program; startedOn: string }) => api<Person>('POST', `${personUrl(id)}/enrolments`, body));
}

export function useAddConsent(id: string) {
  return useRegistryMutation((body: { purpose: string; legalBasis: string; givenOn: string }) => api<Person>('POST', `${personUrl(id)}/consents`, body));
}

export function useCreateHousehold() {
  return useRegistryMutation((body: { name: string; members: { personId: string; relationship: Relationship; joinedOn: string }[] }) =>
    api<Household>('POST', '/api/v1/registry/households', body),
  );
}

export function useAddIsee(householdId: string) {
  return useRegistryMutation((body: { valueCents: number; protocolDsu: string; issuedOn: string; expiresOn?: string }) =>
    api<Household>('POST', `${householdUrl(householdId)}/isee`, body),
  );
}

export function useAddIncome(householdId: string) {
  return useRegistryMutation((body: { personId: string | null; year: number; kind: string; amountCents: number }) =>
    api<Household>('POST', `${householdUrl(householdId)}/incomes`, body),
  );
}

export function useAddMember(householdId: string) {
  return useRegistryMutation((body: { personId: string; relationship: Relationship; joinedOn: string }) =>
    api<Household>('POST', `${householdUrl(householdId)}/members`, body),
  );
}

export function useMemberLeaves(householdId: string) {
  return useRegistryMutation((vars: { memberId: string; on: string }) =>
    api<Household>('POST', `${householdUrl(householdId)}/members/${encodeURIComponent(vars.memberId)}/leave`, { on: vars.on }),
  );
}

// The citizen's own page.

export function useMyPerson() {
  return useQuery({
    queryKey: [...key, 'me'],
    queryFn: () => api<{ person: Person; household: Household | null; consents: Consent[] }>('GET', '/api/v1/me/person'),
    retry: false,
  });
}

export function useMyAccessLog() {
  return useQuery({ queryKey: [...key, 'me', 'access-log'], queryFn: () => api<{ items: AccessEntry[] }>('GET', '/api/v1/me/access-log') });
}

export function useWithdrawMyConsent() {
  return useRegistryMutation((consentId: string) => api<{ consents: Consent[] }>('POST', `/api/v1/me/consents/${encodeURIComponent(consentId)}/withdraw`));
}

export interface DuplicatePair {
  a: PersonSummary;
  b: PersonSummary;
  reason: 'same_name_and_birth_date' | 'similar_name_same_birth_date';
  similarity: number;
}

export function useDuplicates() {
  return useQuery({
    queryKey: [...key, 'duplicates'],
    queryFn: async () => (await api<{ items: DuplicatePair[] }>('GET', '/api/v1/registry/duplicates')).items,
  });
}

/** Merges record `fromId` into `intoId` (which stays); answers with the surviving file. */
export function useMerge() {
  return useRegistryMutation((vars: { fromId: string; intoId: string }) => api<Person>('POST', `${personUrl(vars.fromId)}/merge`, { intoId: vars.intoId }));
}

export function usePatchPerson(id: string) {
  return useRegistryMutation((body: Partial<PersonInput>) => api<Person>('PATCH', personUrl(id), body));
}
