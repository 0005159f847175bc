// Rows leave the server only through these functions (explanations rendered in the request language).
import type { Lang } from '../../kernel/i18n/messages.js';
import { romeDay } from '../../kernel/time.js';
import type * as repo from './repo.js';
import { json } from './repo.js';
import type { Line } from './rules/canone-concordato.js';
import { maxAffordableRent } from './rules/compatibility.js';
import { explainLine } from './rules/explain.js';
import { nextStages, type Stage } from './rules/pipeline.js';

type Photo = { id: string; listing_id: string; content_type: string; size_bytes: number; caption: string | null };
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
const day = (d: string | Date) => (typeof d === 'string' ? d : romeDay(d));

export const renderLines = (lines: unknown, lang: Lang) => json<Line[]>(lines).map((l) => explainLine(l, lang));

export function presentLandlord(r: repo.LandlordRow) {
  return {
    id: r.id,
    kind: r.kind as 'person' | 'company',
    name: r.name,
    fiscalCode: r.fiscal_code,
    vatNumber: r.vat_number,
    email: r.email,
    phone: r.phone,
    address: r.address,
    notes: r.notes,
    hasPortalAccount: r.user_id !== null,
    listingCount: Number(r.listing_count ?? 0),
    createdAt: r.created_at.toISOString(),
  };
}

type PropertyLike = Pick<
  repo.PropertyRow,
  | 'address'
  | 'city'
  | 'neighbourhood'
  | 'zone'
  | 'sub_band'
  | 'surface_m2'
  | 'rooms'
  | 'bedrooms'
  | 'floor'
  | 'elements'
  | 'accessibility'
  | 'energy_class'
  | 'unit_id'
  | 'unit_code'
>;

export function presentProperty(id: string, landlordId: string, p: PropertyLike) {
  return {
    id,
    landlordId,
    address: p.address,
    city: p.city,
    neighbourhood: p.neighbourhood,
    zone: p.zone,
    subBand: p.sub_band,
    surfaceM2: Number(p.surface_m2),
    rooms: p.rooms,
    bedrooms: p.bedrooms,
    floor: p.floor,
    elements: p.elements,
    accessibility: p.accessibility as ('step_free_access' | 'lift' | 'accessible_bathroom' | 'wheelchair_turning_space')[],
    energyClass: p.energy_class as 'A4' | null,
    unitId: p.unit_id,
    unitCode: p.unit_code,
  };
}

export function presentListing(r: repo.ListingRow, photos: Photo[], lang: Lang) {
  return {
    id: r.id,
    title: r.title,
    status: r.status as 'available',
    rentAskedCents: r.rent_asked_cents,
    expensesCents: r.expenses_cents,
    availableFrom: day(r.available_from),
    furnishing: r.furnishing as 'none',
    contractType: r.contract_type as 'agevolato',
    petsAllowed: r.pets_allowed,
    description: r.description,
    range:
      r.range_min_cents === null || r.range_max_cents === null || r.rent_position === null
        ? null
        : {
            minCents: r.range_min_cents,
            maxCents: r.range_max_cents,
            position: r.rent_position as 'inside',
            lines: renderLines(r.range_lines, lang),
          },
    property: presentProperty(r.property_id, r.landlord_id, r),
    landlord: { id: r.landlord_id, name: r.landlord_name },
    photos: photos.filter((p) => p.listing_id === r.id).map((p) => ({ id: p.id, contentType: p.content_type, sizeBytes: p.size_bytes, caption: p.caption })),
    createdAt: r.created_at.toISOString(),
  };
}

export function presentIncentive(r: {
  id: string;
  landlord_id: string;
  contract_id: string | null;
  kind: string;
  amount_cents: number;
  granted_on: string;
  note: string | null;
  created_at: Date;
}) {
  return {
    id: r.id,
    landlordId: r.landlord_id,
    contractId: r.contract_id,
    kind: r.kind as 'guarantee_fund',
    amountCents: r.amount_cents,
    grantedOn: day(r.granted_on),
    note: r.note,
    createdAt: r.created_at.toISOString(),
  };
}

export const personName = (r: { given_name: string; family_name: string }) => `${r.family_name} ${r.given_name}`;

export function presentSeeker(r: repo.SeekerRow, affordabilityBp: number) {
  return {
    id: r.id,
    person: { id: r.person_id, name: personName(r), codiceFiscale: r.codice_fiscale },
    householdId: r.household_id,
    status: r.status as 'open',
    intakeOn: day(r.intake_on),
    householdSize: r.household_size,
    annualIncomeCents: Number(r.annual_income_cents),
    situation: r.situation as 'eviction'[],
    minBedrooms: r.min_bedrooms,
    preferredZones: r.preferred_zones,
    accessibilityNeeds: r.accessibility_needs as 'lift'[],
    hasPets: r.has_pets,
    maxRentCents: r.max_rent_cents,
    ceilingCents: r.max_rent_cents ?? maxAffordableRent(Number(r.annual_income_cents), affordabilityBp),
    wantedFrom: r.wanted_from === null ? null : day(r.wanted_from),
    projectGoals: r.project_goals,
    notes: r.notes,
    createdAt: r.created_at.toISOString(),
  };
}

export function presentStep(r: { id: string; title: string; responsible: string; due_on: string | null; done_on: string | null }) {
  return {
    id: r.id,
    title: r.title,
    responsible: r.responsible as 'agency',
    dueOn: r.due_on === null ? null : day(r.due_on),
    doneOn: r.done_on === null ? null : day(r.done_on),
  };
}

const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

export function presentContract(r: repo.ProposalRow, today: string) {
  if (r.contract_id === null || r.start_on === null || r.end_on === null || r.signed_on === null) {
    return null;
  }
  return {
    id: r.contract_id,
    proposalId: r.id,
    contractType: r.contract_type as 'agevolato',
    monthlyRentCents: r.monthly_rent_cents as number,
    startOn: day(r.start_on),
    endOn: day(r.end_on),
    signedOn: day(r.signed_on),
    registeredOn: r.registered_on === null ? null : day(r.registered_on),
    registrationRef: r.registration_ref,
    tenancyId: r.tenancy_id,
    expiresInDays: daysBetween(today, day(r.end_on)),
    listing: { id: r.listing_id, title: r.listing_title },
    seeker: { id: r.seeker_id, name: personName(r) },
    landlord: { id: r.landlord_id, name: r.landlord_name },
  };
}

export function presentProposal(r: repo.ProposalRow, lang: Lang, today: string) {
  return {
    id: r.id,
    stage: r.stage as Stage,
    visitAt: iso(r.visit_at),
    refusedBy: r.refused_by as 'seeker' | null,
    outcomeNote: r.outcome_note,
    score: r.score,
    lines: renderLines(r.explanation, lang),
    checklist: r.checklist as 'identity_documents'[],
    nextStages: nextStages(r.stage as Stage),
    listing: { id: r.listing_id, title: r.listing_title, rentAskedCents: r.rent_asked_cents },
    seeker: { id: r.seeker_id, name: personName(r), householdSize: r.household_size },
    contract: presentContract(r, today),
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

/** A proposal as its landlord sees it: stage, visit, household size, contract dates. No names. */
export function presentOwnProposal(r: repo.ProposalRow) {
  return {
    id: r.id,
    stage: r.stage as Stage,
    visitAt: iso(r.visit_at),
    householdSize: r.household_size,
    contract:
      r.signed_on === null || r.start_on === null || r.end_on === null
        ? null
        : {
            signedOn: day(r.signed_on),
            registeredOn: r.registered_on === null ? null : day(r.registered_on),
            startOn: day(r.start_on),
            endOn: day(r.end_on),
            monthlyRentCents: r.monthly_rent_cents as number,
          },
    updatedAt: r.updated_at.toISOString(),
  };
}

export function presentPlace(r: repo.PlaceRow) {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    address: r.address,
    phone: r.phone,
    slotMinutes: r.slot_minutes,
    hours: json<{ weekday: number; from: string; to: string }[]>(r.hours),
    extraHolidays: r.extra_holidays,
    closures: r.closures,
    active: r.active,
  };
}

export function presentAppointment(r: repo.AppointmentRow) {
  return {
    id: r.id,
    placeId: r.place_id,
    placeName: r.place_name,
    startsAt: r.starts_at.toISOString(),
    endsAt: r.ends_at.toISOString(),
    status: r.status as 'booked',
    channel: r.channel as 'online',
    topic: r.topic as 'other',
    name: r.name,
    email: r.email,
    phone: r.phone,
    note: r.note,
    remindedAt: iso(r.reminded_at),
  };
}
