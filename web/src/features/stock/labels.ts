import type { TFunction } from 'i18next';
import type { ProgramPeriod, Unit } from './api.js';

/** "Durante e Dopo di Noi – Palestra di autonomia": the program with its solution type, if any. */
export function programLabel(t: TFunction, p: Pick<ProgramPeriod, 'program' | 'solutionType'> | null): string {
  if (!p) {
    return t('stock.none');
  }
  const program = t(`programs.${p.program}`);
  return p.solutionType ? t('stock.programWithSolution', { program, solution: t(`stock.solutionType.${p.solutionType}`) }) : program;
}

export function statusLabel(t: TFunction, status: string | null): string {
  return t(`stock.status.${status ?? 'none'}`);
}

export function accessibilityLabel(t: TFunction, features: readonly string[]): string {
  return features.length === 0 ? t('stock.accessibility.none') : features.map((f) => t(`stock.accessibility.${f}`)).join(', ');
}

/** "62,5 m² · 3 vani · 2 camere" */
export function sizeLabel(t: TFunction, u: Pick<Unit, 'surfaceM2' | 'rooms' | 'bedrooms'>, lang: string): string {
  const m2 = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'it-IT', { maximumFractionDigits: 1 }).format(u.surfaceM2);
  return t('stock.size', { m2, rooms: u.rooms, bedrooms: u.bedrooms });
}

/** A day (YYYY-MM-DD) as the user reads it, e.g. 01/03/2025. */
export function formatDay(day: string, lang: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'it-IT', { timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

/** Today in Europe/Rome as YYYY-MM-DD. */
export function romeToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export const STATUS_BADGE: Record<string, 'success' | 'secondary' | 'danger' | 'warning' | 'primary'> = {
  available: 'success',
  reserved: 'primary',
  occupied: 'secondary',
  maintenance: 'warning',
  out_of_service: 'danger',
  none: 'secondary',
};
