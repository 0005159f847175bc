// Counter slots: the opening hours of a place cut into fixed-length slots, in Europe/Rome wall
// time (so 15:00 stays 15:00 across the change to and from summer time), skipping Italian public
// holidays, the place's extra holidays (e.g. San Paolino, patron of Lucca, 12 July) and closures.

export interface OpeningHours {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** 'HH:MM', 24-hour, local time; `to` is exclusive. */
  from: string;
  to: string;
}

export interface PlaceCalendar {
  hours: OpeningHours[];
  slotMinutes: number;
  /** 'MM-DD' days closed every year besides the national holidays. */
  extraHolidays: string[];
  /** 'YYYY-MM-DD' days closed once. */
  closures: string[];
}

export interface Slot {
  day: string;
  time: string;
  startsAt: Date;
  endsAt: Date;
}

/** Easter Sunday (Gregorian, anonymous algorithm) as 'YYYY-MM-DD'. */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** National public holidays (L. 260/1949 and later): fixed days plus Easter and Easter Monday. */
const FIXED_HOLIDAYS = ['01-01', '01-06', '04-25', '05-01', '06-02', '08-15', '11-01', '12-08', '12-25', '12-26'];

export function addDays(day: string, n: number): string {
  const t = Date.parse(`${day}T00:00:00Z`) + n * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

export function isHoliday(day: string, extraHolidays: string[] = []): boolean {
  const md = day.slice(5);
  if (FIXED_HOLIDAYS.includes(md) || extraHolidays.includes(md)) {
    return true;
  }
  const easter = easterSunday(Number(day.slice(0, 4)));
  return day === easter || day === addDays(easter, 1);
}

/** ISO weekday of a calendar day (1 = Monday). */
export function isoWeekday(day: string): number {
  const d = new Date(`${day}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

const romeParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Rome',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** Minutes Europe/Rome is ahead of UTC at an instant (60 in winter, 120 in summer). */
export function romeOffsetMinutes(at: Date): number {
  const p = Object.fromEntries(romeParts.formatToParts(at).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/** The instant of a Europe/Rome wall-clock time on a day. */
export function romeInstant(day: string, time: string): Date {
  const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  const naive = Date.UTC(y, mo - 1, d, h, mi);
  let t = naive - romeOffsetMinutes(new Date(naive)) * 60_000;
  const second = naive - romeOffsetMinutes(new Date(t)) * 60_000;
  if (second !== t) {
    t = second;
  }
  return new Date(t);
}

const toMinutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
};
const toHhmm = (mins: number) => `${String(Math.floor(mins / 60)).padStart(2, '0')}:${String(mins % 60).padStart(2, '0')}`;

/** The slots of a place over [fromDay, toDay] (both included), in time order. */
export function generateSlots(cal: PlaceCalendar, fromDay: string, toDay: string): Slot[] {
  const slots: Slot[] = [];
  if (cal.slotMinutes <= 0) {
    return slots;
  }
  for (let day = fromDay; day <= toDay; day = addDays(day, 1)) {
    if (isHoliday(day, cal.extraHolidays) || cal.closures.includes(day)) {
      continue;
    }
    const wd = isoWeekday(day);
    const windows = cal.hours.filter((h) => h.weekday === wd).sort((a, b) => toMinutes(a.from) - toMinutes(b.from));
    for (const w of windows) {
      const end = toMinutes(w.to);
      for (let m = toMinutes(w.from); m + cal.slotMinutes <= end; m += cal.slotMinutes) {
        const time = toHhmm(m);
        const startsAt = romeInstant(day, time);
        slots.push({ day, time, startsAt, endsAt: new Date(startsAt.getTime() + cal.slotMinutes * 60_000) });
      }
    }
  }
  return slots;
}

/** Lucca preset: the two places seed 002 names. */
export const LUCCA_PLACES = [
  {
    code: 'via-della-rosa',
    name: 'Agenzia Sociale per la Casa – sportello',
    address: 'Via della Rosa 42, Lucca',
    phone: null,
    slotMinutes: 30,
    // Opening days of the counter are not given in the seed: Monday and Wednesday mornings, editable.
    hours: [
      { weekday: 1, from: '09:00', to: '12:30' },
      { weekday: 3, from: '09:00', to: '12:30' },
    ],
  },
  {
    code: 'gvai-via-del-fosso',
    name: 'Punto informativo GVAI',
    address: 'Via del Fosso 170, Lucca (sede GVAI)',
    phone: '329 1394108',
    slotMinutes: 30,
    hours: [
      { weekday: 2, from: '15:00', to: '18:00' },
      { weekday: 4, from: '10:00', to: '13:00' },
    ],
  },
] as const;

/** San Paolino, patron saint of Lucca. */
export const LUCCA_EXTRA_HOLIDAYS = ['07-12'];
