// Cases, Housing First visits and work paths: types of the API answers
// (server/src/modules/cases/schema.ts) and TanStack Query hooks.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../app/api.js';
import type { Program } from '../identity/api.js';

export const CONFIDENTIALITY = ['team', 'program', 'partner'] as const;
export type Confidentiality = (typeof CONFIDENTIALITY)[number];
export const SENSITIVE = ['health', 'disability', 'addiction', 'homelessness', 'judicial'] as const;
export const MEMBER_ROLES = ['case_manager', 'educator', 'social_worker', 'partner_staff', 'team_lead', 'other'] as const;
export const AGREEMENT_KINDS = ['cohabitation_agreement', 'house_rules', 'housing_first_agreement', 'individual_project', 'other'] as const;
export const OBSERVATION_AREAS = ['home', 'psycho', 'physical', 'relations', 'goals'] as const;
export type ObservationArea = (typeof OBSERVATION_AREAS)[number];
export const WORK_KINDS = ['training', 'placement', 'work_grant'] as const;
export const WORK_STATUSES = ['planned', 'active', 'completed', 'interrupted'] as const;
export const WORK_OUTCOMES = ['employment_contract', 'further_training', 'no_outcome', 'dropped_out'] as const;
export type CaseStatus = 'open' | 'suspended' | 'closed';
export type SlotState = 'done' | 'missed' | 'rescheduled' | 'overdue' | 'due' | 'upcoming';

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface CaseSummary {
  id: string;
  program: Program;
  status: CaseStatus;
  openedOn: string;
  closedOn: string | null;
  person: { id: string; name: string };
  householdName: string | null;
  currentStage: string | null;
  caseManager: string | null;
  inTeam: boolean;
}

export interface Stage {
  key: string;
  position: number;
  status: 'pending' | 'active' | 'done';
  startedOn: string | null;
  completedOn: string | null;
  checklist: { key: string; doneOn: string | null; note: string | null }[];
}

export interface Referral {
  id: string;
  fromOrganisation: string | null;
  toOrganisationId: string;
  toOrganisation: string;
  service: string;
  reason: string;
  referredOn: string;
  status: 'sent' | 'accepted' | 'declined' | 'completed';
  respondedOn: string | null;
  responseNote: string | null;
  outcome: string | null;
  outcomeOn: string | null;
}

export interface CaseDetail extends CaseSummary {
  household: { id: string; name: string } | null;
  closeReason: string | null;
  summary: string | null;
  team: { id: string; userId: string; name: string; organisation: string | null; role: (typeof MEMBER_ROLES)[number]; fromOn: string; toOn: string | null }[];
  stages: Stage[];
  agreements: {
    id: string;
    kind: (typeof AGREEMENT_KINDS)[number];
    title: string;
    version: string;
    signedOn: string;
    signedBy: string;
    reference: string | null;
  }[];
  referrals: Referral[];
  placement: {
    unitId: string | null;
    unitCode: string | null;
    address: string | null;
    tenancyId: string | null;
    tenancyCode: string | null;
    monthlyRentCents: number | null;
    housedOn: string;
    leftOn: string | null;
    exitKind: string | null;
  } | null;
  policies: { write: boolean; logVisit: boolean; readSensitive: boolean };
}

export interface Note {
  id: string;
  author: string;
  confidentiality: Confidentiality;
  sensitiveCategory: (typeof SENSITIVE)[number] | null;
  restricted: boolean;
  body: string | null;
  writtenAt: string;
}

export type Observations = Partial<Record<ObservationArea, { score: number; note?: string | null }>>;

export interface Visit {
  id: string;
  slotOn: string | null;
  status: 'done' | 'missed' | 'rescheduled';
  occurredOn: string;
  professional: string;
  reason: string | null;
  rescheduledTo: string | null;
  observations: Observations | null;
  notes: string | null;
  loggedAt: string;
}

export interface VisitCount {
  planned: number;
  done: number;
  missed: number;
  overdue: number;
  pending: number;
  extra: number;
}

export interface Alert {
  caseId: string;
  person: string;
  day: string;
  expectedOn: string;
  professional: string;
  kind: 'not_logged' | 'missed';
  streak: number;
  level: 'alert' | 'escalation';
}

export interface Trend {
  direction: 'worsening' | 'stable' | 'improving' | 'unknown';
  slope: number | null;
  worseningAreas: ObservationArea[];
  visitsUsed: number;
}

export interface VisitBoard {
  from: string;
  to: string;
  plans: {
    id: string;
    weekday: number;
    windowStart: string;
    windowEnd: string;
    professionalId: string;
    professional: string;
    validFrom: string;
    validTo: string | null;
  }[];
  slots: { day: string; expectedOn: string; windowStart: string; windowEnd: string; professional: string; state: SlotState; logBy: string }[];
  visits: Visit[];
  thisWeek: VisitCount;
  total: VisitCount;
  alerts: Alert[];
  trend: Trend;
}

export interface Dashboard {
  weekFrom: string;
  weekTo: string;
  thisWeek: VisitCount;
  caseload: { professionalId: string; professional: string; participants: number; thisWeek: VisitCount }[];
  participants: { caseId: string; person: string; housedOn: string | null; thisWeek: VisitCount; trend: Trend; alerts: number; escalated: boolean }[];
  alerts: Alert[];
  retention: { months: number; eligible: number; retained: number; rateBp: number | null }[];
  alertDelayHours: number;
}

export interface WorkPath {
  id: string;
  caseId: string;
  program: Program;
  person: { id: string; name: string };
  kind: (typeof WORK_KINDS)[number];
  centre: { id: string; name: string; kind: string };
  title: string;
  hoursPerMonth: number;
  monthlyGrantCents: number;
  startedOn: string;
  endsOn: string;
  status: (typeof WORK_STATUSES)[number];
  outcome: (typeof WORK_OUTCOMES)[number] | null;
  outcomeNote: string | null;
  attendance: { month: string; hoursAttended: number; grantDueCents: number }[];
  grantDueTotalCents: number;
}

export interface Directory {
  organisations: { id: string; name: string; kind: string }[];
  staff: { id: string; name: string; organisation: string | null }[];
}

const key = ['cases'] as const;
const caseUrl = (id: string) => `/api/v1/cases/${id}`;

export function useCases(filters: { program?: string | undefined; status?: string | undefined; q?: string | undefined; mine?: string | undefined }) {
  return useInfiniteQuery({
    queryKey: [...key, 'list', filters],
    queryFn: ({ pageParam }) => api<Page<CaseSummary>>('GET', `/api/v1/cases${query({ ...filters, cursor: pageParam, limit: 50 })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useCase(id: string) {
  return useQuery({ queryKey: [...key, 'one', id], queryFn: () => api<CaseDetail>('GET', caseUrl(id)) });
}

export function useDirectory() {
  return useQuery({ queryKey: [...key, 'directory'], queryFn: () => api<Directory>('GET', '/api/v1/cases/directory'), staleTime: 5 * 60_000 });
}

/** A write on a case that answers with the case: the cached case is replaced. */
export function useCaseAction<B>(id: string, method: 'POST' | 'PUT' | 'PATCH', path: (body: B) => string, body: (b: B) => unknown = (b) => b) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: B) => api<CaseDetail>(method, `${caseUrl(id)}${path(b)}`, body(b)),
    onSuccess: (data) => {
      qc.setQueryData([...key, 'one', id], data);
      void qc.invalidateQueries({ queryKey: [...key, 'list'] });
    },
  });
}

export function useNotes(id: string, purpose: string | undefined) {
  return useQuery({
    queryKey: [...key, 'notes', id, purpose ?? ''],
    queryFn: () => api<{ items: Note[] }>('GET', `${caseUrl(id)}/notes${query({ purpose })}`),
  });
}

export function useAddNote(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: { confidentiality: Confidentiality; sensitiveCategory: string | null; body: string }) =>
      api<{ id: string }>('POST', `${caseUrl(id)}/notes`, b),
    onSuccess: () => void qc.invalidateQueries({ queryKey: [...key, 'notes', id] }),
  });
}

export function useVisitBoard(id: string) {
  return useQuery({ queryKey: [...key, 'visits', id], queryFn: () => api<VisitBoard>('GET', `${caseUrl(id)}/visits`) });
}

export interface VisitInput {
  slotOn: string | null;
  status: 'done' | 'missed' | 'rescheduled';
  occurredOn: string;
  reason: string | null;
  rescheduledTo: string | null;
  observations: Observations | null;
  notes: string | null;
}

export function useLogVisit(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: VisitInput) => api<VisitBoard>('POST', `${caseUrl(id)}/visits`, b),
    onSuccess: (data) => {
      qc.setQueryData([...key, 'visits', id], data);
      void qc.invalidateQueries({ queryKey: [...key, 'dashboard'] });
    },
  });
}

export function useAddVisitPlan(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: { weekday: number; windowStart: string; windowEnd: string; professionalId: string; validFrom: string }) =>
      api<{ id: string }>('POST', `${caseUrl(id)}/visit-plans`, b),
    onSuccess: () => void qc.invalidateQueries({ queryKey: [...key, 'visits', id] }),
  });
}

export function useDashboard() {
  return useQuery({ queryKey: [...key, 'dashboard'], queryFn: () => api<Dashboard>('GET', '/api/v1/housing-first/dashboard') });
}

export function useWorkPaths(filters: { status?: string | undefined; caseId?: string | undefined }) {
  return useQuery({ queryKey: [...key, 'work', filters], queryFn: () => api<{ items: WorkPath[] }>('GET', `/api/v1/work-paths${query(filters)}`) });
}

export function useCentres() {
  return useQuery({
    queryKey: [...key, 'centres'],
    queryFn: () => api<{ items: { id: string; name: string; kind: string; address: string | null; services: string[] }[] }>('GET', '/api/v1/work/centres'),
  });
}

export function useWorkAction<B>(method: 'POST' | 'PATCH' | 'PUT', url: (b: B) => string, body: (b: B) => unknown) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: B) => api<WorkPath>(method, url(b), body(b)),
    onSuccess: () => void qc.invalidateQueries({ queryKey: [...key, 'work'] }),
  });
}

/** Today in Europe/Rome, YYYY-MM-DD. */
export function todayInRome(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}
