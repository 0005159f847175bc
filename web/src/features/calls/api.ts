// Calls, applications and rankings: types mirroring the server's schemas and TanStack Query hooks.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../app/api.js';
import type { Program } from '../identity/api.js';

export type I18n = { it: string; en: string };
export type CallPhase = 'draft' | 'scheduled' | 'open' | 'closed' | 'objections' | 'provisional' | 'final';
export type ApplicationStatus = 'draft' | 'submitted' | 'withdrawn' | 'admitted' | 'excluded';
export type FactValue = number | boolean | string;
export const EXCLUSION_REASONS = ['requirements_not_met', 'documents_missing', 'false_declaration', 'late', 'duplicate', 'other'] as const;
export const RELATIONSHIPS = ['spouse', 'partner', 'child', 'parent', 'sibling', 'other'] as const;
export const PRESETS = ['erp_toscana', 'youth_collab', 'dopo_di_noi'] as const;

export interface Fact {
  name: string;
  kind: 'number' | 'boolean' | 'date' | 'enum';
  source: 'declared' | 'assessed' | 'derived';
  label: I18n;
  values?: string[];
  unit?: string;
  min?: number;
  max?: number;
  special?: boolean;
}

export interface Rules {
  format: number;
  documents: { code: string; label: I18n; required: boolean }[];
  requirements: { code: string; label: I18n; document?: string; unverified?: boolean }[];
  groups: { code: string; label: I18n; cap?: number }[];
  criteria: {
    code: string;
    label: I18n;
    group: string;
    points?: number;
    bands?: { fact: string; steps: { gte: number; points: number }[] };
    perUnit?: { fact: string; points: number; max: number };
    exclusive?: string;
    document?: string;
    enabled: boolean;
    unverified?: boolean;
    note?: string;
  }[];
  tieBreak: ({ fact: string; order: 'asc' | 'desc' } | { lot: true })[];
}

export interface CallSummary {
  id: string;
  program: Program;
  title: I18n;
  opensAt: string;
  closesAt: string;
  places: number | null;
  status: 'draft' | 'published' | 'provisional' | 'final';
  phase: CallPhase;
  objectionDeadline: string | null;
}

export interface Call extends CallSummary {
  body: I18n;
  objectionDays: number;
  rulesVersion: number;
  rulesFrozen: boolean;
  rules: Rules;
  facts: Fact[];
  publishedAt: string | null;
  provisionalAt: string | null;
  finalAt: string | null;
  counts: Record<string, number> | null;
  policies: { manage: boolean; review: boolean; publish: boolean; apply: boolean };
}

export interface Evaluation {
  eligible: boolean;
  failed: string[];
  requirements: { code: string; met: boolean; missing: string[] }[];
  criteria: {
    code: string;
    group: string;
    points: number;
    raw: number;
    status: 'awarded' | 'not_met' | 'exclusive_lost' | 'capped' | 'rejected' | 'disabled';
    inputs: Record<string, FactValue | null>;
    lostTo?: string;
  }[];
  groups: { code: string; raw: number; cap: number | null; points: number }[];
  score: number;
}

export interface Member {
  givenName: string;
  familyName: string;
  birthDate: string;
  relationship: (typeof RELATIONSHIPS)[number];
}

export interface Objection {
  id: string;
  applicationId: string;
  protocol: string | null;
  text: string;
  status: 'filed' | 'accepted' | 'rejected';
  decisionNote: string | null;
  filedAt: string;
  decidedAt: string | null;
}

export interface Application {
  id: string;
  callId: string;
  callTitle: I18n;
  program: Program;
  protocol: string | null;
  status: ApplicationStatus;
  channel: 'online' | 'paper';
  applicant: { givenName: string; familyName: string; codiceFiscale?: string | null; birthDate: string; email?: string | null; phone?: string | null };
  household: Member[];
  declared: Record<string, FactValue>;
  verified: Record<string, FactValue>;
  criterionReview: Record<string, { outcome: 'confirmed' | 'rejected'; note?: string }>;
  exclusion: { reason: (typeof EXCLUSION_REASONS)[number]; note: string | null } | null;
  submittedAt: string | null;
  withdrawnAt: string | null;
  reviewedAt: string | null;
  documents: {
    id: string;
    kind: string;
    fileName: string;
    contentType: string;
    sizeBytes: number;
    sha256: string;
    objectionId: string | null;
    createdAt: string;
  }[];
  missingDocuments: string[];
  evaluation: Evaluation;
  ranking: {
    kind: 'provisional' | 'final';
    publishedAt: string;
    position: number | null;
    score: number | null;
    tieBrokenBy: string | null;
    excludedReason: string | null;
    total: number;
  } | null;
  objection: Objection | null;
  integration: {
    id: string;
    documents: string[];
    note: string;
    deadline: string;
    answeredAt: string | null;
    answerNote: string | null;
    open: boolean;
    createdAt: string;
  } | null;
  editable: boolean;
}

export interface ApplicationSummary {
  id: string;
  callId: string;
  protocol: string | null;
  status: ApplicationStatus;
  channel: 'online' | 'paper';
  applicantName: string;
  submittedAt: string | null;
  reviewed: boolean;
  eligible: boolean;
  score: number;
}

export interface Ranking {
  id: string;
  callId: string;
  callTitle: I18n;
  program: Program;
  kind: 'provisional' | 'final';
  rulesVersion: number;
  seed: string;
  sha256: string;
  publishedAt: string;
  objectionDeadline: string | null;
  entries: { position: number; protocol: string; score: number; tieBrokenBy: string | null }[];
  excluded: { protocol: string; reason: string }[];
}

export interface RankingPreview {
  entries: (Ranking['entries'][number] & { applicationId: string })[];
  excluded: (Ranking['excluded'][number] & { applicationId: string })[];
  unreviewed: number;
}

export interface CallInput {
  program: Program;
  title: I18n;
  body?: I18n;
  opensAt: string;
  closesAt: string;
  places?: number | null;
  objectionDays?: number;
  preset?: (typeof PRESETS)[number];
  rules?: unknown;
}

/** The text of a bilingual value in the UI language. */
export function pick(text: I18n, lang: string): string {
  return lang === 'en' ? text.en : text.it;
}

const keys = {
  calls: ['calls', 'list'] as const,
  call: (id: string) => ['calls', 'call', id] as const,
  applications: (id: string) => ['calls', 'applications', id] as const,
  application: (id: string) => ['calls', 'application', id] as const,
  mine: ['calls', 'mine'] as const,
  myApplication: (id: string) => ['calls', 'mine', id] as const,
};

export function useCalls() {
  return useQuery({ queryKey: keys.calls, queryFn: async () => (await api<{ items: CallSummary[] }>('GET', `/api/v1/calls${query({ limit: 200 })}`)).items });
}

export function useCall(id: string) {
  return useQuery({ queryKey: keys.call(id), queryFn: () => api<Call>('GET', `/api/v1/calls/${id}`) });
}

export function useCreateCall() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CallInput) => api<Call>('POST', '/api/v1/calls', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['calls'] }),
  });
}

export function useUpdateCall(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: Partial<CallInput>) => api<Call>('PATCH', `/api/v1/calls/${id}`, input),
    onSuccess: (call) => {
      qc.setQueryData(keys.call(id), call);
      return qc.invalidateQueries({ queryKey: keys.calls });
    },
  });
}

export function usePublishCall(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<Call>('POST', `/api/v1/calls/${id}/publish`),
    onSuccess: (call) => {
      qc.setQueryData(keys.call(id), call);
      return qc.invalidateQueries({ queryKey: keys.calls });
    },
  });
}

export function useCallApplications(id: string, enabled: boolean) {
  return useQuery({
    queryKey: keys.applications(id),
    queryFn: async () => (await api<{ items: ApplicationSummary[] }>('GET', `/api/v1/calls/${id}/applications`)).items,
    enabled,
  });
}

export function useRankingPreview(id: string, enabled: boolean) {
  return useQuery({ queryKey: ['calls', 'preview', id], queryFn: () => api<RankingPreview>('GET', `/api/v1/calls/${id}/ranking-preview`), enabled });
}

export function useRankings(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['calls', 'rankings', id],
    queryFn: async () => (await api<{ items: Ranking[] }>('GET', `/api/v1/calls/${id}/rankings`)).items,
    enabled,
  });
}

export function usePublishRanking(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (kind: 'provisional' | 'final') => api<Ranking>('POST', `/api/v1/calls/${id}/rankings`, { kind }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['calls'] }),
  });
}

export function useObjections(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['calls', 'objections', id],
    queryFn: async () => (await api<{ items: Objection[] }>('GET', `/api/v1/calls/${id}/objections`)).items,
    enabled,
  });
}

export interface ReviewInput {
  verified?: Record<string, FactValue>;
  criteria?: { code: string; outcome: 'confirmed' | 'rejected'; note?: string }[];
}

export function useDecideObjection(callId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: ReviewInput & { id: string; outcome: 'accepted' | 'rejected'; note: string }) =>
      api<Objection>('POST', `/api/v1/objections/${id}/decision`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['calls', 'objections', callId] }),
  });
}

export interface PaperApplicationInput {
  applicant: { givenName: string; familyName: string; codiceFiscale?: string | null; birthDate: string };
  household: Member[];
  declared: Record<string, FactValue>;
}

export function usePaperApplication(callId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: PaperApplicationInput) => api<Application>('POST', `/api/v1/calls/${callId}/applications`, input),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['calls'] }),
  });
}

export function useStaffUpload(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { kind: string; fileName: string; contentBase64: string }) => api<unknown>('POST', `/api/v1/applications/${id}/documents`, input),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.application(id) }),
  });
}

export function useRequestIntegration(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { documents: string[]; note: string; deadline: string }) => api<unknown>('POST', `/api/v1/applications/${id}/integration`, input),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.application(id) }),
  });
}

export function useApplication(id: string) {
  return useQuery({ queryKey: keys.application(id), queryFn: () => api<Application>('GET', `/api/v1/applications/${id}`) });
}

export function useReview(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: ReviewInput) => api<Application>('POST', `/api/v1/applications/${id}/review`, input),
    onSuccess: (a) => {
      qc.setQueryData(keys.application(id), a);
      return qc.invalidateQueries({ queryKey: ['calls', 'applications'] });
    },
  });
}

export type Decision = { decision: 'admit' } | { decision: 'exclude'; reason: (typeof EXCLUSION_REASONS)[number]; note: string };

export function useDecision(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: Decision) => api<Application>('POST', `/api/v1/applications/${id}/decision`, input),
    onSuccess: (a) => {
      qc.setQueryData(keys.application(id), a);
      return qc.invalidateQueries({ queryKey: ['calls'] });
    },
  });
}

// --- the applicant --------------------------------------------------------------------------

export function useMyApplications(enabled = true) {
  return useQuery({ queryKey: keys.mine, queryFn: async () => (await api<{ items: Application[] }>('GET', '/api/v1/me/applications')).items, enabled });
}

export function useMyApplication(id: string) {
  return useQuery({ queryKey: keys.myApplication(id), queryFn: () => api<Application>('GET', `/api/v1/me/applications/${id}`) });
}

export function useStartApplication() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (callId: string) => api<Application>('POST', '/api/v1/me/applications', { callId }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.mine }),
  });
}

function useMyMutation<I>(id: string, fn: (input: I) => Promise<Application>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (a) => {
      qc.setQueryData(keys.myApplication(id), a);
      return qc.invalidateQueries({ queryKey: keys.mine, exact: true });
    },
  });
}

export function useUpdateMyApplication(id: string) {
  return useMyMutation(id, (input: { household?: Member[]; declared?: Record<string, FactValue> }) =>
    api<Application>('PATCH', `/api/v1/me/applications/${id}`, input),
  );
}

export function useSubmitMyApplication(id: string) {
  return useMyMutation(id, () => api<Application>('POST', `/api/v1/me/applications/${id}/submit`));
}

export function useAnswerIntegration(id: string) {
  return useMyMutation(id, (note: string) => api<Application>('POST', `/api/v1/me/applications/${id}/integration/answer`, note ? { note } : {}));
}

export function useWithdrawMyApplication(id: string) {
  return useMyMutation(id, () => api<Application>('POST', `/api/v1/me/applications/${id}/withdraw`));
}

export function useUploadDocument(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { kind: string; fileName: string; contentBase64: string }) => api<unknown>('POST', `/api/v1/me/applications/${id}/documents`, input),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.myApplication(id) }),
  });
}

export function useRemoveDocument(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (docId: string) => api<void>('DELETE', `/api/v1/me/applications/${id}/documents/${docId}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.myApplication(id) }),
  });
}

export function useWhatIf(id: string) {
  return useMutation({
    mutationFn: (input: { declared: Record<string, FactValue> }) =>
      api<{ evaluation: Evaluation; position: number | null; total: number; basis: 'ranking' | 'current' }>(
        'POST',
        `/api/v1/me/applications/${id}/what-if`,
        input,
      ),
  });
}

export function useFileObjection(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (text: string) => api<Objection>('POST', `/api/v1/me/applications/${id}/objection`, { text }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.myApplication(id) }),
  });
}

/** My registry record (household and current ISEE), to prefill an application; null without one. */
export interface MyRegistryRecord {
  person: { id: string };
  household: {
    members: { personId: string; name: string; birthDate: string | null; relationship: string; current: boolean }[];
    currentIsee: { valueCents: number; status: string } | null;
  } | null;
}

export function useMyRegistryRecord(enabled: boolean) {
  return useQuery({
    queryKey: ['calls', 'registry-record'],
    queryFn: async () => {
      try {
        return await api<MyRegistryRecord>('GET', '/api/v1/me/person');
      } catch {
        return null;
      }
    },
    enabled,
    retry: false,
  });
}

/** The household members of my registry record, in the application's form (without me). */
export function membersFromRegistry(record: MyRegistryRecord): Member[] {
  const allowed = new Set<string>(RELATIONSHIPS);
  return (record.household?.members ?? [])
    .filter((m) => m.current && m.personId !== record.person.id && m.birthDate)
    .map((m) => {
      const [given = '', ...family] = m.name.split(' ');
      return {
        givenName: given,
        familyName: family.join(' ') || given,
        birthDate: m.birthDate as string,
        relationship: (allowed.has(m.relationship) ? m.relationship : 'other') as Member['relationship'],
      };
    });
}

// --- public ---------------------------------------------------------------------------------

export function usePublicRanking(ente: string, callId: string, kind?: 'provisional' | 'final') {
  return useQuery({
    queryKey: ['public-ranking', ente, callId, kind ?? 'latest'],
    queryFn: () => api<Ranking>('GET', `/api/v1/public/${ente}/calls/${callId}/ranking${query({ kind })}`),
    retry: false,
  });
}

/** Reads a file as base64 (without the data: prefix). */
export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).split(',')[1] ?? '');
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** 'YYYY-MM-DDTHH:mm' read as a time in Europe/Rome, as an ISO instant with offset. */
export function romeLocalToIso(local: string): string {
  const probe = new Date(`${local}:00Z`);
  const name = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Rome', timeZoneName: 'longOffset' })
    .formatToParts(probe)
    .find((p) => p.type === 'timeZoneName');
  const offset = name?.value.replace('GMT', '') || '+00:00';
  return `${local}:00${offset}`;
}

/** An ISO instant as 'YYYY-MM-DDTHH:mm' in Europe/Rome (for datetime-local inputs). */
export function isoToRomeLocal(iso: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/Rome',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}
