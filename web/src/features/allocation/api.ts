// Allocation: types mirroring the server's schemas (modules/allocation/schema.ts) and hooks.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.js';

export type Factors = Record<string, number>;
export interface PersonRef {
  applicationId: string;
  name: string;
  age: number;
}
export interface Unit {
  id: string;
  code: string;
  address: string;
  neighbourhood: string | null;
  bedrooms: number;
  surfaceM2: number;
}
export interface Offer {
  id: string;
  applicationId: string;
  status: 'offered' | 'accepted' | 'refused';
  deadline: string;
  refusalReason: string | null;
  respondedAt: string | null;
}
export interface PlanPair {
  id: string;
  a: PersonRef;
  b: PersonRef;
  score: number;
  factors: Factors;
  locked: boolean;
  status: 'proposed' | 'offered' | 'broken';
  unit: Unit | null;
  placeScore: number | null;
  placeFactors: Factors;
  offers: Offer[];
}
export interface Overview {
  call: { id: string; title: string; program: string; status: string };
  questionnaires: (PersonRef & { filled: boolean; filledAs: string | null })[];
  flats: number;
  plan: null | {
    id: string;
    status: 'draft' | 'confirmed';
    pairTotal: number;
    placeTotal: number;
    computedAt: string;
    confirmedAt: string | null;
    locked: [string, string][];
    forbidden: [string, string][];
    pairs: PlanPair[];
    unpaired: PersonRef[];
  };
}
export interface Explanation {
  applicationId: string;
  name: string;
  partner: string | null;
  locked: boolean;
  alternative: { applicationId: string; name: string; weight: number; factors: Factors; cost: number; totalWithIt: number } | null;
}
export interface Answers {
  gender: 'F' | 'M' | 'X';
  rhythm: 'early' | 'regular' | 'late';
  smoker: boolean;
  acceptsSmoker: boolean;
  hasPets: boolean;
  acceptsPets: boolean;
  tidiness: number;
  noise: number;
  guests: 'rarely' | 'sometimes' | 'often';
  languages: string[];
  interests: string[];
  cohabitantGender: 'any' | 'F' | 'M' | 'X';
  cohabitantAgeMin: number | null;
  cohabitantAgeMax: number | null;
  neighbourhoods: string[];
  accessibilityNeeds: string[];
}
export interface Mine {
  applications: { applicationId: string; callTitle: string; status: string; filled: boolean }[];
  offers: (Offer & { unit: Unit; callTitle: string; cohabitant: string | null })[];
}
export interface Questionnaire {
  applicationId: string;
  callTitle: string;
  name: string;
  answers: Answers | null;
  filledAs: string | null;
  editable: boolean;
}

const base = (callId: string) => `/api/v1/allocation/calls/${callId}`;

export const useAllocationCalls = () =>
  useQuery({
    queryKey: ['allocation', 'calls'],
    queryFn: async () => (await api<{ items: { id: string; title: string; status: string }[] }>('GET', '/api/v1/allocation/calls')).items,
  });

export const useOverview = (callId: string | undefined) =>
  useQuery({ queryKey: ['allocation', 'call', callId], enabled: Boolean(callId), queryFn: () => api<Overview>('GET', base(callId as string)) });

export const useExplanation = (callId: string, enabled: boolean) =>
  useQuery({
    queryKey: ['allocation', 'explain', callId],
    enabled,
    queryFn: async () => (await api<{ items: Explanation[] }>('GET', `${base(callId)}/plan/explanation`)).items,
  });

export function usePlanAction(callId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (a: { kind: 'compute' } | { kind: 'adjust'; body: { lock?: [string, string]; forbid?: [string, string]; unlock?: [string, string] } }) =>
      a.kind === 'compute'
        ? api<{ delta: number | null; overview: Overview }>('POST', `${base(callId)}/plan`)
        : api<{ delta: number | null; overview: Overview }>('POST', `${base(callId)}/plan/adjust`, a.body),
    onSuccess: (r) => {
      qc.setQueryData(['allocation', 'call', callId], r.overview);
      void qc.invalidateQueries({ queryKey: ['allocation', 'explain', callId] });
    },
  });
}

export function useConfirmPlan(callId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (responseDays: number) => api<{ offers: number; overview: Overview }>('POST', `${base(callId)}/plan/confirm`, { responseDays }),
    onSuccess: (r) => qc.setQueryData(['allocation', 'call', callId], r.overview),
  });
}

export const useMine = () => useQuery({ queryKey: ['allocation', 'me'], queryFn: () => api<Mine>('GET', '/api/v1/allocation/me') });

export const useQuestionnaire = (applicationId: string | undefined) =>
  useQuery({
    queryKey: ['allocation', 'questionnaire', applicationId],
    enabled: Boolean(applicationId),
    queryFn: () => api<Questionnaire>('GET', `/api/v1/allocation/applications/${applicationId}/questionnaire`),
  });

export function useSaveQuestionnaire(applicationId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (answers: Answers) => api<void>('PUT', `/api/v1/allocation/applications/${applicationId}/questionnaire`, answers),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['allocation'] }),
  });
}

export function useAnswerOffer() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (a: { id: string; accept: true } | { id: string; accept: false; reason: string; note: string | null }) =>
      a.accept
        ? api<void>('POST', `/api/v1/allocation/offers/${a.id}/accept`)
        : api<unknown>('POST', `/api/v1/allocation/offers/${a.id}/refuse`, { reason: a.reason, note: a.note }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['allocation'] }),
  });
}
