// Lucca demo stock: the ERP estates named in the municipality's documents (Pontetetto, Montuolo,
// San Vito, Piazzale Sforza, Il Manichino–Saltocchio) plus other real neighbourhoods, Casa Mandorla's
// protected flats (Dopo di Noi) and private flats let through the Agenzia Sociale per la Casa.
// Deterministic: a seeded PRNG draws sizes, features and timelines, and the ids, so every fresh
// demo database is the same. Bulk inserts keep it to well under a second on PGlite.
import { sql } from 'kysely';
import type { Program } from '../../src/kernel/auth/permissions.js';
import type { Executor } from '../../src/kernel/db/tenant.js';

/** mulberry32: a small, good-enough seeded PRNG (no Math.random in demo data). */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  const uuid = () => {
    const hex = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16));
    hex[12] = '4';
    hex[16] = ((Math.floor(next() * 4) + 8) as number).toString(16);
    const h = hex.join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  };
  const day = (fromYear: number, toYear: number) => `${int(fromYear, toYear)}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`;
  return { next, int, pick, uuid, day };
}
type Rng = ReturnType<typeof prng>;

type SolutionType = 'stable_home' | 'autonomy_gym' | 'respite' | 'mutual_aid';
interface StreetSpec {
  address: string;
  postcode: string;
  lat: number;
  lon: number;
  floors: number;
  lift: boolean;
  year: number;
  units: number;
  /** Surface range in m². */
  m2: [number, number];
  energy?: string[];
  programs: { program: Program; weight: number; solution?: SolutionType }[];
  beds?: number;
  owner?: { kind: string; org?: string; name?: string };
  manager?: string;
  accessibleShare?: number;
}
interface EstateSpec {
  code: string | null;
  /** Prefix of the unit codes, e.g. PNT-A-01. */
  prefix: string;
  name: string | null;
  neighbourhood: string;
  description?: string;
  streets: StreetSpec[];
  spaces?: { name: string; kind: string; capacity: number | null }[];
}

const ERP = 'E.R.P. Lucca S.r.l.';
const AGENCY = 'Agenzia Sociale per la Casa (GVAI)';
const erp = (w = 1) => ({ program: 'erp' as const, weight: w });

const LUCCA: EstateSpec[] = [
  {
    code: 'PONTETETTO',
    prefix: 'PNT',
    name: 'Quartiere Giardino di Pontetetto',
    neighbourhood: 'Pontetetto',
    description: 'Contratto di Quartiere II: la "Stecca" (9 alloggi restaurati nel 2017) e 36 alloggi in classe A consegnati nel 2014.',
    streets: [
      {
        address: 'via di Pontetetto 31 – la Stecca',
        postcode: '55100',
        lat: 43.8262,
        lon: 10.4876,
        floors: 2,
        lift: false,
        year: 1950,
        units: 9,
        m2: [76, 84],
        energy: ['C', 'B'],
        programs: [erp()],
      },
      {
        address: 'via di Pontetetto 45',
        postcode: '55100',
        lat: 43.8251,
        lon: 10.4859,
        floors: 4,
        lift: true,
        year: 2014,
        units: 18,
        m2: [48, 90],
        energy: ['A4', 'A3'],
        programs: [erp(8), { program: 'mediation', weight: 1 }],
        accessibleShare: 0.3,
      },
      {
        address: 'via della Scogliera 12',
        postcode: '55100',
        lat: 43.8243,
        lon: 10.4889,
        floors: 4,
        lift: true,
        year: 2014,
        units: 18,
        m2: [48, 90],
        energy: ['A4', 'A2'],
        programs: [erp(6), { program: 'youth_collab', weight: 2 }],
        accessibleShare: 0.3,
      },
    ],
    spaces: [
      { name: 'Giardino di quartiere', kind: 'garden', capacity: null },
      { name: 'Sala comune della Stecca', kind: 'community_room', capacity: 40 },
    ],
  },
  {
    code: 'MONTUOLO',
    prefix: 'MNT',
    name: 'Montuolo – via Pisana',
    neighbourhood: 'Montuolo',
    description: 'Alloggi da 40 a 75 m² per l\'assegnazione "a mosaico".',
    streets: [
      {
        address: 'via Pisana 1120',
        postcode: '55100',
        lat: 43.8162,
        lon: 10.4679,
        floors: 3,
        lift: false,
        year: 2015,
        units: 7,
        m2: [40, 75],
        energy: ['A2', 'A1'],
        programs: [erp()],
      },
      {
        address: 'via Pisana 1146',
        postcode: '55100',
        lat: 43.8155,
        lon: 10.4661,
        floors: 4,
        lift: true,
        year: 1982,
        units: 16,
        m2: [55, 90],
        energy: ['E', 'F'],
        programs: [erp(5), { program: 'housing_first', weight: 1 }],
      },
    ],
  },
  {
    code: 'SANVITO',
    prefix: 'SVT',
    name: 'San Vito',
    neighbourhood: 'San Vito',
    description: 'Spazio civico di via Giorgini (Quartieri Social) con biblioteca di quartiere e sportello di mediazione condominiale.',
    streets: [
      {
        address: 'via Filippo Turati 150',
        postcode: '55100',
        lat: 43.8468,
        lon: 10.5191,
        floors: 3,
        lift: false,
        year: 1975,
        units: 18,
        m2: [50, 85],
        energy: ['F', 'G', 'E'],
        programs: [erp()],
      },
      {
        address: 'via Vecchi Pardini 286',
        postcode: '55100',
        lat: 43.8489,
        lon: 10.5232,
        floors: 4,
        lift: true,
        year: 1979,
        units: 16,
        m2: [55, 90],
        energy: ['E', 'D'],
        programs: [erp(4), { program: 'mediation', weight: 1 }],
      },
      {
        address: 'via Giorgini 11',
        postcode: '55100',
        lat: 43.8455,
        lon: 10.5168,
        floors: 3,
        lift: true,
        year: 1968,
        units: 20,
        m2: [45, 70],
        energy: ['D', 'C'],
        programs: [{ program: 'youth_collab', weight: 3 }, erp(2)],
        beds: 2,
      },
    ],
    spaces: [
      { name: 'Spazio civico di via Giorgini', kind: 'community_room', capacity: 60 },
      { name: 'Lavanderia condominiale', kind: 'laundry', capacity: null },
    ],
  },
  {
    code: 'SFORZA',
    prefix: 'SFZ',
    name: 'Piazzale Sforza',
    neighbourhood: 'San Vito',
    streets: [
      {
        address: 'piazzale Ludovico Sforza 4',
        postcode: '55100',
        lat: 43.8427,
        lon: 10.5178,
        floors: 5,
        lift: true,
        year: 1972,
        units: 20,
        m2: [55, 95],
        energy: ['E', 'F'],
        programs: [erp()],
      },
      {
        address: 'piazzale Ludovico Sforza 8',
        postcode: '55100',
        lat: 43.8431,
        lon: 10.5186,
        floors: 5,
        lift: true,
        year: 1972,
        units: 10,
        m2: [55, 95],
        energy: ['D', 'E'],
        programs: [erp(3), { program: 'housing_first', weight: 1 }],
      },
    ],
  },
  {
    code: 'MANICHINO',
    prefix: 'MAN',
    name: 'Il Manichino – Saltocchio',
    neighbourhood: 'Saltocchio',
    streets: [
      {
        address: 'via del Manichino 20',
        postcode: '55100',
        lat: 43.8791,
        lon: 10.5188,
        floors: 2,
        lift: false,
        year: 1988,
        units: 12,
        m2: [60, 95],
        energy: ['D', 'C'],
        programs: [erp()],
      },
      {
        address: 'via del Manichino 24',
        postcode: '55100',
        lat: 43.8796,
        lon: 10.5196,
        floors: 2,
        lift: false,
        year: 1988,
        units: 12,
        m2: [60, 95],
        energy: ['D'],
        programs: [erp(4), { program: 'cohousing', weight: 1 }],
      },
    ],
    spaces: [{ name: 'Orto condiviso', kind: 'garden', capacity: 20 }],
  },
  {
    code: 'SANTANNA',
    prefix: 'SAN',
    name: "Sant'Anna – Piaggetta",
    neighbourhood: "Sant'Anna",
    streets: [
      {
        address: 'via della Piaggetta 9',
        postcode: '55100',
        lat: 43.8431,
        lon: 10.4868,
        floors: 2,
        lift: true,
        year: 2014,
        units: 8,
        m2: [50, 80],
        energy: ['A3', 'A2'],
        programs: [erp()],
        accessibleShare: 0.5,
      },
      {
        address: 'viale Giacomo Puccini 180',
        postcode: '55100',
        lat: 43.8418,
        lon: 10.4902,
        floors: 4,
        lift: true,
        year: 1970,
        units: 16,
        m2: [55, 90],
        energy: ['E', 'D'],
        programs: [erp(3), { program: 'dopo_di_noi', weight: 1, solution: 'autonomy_gym' }, { program: 'dopo_di_noi', weight: 1, solution: 'respite' }],
      },
    ],
  },
  {
    code: 'SCONCORDIO',
    prefix: 'SCO',
    name: 'San Concordio',
    neighbourhood: 'San Concordio',
    streets: [
      {
        address: 'via di Tiglio 260',
        postcode: '55100',
        lat: 43.8322,
        lon: 10.5021,
        floors: 5,
        lift: true,
        year: 1966,
        units: 20,
        m2: [50, 90],
        energy: ['F', 'E'],
        programs: [erp(4), { program: 'housing_first', weight: 1 }],
      },
      {
        address: 'via Savonarola 48',
        postcode: '55100',
        lat: 43.8341,
        lon: 10.4992,
        floors: 4,
        lift: true,
        year: 1961,
        units: 16,
        m2: [45, 80],
        energy: ['G', 'F'],
        programs: [erp()],
      },
    ],
  },
  {
    code: 'CENTRO',
    prefix: 'CEN',
    name: 'Centro storico',
    neighbourhood: 'Centro storico',
    streets: [
      {
        address: "via delle Chiavi d'Oro 7",
        postcode: '55100',
        lat: 43.8441,
        lon: 10.5069,
        floors: 3,
        lift: false,
        year: 1700,
        units: 4,
        m2: [47, 53],
        energy: ['D', 'E'],
        programs: [erp()],
      },
      {
        address: 'via Santa Croce 62',
        postcode: '55100',
        lat: 43.8422,
        lon: 10.5094,
        floors: 3,
        lift: false,
        year: 1800,
        units: 8,
        m2: [40, 70],
        energy: ['F', 'E'],
        programs: [
          { program: 'youth_collab', weight: 2 },
          { program: 'cohousing', weight: 1 },
        ],
        beds: 2,
      },
    ],
  },
  {
    code: 'ARANCIO',
    prefix: 'ARA',
    name: 'Arancio',
    neighbourhood: 'Arancio',
    streets: [
      {
        address: 'via Romana 615',
        postcode: '55100',
        lat: 43.8404,
        lon: 10.5243,
        floors: 4,
        lift: true,
        year: 1985,
        units: 16,
        m2: [50, 90],
        energy: ['D', 'C'],
        programs: [erp(3), { program: 'housing_first', weight: 1 }],
      },
      {
        address: 'via dei Tigli 12',
        postcode: '55100',
        lat: 43.8391,
        lon: 10.5275,
        floors: 3,
        lift: false,
        year: 1990,
        units: 8,
        m2: [50, 80],
        energy: ['C'],
        programs: [erp()],
      },
    ],
  },
  {
    code: 'SANTALESSIO',
    prefix: 'SAL',
    name: "Sant'Alessio – co-housing",
    neighbourhood: "Sant'Alessio",
    description: 'Co-housing di famiglie e anziani con spazi comuni.',
    streets: [
      {
        address: "via per Sant'Alessio 1410",
        postcode: '55100',
        lat: 43.8724,
        lon: 10.4869,
        floors: 2,
        lift: true,
        year: 2019,
        units: 16,
        m2: [45, 85],
        energy: ['A1', 'B'],
        programs: [{ program: 'cohousing', weight: 1 }],
        accessibleShare: 0.4,
      },
    ],
    spaces: [
      { name: 'Casa comune', kind: 'community_room', capacity: 35 },
      { name: 'Lavanderia comune', kind: 'laundry', capacity: null },
      { name: 'Deposito biciclette', kind: 'bike_storage', capacity: 30 },
    ],
  },
  {
    code: 'MANDORLA',
    prefix: 'MDR',
    name: 'Casa Mandorla',
    neighbourhood: 'Centro storico',
    description: 'Appartamenti protetti per la vita indipendente (Dopo di Noi), gestiti con ANFFAS: 2 × 8 posti e 1 × 4 posti.',
    streets: [
      {
        address: 'via del Fosso 170',
        postcode: '55100',
        lat: 43.8453,
        lon: 10.5117,
        floors: 2,
        lift: true,
        year: 1900,
        units: 2,
        m2: [140, 160],
        energy: ['C'],
        programs: [{ program: 'dopo_di_noi', weight: 1, solution: 'stable_home' }],
        beds: 8,
        owner: { kind: 'third_sector', name: 'Fondazione per la Coesione Sociale' },
        manager: 'ANFFAS Lucca',
        accessibleShare: 1,
      },
      {
        address: 'via Elisa 28',
        postcode: '55100',
        lat: 43.8433,
        lon: 10.5122,
        floors: 2,
        lift: true,
        year: 1900,
        units: 1,
        m2: [90, 95],
        energy: ['C'],
        programs: [{ program: 'dopo_di_noi', weight: 1, solution: 'autonomy_gym' }],
        beds: 4,
        owner: { kind: 'third_sector', name: 'Fondazione per la Coesione Sociale' },
        manager: 'ANFFAS Lucca',
        accessibleShare: 1,
      },
    ],
    spaces: [{ name: 'Soggiorno comune', kind: 'community_room', capacity: 20 }],
  },
];

// Private flats let through the agency: scattered, not in an estate.
const AGENCY_FLATS: { address: string; neighbourhood: string; lat: number; lon: number }[] = [
  { address: 'via Sarzanese 52', neighbourhood: "Sant'Anna", lat: 43.8471, lon: 10.4843 },
  { address: 'viale Carlo Del Prete 210', neighbourhood: 'San Marco', lat: 43.8526, lon: 10.5035 },
  { address: 'via Borgo Giannotti 90', neighbourhood: 'San Marco', lat: 43.8513, lon: 10.5068 },
  { address: 'via della Rosa 40', neighbourhood: 'Centro storico', lat: 43.8427, lon: 10.5058 },
  { address: 'viale San Concordio 420', neighbourhood: 'San Concordio', lat: 43.8362, lon: 10.5004 },
  { address: 'via Ugo Foscolo 33', neighbourhood: "Sant'Anna", lat: 43.8452, lon: 10.4921 },
  { address: 'via Pesciatina 145', neighbourhood: 'Arancio', lat: 43.8451, lon: 10.5301 },
  { address: 'via Fillungo 120', neighbourhood: 'Centro storico', lat: 43.8446, lon: 10.5051 },
  { address: 'viale Europa 75', neighbourhood: "Sant'Anna", lat: 43.8382, lon: 10.4885 },
  { address: 'via di Sottomonte 18', neighbourhood: 'Monte San Quirico', lat: 43.8615, lon: 10.4921 },
];
const SURNAMES = ['Pardini', 'Lazzari', 'Giannini', 'Bertolucci', 'Del Carlo', 'Martinelli', 'Lucchesi', 'Puccinelli', 'Nieri', 'Guidi'];

const FEATURES = ['accessible_bathroom', 'lift', 'step_free_access', 'wheelchair_turning_space'] as const;
const STATUS_WEIGHTS: [string, number][] = [
  ['occupied', 72],
  ['available', 11],
  ['reserved', 5],
  ['maintenance', 9],
  ['out_of_service', 3],
];

function weighted<T>(rng: Rng, items: [T, number][]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = rng.next() * total;
  for (const [item, w] of items) {
    r -= w;
    if (r < 0) {
      return item;
    }
  }
  return (items.at(-1) as [T, number])[0];
}

interface Rows {
  estates: { tenant_id: string; id: string; code: string | null; name: string; description: string | null }[];
  buildings: {
    tenant_id: string;
    id: string;
    estate_id: string | null;
    address: string;
    postcode: string;
    city: string;
    neighbourhood: string;
    latitude: number;
    longitude: number;
    floors: number;
    has_lift: boolean;
    year_built: number;
  }[];
  units: {
    tenant_id: string;
    id: string;
    building_id: string;
    code: string;
    flat_number: string;
    floor: number;
    surface_m2: number;
    rooms: number;
    bedrooms: number;
    beds: number;
    bathrooms: number;
    accessibility: string[];
    energy_class: string | null;
    furnishing: string;
    owner_kind: string;
    owner_organisation_id: string | null;
    owner_name: string | null;
    managing_organisation_id: string | null;
  }[];
  statuses: { tenant_id: string; id: string; unit_id: string; status: string; from: string; to: string | null; note: string | null }[];
  programs: { tenant_id: string; id: string; unit_id: string; program: string; solution_type: string | null; from: string; to: string | null }[];
  spaces: { tenant_id: string; id: string; estate_id: string | null; building_id: string | null; name: string; kind: string; capacity: number | null }[];
}

/** A status history: one or two past periods and an open one, all started before autumn 2026. */
function timeline(rng: Rng, start: string): { status: string; from: string; to: string | null }[] {
  const periods: { status: string; from: string; to: string | null }[] = [];
  let from = start;
  const past = rng.int(0, 2);
  for (let i = 0; i < past; i++) {
    const year = Math.min(2025, Number(from.slice(0, 4)) + rng.int(1, 4));
    const to = `${year}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
    if (to <= from) {
      break;
    }
    periods.push({ status: i % 2 === 0 ? 'occupied' : 'maintenance', from, to });
    from = to;
  }
  const status = weighted(rng, STATUS_WEIGHTS);
  const last = periods.at(-1);
  if (last && last.status === status) {
    // Same status again: the last period simply never ended.
    last.to = null;
  } else {
    periods.push({ status, from, to: null });
  }
  return periods;
}

function unitsOf(
  rng: Rng,
  rows: Rows,
  tenantId: string,
  building: Rows['buildings'][number],
  street: StreetSpec,
  codePrefix: string,
  orgs: Map<string, string>,
) {
  for (let n = 1; n <= street.units; n++) {
    const id = rng.uuid();
    const m2 = Math.round((street.m2[0] + rng.next() * (street.m2[1] - street.m2[0])) * 2) / 2;
    const bedrooms = street.beds && street.beds >= 4 ? Math.ceil(street.beds / 2) : m2 < 50 ? 1 : m2 < 70 ? 2 : 3;
    const rooms = Math.min(30, bedrooms + (m2 < 50 ? 1 : 2));
    const floor = Math.min(street.floors - 1, Math.floor((n - 1) / Math.max(1, Math.ceil(street.units / street.floors))));
    const accessible = rng.next() < (street.accessibleShare ?? 0.08) || (floor === 0 && rng.next() < 0.3);
    const accessibility = accessible
      ? FEATURES.filter((f) => (f === 'lift' ? street.lift : f === 'step_free_access' || rng.next() < 0.6))
      : street.lift
        ? ['lift']
        : [];
    const owner = street.owner ?? { kind: 'municipality' };
    rows.units.push({
      tenant_id: tenantId,
      id,
      building_id: building.id,
      code: `${codePrefix}-${String(n).padStart(2, '0')}`,
      flat_number: String(n),
      floor,
      surface_m2: m2,
      rooms,
      bedrooms,
      beds: street.beds ?? bedrooms + (rng.next() < 0.5 ? 1 : 0),
      bathrooms: m2 > 85 ? 2 : 1,
      accessibility: [...accessibility].sort(),
      energy_class: street.energy ? rng.pick(street.energy) : null,
      furnishing: street.beds && street.beds <= 2 ? 'full' : street.beds ? 'full' : rng.next() < 0.1 ? 'partial' : 'none',
      owner_kind: owner.kind,
      owner_organisation_id: owner.org ? (orgs.get(owner.org) ?? null) : null,
      owner_name: owner.name ?? null,
      managing_organisation_id: orgs.get(street.manager ?? ERP) ?? null,
    });
    const start = rng.day(Math.max(2012, Math.min(2024, street.year)), Math.max(2016, Math.min(2024, street.year + 2)));
    for (const p of timeline(rng, start)) {
      rows.statuses.push({ tenant_id: tenantId, id: rng.uuid(), unit_id: id, ...p, note: p.status === 'maintenance' ? 'Manutenzione E.R.P. Lucca' : null });
    }
    const chosen = weighted(
      rng,
      street.programs.map((p) => [p, p.weight]),
    );
    rows.programs.push({
      tenant_id: tenantId,
      id: rng.uuid(),
      unit_id: id,
      program: chosen.program,
      solution_type: chosen.solution ?? null,
      from: start,
      to: null,
    });
  }
}

function luccaRows(tenantId: string, orgs: Map<string, string>): Rows {
  const rng = prng(0x1cca);
  const rows: Rows = { estates: [], buildings: [], units: [], statuses: [], programs: [], spaces: [] };
  for (const e of LUCCA) {
    const estateId = rng.uuid();
    rows.estates.push({ tenant_id: tenantId, id: estateId, code: e.code, name: e.name ?? e.neighbourhood, description: e.description ?? null });
    e.streets.forEach((s, i) => {
      const building = {
        tenant_id: tenantId,
        id: rng.uuid(),
        estate_id: estateId,
        address: s.address,
        postcode: s.postcode,
        city: 'Lucca',
        neighbourhood: e.neighbourhood,
        latitude: s.lat,
        longitude: s.lon,
        floors: s.floors,
        has_lift: s.lift,
        year_built: s.year,
      };
      rows.buildings.push(building);
      unitsOf(rng, rows, tenantId, building, s, `${e.prefix}-${String.fromCharCode(65 + i)}`, orgs);
    });
    for (const sp of e.spaces ?? []) {
      rows.spaces.push({ tenant_id: tenantId, id: rng.uuid(), estate_id: estateId, building_id: null, ...sp });
    }
  }
  AGENCY_FLATS.forEach((f, i) => {
    const building = {
      tenant_id: tenantId,
      id: rng.uuid(),
      estate_id: null,
      address: f.address,
      postcode: '55100',
      city: 'Lucca',
      neighbourhood: f.neighbourhood,
      latitude: f.lat,
      longitude: f.lon,
      floors: rng.int(2, 5),
      has_lift: rng.next() < 0.4,
      year_built: rng.int(1930, 2005),
    };
    rows.buildings.push(building);
    const street: StreetSpec = {
      address: f.address,
      postcode: '55100',
      lat: f.lat,
      lon: f.lon,
      floors: building.floors,
      lift: building.has_lift,
      year: 2018,
      units: rng.int(1, 3),
      m2: [40, 85],
      energy: ['E', 'F', 'D', 'G'],
      programs: [
        { program: 'agency', weight: 4 },
        { program: 'housing_first', weight: 1 },
      ],
      owner: { kind: 'private', name: `${rng.pick(['Sig.', 'Sig.ra'])} ${rng.pick(SURNAMES)}` },
      manager: AGENCY,
    };
    unitsOf(rng, rows, tenantId, building, street, `ASC-${String(i + 1).padStart(2, '0')}`, orgs);
  });
  return rows;
}

function pescagliaRows(tenantId: string): Rows {
  const rng = prng(0x9e5c);
  const rows: Rows = { estates: [], buildings: [], units: [], statuses: [], programs: [], spaces: [] };
  const places = [
    { address: 'via della Chiesa 4', neighbourhood: 'San Martino in Freddana', lat: 43.8952, lon: 10.4304 },
    { address: 'piazza del Comune 2', neighbourhood: 'Pescaglia', lat: 43.9658, lon: 10.4128 },
  ];
  places.forEach((p, i) => {
    const building = {
      tenant_id: tenantId,
      id: rng.uuid(),
      estate_id: null,
      address: p.address,
      postcode: '55064',
      city: 'Pescaglia',
      neighbourhood: p.neighbourhood,
      latitude: p.lat,
      longitude: p.lon,
      floors: 2,
      has_lift: false,
      year_built: 1960 + i * 20,
    };
    rows.buildings.push(building);
    const street: StreetSpec = {
      ...p,
      postcode: '55064',
      floors: 2,
      lift: false,
      year: building.year_built,
      units: 2,
      m2: [50, 75],
      energy: ['F', 'G'],
      programs: [erp()],
    };
    unitsOf(rng, rows, tenantId, building, street, `PES-${i + 1}`, new Map());
  });
  return rows;
}

async function insertRows(db: Executor, rows: Rows) {
  const range = (from: string, to: string | null) => sql<string>`daterange(${from}::date, ${to}::date, '[)')`;
  if (rows.estates.length > 0) {
    await db.insertInto('estate').values(rows.estates).execute();
  }
  await db.insertInto('building').values(rows.buildings).execute();
  await db.insertInto('unit').values(rows.units).execute();
  await db
    .insertInto('unit_status')
    .values(rows.statuses.map(({ from, to, ...s }) => ({ ...s, during: range(from, to) })))
    .execute();
  await db
    .insertInto('unit_program')
    .values(rows.programs.map(({ from, to, ...p }) => ({ ...p, during: range(from, to) })))
    .execute();
  if (rows.spaces.length > 0) {
    await db.insertInto('common_space').values(rows.spaces).execute();
  }
}

/** Loads the demo stock of Lucca (~330 units) and Pescaglia (4 units); the enti and organisations must exist. */
export async function seedDemoStock(db: Executor): Promise<void> {
  const enti = await db.selectFrom('ente').select(['id', 'slug']).where('slug', 'in', ['lucca', 'pescaglia']).execute();
  const lucca = enti.find((e) => e.slug === 'lucca');
  const pescaglia = enti.find((e) => e.slug === 'pescaglia');
  if (lucca) {
    const orgs = new Map((await db.selectFrom('organisation').select(['id', 'name']).where('tenant_id', '=', lucca.id).execute()).map((o) => [o.name, o.id]));
    await insertRows(db, luccaRows(lucca.id, orgs));
  }
  if (pescaglia) {
    await insertRows(db, pescagliaRows(pescaglia.id));
  }
}
