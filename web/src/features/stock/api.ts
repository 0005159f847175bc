// Housing stock: types of the API answers (server/src/modules/stock/schema.ts) and TanStack Query hooks.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, type Problem, query } from '../../app/api.js';
import i18n from '../../i18n/index.js';
import type { Program } from '../identity/api.js';
import { filterParams, type UnitFilters } from './filters.js';

export const ACCESSIBILITY_FEATURES = ['step_free_access', 'lift', 'accessible_bathroom', 'wheelchair_turning_space'] as const;
export type AccessibilityFeature = (typeof ACCESSIBILITY_FEATURES)[number];
export const UNIT_STATUSES = ['available', 'reserved', 'occupied', 'maintenance', 'out_of_service'] as const;
export type UnitStatus = (typeof UNIT_STATUSES)[number];
export const ENERGY_CLASSES = ['A4', 'A3', 'A2', 'A1', 'B', 'C', 'D', 'E', 'F', 'G'] as const;
export const FURNISHING = ['none', 'partial', 'full'] as const;
export const OWNER_KINDS = ['municipality', 'housing_company', 'private', 'third_sector', 'other'] as const;
export type SolutionType = 'stable_home' | 'autonomy_gym' | 'respite' | 'mutual_aid';

export interface Estate {
  id: string;
  code: string | null;
  name: string;
  description: string | null;
  buildingCount: number;
  unitCount: number;
}

export interface Building {
  id: string;
  estateId: string | null;
  estateName: string | null;
  address: string;
  postcode: string | null;
  city: string;
  neighbourhood: string | null;
  latitude: number | null;
  longitude: number | null;
  floors: number | null;
  hasLift: boolean;
  yearBuilt: number | null;
  unitCount: number;
}

export interface Unit {
  id: string;
  buildingId: string;
  code: string;
  flatNumber: string | null;
  floor: number | null;
  surfaceM2: number;
  rooms: number;
  bedrooms: number;
  beds: number;
  bathrooms: number;
  accessibility: AccessibilityFeature[];
  energyClass: string | null;
  furnishing: (typeof FURNISHING)[number];
  ownerKind: (typeof OWNER_KINDS)[number];
  ownerOrganisationId: string | null;
  ownerName: string | null;
  managingOrganisationId: string | null;
  notes: string | null;
  building: { id: string; address: string; city: string; postcode: string | null; neighbourhood: string | null };
  estate: { id: string; code: string | null; name: string } | null;
  currentStatus: UnitStatus | null;
  currentProgram: Program | null;
  currentSolutionType: SolutionType | null;
}

export interface StatusPeriod {
  id: string;
  status: UnitStatus;
  from: string;
  to: string | null;
  note: string | null;
}

export interface ProgramPeriod {
  id: string;
  program: Program;
  solutionType: SolutionType | null;
  from: string;
  to: string | null;
  note: string | null;
}

export interface CommonSpace {
  id: string;
  estateId: string | null;
  buildingId: string | null;
  name: string;
  kind: string;
  capacity: number | null;
  notes: string | null;
}

export interface UnitDetail extends Omit<Unit, 'building'> {
  building: Omit<Building, 'unitCount'>;
  owner: { kind: Unit['ownerKind']; organisationId: string | null; organisationName: string | null; name: string | null };
  managingBody: { id: string; name: string } | null;
  programs: ProgramPeriod[];
  statusHistory: StatusPeriod[];
  commonSpaces: CommonSpace[];
}

export interface UnitSummary {
  total: number;
  byStatus: Partial<Record<UnitStatus | 'none', number>>;
}

export interface ImportRowError {
  line: number;
  field: string;
  code: string;
  message: string;
}

export interface ImportResult {
  dryRun: boolean;
  valid: boolean;
  rows: number;
  unitsCreated: number;
  unitsUpdated: number;
  estatesCreated: number;
  buildingsCreated: number;
  errors: ImportRowError[];
}

export interface UnitCreateInput {
  buildingId: string;
  code: string;
  flatNumber: string | null;
  floor: number | null;
  surfaceM2: number;
  rooms: number;
  bedrooms: number;
  beds: number;
  bathrooms: number;
  accessibility: AccessibilityFeature[];
  energyClass: string | null;
  furnishing: string;
  ownerKind: string;
  ownerName: string | null;
  notes: string | null;
}

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

const key = ['stock'] as const;
const PAGE_SIZE = 25;

export function useUnits(filters: UnitFilters) {
  return useInfiniteQuery({
    queryKey: [...key, 'units', filters],
    queryFn: ({ pageParam }) => api<Page<Unit>>('GET', `/api/v1/stock/units${query({ ...filterParams(filters), cursor: pageParam, limit: PAGE_SIZE })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useUnitSummary(filters: UnitFilters) {
  return useQuery({
    queryKey: [...key, 'summary', filters],
    queryFn: () => api<UnitSummary>('GET', `/api/v1/stock/units/summary${query(filterParams(filters))}`),
  });
}

/** The export URL for the same filters (a plain link: the browser downloads it with the session cookie). */
export function exportUrl(filters: UnitFilters): string {
  return `/api/v1/stock/units.csv${query(filterParams(filters))}`;
}

export function useNeighbourhoods() {
  return useQuery({
    queryKey: [...key, 'neighbourhoods'],
    queryFn: async () => (await api<{ items: { name: string; unitCount: number }[] }>('GET', '/api/v1/stock/neighbourhoods')).items,
    staleTime: 5 * 60_000,
  });
}

export function useEstates() {
  return useQuery({
    queryKey: [...key, 'estates'],
    queryFn: async () => (await api<{ items: Estate[] }>('GET', '/api/v1/stock/estates')).items,
    staleTime: 60_000,
  });
}

export function useEstate(id: string) {
  return useQuery({ queryKey: [...key, 'estate', id], queryFn: () => api<Estate>('GET', `/api/v1/stock/estates/${encodeURIComponent(id)}`) });
}

export function useBuildings(filter: { estateId?: string; q?: string }) {
  return useInfiniteQuery({
    queryKey: [...key, 'buildings', filter],
    queryFn: ({ pageParam }) =>
      api<Page<Building>>('GET', `/api/v1/stock/buildings${query({ estateId: filter.estateId, q: filter.q, cursor: pageParam, limit: 50 })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useBuilding(id: string) {
  return useQuery({ queryKey: [...key, 'building', id], queryFn: () => api<Building>('GET', `/api/v1/stock/buildings/${encodeURIComponent(id)}`) });
}

export function useCommonSpaces(filter: { estateId?: string; buildingId?: string }) {
  return useQuery({
    queryKey: [...key, 'spaces', filter],
    queryFn: async () => (await api<{ items: CommonSpace[] }>('GET', `/api/v1/stock/common-spaces${query(filter)}`)).items,
  });
}

export function useUnit(id: string) {
  return useQuery({ queryKey: [...key, 'unit', id], queryFn: () => api<UnitDetail>('GET', `/api/v1/stock/units/${encodeURIComponent(id)}`) });
}

/** A mutation answering with the unit detail: cache it and refresh lists and counts. */
function useUnitMutation<V>(fn: (vars: V) => Promise<UnitDetail>) {
  const queryClient = useQueryClient();
  return useMutation<UnitDetail, ApiError, V>({
    mutationFn: fn,
    onSuccess: async (unit) => {
      queryClient.setQueryData([...key, 'unit', unit.id], unit);
      await queryClient.invalidateQueries({ queryKey: key, predicate: (q) => q.queryKey[1] !== 'unit' });
    },
  });
}

export function useChangeStatus(id: string) {
  return useUnitMutation((body: { status: UnitStatus; from: string; note: string | null }) =>
    api<UnitDetail>('POST', `/api/v1/stock/units/${encodeURIComponent(id)}/status`, body),
  );
}

export function useCreateUnit() {
  return useUnitMutation((body: UnitCreateInput) => api<UnitDetail>('POST', '/api/v1/stock/units', body));
}

/**
 * Sends a CSV file to the import (Content-Type text/csv, which the JSON client does not send).
 * A 400 of a real import carries one error per bad cell (`line.<n>.<column>`): it is turned into
 * the same row list a dry run gives, so the page shows both the same way.
 */
async function postCsv(csv: string, dryRun: boolean, csrfToken: string): Promise<ImportResult> {
  let res: Response;
  try {
    res = await fetch(`/api/v1/stock/import?dryRun=${dryRun}`, {
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
  if (res.ok) {
    return body;
  }
  const rowErrors = (body.errors ?? []).flatMap((e) => {
    const m = /^line\.(\d+)\.(.+)$/.exec((e as { field: string }).field);
    return m ? [{ line: Number(m[1]), field: m[2] as string, code: e.code, message: e.message }] : [];
  });
  if (res.status === 400 && rowErrors.length > 0) {
    return { dryRun, valid: false, rows: 0, unitsCreated: 0, unitsUpdated: 0, estatesCreated: 0, buildingsCreated: 0, errors: rowErrors };
  }
  throw new ApiError({ ...(body as Partial<Problem>), status: res.status });
}

export function useImportCsv(csrfToken: string) {
  const queryClient = useQueryClient();
  return useMutation<ImportResult, ApiError, { csv: string; dryRun: boolean }>({
    mutationFn: ({ csv, dryRun }) => postCsv(csv, dryRun, csrfToken),
    onSuccess: async (result) => {
      if (!result.dryRun && result.valid) {
        await queryClient.invalidateQueries({ queryKey: key });
      }
    },
  });
}
