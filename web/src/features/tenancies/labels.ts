import type { ArrearsLevel } from './api.js';

/** Today's date in Europe/Rome as YYYY-MM-DD (form defaults). */
export function romeToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

export const LEVEL_BADGE: Record<ArrearsLevel, 'success' | 'secondary' | 'warning' | 'danger'> = {
  none: 'success',
  watch: 'secondary',
  alert: 'warning',
  critical: 'danger',
};
