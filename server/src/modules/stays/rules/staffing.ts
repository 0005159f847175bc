// Staffing per day: support hours the booked guests need vs the hours planned. Pure.

export interface StaffedBooking {
  startsOn: string;
  /** Exclusive. */
  endsOn: string;
  supportHoursPerDay: number;
}

export interface StaffingDay {
  day: string;
  guests: number;
  neededHours: number;
  plannedHours: number;
  /** planned − needed: negative means not enough staff. */
  balanceHours: number;
  status: 'ok' | 'short' | 'idle';
}

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Every day of [from, to). */
export function daysOf(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d < to; d = addDays(d, 1)) {
    out.push(d);
  }
  return out;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

export function staffingDays(
  from: string,
  to: string,
  bookings: readonly StaffedBooking[],
  defaultHours: number,
  plan: ReadonlyMap<string, number>,
): StaffingDay[] {
  return daysOf(from, to).map((day) => {
    const here = bookings.filter((b) => b.startsOn <= day && day < b.endsOn);
    const neededHours = round1(here.reduce((s, b) => s + b.supportHoursPerDay, 0));
    const plannedHours = plan.get(day) ?? defaultHours;
    const balanceHours = round1(plannedHours - neededHours);
    const status = balanceHours < 0 ? 'short' : here.length === 0 ? 'idle' : 'ok';
    return { day, guests: here.length, neededHours, plannedHours, balanceHours, status };
  });
}
