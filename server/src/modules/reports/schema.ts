import { z } from 'zod';
import { PROGRAMS } from '../../kernel/auth/permissions.js';
import { DATASETS } from './opendata.js';

const Day = z.iso.date();
const I18n = z.object({ it: z.string(), en: z.string() });

export const ReportQuery = z
  .object({
    program: z.enum(PROGRAMS).optional().describe('One program; default: every program the reader covers'),
    from: Day.optional().describe('First day of the period (default: 1 January of this year)'),
    to: Day.optional().describe('Last day of the period, inclusive (default: today)'),
    estateId: z.uuid().optional().describe('Only units of this estate'),
    organisationId: z.uuid().optional().describe('Only units managed by (or solutions run by) this organisation'),
    lang: z.enum(['it', 'en']).optional().describe('Language of the export headers (default: Accept-Language)'),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, { path: ['to'], message: 'stock.period_order' });

export const TableParams = z.object({
  table: z.enum(['indicators', 'applications_by_program', 'applications_by_month', 'arrears_by_estate']).describe('Which table'),
});

const IndicatorOut = z.object({
  id: z.string(),
  group: z.string(),
  unit: z.enum(['count', 'days', 'rate', 'cents']).describe('rate: basis points (10,000 = 100 %); cents: euro cents'),
  label: I18n,
  definition: I18n,
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  drill: z.string().nullable().describe('The list page behind the number, when the reader may open it'),
});

const TableOut = z.object({
  id: z.string(),
  title: I18n,
  columns: z.array(z.object({ key: z.string(), label: I18n, unit: z.string() })),
  rows: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()]))),
});

export const ReportOut = z.object({
  period: z.object({ from: z.string(), to: z.string(), ref: z.string().describe('Reference day of point-in-time figures') }),
  programs: z.array(z.enum(PROGRAMS)),
  estateId: z.string().nullable(),
  organisationId: z.string().nullable(),
  indicators: z.array(IndicatorOut),
  tables: z.array(TableOut),
  options: z.object({
    programs: z.array(z.enum(PROGRAMS)).describe('Programs the reader may report on'),
    estates: z.array(z.object({ id: z.string(), name: z.string() })),
    organisations: z.array(z.object({ id: z.string(), name: z.string() })),
  }),
});

export const EnteParams = z.object({ ente: z.string().regex(/^[a-z0-9-]{2,60}$/) });
export const DatasetParams = z.object({
  ente: z.string().regex(/^[a-z0-9-]{2,60}$/),
  file: z
    .string()
    .regex(new RegExp(`^(${DATASETS.join('|')})\\.(json|csv)$`))
    .describe('<dataset>.json or <dataset>.csv'),
});
export const YearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional().describe('Calendar year (default: this year)') });

export const OpenIndexOut = z.object({
  ente: z.string(),
  enteName: z.string(),
  licence: z.object({ id: z.string(), name: z.string(), url: z.string() }),
  suppression: I18n,
  years: z.array(z.number()),
  datasets: z.array(z.object({ id: z.string(), title: I18n, description: I18n, json: z.string(), csv: z.string() })),
});

export const OpenDatasetOut = z.object({
  dataset: z.string(),
  ente: z.string(),
  enteName: z.string(),
  title: I18n,
  description: I18n,
  year: z.number(),
  licence: z.object({ id: z.string(), name: z.string(), url: z.string() }),
  attribution: z.string(),
  suppression: I18n,
  columns: z.array(z.string()),
  rows: z.array(z.record(z.string(), z.union([z.string(), z.number()]))),
});
