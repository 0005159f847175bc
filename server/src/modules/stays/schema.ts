import { z } from 'zod';

export const SOLUTION_KINDS = ['stable_home', 'autonomy_gym', 'respite', 'mutual_aid'] as const;
export const SHORT_STAY_KINDS = ['autonomy_gym', 'respite'] as const;
export const SEVERITIES = ['mild', 'severe'] as const;
export const SUPPORT_LEVELS = ['light', 'moderate', 'intensive', 'structured'] as const;
export const BOOKING_STATUSES = ['requested', 'waitlisted', 'offered', 'approved', 'refused', 'withdrawn', 'cancelled'] as const;
export const GOAL_DOMAINS = ['autonomy', 'housing', 'work'] as const;
export const PROJECT_STAGES = ['draft', 'approved', 'acknowledged', 'revising'] as const;

export const IdParams = z.object({ id: z.uuid() });
export const PersonParams = z.object({ personId: z.uuid() });
export const VersionParams = z.object({ id: z.uuid(), version: z.coerce.number().int().min(1).max(999) });
export const Day = z.iso.date().describe('A day, YYYY-MM-DD');
const Text = (max: number) => z.string().trim().min(1).max(max);
const Hours = z.number().min(0).max(24).multipleOf(0.5);

const rangeOk = (r: { startsOn: string; endsOn: string }) => r.endsOn > r.startsOn;
const rangeMsg = { message: 'stay.period_order', path: ['endsOn'] };

// ---- solutions ----

export const SolutionCreateBody = z.object({
  unitId: z.uuid().describe('Stock unit; one bed row is created for each bed of the unit'),
  kind: z.enum(SOLUTION_KINDS),
  name: Text(200),
  description: z.string().trim().max(2000).nullable().default(null),
  eligibleSeverities: z.array(z.enum(SEVERITIES)).min(1).max(2),
  supportLevel: z.enum(SUPPORT_LEVELS),
  staffHoursPerDay: z.number().min(0).max(240).multipleOf(0.5).describe('Staff hours planned per day by default'),
  maxStayDays: z.number().int().min(1).max(366).nullable().default(null),
  runByOrganisationId: z.uuid().nullable().default(null).describe('Partner organisation running the solution'),
});

export const BedOut = z.object({ id: z.uuid(), number: z.number().int(), label: z.string() });
export const SolutionOut = z.object({
  id: z.uuid(),
  kind: z.enum(SOLUTION_KINDS),
  name: z.string(),
  description: z.string().nullable(),
  unitId: z.uuid(),
  unitCode: z.string(),
  address: z.string(),
  eligibleSeverities: z.array(z.enum(SEVERITIES)),
  supportLevel: z.enum(SUPPORT_LEVELS),
  staffHoursPerDay: z.number(),
  maxStayDays: z.number().nullable(),
  runBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  active: z.boolean(),
  beds: z.array(BedOut),
  guestsToday: z.number().int().describe('Approved bookings (or pairings for mutual aid) in force today'),
  waiting: z.number().int().describe('Requests waiting (requested or waitlisted)'),
});

export const RangeQuery = z
  .object({ from: Day, to: Day.describe('Exclusive') })
  .refine((r) => r.to > r.from, { message: 'stay.period_order', path: ['to'] })
  .refine((r) => (Date.parse(r.to) - Date.parse(r.from)) / 86_400_000 <= 92, { message: 'stay.range_too_long', path: ['to'] });

export const CalendarOut = z.object({
  solutionId: z.uuid(),
  from: Day,
  to: Day,
  beds: z.array(
    BedOut.extend({
      bookings: z.array(
        z.object({
          id: z.uuid(),
          status: z.enum(BOOKING_STATUSES),
          startsOn: Day,
          endsOn: Day.describe('Exclusive'),
          guestName: z.string(),
          supportHoursPerDay: z.number(),
        }),
      ),
    }),
  ),
});

export const StaffingOut = z.object({
  solutionId: z.uuid(),
  days: z.array(
    z.object({
      day: Day,
      guests: z.number().int(),
      neededHours: z.number(),
      plannedHours: z.number(),
      balanceHours: z.number(),
      status: z.enum(['ok', 'short', 'idle']),
    }),
  ),
});

export const StaffPlanBody = z
  .object({ from: Day, to: Day.describe('Exclusive'), hours: z.number().min(0).max(240).multipleOf(0.5) })
  .refine((r) => r.to > r.from, { message: 'stay.period_order', path: ['to'] });

// ---- bookings ----

export const BookingCreateBody = z
  .object({
    solutionId: z.uuid(),
    personId: z.uuid(),
    startsOn: Day,
    endsOn: Day.describe('Exclusive: the day the guest leaves'),
    needs: Text(2000).describe('Needs for the stay: care, routines, mobility, diet…'),
    supportHoursPerDay: Hours,
    severity: z.enum(SEVERITIES),
    familyBurden: z.number().int().min(0).max(5).describe('Family burden 0–5 as assessed'),
  })
  .refine(rangeOk, rangeMsg);

export const FamilyBookingBody = z
  .object({
    solutionId: z.uuid(),
    personId: z.uuid().describe('The relative (or oneself)'),
    startsOn: Day,
    endsOn: Day.describe('Exclusive: the day the guest leaves'),
    needs: Text(2000),
  })
  .refine(rangeOk, rangeMsg);

export const ApproveBody = z.object({
  bedId: z.uuid().nullable().default(null).describe('The bed; null = the first bed free for the whole period'),
  note: z.string().trim().max(1000).nullable().default(null),
});
export const DecisionBody = z.object({ note: z.string().trim().max(1000).nullable().default(null) });

export const BookingListQuery = z.object({
  solutionId: z.uuid().optional(),
  status: z.enum(BOOKING_STATUSES).optional(),
  personId: z.uuid().optional(),
});

export const PriorityOut = z.object({
  score: z.number(),
  lines: z.array(z.object({ code: z.string(), points: z.number(), value: z.number(), text: z.string() })),
});

export const BookingOut = z.object({
  id: z.uuid(),
  solutionId: z.uuid(),
  solutionName: z.string(),
  solutionKind: z.enum(SOLUTION_KINDS),
  personId: z.uuid(),
  personName: z.string(),
  startsOn: Day,
  endsOn: Day,
  nights: z.number().int(),
  status: z.enum(BOOKING_STATUSES),
  bed: BedOut.nullable(),
  needs: z.string(),
  supportHoursPerDay: z.number(),
  severity: z.enum(SEVERITIES),
  familyBurden: z.number().int(),
  requestedAs: z.enum(['family', 'social_worker', 'operator']),
  requestedOn: Day,
  decisionNote: z.string().nullable(),
  decidedAt: z.string().nullable(),
});

export const WaitingOut = BookingOut.extend({ rank: z.number().int(), priority: PriorityOut });

export const CancelOut = z.object({
  booking: BookingOut,
  offeredTo: BookingOut.nullable().describe('The first suitable waiting request, now holding the freed bed'),
});

// ---- mutual aid ----

export const PairingBody = z
  .object({
    residentId: z.uuid(),
    helperId: z.uuid(),
    hoursPerWeek: z.number().min(0.5).max(60).multipleOf(0.5),
    tasks: Text(1000),
    startsOn: Day,
    endsOn: Day.nullable().default(null),
  })
  .refine((r) => r.endsOn === null || r.endsOn > r.startsOn, rangeMsg);
export const PairingOut = z.object({
  id: z.uuid(),
  residentId: z.uuid(),
  residentName: z.string(),
  helperId: z.uuid(),
  helperName: z.string(),
  hoursPerWeek: z.number(),
  tasks: z.string(),
  startsOn: Day,
  endsOn: Day.nullable(),
});

const PairingSideBody = z.object({
  personId: z.uuid(),
  hoursPerWeek: z.number().min(0.5).max(60).multipleOf(0.5),
  tasks: z.array(z.string().trim().min(1).max(100)).min(1).max(20).describe('Tasks needed (resident) or offered (helper)'),
});
export const SuggestBody = z.object({ residents: z.array(PairingSideBody).min(1).max(200), helpers: z.array(PairingSideBody).min(1).max(200) });
export const SuggestOut = z.object({
  pairs: z.array(
    z.object({
      residentId: z.uuid(),
      residentName: z.string(),
      helperId: z.uuid(),
      helperName: z.string(),
      hoursPerWeek: z.number(),
      weight: z.number().int(),
      sharedTasks: z.array(z.string()),
      lines: z.array(z.object({ code: z.string(), points: z.number(), detail: z.string() })),
    }),
  ),
  unmatchedResidents: z.array(z.uuid()),
});
