import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiError, api, query } from '../../app/api.js';

export type SolutionKind = 'stable_home' | 'autonomy_gym' | 'respite' | 'mutual_aid';
export type Severity = 'mild' | 'severe';
export type BookingStatus = 'requested' | 'waitlisted' | 'offered' | 'approved' | 'refused' | 'withdrawn' | 'cancelled';
export type GoalDomain = 'autonomy' | 'housing' | 'work';
export type ProjectStage = 'draft' | 'approved' | 'acknowledged' | 'revising';
export type ProgressWord = 'not_started' | 'started' | 'halfway' | 'nearly' | 'achieved';

export interface Bed {
  id: string;
  number: number;
  label: string;
}

export interface Solution {
  id: string;
  kind: SolutionKind;
  name: string;
  description: string | null;
  unitId: string;
  unitCode: string;
  address: string;
  eligibleSeverities: Severity[];
  supportLevel: 'light' | 'moderate' | 'intensive' | 'structured';
  staffHoursPerDay: number;
  maxStayDays: number | null;
  runBy: { id: string; name: string } | null;
  active: boolean;
  beds: Bed[];
  guestsToday: number;
  waiting: number;
}

export interface Booking {
  id: string;
  solutionId: string;
  solutionName: string;
  solutionKind: SolutionKind;
  personId: string;
  personName: string;
  startsOn: string;
  endsOn: string;
  nights: number;
  status: BookingStatus;
  bed: Bed | null;
  needs: string;
  supportHoursPerDay: number;
  severity: Severity;
  familyBurden: number;
  requestedAs: 'family' | 'social_worker' | 'operator';
  requestedOn: string;
  decisionNote: string | null;
  decidedAt: string | null;
}

export interface Waiting extends Booking {
  rank: number;
  priority: { score: number; lines: { code: string; points: number; value: number; text: string }[] };
}

export interface Calendar {
  solutionId: string;
  from: string;
  to: string;
  beds: (Bed & { bookings: { id: string; status: BookingStatus; startsOn: string; endsOn: string; guestName: string; supportHoursPerDay: number }[] })[];
}

export interface StaffingDay {
  day: string;
  guests: number;
  neededHours: number;
  plannedHours: number;
  balanceHours: number;
  status: 'ok' | 'short' | 'idle';
}

export interface Pairing {
  id: string;
  residentId: string;
  residentName: string;
  helperId: string;
  helperName: string;
  hoursPerWeek: number;
  tasks: string;
  startsOn: string;
  endsOn: string | null;
}

export interface Goal {
  id: string;
  domain: GoalDomain;
  title: string;
  easyText: string;
  actions: { description: string; responsible: string; startsOn: string; dueOn: string | null }[];
  budget: { source: string; amountCents: number }[];
}

export interface ProjectContent {
  assessment: { date: string; team: string[]; severity: Severity; supportNeeds: string; supportHoursPerDay: number; familyBurden: number };
  wishes: string;
  participation: { name: string; role: 'person' | 'family' | 'legal_representative' | 'other'; howInvolved: string }[];
  goals: Goal[];
}

export interface ProjectSummary {
  id: string;
  personId: string;
  personName: string;
  version: number;
  stage: ProjectStage;
  nextReviewOn: string | null;
  overdueDays: number;
  lastReviewOn: string | null;
}

export interface Comment {
  id: string;
  authorKind: 'person' | 'family' | 'team';
  authorName: string;
  body: string;
  createdAt: string;
}

export interface Project extends ProjectSummary {
  content: ProjectContent;
  versions: {
    version: number;
    status: 'draft' | 'approved';
    createdAt: string;
    approvedAt: string | null;
    approvalTeam: string[] | null;
    acknowledgedAt: string | null;
    acknowledgedAs: 'person' | 'family' | null;
  }[];
  reviews: {
    id: string;
    version: number;
    heldOn: string;
    progress: { goalId: string; score: number; note: string }[];
    summary: string | null;
    nextReviewOn: string;
  }[];
  comments: Comment[];
}

export interface EasyProject {
  personId: string;
  personName: string;
  version: number;
  approved: boolean;
  acknowledged: boolean;
  wishes: string;
  goals: { id: string; domain: GoalDomain; text: string; helpers: string[]; progress: ProgressWord | null; progressNote: string | null }[];
  nextMeetingOn: string | null;
  comments: Comment[];
}

export interface FamilyOverview {
  relatives: { personId: string; name: string; relation: 'self' | 'amministratore_di_sostegno' | 'tutore' | 'curatore' | 'genitore'; hasProject: boolean }[];
  solutions: { id: string; name: string; kind: 'autonomy_gym' | 'respite'; address: string }[];
}

const base = '/api/v1/stays';

export const useSolutions = () => useQuery({ queryKey: ['stays', 'solutions'], queryFn: () => api<{ items: Solution[] }>('GET', `${base}/solutions`) });
export const useSolution = (id: string) => useQuery({ queryKey: ['stays', 'solutions', id], queryFn: () => api<Solution>('GET', `${base}/solutions/${id}`) });
export const useCalendar = (id: string, from: string, to: string) =>
  useQuery({ queryKey: ['stays', 'calendar', id, from, to], queryFn: () => api<Calendar>('GET', `${base}/solutions/${id}/calendar${query({ from, to })}`) });
export const useStaffing = (id: string, from: string, to: string) =>
  useQuery({
    queryKey: ['stays', 'staffing', id, from, to],
    queryFn: () => api<{ days: StaffingDay[] }>('GET', `${base}/solutions/${id}/staffing${query({ from, to })}`),
  });
export const usePairings = (id: string, enabled: boolean) =>
  useQuery({ queryKey: ['stays', 'pairings', id], enabled, queryFn: () => api<{ items: Pairing[] }>('GET', `${base}/solutions/${id}/pairings`) });
export const useBookings = (f: { status?: string; solutionId?: string }) =>
  useQuery({ queryKey: ['stays', 'bookings', f], queryFn: () => api<{ items: Booking[] }>('GET', `${base}/bookings${query(f)}`) });
export const useWaitingList = (solutionId?: string) =>
  useQuery({ queryKey: ['stays', 'waiting', solutionId], queryFn: () => api<{ items: Waiting[] }>('GET', `${base}/waiting-list${query({ solutionId })}`) });
export const useProjects = (overdue: boolean) =>
  useQuery({
    queryKey: ['stays', 'projects', overdue],
    queryFn: () => api<{ items: ProjectSummary[] }>('GET', `${base}/projects${query({ overdue: overdue || undefined })}`),
  });

function useStaysMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation<R, ApiError, V>({
    mutationFn: fn,
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['stays'] });
    },
  });
}

export const useDecide = () =>
  useStaysMutation((v: { id: string; action: 'approve' | 'waitlist' | 'refuse' | 'cancel'; bedId?: string | null; note?: string | null }) =>
    api<unknown>(
      'POST',
      `${base}/bookings/${v.id}/${v.action}`,
      v.action === 'approve' ? { bedId: v.bedId ?? null, note: v.note ?? null } : { note: v.note ?? null },
    ),
  );
export const useStaffPlan = (id: string) =>
  useStaysMutation((v: { from: string; to: string; hours: number }) => api<unknown>('PUT', `${base}/solutions/${id}/staff-plan`, v));

/** Reading a project is a special-category read: the purpose is sent and audited. */
export const useReadProject = (id: string) =>
  useMutation<Project, ApiError, string>({ mutationFn: (purpose) => api<Project>('GET', `${base}/projects/${id}${query({ purpose })}`) });
export const useApproveProject = (id: string) =>
  useMutation<Project, ApiError, { team: string[]; nextReviewOn: string }>({ mutationFn: (v) => api<Project>('POST', `${base}/projects/${id}/approve`, v) });
export const useAddReview = (id: string) =>
  useMutation<Project, ApiError, { heldOn: string; progress: { goalId: string; score: number; note: string }[]; summary: string | null; nextReviewOn: string }>(
    {
      mutationFn: (v) => api<Project>('POST', `${base}/projects/${id}/reviews`, v),
    },
  );

// ---- family ----

const me = '/api/v1/me/stays';
export const useFamily = () => useQuery({ queryKey: ['stays', 'me'], queryFn: () => api<FamilyOverview>('GET', me) });
export const useFamilyBookings = () => useQuery({ queryKey: ['stays', 'me', 'bookings'], queryFn: () => api<{ items: Booking[] }>('GET', `${me}/bookings`) });
export const useFamilyRequest = () =>
  useStaysMutation((v: { solutionId: string; personId: string; startsOn: string; endsOn: string; needs: string }) => api<Booking>('POST', `${me}/bookings`, v));
export const useFamilyWithdraw = () => useStaysMutation((id: string) => api<Booking>('POST', `${me}/bookings/${id}/withdraw`));
export const useEasyProject = (personId: string) =>
  useQuery({ queryKey: ['stays', 'me', 'project', personId], queryFn: () => api<EasyProject>('GET', `${me}/projects/${personId}`) });
export const useFamilyComment = (personId: string) =>
  useStaysMutation((body: string) => api<{ id: string }>('POST', `${me}/projects/${personId}/comments`, { body }));
export const useAcknowledge = (personId: string) => useStaysMutation(() => api<EasyProject>('POST', `${me}/projects/${personId}/acknowledge`));

/** Adds n days to YYYY-MM-DD. */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export interface StaffRequestInput {
  solutionId: string;
  personId: string;
  startsOn: string;
  endsOn: string;
  needs: string;
  supportHoursPerDay: number;
  severity: Severity;
  familyBurden: number;
}
export const useStaffRequest = () => useStaysMutation((v: StaffRequestInput) => api<Booking>('POST', `${base}/bookings`, v));
