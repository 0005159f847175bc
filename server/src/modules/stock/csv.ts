// The CSV format of the stock: one row per unit with its building and estate. Pure functions:
// parsing, per-row validation (zod) and in-file consistency checks; no database.
import { CsvError, parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { PROGRAMS } from '../../kernel/auth/permissions.js';
import { isMessageKey, type Lang, t } from '../../kernel/i18n/messages.js';
import { ACCESSIBILITY_FEATURES, ENERGY_CLASSES, FURNISHING, OWNER_KINDS, SOLUTION_TYPES, UNIT_STATUSES } from './schema.js';

export const CSV_COLUMNS = [
  'unit_code',
  'flat_number',
  'floor',
  'surface_m2',
  'rooms',
  'bedrooms',
  'beds',
  'bathrooms',
  'accessibility',
  'energy_class',
  'furnishing',
  'owner_kind',
  'owner_organisation',
  'owner_name',
  'managing_body',
  'notes',
  'estate_code',
  'estate_name',
  'building_address',
  'building_city',
  'building_postcode',
  'building_neighbourhood',
  'building_latitude',
  'building_longitude',
  'building_floors',
  'building_lift',
  'building_year_built',
  'current_program',
  'current_solution_type',
  'current_status',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

const REQUIRED_COLUMNS: readonly CsvColumn[] = ['unit_code', 'surface_m2', 'rooms', 'bedrooms', 'beds', 'owner_kind', 'building_address', 'building_city'];

export interface RowError {
  line: number;
  field: string;
  code: string;
  message: string;
}

// ---- cell types: every cell arrives as a trimmed string, '' already turned into null ----

const required = <T extends z.ZodType<unknown, string>>(inner: T) => z.string({ error: 'stock.csv.required' }).pipe(inner);
const text = (max: number) => z.string().max(max, 'stock.csv.too_long');
const int = (min: number, max: number) =>
  z
    .string()
    .regex(/^-?[0-9]+$/, 'stock.csv.integer')
    .transform(Number)
    .pipe(z.number().min(min, 'stock.csv.range').max(max, 'stock.csv.range'));
const decimal = (min: number, max: number) =>
  z
    .string()
    .regex(/^-?[0-9]+([.,][0-9]+)?$/, 'stock.csv.number')
    .transform((v) => Number(v.replace(',', '.')))
    .pipe(z.number().min(min, 'stock.csv.range').max(max, 'stock.csv.range'));
const oneOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: 'stock.csv.enum' });
const bool = z
  .string()
  .toLowerCase()
  .pipe(z.enum(['true', 'false', 'yes', 'no', 'si', 'sì', '1', '0'], { error: 'stock.csv.boolean' }))
  .transform((v) => ['true', 'yes', 'si', 'sì', '1'].includes(v));
const features = z
  .string()
  .transform((v) => v.split('|').map((f) => f.trim()))
  .pipe(z.array(oneOf(ACCESSIBILITY_FEATURES)));

export const CsvRowSchema = z
  .object({
    unit_code: required(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$/, 'stock.csv.code')),
    flat_number: text(20).nullable(),
    floor: int(-3, 60).nullable(),
    surface_m2: required(decimal(1, 1999)),
    rooms: required(int(1, 30)),
    bedrooms: required(int(0, 20)),
    beds: required(int(0, 40)),
    bathrooms: int(0, 10).nullable(),
    accessibility: features.nullable(),
    energy_class: z.string().toUpperCase().pipe(oneOf(ENERGY_CLASSES)).nullable(),
    furnishing: oneOf(FURNISHING).nullable(),
    owner_kind: required(oneOf(OWNER_KINDS)),
    owner_organisation: text(200).nullable(),
    owner_name: text(200).nullable(),
    managing_body: text(200).nullable(),
    notes: text(2000).nullable(),
    estate_code: z
      .string()
      .toUpperCase()
      .regex(/^[A-Z0-9][A-Z0-9_-]{0,29}$/, 'stock.csv.code')
      .nullable(),
    estate_name: z.string().min(2, 'stock.csv.too_short').max(200, 'stock.csv.too_long').nullable(),
    building_address: required(z.string().min(3, 'stock.csv.too_short').max(200, 'stock.csv.too_long')),
    building_city: required(z.string().min(2, 'stock.csv.too_short').max(100, 'stock.csv.too_long')),
    building_postcode: z
      .string()
      .regex(/^[0-9]{5}$/, 'stock.csv.postcode')
      .nullable(),
    building_neighbourhood: text(100).nullable(),
    building_latitude: decimal(-90, 90).nullable(),
    building_longitude: decimal(-180, 180).nullable(),
    building_floors: int(1, 60).nullable(),
    building_lift: bool.nullable(),
    building_year_built: int(1000, 2100).nullable(),
    current_program: oneOf(PROGRAMS).nullable(),
    current_solution_type: oneOf(SOLUTION_TYPES).nullable(),
    current_status: oneOf(UNIT_STATUSES).nullable(),
  })
  .superRefine((r, ctx) => {
    if (r.bedrooms > r.rooms) {
      ctx.addIssue({ code: 'custom', path: ['bedrooms'], message: 'stock.bedrooms_rooms' });
    }
    if (r.current_solution_type !== null && r.current_program !== 'dopo_di_noi') {
      ctx.addIssue({ code: 'custom', path: ['current_solution_type'], message: 'stock.solution_type' });
    }
    if (r.estate_code !== null && r.estate_name === null) {
      ctx.addIssue({ code: 'custom', path: ['estate_name'], message: 'stock.csv.required' });
    }
  });
export type CsvRow = z.output<typeof CsvRowSchema>;

export interface ParsedRow {
  line: number;
  row: CsvRow;
}

const message = (code: string, lang: Lang) => (isMessageKey(code) ? t(code, lang) : code);
const rowError = (line: number, field: string, code: string, lang: Lang): RowError => ({ line, field, code, message: message(code, lang) });

/** Reads a CSV file into records keyed by column, with the line of each record (header = line 1). */
export function readCsv(text: string, lang: Lang): { records: { line: number; values: Record<string, string> }[]; errors: RowError[] } {
  let raw: { record: string[]; info: { lines: number } }[];
  try {
    raw = parse(text, { bom: true, info: true, skip_empty_lines: true, trim: true, relax_column_count: true });
  } catch (e) {
    if (e instanceof CsvError) {
      const line = (e as CsvError & { lines?: number }).lines ?? 1;
      return { records: [], errors: [rowError(line, '(file)', 'stock.csv.malformed', lang)] };
    }
    throw e;
  }
  const [header, ...body] = raw;
  if (!header) {
    return { records: [], errors: [rowError(1, '(file)', 'stock.csv.empty', lang)] };
  }
  const names = header.record.map((h) => h.toLowerCase());
  const errors: RowError[] = [];
  for (const n of names) {
    if (!(CSV_COLUMNS as readonly string[]).includes(n)) {
      errors.push(rowError(1, n || '(empty)', 'stock.csv.unknown_column', lang));
    }
  }
  for (const c of REQUIRED_COLUMNS) {
    if (!names.includes(c)) {
      errors.push(rowError(1, c, 'stock.csv.missing_column', lang));
    }
  }
  if (errors.length > 0) {
    return { records: [], errors };
  }
  const records = body.map(({ record, info }) => {
    if (record.length !== names.length) {
      errors.push(rowError(info.lines, '(row)', 'stock.csv.column_count', lang));
    }
    return { line: info.lines, values: Object.fromEntries(names.map((n, i) => [n, record[i] ?? ''])) };
  });
  return { records, errors };
}

/** Validates each record on its own; every failing cell gives one error. */
export function validateRecords(records: { line: number; values: Record<string, string> }[], lang: Lang): { rows: ParsedRow[]; errors: RowError[] } {
  const rows: ParsedRow[] = [];
  const errors: RowError[] = [];
  for (const { line, values } of records) {
    const input = Object.fromEntries(CSV_COLUMNS.map((c) => [c, values[c] === undefined || values[c] === '' ? null : values[c]]));
    const parsed = CsvRowSchema.safeParse(input);
    if (parsed.success) {
      rows.push({ line, row: parsed.data });
    } else {
      for (const issue of parsed.error.issues) {
        const code = isMessageKey(issue.message) ? issue.message : 'stock.csv.invalid';
        errors.push(rowError(line, String(issue.path[0] ?? '(row)'), code, lang));
      }
    }
  }
  return { rows, errors };
}

const BUILDING_FIELDS = [
  'estate_code',
  'estate_name',
  'building_postcode',
  'building_neighbourhood',
  'building_latitude',
  'building_longitude',
  'building_floors',
  'building_lift',
  'building_year_built',
] as const;

export const buildingKey = (r: CsvRow) => `${r.building_city.toLowerCase()}\u0000${r.building_address.toLowerCase()}`;

/** A unit code appears once in a file (checked on the raw cells, so invalid rows count too). */
export function checkDuplicateCodes(records: { line: number; values: Record<string, string> }[], lang: Lang): RowError[] {
  const seen = new Set<string>();
  const errors: RowError[] = [];
  for (const { line, values } of records) {
    const code = values.unit_code ?? '';
    if (code !== '' && seen.has(code)) {
      errors.push(rowError(line, 'unit_code', 'stock.csv.duplicate_code', lang));
    }
    seen.add(code);
  }
  return errors;
}

/** Rows of one building (same city and address) agree on its fields. */
export function checkBuildings(rows: ParsedRow[], lang: Lang): RowError[] {
  const errors: RowError[] = [];
  const buildings = new Map<string, CsvRow>();
  for (const { line, row } of rows) {
    const first = buildings.get(buildingKey(row));
    if (!first) {
      buildings.set(buildingKey(row), row);
      continue;
    }
    for (const f of BUILDING_FIELDS) {
      if (row[f] !== null && first[f] !== null && row[f] !== first[f]) {
        errors.push(rowError(line, f, 'stock.csv.building_mismatch', lang));
      }
    }
  }
  return errors;
}

export interface ParsedFile {
  /** Every data row as read (cells by column), valid or not. */
  records: { line: number; values: Record<string, string> }[];
  /** The rows that passed validation. */
  rows: ParsedRow[];
  errors: RowError[];
}

/** Parses and validates a whole file: rows ready to apply, or every error found (sorted by line). */
export function parseStockCsv(text: string, lang: Lang): ParsedFile {
  const read = readCsv(text, lang);
  if (read.records.length === 0 && read.errors.length > 0) {
    return { records: [], rows: [], errors: read.errors };
  }
  const { rows, errors } = validateRecords(read.records, lang);
  const all = [...read.errors, ...errors, ...checkDuplicateCodes(read.records, lang), ...checkBuildings(rows, lang)];
  all.sort((a, b) => a.line - b.line);
  return { records: read.records, rows, errors: all };
}

/** Writes rows as RFC 4180 CSV (comma, CRLF, quotes when needed) with a header and a UTF-8 BOM. */
export function writeStockCsv(rows: Record<CsvColumn, string | number | boolean | null>[]): string {
  return stringify(rows, { header: true, columns: [...CSV_COLUMNS], bom: true, record_delimiter: 'windows', cast: { boolean: (v) => String(v) } });
}
