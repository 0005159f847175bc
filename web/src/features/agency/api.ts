// Social Housing Agency: types of the API answers (server/src/modules/agency/schema.ts) and TanStack Query hooks.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../app/api.js';

export const ZONE_ELEMENTS = [
  'lift',
  'autonomous_heating',
  'double_glazing',
  'parking',
  'garden',
  'balcony',
  'cellar',
  'second_bathroom',
  'air_conditioning',
  'renovated',
  'energy_class_high',
] as const;
export const ACCESSIBILITY = ['step_free_access', 'lift', 'accessible_bathroom', 'wheelchair_turning_space'] as const;
export const SITUATIONS = ['eviction', 'overcrowding', 'unfit_housing', 'homeless_risk', 'family_breakdown', 'job_loss', 'other'] as const;
export const STAGES = ['proposed', 'visit_scheduled', 'visited', 'agreed', 'signed', 'registered', 'refused', 'withdrawn'] as const;
export const CHECKLIST = [
  'identity_documents',
  'income_proof',
  'energy_certificate',
  'attestazione_rispondenza',
  'deposit_paid',
  'inventory',
  'registration_fee',
] as const;
export const TOPICS = ['seeker_intake', 'landlord_info', 'contract', 'other'] as const;
export type Stage = (typeof STAGES)[number];
export type Position = 'below' | 'inside' | 'above';

export interface Agreement {
  name: string;
  verified: boolean;
  zones: { code: string; name: string; neighbourhoods: string[]; subBands: { code: string; label: string; minM2Cents: number; maxM2Cents: number }[] }[];
  elements: { code: string; label: string }[];
}
export interface Settings {
  agreement: Agreement;
  affordabilityBp: number;
  includeExpenses: boolean;
  isPreset: boolean;
}
export interface RangeCheck {
  minCents: number;
  maxCents: number;
  position: Position | null;
  lines: string[];
  verified: boolean;
}
export interface Property {
  id: string;
  landlordId: string;
  address: string;
  city: string;
  neighbourhood: string | null;
  zone: string;
  subBand: string;
  surfaceM2: number;
  rooms: number;
  bedrooms: number;
  floor: number | null;
  elements: string[];
  accessibility: string[];
  energyClass: string | null;
  unitId: string | null;
  unitCode: string | null;
}
export interface Listing {
  id: string;
  title: string;
  status: 'draft' | 'available' | 'reserved' | 'let' | 'withdrawn';
  rentAskedCents: number;
  expensesCents: number;
  availableFrom: string;
  furnishing: 'none' | 'partial' | 'full';
  contractType: 'agevolato' | 'transitorio' | 'studenti';
  petsAllowed: boolean;
  description: string | null;
  range: { minCents: number; maxCents: number; position: Position; lines: string[] } | null;
  property: Property;
  landlord: { id: string; name: string };
  photos: { id: string; contentType: string; sizeBytes: number; caption: string | null }[];
  createdAt: string;
}
export interface Incentive {
  id: string;
  landlordId: string;
  contractId: string | null;
  kind: string;
  amountCents: number;
  grantedOn: string;
  note: string | null;
}
export interface Landlord {
  id: string;
  kind: 'person' | 'company';
  name: string;
  fiscalCode: string;
  vatNumber: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
  notes: string | null;
  hasPortalAccount: boolean;
  listingCount: number;
}
export interface LandlordDetail extends Landlord {
  properties: Property[];
  listings: Listing[];
  incentives: Incentive[];
}
export interface Step {
  id: string;
  title: string;
  responsible: string;
  dueOn: string | null;
  doneOn: string | null;
}
export interface Contract {
  id: string;
  proposalId: string;
  contractType: string;
  monthlyRentCents: number;
  startOn: string;
  endOn: string;
  signedOn: string;
  registeredOn: string | null;
  registrationRef: string | null;
  expiresInDays: number;
  listing: { id: string; title: string };
  seeker: { id: string; name: string };
  landlord: { id: string; name: string };
}
export interface Proposal {
  id: string;
  stage: Stage;
  visitAt: string | null;
  refusedBy: string | null;
  outcomeNote: string | null;
  score: number;
  lines: string[];
  checklist: string[];
  nextStages: Stage[];
  listing: { id: string; title: string; rentAskedCents: number };
  seeker: { id: string; name: string; householdSize: number };
  contract: Contract | null;
}
export interface Seeker {
  id: string;
  person: { id: string; name: string; codiceFiscale: string | null };
  status: 'open' | 'housed' | 'closed';
  intakeOn: string;
  householdSize: number;
  annualIncomeCents: number;
  situation: string[];
  minBedrooms: number;
  preferredZones: string[];
  accessibilityNeeds: string[];
  hasPets: boolean;
  maxRentCents: number | null;
  ceilingCents: number;
  wantedFrom: string | null;
  projectGoals: string | null;
  notes: string | null;
}
export interface SeekerDetail extends Seeker {
  steps: Step[];
  proposals: Proposal[];
}
export interface Match {
  seekerId: string;
  listingId: string;
  label: string;
  compatible: boolean;
  score: number;
  ceilingCents: number;
  costCents: number;
  lines: string[];
  proposalStage: Stage | null;
}
export interface Place {
  id: string;
  code: string;
  name: string;
  address: string;
  phone: string | null;
  slotMinutes: number;
  hours: { weekday: number; from: string; to: string }[];
}
export interface Slot {
  startsAt: string;
  endsAt: string;
  day: string;
  time: string;
  free: boolean;
}
export interface Appointment {
  id: string;
  placeId: string;
  placeName: string;
  startsAt: string;
  endsAt: string;
  status: 'booked' | 'cancelled' | 'attended' | 'no_show';
  channel: 'online' | 'operator' | 'walk_in';
  topic: string;
  name: string;
  email: string | null;
  phone: string | null;
  note: string | null;
}
export interface Booking {
  id: string;
  startsAt: string;
  endsAt: string;
  place: { id: string; name: string; address: string };
  topic: string;
  cancelToken: string;
}
interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

const A = '/api/v1/agency';

export const useSettings = () => useQuery({ queryKey: ['agency', 'settings'], queryFn: () => api<Settings>('GET', `${A}/settings`) });

export function useRangeCheck(input: Record<string, unknown> | null) {
  return useQuery({
    queryKey: ['agency', 'rent-check', input],
    queryFn: () => api<RangeCheck>('POST', `${A}/rent-check`, input),
    enabled: input !== null,
    retry: false,
  });
}

export const useListings = (f: { status?: string; position?: string; q?: string; landlordId?: string }) =>
  useQuery({ queryKey: ['agency', 'listings', f], queryFn: () => api<Page<Listing>>('GET', `${A}/listings${query({ ...f, limit: 100 })}`) });
export const useListing = (id: string) => useQuery({ queryKey: ['agency', 'listing', id], queryFn: () => api<Listing>('GET', `${A}/listings/${id}`) });
export const useListingMatches = (id: string) =>
  useQuery({ queryKey: ['agency', 'listing', id, 'matches'], queryFn: () => api<{ items: Match[] }>('GET', `${A}/listings/${id}/matches`) });
export const useLandlords = (q: string) =>
  useQuery({ queryKey: ['agency', 'landlords', q], queryFn: () => api<Page<Landlord>>('GET', `${A}/landlords${query({ q, limit: 100 })}`) });
export const useLandlord = (id: string) =>
  useQuery({ queryKey: ['agency', 'landlord', id], queryFn: () => api<LandlordDetail>('GET', `${A}/landlords/${id}`) });
export const useSeekers = (f: { status?: string; q?: string }) =>
  useQuery({ queryKey: ['agency', 'seekers', f], queryFn: () => api<Page<Seeker>>('GET', `${A}/seekers${query({ ...f, limit: 100 })}`) });
export const useSeeker = (id: string) => useQuery({ queryKey: ['agency', 'seeker', id], queryFn: () => api<SeekerDetail>('GET', `${A}/seekers/${id}`) });
export const useSeekerMatches = (id: string) =>
  useQuery({ queryKey: ['agency', 'seeker', id, 'matches'], queryFn: () => api<{ items: Match[] }>('GET', `${A}/seekers/${id}/matches`) });
export const useProposals = (open: boolean) =>
  useQuery({
    queryKey: ['agency', 'proposals', open],
    queryFn: () => api<{ items: Proposal[] }>('GET', `${A}/proposals${query({ open: open ? 'true' : undefined })}`),
  });
export const useContracts = (days?: number) =>
  useQuery({
    queryKey: ['agency', 'contracts', days],
    queryFn: () => api<{ items: Contract[] }>('GET', `${A}/contracts${query({ expiringWithinDays: days })}`),
  });
export const usePlaces = () => useQuery({ queryKey: ['agency', 'places'], queryFn: () => api<{ items: Place[] }>('GET', `${A}/places`) });
export const useAgenda = (day: string, placeId: string) =>
  useQuery({
    queryKey: ['agency', 'agenda', day, placeId],
    queryFn: () => api<{ day: string; items: Appointment[] }>('GET', `${A}/appointments${query({ day, placeId })}`),
  });
export const useMyAppointments = () =>
  useQuery({ queryKey: ['agency', 'my-appointments'], queryFn: () => api<{ items: Appointment[] }>('GET', `${A}/me/appointments`) });
export const useOwnListings = () =>
  useQuery({
    queryKey: ['agency', 'own'],
    queryFn: () =>
      api<{
        landlord: { id: string; name: string } | null;
        listings: (Listing & {
          proposals: {
            id: string;
            stage: Stage;
            visitAt: string | null;
            householdSize: number;
            contract: { signedOn: string; registeredOn: string | null; startOn: string; endOn: string; monthlyRentCents: number } | null;
          }[];
        })[];
        incentives: Incentive[];
      }>('GET', `${A}/me/listings`),
  });

export const usePublicPlaces = (ente: string) =>
  useQuery({
    queryKey: ['agency', 'public-places', ente],
    queryFn: () => api<{ enteName: string; items: Place[] }>('GET', `/api/v1/public/${encodeURIComponent(ente)}/agency/places`),
  });
export const useSlots = (ente: string, placeId: string, from: string, days: number) =>
  useQuery({
    queryKey: ['agency', 'slots', ente, placeId, from, days],
    queryFn: () => api<{ items: Slot[] }>('GET', `/api/v1/public/${encodeURIComponent(ente)}/agency/places/${placeId}/slots${query({ from, days })}`),
    enabled: placeId !== '',
  });

/** A mutation that refreshes every agency query when it succeeds. */
function useAgencyMutation<I, O>(fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: ['agency'] }) });
}

export const useCreateListing = () => useAgencyMutation((body: Record<string, unknown>) => api<Listing>('POST', `${A}/listings`, body));
export const useUpdateListing = (id: string) => useAgencyMutation((body: Record<string, unknown>) => api<Listing>('PATCH', `${A}/listings/${id}`, body));
export const useUpdateOwnListing = () =>
  useAgencyMutation(({ id, ...body }: { id: string } & Record<string, unknown>) => api<Listing>('PATCH', `${A}/me/listings/${id}`, body));
export const useAddPhoto = (id: string) =>
  useAgencyMutation((body: { contentType: string; dataBase64: string; caption: string | null }) => api<Listing>('POST', `${A}/listings/${id}/photos`, body));
export const useCreateLandlord = () => useAgencyMutation((body: Record<string, unknown>) => api<LandlordDetail>('POST', `${A}/landlords`, body));
export const useAddIncentive = (id: string) =>
  useAgencyMutation((body: Record<string, unknown>) => api<Incentive>('POST', `${A}/landlords/${id}/incentives`, body));
export const useCreateSeeker = () => useAgencyMutation((body: Record<string, unknown>) => api<SeekerDetail>('POST', `${A}/seekers`, body));
export const useAddStep = (id: string) => useAgencyMutation((body: Record<string, unknown>) => api<Step>('POST', `${A}/seekers/${id}/steps`, body));
export const useStepDone = () =>
  useAgencyMutation(({ id, doneOn }: { id: string; doneOn: string | null }) => api<Step>('PATCH', `${A}/steps/${id}`, { doneOn }));
export const useCreateProposal = () => useAgencyMutation((body: { seekerId: string; listingId: string }) => api<Proposal>('POST', `${A}/proposals`, body));
export const useMoveProposal = () =>
  useAgencyMutation(({ id, ...body }: { id: string; stage: Stage; visitAt?: string | null; refusedBy?: string | null; note?: string | null }) =>
    api<Proposal>('POST', `${A}/proposals/${id}/stage`, body),
  );
export const useChecklist = () =>
  useAgencyMutation(({ id, checklist }: { id: string; checklist: string[] }) => api<Proposal>('PUT', `${A}/proposals/${id}/checklist`, { checklist }));
export const useSignContract = () =>
  useAgencyMutation(({ id, ...body }: { id: string } & Record<string, unknown>) => api<Proposal>('POST', `${A}/proposals/${id}/contract`, body));
export const useRegisterContract = () =>
  useAgencyMutation(({ id, ...body }: { id: string; registeredOn: string; registrationRef: string }) =>
    api<Proposal>('POST', `${A}/proposals/${id}/registration`, body),
  );
export const useOperatorBooking = () => useAgencyMutation((body: Record<string, unknown>) => api<Appointment>('POST', `${A}/appointments`, body));
export const useAppointmentStatus = () =>
  useAgencyMutation(({ id, status }: { id: string; status: 'attended' | 'no_show' | 'cancelled' }) =>
    api<Appointment>('POST', `${A}/appointments/${id}/status`, { status }),
  );
export const useCancelMine = () => useAgencyMutation((id: string) => api<Appointment>('POST', `${A}/me/appointments/${id}/cancel`));
export const useBook = (ente: string) =>
  useAgencyMutation((body: Record<string, unknown>) => api<Booking>('POST', `/api/v1/public/${encodeURIComponent(ente)}/agency/appointments`, body));
export const useCancelByToken = (ente: string) =>
  useAgencyMutation(({ id, token }: { id: string; token: string }) =>
    api<void>('POST', `/api/v1/public/${encodeURIComponent(ente)}/agency/appointments/${id}/cancel`, { token }),
  );

export const icsUrl = (ente: string, b: { id: string; cancelToken: string }) =>
  `/api/v1/public/${encodeURIComponent(ente)}/agency/appointments/${b.id}/ics?token=${encodeURIComponent(b.cancelToken)}`;
export const cancelPath = (ente: string, b: { id: string; cancelToken: string }) =>
  `/book/${encodeURIComponent(ente)}/cancel?id=${b.id}&token=${encodeURIComponent(b.cancelToken)}`;

/** Today in Europe/Rome as YYYY-MM-DD. */
export const romeToday = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
export const romeTime = (iso: string, lang: string) =>
  new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'it-IT', { timeZone: 'Europe/Rome', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
