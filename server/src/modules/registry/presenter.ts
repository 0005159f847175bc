import type { Program } from '../../kernel/auth/permissions.js';
import type { PersonRow, personParts } from './repo.js';

const day = (d: string | null) => d;

export function presentPersonSummary(p: PersonRow) {
  return {
    id: p.id,
    givenName: p.given_name,
    familyName: p.family_name,
    codiceFiscale: p.codice_fiscale,
    cfPending: p.codice_fiscale === null,
    birthDate: day(p.birth_date),
    residenceCity: p.residence_city,
    noFixedAddress: p.no_fixed_address,
    programs: p.programs,
  };
}

/** The common record; special-category content never goes through here. */
export function presentPerson(p: PersonRow, parts: Awaited<ReturnType<typeof personParts>>, today: string) {
  return {
    ...presentPersonSummary(p),
    birthPlace: p.birth_place,
    birthPlaceCode: p.birth_place_code,
    sex: p.sex as 'M' | 'F' | null,
    citizenship: p.citizenship,
    email: p.email,
    phone: p.phone,
    residenceAddress: p.residence_address,
    residencePostcode: p.residence_postcode,
    domicileAddress: p.domicile_address,
    domicileCity: p.domicile_city,
    linkedAccount: p.user_id !== null,
    householdId: parts.householdId,
    enrolments: parts.enrolments.map((e) => ({
      id: e.id,
      program: e.program as Program,
      caseWorkerId: e.case_worker_id,
      caseWorkerName: e.case_worker_name,
      startedOn: e.started_on,
      endedOn: e.ended_on,
      note: e.note,
    })),
    consents: parts.consents.map(presentConsent),
    documents: parts.documents.map((d) => ({
      id: d.id,
      kind: d.kind,
      number: d.number,
      issuedBy: d.issued_by,
      expiresOn: d.expires_on,
      fileName: d.file_name,
      expired: d.expires_on !== null && d.expires_on < today,
    })),
    representatives: parts.representatives.map((r) => ({
      id: r.id,
      representativeId: r.representative_id,
      name: r.name,
      kind: r.kind,
      startedOn: r.started_on,
      endedOn: r.ended_on,
    })),
    sensitiveCategories: parts.sensitiveCategories,
    createdAt: p.created_at.toISOString(),
  };
}

export function presentConsent(c: Awaited<ReturnType<typeof personParts>>['consents'][number]) {
  return {
    id: c.id,
    purpose: c.purpose,
    legalBasis: c.legal_basis,
    givenOn: c.given_on,
    withdrawnOn: c.withdrawn_on,
    givenById: c.given_by_id,
    givenByName: c.given_by_name,
  };
}

/** ISEE validity as of a day: expired, expiring within 30 days, or valid. */
export function iseeStatus(expiresOn: string, today: string): 'valid' | 'expiring' | 'expired' {
  if (expiresOn < today) {
    return 'expired';
  }
  const soon = new Date(`${today}T00:00:00Z`);
  soon.setUTCDate(soon.getUTCDate() + 30);
  return expiresOn <= soon.toISOString().slice(0, 10) ? 'expiring' : 'valid';
}
