// The unit list filters live in the URL query string, so a link reproduces the view. These pure
// functions turn the query string into filters and back (unknown or malformed values are dropped).

const PROGRAMS = ['youth_collab', 'dopo_di_noi', 'erp', 'agency', 'mediation', 'cohousing', 'housing_first'];
const STATUSES = ['available', 'reserved', 'occupied', 'maintenance', 'out_of_service'];
const FEATURES = ['step_free_access', 'lift', 'accessible_bathroom', 'wheelchair_turning_space'];

export interface UnitFilters {
  q?: string;
  neighbourhood?: string;
  estateId?: string;
  buildingId?: string;
  program?: string;
  status?: string;
  minBedrooms?: number;
  minBeds?: number;
  minSurface?: number;
  maxSurface?: number;
  /** Every listed feature is required. */
  accessibility?: string[];
}

const TEXT_KEYS = ['q', 'neighbourhood', 'estateId', 'buildingId'] as const;
const NUMBER_KEYS = ['minBedrooms', 'minBeds', 'minSurface', 'maxSurface'] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Filters from a query string (`?status=available&accessibility=lift,step_free_access`). */
export function parseFilters(search: URLSearchParams): UnitFilters {
  const f: UnitFilters = {};
  for (const k of TEXT_KEYS) {
    const v = search.get(k)?.trim();
    if (v && v.length <= 100 && (!k.endsWith('Id') || UUID.test(v))) {
      f[k] = v;
    }
  }
  const program = search.get('program');
  if (program && PROGRAMS.includes(program)) {
    f.program = program;
  }
  const status = search.get('status');
  if (status && STATUSES.includes(status)) {
    f.status = status;
  }
  for (const k of NUMBER_KEYS) {
    const raw = search.get(k);
    const v = raw === null || raw.trim() === '' ? Number.NaN : Number(raw);
    if (Number.isFinite(v) && v >= 0 && (k.endsWith('Surface') || Number.isInteger(v))) {
      f[k] = v;
    }
  }
  const features = (search.get('accessibility') ?? '').split(',').filter((x) => FEATURES.includes(x));
  if (features.length > 0) {
    f.accessibility = [...new Set(features)].sort((a, b) => FEATURES.indexOf(a) - FEATURES.indexOf(b));
  }
  return f;
}

/** The API / URL parameters of the filters (empty ones left out). */
export function filterParams(f: UnitFilters): Record<string, string | number | undefined> {
  return {
    q: f.q,
    neighbourhood: f.neighbourhood,
    estateId: f.estateId,
    buildingId: f.buildingId,
    program: f.program,
    status: f.status,
    minBedrooms: f.minBedrooms,
    minBeds: f.minBeds,
    minSurface: f.minSurface,
    maxSurface: f.maxSurface,
    accessibility: f.accessibility && f.accessibility.length > 0 ? f.accessibility.join(',') : undefined,
  };
}

/** The query string of the filters, for the URL. */
export function toSearch(f: UnitFilters): URLSearchParams {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(filterParams(f))) {
    if (v !== undefined && v !== '') {
      s.set(k, String(v));
    }
  }
  return s;
}

export function hasFilters(f: UnitFilters): boolean {
  return toSearch(f).toString() !== '';
}
