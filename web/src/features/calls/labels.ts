import type { CallPhase } from './api.js';

export const PHASE_BADGE: Record<CallPhase, 'success' | 'secondary' | 'danger' | 'warning' | 'primary'> = {
  draft: 'secondary',
  scheduled: 'primary',
  open: 'success',
  closed: 'warning',
  objections: 'warning',
  provisional: 'primary',
  final: 'secondary',
};

export const STATUS_BADGE = {
  draft: 'secondary',
  submitted: 'primary',
  withdrawn: 'secondary',
  admitted: 'success',
  excluded: 'danger',
} as const;

/** Points with up to two decimals, in the UI language. */
export function formatPoints(n: number, lang: string): string {
  return new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'it-IT', { maximumFractionDigits: 2 }).format(n);
}

/** The label of an enum fact value, e.g. calls.enum.applicant_disability.severe. */
export function enumKey(fact: string, value: string): string {
  return `calls.enum.${fact.replace('.', '_')}.${value}`;
}
