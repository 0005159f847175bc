// Reports: types of the API answers (server/src/modules/reports/schema.ts) and TanStack Query hooks.
import { useQuery } from '@tanstack/react-query';
import { api, query } from '../../app/api.js';

export const PROGRAMS = ['erp', 'youth_collab', 'dopo_di_noi', 'agency', 'mediation', 'cohousing', 'housing_first'] as const;
export type Program = (typeof PROGRAMS)[number];
export type Unit = 'count' | 'days' | 'rate' | 'cents' | 'text';
export interface I18nText {
  it: string;
  en: string;
}

export interface Indicator {
  id: string;
  group: string;
  unit: Exclude<Unit, 'text'>;
  label: I18nText;
  definition: I18nText;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  drill: string | null;
}

export interface ReportTable {
  id: string;
  title: I18nText;
  columns: { key: string; label: I18nText; unit: Unit }[];
  rows: Record<string, string | number | null>[];
}

export interface Report {
  period: { from: string; to: string; ref: string };
  programs: Program[];
  estateId: string | null;
  organisationId: string | null;
  indicators: Indicator[];
  tables: ReportTable[];
  options: { programs: Program[]; estates: { id: string; name: string }[]; organisations: { id: string; name: string }[] };
}

export interface ReportFilter {
  program?: string;
  from?: string;
  to?: string;
  estateId?: string;
  organisationId?: string;
}

export const filterQuery = (f: ReportFilter, lang?: string) =>
  query({ program: f.program, from: f.from, to: f.to, estateId: f.estateId, organisationId: f.organisationId, lang });

export function useReport(f: ReportFilter) {
  return useQuery({ queryKey: ['reports', 'indicators', f], queryFn: () => api<Report>('GET', `/api/v1/reports/indicators${filterQuery(f)}`) });
}

export interface OpenIndex {
  ente: string;
  enteName: string;
  licence: { id: string; name: string; url: string };
  suppression: I18nText;
  years: number[];
  datasets: { id: string; title: I18nText; description: I18nText; json: string; csv: string }[];
}

export interface OpenDataset {
  dataset: string;
  year: number;
  title: I18nText;
  columns: string[];
  rows: Record<string, string | number>[];
}

export function useOpenIndex(ente: string) {
  return useQuery({ queryKey: ['open-data', ente], queryFn: () => api<OpenIndex>('GET', `/api/v1/open-data/${encodeURIComponent(ente)}`) });
}

export function useOpenDataset(url: string, year: number) {
  return useQuery({ queryKey: ['open-data', url, year], queryFn: () => api<OpenDataset>('GET', `${url}${query({ year })}`) });
}

/** A value as text in the reader's language: rates in percent, cents in euro, days with one decimal. */
export function formatValue(value: number | string | null | undefined, unit: Unit, lang: string): string {
  if (value === null || value === undefined) {
    return '—';
  }
  if (typeof value === 'string') {
    return value;
  }
  const loc = lang === 'it' ? 'it-IT' : 'en-GB';
  switch (unit) {
    case 'rate':
      return `${(value / 100).toLocaleString(loc, { minimumFractionDigits: 1, maximumFractionDigits: 1 })} %`;
    case 'cents':
      return (value / 100).toLocaleString(loc, { style: 'currency', currency: 'EUR' });
    case 'days':
      return value.toLocaleString(loc, { maximumFractionDigits: 1 });
    default:
      return value.toLocaleString(loc);
  }
}
