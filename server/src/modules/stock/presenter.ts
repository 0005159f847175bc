import type { Program } from '../../kernel/auth/permissions.js';
import type { BuildingRow, CommonSpaceRow, EstateRow, UnitRow } from './repo.js';
import type { AccessibilityFeature, COMMON_SPACE_KINDS, ENERGY_CLASSES, FURNISHING, OWNER_KINDS, SOLUTION_TYPES, UnitStatus } from './schema.js';

type Energy = (typeof ENERGY_CLASSES)[number];
type Furnishing = (typeof FURNISHING)[number];
type OwnerKind = (typeof OWNER_KINDS)[number];
type SolutionType = (typeof SOLUTION_TYPES)[number];
type SpaceKind = (typeof COMMON_SPACE_KINDS)[number];

const num = (v: number | string | null) => (v === null ? null : Number(v));

export function presentEstate(e: EstateRow) {
  return {
    id: e.id,
    code: e.code,
    name: e.name,
    description: e.description,
    buildingCount: Number(e.building_count ?? 0),
    unitCount: Number(e.unit_count ?? 0),
  };
}

export function presentBuilding(b: BuildingRow) {
  return {
    id: b.id,
    estateId: b.estate_id,
    estateName: b.estate_name,
    address: b.address,
    postcode: b.postcode,
    city: b.city,
    neighbourhood: b.neighbourhood,
    latitude: num(b.latitude),
    longitude: num(b.longitude),
    floors: b.floors,
    hasLift: b.has_lift,
    yearBuilt: b.year_built,
    unitCount: Number(b.unit_count ?? 0),
  };
}

export function presentCommonSpace(s: CommonSpaceRow) {
  return {
    id: s.id,
    estateId: s.estate_id,
    buildingId: s.building_id,
    name: s.name,
    kind: s.kind as SpaceKind,
    capacity: s.capacity,
    notes: s.notes,
  };
}

/** A unit in a list: its own fields, where it is, and its status and program today. */
export function presentUnit(u: UnitRow) {
  return {
    id: u.id,
    buildingId: u.building_id,
    code: u.code,
    flatNumber: u.flat_number,
    floor: u.floor,
    surfaceM2: Number(u.surface_m2),
    rooms: u.rooms,
    bedrooms: u.bedrooms,
    beds: u.beds,
    bathrooms: u.bathrooms,
    accessibility: u.accessibility as AccessibilityFeature[],
    energyClass: u.energy_class as Energy | null,
    furnishing: u.furnishing as Furnishing,
    ownerKind: u.owner_kind as OwnerKind,
    ownerOrganisationId: u.owner_organisation_id,
    ownerName: u.owner_name,
    managingOrganisationId: u.managing_organisation_id,
    notes: u.notes,
    building: { id: u.building_id, address: u.address, city: u.city, postcode: u.postcode, neighbourhood: u.neighbourhood },
    estate: u.estate_id && u.estate_name ? { id: u.estate_id, code: u.estate_code, name: u.estate_name } : null,
    currentStatus: u.current_status as UnitStatus | null,
    currentProgram: u.current_program as Program | null,
    currentSolutionType: u.current_solution_type as SolutionType | null,
  };
}

export function presentUnitDetail(
  u: UnitRow,
  programs: { id: string; program: string; solution_type: string | null; from: string; to: string | null; note: string | null }[],
  statuses: { id: string; status: string; from: string; to: string | null; note: string | null }[],
  spaces: CommonSpaceRow[],
) {
  return {
    ...presentUnit(u),
    building: {
      id: u.building_id,
      estateId: u.estate_id,
      estateName: u.estate_name,
      address: u.address,
      postcode: u.postcode,
      city: u.city,
      neighbourhood: u.neighbourhood,
      latitude: num(u.latitude),
      longitude: num(u.longitude),
      floors: u.building_floors,
      hasLift: u.has_lift,
      yearBuilt: u.year_built,
    },
    owner: { kind: u.owner_kind as OwnerKind, organisationId: u.owner_organisation_id, organisationName: u.owner_organisation_name, name: u.owner_name },
    managingBody: u.managing_organisation_id && u.managing_organisation_name ? { id: u.managing_organisation_id, name: u.managing_organisation_name } : null,
    programs: programs.map((p) => ({
      id: p.id,
      program: p.program as Program,
      solutionType: p.solution_type as SolutionType | null,
      from: p.from,
      to: p.to,
      note: p.note,
    })),
    statusHistory: statuses.map((s) => ({ id: s.id, status: s.status as UnitStatus, from: s.from, to: s.to, note: s.note })),
    commonSpaces: spaces.map(presentCommonSpace),
  };
}
