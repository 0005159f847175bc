import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, type Problem, query } from '../../app/api.js';
import i18n from '../../i18n/index.js';
import type { Program } from '../identity/api.js';

export const TENANCY_KINDS = [
  'erp_lease',
  'collab_agreement',
  'dopo_di_noi_stay',
  'housing_first_hosting',
  'cohousing_agreement',
  'agency_private_lease',
] as const;
export type TenancyKind = (typeof TENANCY_KINDS)[number];
export type TenancyState = 'active' | 'ended' | 'future';
export type ArrearsLevel = 'none' | 'watch' | 'alert' | 'critical';
export type EntryKind = 'charge' | 'payment' | 'adjustment' | 'write_off';

/** The kind of contract each program usually signs (the form's default). */
export const KIND_OF_PROGRAM: Record<Program, TenancyKind> = {
  erp: 'erp_lease',
  mediation: 'erp_lease',
  youth_collab: 'collab_agreement',
  dopo_di_noi: 'dopo_di_noi_stay',
  housing_first: 'housing_first_hosting',
  cohousing: 'cohousing_agreement',
  agency: 'agency_private_lease',
};

export interface ExplanationLine {
  code: string;
  text: string;
  amountCents: number | null;
}

export interface Rent {
  id: string | null;
  effectiveFrom: string;
  annualCents: number;
  monthlyCents: number;
  category: string;
  ruleKind: string;
  reason: string;
  lines: ExplanationLine[];
  createdAt: string | null;
}

export interface Arrears {
  score: number;
  level: ArrearsLevel;
  monthsInArrears: number;
  trendCents: number;
  lines: ExplanationLine[];
}

export interface TenancySummary {
  id: string;
  code: string;
  program: Program;
  kind: TenancyKind;
  unitId: string;
  unitCode: string;
  bed: number | null;
  estateName: string | null;
  address: string;
  tenantName: string;
  startDate: string;
  endDate: string | null;
  state: TenancyState;
  monthlyRentCents: number | null;
  balanceCents: number;
}

export interface Tenancy extends TenancySummary {
  householdId: string | null;
  householdName: string | null;
  personId: string | null;
  personName: string | null;
  renewal: 'none' | 'automatic' | 'on_request';
  renewalMonths: number | null;
  depositCents: number;
  serviceChargesCents: number;
  notes: string | null;
  endReason: string | null;
  surfaceM2: number;
  signatories: { id: string; personId: string | null; name: string; role: string; signedOn: string | null }[];
  documents: { id: string; kind: string; title: string; reference: string | null; dated: string | null }[];
  incomes: { id: string; effectiveFrom: string; annualIncomeCents: number; protectedIncomeOnly: boolean; iseeCents: number | null; dependants: number }[];
  rent: Rent | null;
  rentHistory: Rent[];
  arrears: Arrears;
  plans: Plan[];
  createdAt: string;
}

export interface Plan {
  id: string;
  startDate: string;
  totalCents: number;
  note: string | null;
  state: 'active' | 'completed' | 'broken' | 'cancelled';
  paidCents: number;
  missed: number;
  instalments: { no: number; dueDate: string; amountCents: number; state: 'paid' | 'due' | 'missed' }[];
  createdAt: string;
}

export interface LedgerEntry {
  id: string;
  kind: EntryKind;
  component: string | null;
  entryDate: string;
  amountCents: number;
  reason: string;
  chargeMonth: string | null;
  noticeNumber: string | null;
  authorName: string | null;
  balanceAfterCents: number;
  createdAt: string;
}

export interface Ledger {
  tenancyId: string;
  at: string;
  balanceCents: number;
  totals: { charges: number; payments: number; adjustments: number; writeOffs: number };
  entries: LedgerEntry[];
}

export interface Notice {
  id: string;
  tenancyId: string;
  noticeNumber: string;
  iuv: string;
  creditorFiscalCode: string;
  amountCents: number;
  dueDate: string;
  description: string;
  status: 'open' | 'paid' | 'cancelled';
  paidAt: string | null;
  createdAt: string;
}

export interface ArrearsItem {
  tenancyId: string;
  code: string;
  program: Program;
  tenantName: string;
  unitCode: string;
  estateName: string | null;
  balanceCents: number;
  monthlyDueCents: number;
  lastPaymentDate: string | null;
  arrears: Arrears;
}

export interface ChargeRun {
  id: string;
  month: string;
  status: 'running' | 'done' | 'failed';
  tenanciesTotal: number;
  tenanciesDone: number;
  chargesCreated: number;
  amountCents: number;
  startedAt: string;
  finishedAt: string | null;
  startedByName: string | null;
}

export interface Party {
  personId: string;
  personName: string;
  householdId: string | null;
  householdName: string | null;
  incomeYear: number | null;
  incomeCents: number | null;
  iseeCents: number | null;
  children: number;
}

export interface IncomeInput {
  annualIncomeCents: number;
  protectedIncomeOnly: boolean;
  iseeCents: number | null;
  dependants: number;
}

export interface TenancyInput {
  unitId: string;
  householdId: string | null;
  personId: string | null;
  program: Program;
  kind: TenancyKind;
  startDate: string;
  endDate: string | null;
  depositCents: number;
  serviceChargesCents: number;
  income: IncomeInput;
  signatories: { name: string; role: string; personId: string | null; signedOn: string | null }[];
}

export interface UnitOption {
  id: string;
  code: string;
  building: { address: string; city: string };
  estate: { name: string } | null;
  currentStatus: string | null;
  currentProgram: Program | null;
  surfaceM2: number;
}

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

const key = ['tenancies'] as const;
const base = '/api/v1/tenancies';
const url = (id: string, rest = '') => `${base}/${encodeURIComponent(id)}${rest}`;

export function useTenancies(filters: { q?: string; program?: string; state?: string }) {
  return useInfiniteQuery({
    queryKey: [...key, 'list', filters],
    queryFn: ({ pageParam }) => api<Page<TenancySummary>>('GET', `${base}${query({ ...filters, cursor: pageParam, limit: 25 })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useTenancy(id: string) {
  return useQuery({ queryKey: [...key, 'one', id], queryFn: () => api<Tenancy>('GET', url(id)) });
}

export function useLedger(id: string) {
  return useQuery({ queryKey: [...key, 'ledger', id], queryFn: () => api<Ledger>('GET', url(id, '/ledger')) });
}

export function useNotices(id: string) {
  return useQuery({ queryKey: [...key, 'notices', id], queryFn: () => api<{ items: Notice[] }>('GET', url(id, '/notices')) });
}

export function useArrears(program?: string) {
  return useQuery({ queryKey: [...key, 'arrears', program], queryFn: () => api<{ items: ArrearsItem[] }>('GET', `${base}/arrears${query({ program })}`) });
}

export function useChargeRuns() {
  return useQuery({ queryKey: [...key, 'runs'], queryFn: () => api<{ items: ChargeRun[] }>('GET', `${base}/charge-runs`) });
}

export function useMyTenancies() {
  return useQuery({
    queryKey: [...key, 'mine'],
    queryFn: () => api<{ items: { tenancy: Tenancy; ledger: Ledger; notices: Notice[] }[] }>('GET', '/api/v1/me/tenancies'),
  });
}

export function useParties(q: string) {
  return useQuery({
    queryKey: [...key, 'parties', q],
    queryFn: () => api<{ items: Party[] }>('GET', `${base}/parties${query({ q })}`),
    enabled: q.trim().length >= 2,
  });
}

export function useAvailableUnits(q: string) {
  return useQuery({
    queryKey: [...key, 'units', q],
    queryFn: () => api<Page<UnitOption>>('GET', `/api/v1/stock/units${query({ q, status: 'available', limit: 50 })}`),
  });
}

function useTenancyMutation<V, R>(fn: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation<R, ApiError, V>({
    mutationFn: fn,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: key });
    },
  });
}

export function useRentPreview() {
  return useMutation<Rent, ApiError, IncomeInput & { program: Program; unitId: string; date: string }>({
    mutationFn: (body) => api<Rent>('POST', `${base}/rent-preview`, body),
  });
}

export function useCreateTenancy() {
  return useTenancyMutation((body: TenancyInput) => api<Tenancy>('POST', base, body));
}

export function usePostEntry(id: string) {
  return useTenancyMutation((body: { kind: EntryKind; entryDate: string; amountCents: number; direction?: 'debit' | 'credit'; reason: string }) =>
    api<Ledger>('POST', url(id, '/ledger'), body),
  );
}

export function useUpdateIncome(id: string) {
  return useTenancyMutation((body: IncomeInput & { effectiveFrom: string }) => api<Tenancy>('POST', url(id, '/income'), body));
}

export function useEndTenancy(id: string) {
  return useTenancyMutation((body: { endDate: string; reason: string }) => api<Tenancy>('POST', url(id, '/end'), body));
}

export function useCreateNotice(id: string) {
  return useTenancyMutation((body: { amountCents?: number }) => api<Notice>('POST', url(id, '/notices'), body));
}

export function useMyNotice() {
  return useTenancyMutation((id: string) => api<Notice>('POST', `/api/v1/me/tenancies/${encodeURIComponent(id)}/notices`));
}

export function useRunCharges() {
  return useTenancyMutation((month: string) => api<ChargeRun>('POST', `${base}/charge-runs`, { month }));
}

// ---- payments files ----

export interface ImportResult {
  importId: string;
  rows: number;
  posted: number;
  unmatched: number;
  duplicates: number;
}

export interface UnmatchedPayment {
  id: string;
  line: number;
  paidOn: string;
  amountCents: number;
  noticeNumber: string | null;
  payerFiscalCode: string | null;
  description: string | null;
  status: 'open' | 'resolved' | 'rejected';
  tenancyId: string | null;
  tenancyCode: string | null;
  resolutionNote: string | null;
  fileName: string | null;
}

export interface PaymentImport {
  id: string;
  fileName: string | null;
  rows: number;
  posted: number;
  unmatched: number;
  duplicates: number;
  createdAt: string;
  createdByName: string | null;
}

/** Sends a payments file as text/csv (the JSON client does not), with the session's CSRF token. */
async function postPaymentsFile(csv: string, fileName: string, csrfToken: string): Promise<ImportResult> {
  let res: Response;
  try {
    res = await fetch(`${base}/payment-imports${query({ fileName })}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'Content-Type': 'text/csv',
        Accept: 'application/json, application/problem+json',
        'Accept-Language': i18n.language || 'it',
        'X-CSRF-Token': csrfToken,
      },
      body: csv,
    });
  } catch {
    throw new ApiError({ status: 0, code: 'network' });
  }
  const body = (await res.json().catch(() => ({}))) as ImportResult & Partial<Problem>;
  if (!res.ok) {
    throw new ApiError({ ...(body as Partial<Problem>), status: res.status });
  }
  return body;
}

export function useImportPayments(csrfToken: string) {
  return useTenancyMutation((v: { csv: string; fileName: string }) => postPaymentsFile(v.csv, v.fileName, csrfToken));
}

export function usePaymentImports() {
  return useQuery({ queryKey: [...key, 'imports'], queryFn: () => api<{ items: PaymentImport[] }>('GET', `${base}/payment-imports`) });
}

export function useUnmatched(status: 'open' | 'resolved' | 'rejected' = 'open') {
  return useQuery({
    queryKey: [...key, 'unmatched', status],
    queryFn: () => api<{ items: UnmatchedPayment[] }>('GET', `${base}/unmatched-payments${query({ status })}`),
  });
}

/** Resolves a waiting payment to the tenancy with this code (looked up first). */
export function useResolveUnmatched() {
  return useTenancyMutation(async (v: { id: string; code: string; note: string | null }) => {
    const found = await api<Page<TenancySummary>>('GET', `${base}${query({ q: v.code, limit: 10 })}`);
    const tenancy = found.items.find((t) => t.code.toLowerCase() === v.code.trim().toLowerCase());
    if (!tenancy) {
      throw new ApiError({ status: 400, code: 'tenancy.unknown', detail: i18n.t('tenancies.payments.unknownCode', { code: v.code }) });
    }
    await api('POST', `${base}/unmatched-payments/${encodeURIComponent(v.id)}/resolve`, { tenancyId: tenancy.id, note: v.note });
    return tenancy;
  });
}

export function useRejectUnmatched() {
  return useTenancyMutation((v: { id: string; note: string }) =>
    api('POST', `${base}/unmatched-payments/${encodeURIComponent(v.id)}/reject`, { note: v.note }),
  );
}

// ---- aged arrears ----

export interface AgedRow {
  key: string | null;
  tenancies: number;
  d0_30: number;
  d31_90: number;
  d91_180: number;
  d181_plus: number;
  total: number;
}

export function useAgedArrears(by: 'estate' | 'program') {
  return useQuery({
    queryKey: [...key, 'aged', by],
    queryFn: () => api<{ at: string; by: string; rows: AgedRow[]; totals: Omit<AgedRow, 'key'> }>('GET', `${base}/aged-arrears${query({ by })}`),
  });
}

export function useCreatePlan(id: string) {
  return useTenancyMutation((body: { instalments: number; firstDue: string; note: string | null }) => api<Plan>('POST', url(id, '/plans'), body));
}
