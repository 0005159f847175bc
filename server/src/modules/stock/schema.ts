import { z } from 'zod';
import { PROGRAMS } from '../../kernel/auth/permissions.js';
import { PageQuery } from '../../kernel/http/pagination.js';

export const ACCESSIBILITY_FEATURES = ['step_free_access', 'lift', 'accessible_bathroom', 'wheelchair_turning_space'] as const;
export type AccessibilityFeature = (typeof ACCESSIBILITY_FEATURES)[number];
export const ENERGY_CLASSES = ['A4', 'A3', 'A2', 'A1', 'B', 'C', 'D', 'E', 'F', 'G'] as const;
export const FURNISHING = ['none', 'partial', 'full'] as const;
export const OWNER_KINDS = ['municipality', 'housing_company', 'private', 'third_sector', 'other'] as const;
export const UNIT_STATUSES = ['available', 'reserved', 'occupied', 'maintenance', 'out_of_service'] as const;
export type UnitStatus = (typeof UNIT_STATUSES)[number];
/** Durante e Dopo di Noi housing solutions (L. 112/2016). */
export const SOLUTION_TYPES = ['stable_home', 'autonomy_gym', 'respite', 'mutual_aid'] as const;
export const COMMON_SPACE_KINDS = ['laundry', 'garden', 'community_room', 'playground', 'storage', 'bike_storage', 'office', 'other'] as const;

export const IdParams = z.object({ id: z.uuid() });
export const Day = z.iso.date().describe('A day, YYYY-MM-DD');
const Text = (max: number) => z.string().trim().min(1).max(max);

// ---- estates ----

export const EstateCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9_-]{0,29}$/)
  .describe('Short code, e.g. PONTETETTO');

export const EstateCreateBody = z.object({
  code: EstateCode.nullable().default(null),
  name: z.string().trim().min(2).max(200),
  description: Text(2000).nullable().default(null),
});
export const EstatePatchBody = z
  .object({ code: EstateCode.nullable().optional(), name: z.string().trim().min(2).max(200).optional(), description: Text(2000).nullable().optional() })
  .refine((b) => Object.keys(b).length > 0, { message: 'request.invalid' });

export const EstateOut = z.object({
  id: z.uuid(),
  code: z.string().nullable(),
  name: z.string(),
  description: z.string().nullable(),
  buildingCount: z.number().int(),
  unitCount: z.number().int(),
});

// ---- buildings ----

const BuildingFields = z.object({
  estateId: z.uuid().nullable().describe('Null for scattered flats outside an estate'),
  address: z.string().trim().min(3).max(200).describe('Street and number, e.g. "via Pisana 112"'),
  postcode: z
    .string()
    .regex(/^[0-9]{5}$/)
    .nullable(),
  city: z.string().trim().min(2).max(100),
  neighbourhood: Text(100).nullable().describe('Quartiere / frazione, e.g. "Sant\'Anna"'),
  latitude: z.number().min(-90).max(90).nullable(),
  longitude: z.number().min(-180).max(180).nullable(),
  floors: z.number().int().min(1).max(60).nullable(),
  hasLift: z.boolean(),
  yearBuilt: z.number().int().min(1000).max(2100).nullable(),
});

export const BuildingCreateBody = BuildingFields.extend({
  estateId: BuildingFields.shape.estateId.default(null),
  postcode: BuildingFields.shape.postcode.default(null),
  neighbourhood: BuildingFields.shape.neighbourhood.default(null),
  latitude: BuildingFields.shape.latitude.default(null),
  longitude: BuildingFields.shape.longitude.default(null),
  floors: BuildingFields.shape.floors.default(null),
  hasLift: z.boolean().default(false),
  yearBuilt: BuildingFields.shape.yearBuilt.default(null),
});
export const BuildingPatchBody = BuildingFields.partial().refine((b) => Object.keys(b).length > 0, { message: 'request.invalid' });

export const BuildingOut = BuildingFields.extend({
  id: z.uuid(),
  estateName: z.string().nullable(),
  unitCount: z.number().int(),
});

export const BuildingListQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional().describe('Search in address and estate name'),
  estateId: z.uuid().optional(),
});

// ---- common spaces ----

export const CommonSpaceCreateBody = z
  .object({
    estateId: z.uuid().nullable().default(null),
    buildingId: z.uuid().nullable().default(null),
    name: Text(200),
    kind: z.enum(COMMON_SPACE_KINDS),
    capacity: z.number().int().min(1).max(1000).nullable().default(null).describe('People it can host'),
    notes: Text(2000).nullable().default(null),
  })
  .refine((b) => (b.estateId === null) !== (b.buildingId === null), { message: 'stock.space_owner', path: ['buildingId'] });

export const CommonSpaceOut = z.object({
  id: z.uuid(),
  estateId: z.uuid().nullable(),
  buildingId: z.uuid().nullable(),
  name: z.string(),
  kind: z.enum(COMMON_SPACE_KINDS),
  capacity: z.number().int().nullable(),
  notes: z.string().nullable(),
});

export const CommonSpaceQuery = z.object({ estateId: z.uuid().optional(), buildingId: z.uuid().optional() });

// ---- units ----

const UnitFields = z.object({
  buildingId: z.uuid(),
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$/)
    .describe('Unique code of the unit in the ente, e.g. "PNT-A-03"'),
  flatNumber: Text(20).nullable().describe('Interno'),
  floor: z.number().int().min(-3).max(60).nullable(),
  surfaceM2: z.number().positive().max(1999).describe('Surface in m² (one decimal)'),
  rooms: z.number().int().min(1).max(30).describe('Rooms (vani), bedrooms included'),
  bedrooms: z.number().int().min(0).max(20),
  beds: z.number().int().min(0).max(40).describe('Capacity: people the unit can host'),
  bathrooms: z.number().int().min(0).max(10),
  accessibility: z.array(z.enum(ACCESSIBILITY_FEATURES)).max(4),
  energyClass: z.enum(ENERGY_CLASSES).nullable(),
  furnishing: z.enum(FURNISHING),
  ownerKind: z.enum(OWNER_KINDS),
  ownerOrganisationId: z.uuid().nullable(),
  ownerName: Text(200).nullable().describe('Owner when not an organisation of the ente, e.g. a private landlord'),
  managingOrganisationId: z.uuid().nullable().describe('Managing body (ente gestore)'),
  notes: Text(2000).nullable(),
});

const roomsCheck = (b: { rooms?: number; bedrooms?: number }) => b.rooms === undefined || b.bedrooms === undefined || b.bedrooms <= b.rooms;

export const UnitCreateBody = UnitFields.extend({
  flatNumber: UnitFields.shape.flatNumber.default(null),
  floor: UnitFields.shape.floor.default(null),
  bathrooms: UnitFields.shape.bathrooms.default(1),
  accessibility: UnitFields.shape.accessibility.default([]),
  energyClass: UnitFields.shape.energyClass.default(null),
  furnishing: UnitFields.shape.furnishing.default('none'),
  ownerOrganisationId: UnitFields.shape.ownerOrganisationId.default(null),
  ownerName: UnitFields.shape.ownerName.default(null),
  managingOrganisationId: UnitFields.shape.managingOrganisationId.default(null),
  notes: UnitFields.shape.notes.default(null),
}).refine(roomsCheck, { message: 'stock.bedrooms_rooms', path: ['bedrooms'] });
export const UnitPatchBody = UnitFields.partial()
  .refine((b) => Object.keys(b).length > 0, { message: 'request.invalid' })
  .refine(roomsCheck, { message: 'stock.bedrooms_rooms', path: ['bedrooms'] });

const Period = { from: Day, to: Day.nullable().describe('Exclusive end; null = open-ended') };

export const ProgramPeriodOut = z.object({
  id: z.uuid(),
  program: z.enum(PROGRAMS),
  solutionType: z.enum(SOLUTION_TYPES).nullable(),
  ...Period,
  note: z.string().nullable(),
});
export const StatusPeriodOut = z.object({ id: z.uuid(), status: z.enum(UNIT_STATUSES), ...Period, note: z.string().nullable() });

export const UnitOut = UnitFields.extend({
  id: z.uuid(),
  flatNumber: z.string().nullable(),
  building: z.object({ id: z.uuid(), address: z.string(), city: z.string(), postcode: z.string().nullable(), neighbourhood: z.string().nullable() }),
  estate: z.object({ id: z.uuid(), code: z.string().nullable(), name: z.string() }).nullable(),
  currentStatus: z.enum(UNIT_STATUSES).nullable().describe("Status on today's date (Europe/Rome)"),
  currentProgram: z.enum(PROGRAMS).nullable().describe("Program served on today's date (Europe/Rome)"),
  currentSolutionType: z.enum(SOLUTION_TYPES).nullable(),
});

export const UnitDetailOut = UnitOut.extend({
  building: BuildingOut.omit({ unitCount: true }),
  owner: z.object({ kind: z.enum(OWNER_KINDS), organisationId: z.uuid().nullable(), organisationName: z.string().nullable(), name: z.string().nullable() }),
  managingBody: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  programs: z.array(ProgramPeriodOut).describe('Program periods, newest first'),
  statusHistory: z.array(StatusPeriodOut).describe('Status periods, newest first'),
  commonSpaces: z.array(CommonSpaceOut).describe('Of its building and of its estate'),
});

const Csv = <T extends string>(values: readonly T[]) =>
  z
    .string()
    .regex(new RegExp(`^(${values.join('|')})(,(${values.join('|')}))*$`))
    .describe(`Comma-separated: ${values.join(', ')}`);

export const UnitFilterQuery = z.object({
  q: z.string().trim().max(100).optional().describe('Search in unit code, building address and estate name'),
  neighbourhood: z.string().trim().max(100).optional(),
  estateId: z.uuid().optional(),
  buildingId: z.uuid().optional(),
  program: z.enum(PROGRAMS).optional().describe('Current program'),
  status: z.enum(UNIT_STATUSES).optional().describe('Current status'),
  minSurface: z.coerce.number().min(0).optional(),
  maxSurface: z.coerce.number().min(0).optional(),
  minBedrooms: z.coerce.number().int().min(0).optional(),
  minBeds: z.coerce.number().int().min(0).optional().describe('At least this many beds (capacity)'),
  accessibility: Csv(ACCESSIBILITY_FEATURES).optional().describe('Every listed feature is required'),
});
export const UnitListQuery = PageQuery.extend(UnitFilterQuery.shape);

export const ProgramPeriodBody = z
  .object({
    program: z.enum(PROGRAMS),
    solutionType: z.enum(SOLUTION_TYPES).nullable().default(null).describe('dopo_di_noi only'),
    from: Day,
    to: Day.nullable().default(null),
    note: Text(1000).nullable().default(null),
  })
  .refine((b) => b.to === null || b.to > b.from, { message: 'stock.period_order', path: ['to'] })
  .refine((b) => b.solutionType === null || b.program === 'dopo_di_noi', { message: 'stock.solution_type', path: ['solutionType'] });

export const StatusPeriodBody = z
  .object({ status: z.enum(UNIT_STATUSES), from: Day, to: Day.nullable().default(null), note: Text(1000).nullable().default(null) })
  .refine((b) => b.to === null || b.to > b.from, { message: 'stock.period_order', path: ['to'] });

export const StatusChangeBody = z.object({
  status: z.enum(UNIT_STATUSES),
  from: Day.describe('The new status starts on this day; the period in force then ends the day before'),
  note: Text(1000).nullable().default(null),
});

export const UnitSummaryOut = z.object({
  total: z.number().int().describe('Units matching the filters'),
  byStatus: z.partialRecord(z.enum([...UNIT_STATUSES, 'none']), z.number().int()).describe('Matching units by current status (`none`: no status today)'),
});

export const NeighbourhoodOut = z.object({ name: z.string(), unitCount: z.number().int() });

// ---- CSV import ----

export const ImportQuery = z.object({
  dryRun: z.enum(['true', 'false']).default('false').describe('true: validate and report, write nothing'),
});

export const ImportRowError = z.object({
  line: z.number().int().describe('Line in the file (the header is line 1)'),
  field: z.string().describe('CSV column'),
  code: z.string(),
  message: z.string(),
});

export const ImportResult = z.object({
  dryRun: z.boolean(),
  valid: z.boolean(),
  rows: z.number().int(),
  unitsCreated: z.number().int(),
  unitsUpdated: z.number().int(),
  estatesCreated: z.number().int(),
  buildingsCreated: z.number().int(),
  errors: z.array(ImportRowError),
});
