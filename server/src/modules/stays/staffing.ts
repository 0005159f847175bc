// Staffing of a solution over [from, to): approved guests' support hours vs the staff plan.
import type { TenantContext } from '../../kernel/context.js';
import type { Executor } from '../../kernel/db/tenant.js';
import * as repo from './repo.js';
import { daysOf, staffingDays } from './rules/staffing.js';

export { daysOf };

export async function staffingOf(db: Executor, ctx: TenantContext, s: { id: string; staffHoursPerDay: number }, from: string, to: string) {
  const bookings = (await repo.bedBookings(db, ctx, s.id, from, to)).filter((k) => k.status === 'approved');
  const plan = new Map((await repo.staffPlan(db, ctx, s.id, from, to)).map((p) => [p.day, Number(p.hours)]));
  const days = staffingDays(
    from,
    to,
    bookings.map((k) => ({ startsOn: k.starts_on, endsOn: k.ends_on, supportHoursPerDay: Number(k.support_hours_per_day) })),
    s.staffHoursPerDay,
    plan,
  );
  return { solutionId: s.id, days };
}
