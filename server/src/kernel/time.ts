/** The time zone every date in Abitare is shown and reasoned in. */
export const TIME_ZONE = 'Europe/Rome';

/** An injectable clock: production uses the system clock, tests pass a fixed or manual one. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests can move by hand; never sleep in a test. */
export function manualClock(start: Date | string = '2026-11-23T09:00:00Z') {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    advance(ms: number) {
      t += ms;
    },
    set(d: Date | string) {
      t = new Date(d).getTime();
    },
  };
}

const romeDayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day of an instant in Europe/Rome, as YYYY-MM-DD. */
export function romeDay(at: Date): string {
  return romeDayFormat.format(at);
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
