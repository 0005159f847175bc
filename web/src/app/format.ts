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
