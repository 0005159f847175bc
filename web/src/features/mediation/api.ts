// Mediation: types of the API answers (server/src/modules/mediation/schema.ts) and TanStack Query hooks.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../app/api.js';

export const CASE_TYPES = ['noise', 'common_spaces', 'damage', 'coexistence', 'safety', 'arrears', 'other'] as const;
export const SEVERITIES = ['low', 'medium', 'high'] as const;
export const REPORTERS = ['resident', 'managing_body', 'social_services', 'mediator', 'police', 'other'] as const;
export const RESULTS = ['resolved', 'partly_resolved', 'not_resolved', 'withdrawn'] as const;
export const REPORT_CATEGORIES = ['maintenance', 'safety', 'cleanliness', 'other'] as const;
export const REPORT_STATUSES = ['received', 'routed', 'in_progress', 'resolved', 'rejected'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export interface Estate {
  id: string;
  name: string;
  mediators: { id: string; name: string }[];
  openCases: number;
  openReports: number;
}
export interface Dashboard {
  estate: { id: string; name: string };
  casesByType: { type: string; open: number }[];
  casesByAge: { bucket: string; open: number }[];
  reportsByStatus: { status: ReportStatus; count: number }[];
  activities: { upcoming: number; past30Days: number; registrations: number; attended: number };
  households: { id: string; name: string; unitCode: string }[];
}
export interface CaseSummary {
  id: string;
  estate: { id: string; name: string };
  kind: 'conflict' | 'arrears';
  type: string;
  severity: string;
  status: string;
  summary: string;
  openedOn: string;
  closedOn: string | null;
  parties: { householdId: string; name: string; role: string }[];
}
export interface CaseDetail extends CaseSummary {
  reportedBy: string;
  followUpOn: string | null;
  escalatedTo: string | null;
  escalatedOn: string | null;
  escalationNote: string | null;
  result: string | null;
  closureNote: string | null;
  sessions: { id: string; heldOn: string; participants: string; outcome: string }[];
  agreements: { id: string; agreedOn: string; terms: string; followUpOn: string | null }[];
}
export interface Report {
  id: string;
  estate: { id: string; name: string } | null;
  building: { id: string; address: string };
  category: string;
  description: string;
  location: string | null;
  status: ReportStatus;
  urgent: boolean;
  routedTo: string | null;
  createdAt: string;
  updatedAt: string;
  photos: { id: string; contentType: string; sizeBytes: number }[];
  history: { status: ReportStatus; note: string | null; at: string }[];
}
export interface Activity {
  id: string;
  estate: { id: string; name: string };
  title: string;
  category: string;
  audience: string;
  startsAt: string;
  endsAt: string;
  place: string | null;
  partner: string | null;
  capacity: number;
  participants: number;
  volunteers: number;
  registeredByMe: boolean;
}
export interface ArrearsAlert {
  tenancyId: string;
  estate: { id: string; name: string };
  household: string;
  unitCode: string;
  balanceCents: number;
  monthlyDueCents: number;
  monthsOwed: number;
  accompanimentCaseId: string | null;
}

const items = <T>(r: { items: T[] }) => r.items;

export const useEstates = () =>
  useQuery({ queryKey: ['mediation', 'estates'], queryFn: () => api<{ items: Estate[] }>('GET', '/api/v1/mediation/estates').then(items) });
export const useDashboard = (id: string) =>
  useQuery({ queryKey: ['mediation', 'dashboard', id], queryFn: () => api<Dashboard>('GET', `/api/v1/mediation/estates/${id}/dashboard`), enabled: id !== '' });
export const useCases = (estateId: string) =>
  useQuery({
    queryKey: ['mediation', 'cases', estateId],
    queryFn: () => api<{ items: CaseSummary[] }>('GET', `/api/v1/mediation/cases${query({ estateId, status: 'active' })}`).then(items),
    enabled: estateId !== '',
  });
export const useCase = (id: string) =>
  useQuery({ queryKey: ['mediation', 'case', id], queryFn: () => api<CaseDetail>('GET', `/api/v1/mediation/cases/${id}`) });
export const useReports = (estateId: string) =>
  useQuery({
    queryKey: ['mediation', 'reports', estateId],
    queryFn: () => api<{ items: Report[] }>('GET', `/api/v1/mediation/reports${query({ estateId, status: 'open' })}`).then(items),
    enabled: estateId !== '',
  });
export const useArrears = (estateId: string) =>
  useQuery({
    queryKey: ['mediation', 'arrears', estateId],
    queryFn: () => api<{ items: ArrearsAlert[] }>('GET', `/api/v1/mediation/arrears${query({ estateId })}`).then(items),
    enabled: estateId !== '',
  });
export const useActivities = (estateId?: string) =>
  useQuery({
    queryKey: ['mediation', 'activities', estateId ?? ''],
    queryFn: () => api<{ items: Activity[] }>('GET', `/api/v1/mediation/activities${query({ estateId })}`).then(items),
  });
export const useMyReports = () =>
  useQuery({ queryKey: ['mediation', 'my-reports'], queryFn: () => api<{ items: Report[] }>('GET', '/api/v1/me/reports').then(items) });

/** A write that refreshes every mediation query afterwards. */
export function useMediationWrite<B, R = unknown>(method: 'POST' | 'PUT' | 'DELETE', url: (b: B) => string, body: (b: B) => unknown = (b) => b) {
  const qc = useQueryClient();
  return useMutation<R, Error, B>({
    mutationFn: (b) => api<R>(method, url(b), method === 'DELETE' ? undefined : body(b)),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['mediation'] }),
  });
}

/** Reads a chosen file as base64 (without the data: prefix). */
export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).split(',')[1] ?? '');
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

export function todayInRome(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}
