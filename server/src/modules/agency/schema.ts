// The agency's API contract: one zod schema per body and answer (validation, types, OpenAPI).
import { z } from 'zod';
import { PageQuery } from '../../kernel/http/pagination.js';
import { CONTRACT_TYPES, FURNISHINGS } from './rules/canone-concordato.js';

export const LANDLORD_KINDS = ['person', 'company'] as const;
export const LISTING_STATUSES = ['draft', 'available', 'reserved', 'let', 'withdrawn'] as const;
export const INCENTIVE_KINDS = ['guarantee_fund', 'one_off_contribution', 'tax_benefit_info', 'rent_supplement'] as const;
export const SITUATIONS = ['eviction', 'overcrowding', 'unfit_housing', 'homeless_risk', 'family_breakdown', 'job_loss', 'other'] as const;
export const RESPONSIBLES = ['seeker', 'agency', 'social_services', 'landlord', 'other'] as const;
export const STAGES = ['proposed', 'visit_scheduled', 'visited', 'agreed', 'signed', 'registered', 'refused', 'withdrawn'] as const;
export const CHECKLIST_ITEMS = [
  'identity_documents',
  'income_proof',
  'energy_certificate',
  'attestazione_rispondenza',
  'deposit_paid',
  'inventory',
  'registration_fee',
] as const;
export const ACCESSIBILITY = ['step_free_access', 'lift', 'accessible_bathroom', 'wheelchair_turning_space'] as const;
export const ENERGY_CLASSES = ['A4', 'A3', 'A2', 'A1', 'B', 'C', 'D', 'E', 'F', 'G'] as const;
export const TOPICS = ['seeker_intake', 'landlord_info', 'contract', 'other'] as const;
export const APPOINTMENT_STATUSES = ['booked', 'cancelled', 'attended', 'no_show'] as const;
export const CHANNELS = ['online', 'operator', 'walk_in'] as const;

export const IdParams = z.object({ id: z.uuid() });
export const Day = z.iso.date().describe('A day, YYYY-MM-DD');
export const Cents = z.number().int().min(0).max(10_000_000).describe('Euro cents (integer)');
const Text = (max: number) => z.string().trim().min(1).max(max);
const OptText = (max: number) => z.string().trim().max(max).nullable().default(null);
const Code = z.string().trim().min(1).max(20);
const Hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');

// ---- agreement (canone concordato) and settings ----

export const AgreementSchema = z.object({
  name: Text(300),
  verified: z.boolean().describe('False while the €/m² values are not copied from the signed agreement'),
  zones: z
    .array(
      z.object({
        code: Code,
        name: Text(100),
        neighbourhoods: z.array(z.string().trim().toLowerCase().min(1).max(100)).max(100),
        subBands: z
          .array(z.object({ code: Code, label: Text(100), minM2Cents: z.number().int().min(1).max(100_000), maxM2Cents: z.number().int().min(1).max(100_000) }))
          .min(1)
          .max(10)
          .refine((b) => b.every((x) => x.minM2Cents <= x.maxM2Cents), { message: 'agency.band_order' }),
      }),
    )
    .min(1)
    .max(30),
  elements: z.array(z.object({ code: Code, label: Text(100) })).max(40),
  tiers: z
    .array(z.object({ minElements: z.number().int().min(0).max(40), fromBp: z.number().int().min(0).max(10_000), toBp: z.number().int().min(0).max(10_000) }))
    .min(1)
    .max(10)
    .refine((t) => t.every((x) => x.fromBp <= x.toBp), { message: 'agency.band_order' }),
  smallUpToM2: z.number().int().min(0).max(500),
  smallIncreaseBp: z.number().int().min(0).max(5_000),
  largeFromM2: z.number().int().min(0).max(2_000),
  largeDecreaseBp: z.number().int().min(0).max(5_000),
  furnishingIncreaseBp: z.object({
    none: z.number().int().min(0).max(5_000),
    partial: z.number().int().min(0).max(5_000),
    full: z.number().int().min(0).max(5_000),
  }),
  contractTypeIncreaseBp: z.object({
    agevolato: z.number().int().min(0).max(5_000),
    transitorio: z.number().int().min(0).max(5_000),
    studenti: z.number().int().min(0).max(5_000),
  }),
});

export const SettingsBody = z.object({
  agreement: AgreementSchema,
  affordabilityBp: z.number().int().min(500).max(10_000).describe('Share of income for housing, basis points (3000 = 30%)'),
  includeExpenses: z.boolean().describe('Count condominium expenses with the rent against the affordable cost'),
});
export const SettingsOut = SettingsBody.extend({ isPreset: z.boolean().describe('True: nothing saved yet, the Lucca preset applies') });

export const RangeCheckBody = z.object({
  zone: Code,
  subBand: Code,
  surfaceM2: z.number().positive().max(2000),
  elements: z.array(Code).max(40).default([]),
  furnishing: z.enum(FURNISHINGS).default('none'),
  contractType: z.enum(CONTRACT_TYPES).default('agevolato'),
  rentAskedCents: Cents.nullable().default(null),
});
export const RangeOut = z.object({
  minCents: z.number().int(),
  maxCents: z.number().int(),
  position: z.enum(['below', 'inside', 'above']).nullable(),
  lines: z.array(z.string()),
  verified: z.boolean(),
});

// ---- landlords, properties, listings, incentives ----

export const LandlordBody = z.object({
  kind: z.enum(LANDLORD_KINDS),
  name: Text(200),
  fiscalCode: z.string().trim().toUpperCase().min(11).max(16).describe('Codice fiscale (16) of a person; 11 digits of a company'),
  vatNumber: z.string().trim().max(13).nullable().default(null).describe('Partita IVA, required for a company'),
  email: z.email().max(200).nullable().default(null),
  phone: OptText(40),
  address: OptText(300),
  portalEmail: z.email().max(200).nullable().default(null).describe('Email of an existing landlord account to link for the portal'),
  notes: OptText(2000),
});
export const LandlordPatch = LandlordBody.partial();

export const PropertyBody = z.object({
  address: Text(300),
  city: Text(100).default('Lucca'),
  neighbourhood: OptText(100),
  zone: Code,
  subBand: Code,
  surfaceM2: z.number().positive().max(2000),
  rooms: z.number().int().min(1).max(30),
  bedrooms: z.number().int().min(0).max(20),
  floor: z.number().int().min(-3).max(60).nullable().default(null),
  elements: z.array(Code).max(40).default([]),
  accessibility: z.array(z.enum(ACCESSIBILITY)).max(4).default([]),
  energyClass: z.enum(ENERGY_CLASSES).nullable().default(null),
  unitId: z.uuid().nullable().default(null).describe('The stock unit of the flat, when it is recorded there (owner kind private)'),
});
export const PropertyOut = PropertyBody.extend({ id: z.uuid(), landlordId: z.uuid(), unitCode: z.string().nullable() });

const ListingFields = {
  title: Text(200),
  rentAskedCents: Cents.refine((c) => c > 0, { message: 'agency.rent_positive' }),
  expensesCents: Cents.default(0),
  availableFrom: Day,
  furnishing: z.enum(FURNISHINGS).default('none'),
  contractType: z.enum(CONTRACT_TYPES).default('agevolato'),
  petsAllowed: z.boolean().default(false),
  description: OptText(4000),
  status: z.enum(LISTING_STATUSES).default('available'),
};
export const ListingBody = z
  .object({
    landlordId: z.uuid(),
    propertyId: z.uuid().nullable().default(null).describe('An existing property of the landlord …'),
    property: PropertyBody.nullable().default(null).describe('… or a new one'),
    ...ListingFields,
  })
  .refine((b) => (b.propertyId === null) !== (b.property === null), { message: 'agency.property_required', path: ['propertyId'] });
export const ListingPatch = z.object(ListingFields).partial();
export const OwnListingPatch = z.object({
  rentAskedCents: ListingFields.rentAskedCents.optional(),
  expensesCents: Cents.optional(),
  availableFrom: Day.optional(),
  description: OptText(4000).optional(),
  status: z.enum(['available', 'withdrawn']).optional(),
});

export const RangeSummary = z.object({
  minCents: z.number().int(),
  maxCents: z.number().int(),
  position: z.enum(['below', 'inside', 'above']),
  lines: z.array(z.string()),
});
export const ListingOut = z.object({
  id: z.uuid(),
  title: z.string(),
  status: z.enum(LISTING_STATUSES),
  rentAskedCents: z.number().int(),
  expensesCents: z.number().int(),
  availableFrom: Day,
  furnishing: z.enum(FURNISHINGS),
  contractType: z.enum(CONTRACT_TYPES),
  petsAllowed: z.boolean(),
  description: z.string().nullable(),
  range: RangeSummary.nullable().describe('null when the property’s zone is no longer in the agreement'),
  property: PropertyOut,
  landlord: z.object({ id: z.uuid(), name: z.string() }),
  photos: z.array(z.object({ id: z.uuid(), contentType: z.string(), sizeBytes: z.number().int(), caption: z.string().nullable() })),
  createdAt: z.string(),
});
export const ListingQuery = PageQuery.extend({
  status: z.enum(LISTING_STATUSES).optional(),
  zone: Code.optional(),
  position: z.enum(['below', 'inside', 'above']).optional(),
  landlordId: z.uuid().optional(),
  q: z.string().trim().max(100).optional(),
});
export const PhotoBody = z.object({
  contentType: z.enum(['image/jpeg', 'image/png', 'image/webp']),
  dataBase64: z.string().min(4).max(2_800_000).describe('The image, base64; at most 2 MiB decoded'),
  caption: OptText(200),
});
export const PhotoParams = z.object({ id: z.uuid(), photoId: z.uuid() });

export const IncentiveBody = z.object({
  kind: z.enum(INCENTIVE_KINDS),
  amountCents: Cents.default(0),
  grantedOn: Day,
  contractId: z.uuid().nullable().default(null),
  note: OptText(1000),
});
export const IncentiveOut = IncentiveBody.extend({ id: z.uuid(), landlordId: z.uuid(), createdAt: z.string() });

export const LandlordOut = z.object({
  id: z.uuid(),
  kind: z.enum(LANDLORD_KINDS),
  name: z.string(),
  fiscalCode: z.string(),
  vatNumber: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  notes: z.string().nullable(),
  hasPortalAccount: z.boolean(),
  listingCount: z.number().int(),
  createdAt: z.string(),
});
export const LandlordDetailOut = LandlordOut.extend({
  properties: z.array(PropertyOut),
  listings: z.array(ListingOut),
  incentives: z.array(IncentiveOut),
});
export const LandlordQuery = PageQuery.extend({ q: z.string().trim().max(100).optional() });

// ---- seekers and housing projects ----

export const SeekerBody = z.object({
  personId: z.uuid().describe('The person in the registry'),
  householdId: z.uuid().nullable().default(null),
  intakeOn: Day,
  householdSize: z.number().int().min(1).max(20),
  annualIncomeCents: z.number().int().min(0).max(100_000_000),
  situation: z.array(z.enum(SITUATIONS)).max(7).default([]),
  minBedrooms: z.number().int().min(0).max(10).default(1),
  preferredZones: z.array(Code).max(30).default([]),
  accessibilityNeeds: z.array(z.enum(ACCESSIBILITY)).max(4).default([]),
  hasPets: z.boolean().default(false),
  maxRentCents: Cents.nullable().default(null).describe('Set by hand (e.g. with a rent supplement); else income × share'),
  wantedFrom: Day.nullable().default(null),
  projectGoals: OptText(4000),
  notes: OptText(4000),
});
export const SeekerPatch = SeekerBody.omit({ personId: true })
  .partial()
  .extend({ status: z.enum(['open', 'housed', 'closed']).optional() });
export const StepBody = z.object({ title: Text(300), responsible: z.enum(RESPONSIBLES), dueOn: Day.nullable().default(null) });
export const StepPatch = z.object({ doneOn: Day.nullable() });
export const StepOut = StepBody.extend({ id: z.uuid(), doneOn: Day.nullable() });
export const SeekerOut = z.object({
  id: z.uuid(),
  person: z.object({ id: z.uuid(), name: z.string(), codiceFiscale: z.string().nullable() }),
  householdId: z.uuid().nullable(),
  status: z.enum(['open', 'housed', 'closed']),
  intakeOn: Day,
  householdSize: z.number().int(),
  annualIncomeCents: z.number().int(),
  situation: z.array(z.enum(SITUATIONS)),
  minBedrooms: z.number().int(),
  preferredZones: z.array(z.string()),
  accessibilityNeeds: z.array(z.enum(ACCESSIBILITY)),
  hasPets: z.boolean(),
  maxRentCents: z.number().int().nullable(),
  ceilingCents: z.number().int().describe('The monthly cost the household can carry (set by hand or income × share)'),
  wantedFrom: Day.nullable(),
  projectGoals: z.string().nullable(),
  notes: z.string().nullable(),
  createdAt: z.string(),
});
export const SeekerQuery = PageQuery.extend({ status: z.enum(['open', 'housed', 'closed']).optional(), q: z.string().trim().max(100).optional() });

// ---- matching, proposals and contracts ----

export const MatchOut = z.object({
  seekerId: z.uuid(),
  listingId: z.uuid(),
  label: z.string().describe('Listing title (per seeker) or seeker name (per listing)'),
  compatible: z.boolean(),
  score: z.number().int(),
  ceilingCents: z.number().int(),
  costCents: z.number().int(),
  lines: z.array(z.string()),
  proposalStage: z.enum(STAGES).nullable(),
});
export const SuggestionOut = z.object({
  method: z.literal('max_weight_assignment'),
  totalScore: z.number().int(),
  pairs: z.array(MatchOut),
  seekersConsidered: z.number().int(),
  listingsConsidered: z.number().int(),
});

export const ProposalBody = z.object({ seekerId: z.uuid(), listingId: z.uuid() });
export const StageBody = z.object({
  stage: z.enum(STAGES),
  visitAt: z.iso.datetime({ offset: true }).nullable().default(null),
  refusedBy: z.enum(['seeker', 'landlord', 'agency']).nullable().default(null),
  note: OptText(2000),
});
export const ChecklistBody = z.object({ checklist: z.array(z.enum(CHECKLIST_ITEMS)).max(CHECKLIST_ITEMS.length) });
export const ContractBody = z.object({
  contractType: z.enum(CONTRACT_TYPES),
  monthlyRentCents: Cents.refine((c) => c > 0, { message: 'agency.rent_positive' }),
  startOn: Day,
  endOn: Day,
  signedOn: Day,
});
export const RegistrationBody = z.object({ registeredOn: Day, registrationRef: Text(100) });
export const ContractOut = z.object({
  id: z.uuid(),
  proposalId: z.uuid(),
  contractType: z.enum(CONTRACT_TYPES),
  monthlyRentCents: z.number().int(),
  startOn: Day,
  endOn: Day,
  signedOn: Day,
  registeredOn: Day.nullable(),
  registrationRef: z.string().nullable(),
  tenancyId: z.uuid().nullable(),
  expiresInDays: z.number().int(),
  listing: z.object({ id: z.uuid(), title: z.string() }),
  seeker: z.object({ id: z.uuid(), name: z.string() }),
  landlord: z.object({ id: z.uuid(), name: z.string() }),
});
export const ProposalOut = z.object({
  id: z.uuid(),
  stage: z.enum(STAGES),
  visitAt: z.string().nullable(),
  refusedBy: z.enum(['seeker', 'landlord', 'agency']).nullable(),
  outcomeNote: z.string().nullable(),
  score: z.number().int(),
  lines: z.array(z.string()),
  checklist: z.array(z.enum(CHECKLIST_ITEMS)),
  nextStages: z.array(z.enum(STAGES)),
  listing: z.object({ id: z.uuid(), title: z.string(), rentAskedCents: z.number().int() }),
  seeker: z.object({ id: z.uuid(), name: z.string(), householdSize: z.number().int() }),
  contract: ContractOut.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const ProposalQuery = z.object({
  stage: z.enum(STAGES).optional(),
  seekerId: z.uuid().optional(),
  listingId: z.uuid().optional(),
  open: z.enum(['true', 'false']).optional().describe('true: only proposals still in progress'),
});
export const ContractQuery = z.object({ expiringWithinDays: z.coerce.number().int().min(1).max(3650).optional() });

// ---- landlord portal ----

/** What a landlord sees of a proposal on their flat: never the seeker's name or personal data. */
export const OwnProposalOut = z.object({
  id: z.uuid(),
  stage: z.enum(STAGES),
  visitAt: z.string().nullable(),
  householdSize: z.number().int(),
  contract: z.object({ signedOn: Day, registeredOn: Day.nullable(), startOn: Day, endOn: Day, monthlyRentCents: z.number().int() }).nullable(),
  updatedAt: z.string(),
});
export const OwnListingOut = ListingOut.extend({ proposals: z.array(OwnProposalOut) });
export const OwnOverviewOut = z.object({
  landlord: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  listings: z.array(OwnListingOut),
  incentives: z.array(IncentiveOut),
});

// ---- counter places and appointments ----

export const PlaceBody = z.object({
  name: Text(200),
  address: Text(300),
  phone: OptText(40),
  slotMinutes: z.number().int().min(10).max(240),
  hours: z.array(z.object({ weekday: z.number().int().min(1).max(7), from: Hhmm, to: Hhmm })).max(30),
  extraHolidays: z.array(z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'MM-DD')).max(20),
  closures: z.array(Day).max(200),
  active: z.boolean(),
});
export const PlaceOut = PlaceBody.extend({ id: z.uuid(), code: z.string() });
export const PublicPlaceOut = PlaceOut.omit({ closures: true, extraHolidays: true, active: true });
export const EnteParams = z.object({ ente: z.string().min(1).max(60) });
export const EntePlaceParams = EnteParams.extend({ placeId: z.uuid() });
export const EnteAppointmentParams = EnteParams.extend({ id: z.uuid() });
export const SlotsQuery = z.object({ from: Day.optional(), days: z.coerce.number().int().min(1).max(62).default(14) });
export const SlotOut = z.object({ startsAt: z.string(), endsAt: z.string(), day: Day, time: z.string(), free: z.boolean() });
export const BookingBody = z.object({
  placeId: z.uuid(),
  startsAt: z.iso.datetime({ offset: true }),
  topic: z.enum(TOPICS),
  name: Text(200),
  email: z.email().max(200).nullable().default(null),
  phone: OptText(40),
  note: OptText(1000),
});
export const OperatorBookingBody = BookingBody.extend({ walkIn: z.boolean().default(false) });
export const BookingOut = z.object({
  id: z.uuid(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.object({ id: z.uuid(), name: z.string(), address: z.string() }),
  topic: z.enum(TOPICS),
  cancelToken: z.string().describe('Keep it: it cancels the booking and downloads the .ics without signing in'),
});
export const TokenQuery = z.object({ token: z.string().min(20).max(100) });
export const CancelBody = z.object({ token: z.string().min(20).max(100) });
export const AppointmentOut = z.object({
  id: z.uuid(),
  placeId: z.uuid(),
  placeName: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  status: z.enum(APPOINTMENT_STATUSES),
  channel: z.enum(CHANNELS),
  topic: z.enum(TOPICS),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  note: z.string().nullable(),
  remindedAt: z.string().nullable(),
});
export const AgendaQuery = z.object({ day: Day.optional(), placeId: z.uuid().optional() });
export const AppointmentStatusBody = z.object({ status: z.enum(['cancelled', 'attended', 'no_show']) });
