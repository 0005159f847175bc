// Instants are shown in Europe/Rome, whatever the browser's zone (STYLE.md: dates in Europe/Rome).
const ZONE = 'Europe/Rome';

export function formatDateTime(iso: string, lang: string): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'it-IT', { timeZone: ZONE, dateStyle: 'short', timeStyle: 'medium' }).format(new Date(iso));
}

/** The UTC offset of Europe/Rome on a day ('YYYY-MM-DD'), e.g. '+02:00'. */
function romeOffset(day: string): string {
  const noon = new Date(`${day}T12:00:00Z`);
  const name = new Intl.DateTimeFormat('en-US', { timeZone: ZONE, timeZoneName: 'longOffset' }).formatToParts(noon).find((p) => p.type === 'timeZoneName');
  const offset = name?.value.replace('GMT', '') ?? '';
  return offset === '' ? '+00:00' : offset;
}

/** Start (00:00) or end (23:59:59.999) of a day in Rome, as an ISO datetime with offset. */
export function romeDayBoundary(day: string, end: boolean): string {
  return `${day}T${end ? '23:59:59.999' : '00:00:00'}${romeOffset(day)}`;
}

/** A calendar day ('YYYY-MM-DD', no time zone) as people read it: 13/06/2026. */
export function formatDay(day: string | null | undefined, lang: string): string {
  if (!day) {
    return '—';
  }
  // A day has no zone: format it at UTC midnight in UTC so that it never shifts.
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'it-IT', { timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

/** Euro cents → "1.234,56 €" in the UI language. */
export function formatCents(cents: number, lang: string): string {
  return new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'it-IT', { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

/** "1.234,56" or "1234.56" typed by a person → integer cents; null when it is not an amount. */
export function parseEuro(text: string): number | null {
  const t = text.trim().replace(/\s|€/g, '');
  if (!/^\d{1,3}(\.\d{3})*(,\d{1,2})?$|^\d+([.,]\d{1,2})?$/.test(t)) {
    return null;
  }
  const normalised = /,\d{1,2}$/.test(t) || /^\d{1,3}(\.\d{3})+$/.test(t) ? t.replace(/\./g, '').replace(',', '.') : t.replace(',', '.');
  return Math.round(Number(normalised) * 100);
}
