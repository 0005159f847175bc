// Realistic people and households of Lucca for demo data and for large benchmark tenants.
// Pure: it returns rows; the caller inserts them in bulk.
import type { Program } from '../../src/kernel/auth/permissions.js';
import { generateCodiceFiscale } from '../../src/modules/registry/index.js';
import { type Rng, uuid } from './random.js';

const MALE = [
  'Marco',
  'Luca',
  'Andrea',
  'Giuseppe',
  'Giovanni',
  'Francesco',
  'Alessandro',
  'Matteo',
  'Lorenzo',
  'Davide',
  'Simone',
  'Riccardo',
  'Paolo',
  'Stefano',
  'Roberto',
  'Fabio',
  'Daniele',
  'Nicola',
  'Filippo',
  'Tommaso',
  'Pietro',
  'Giacomo',
  'Emanuele',
  'Federico',
  'Enrico',
  'Claudio',
  'Massimo',
  'Sergio',
  'Franco',
  'Mario',
  'Leonardo',
  'Gabriele',
  'Niccolò',
  'Edoardo',
  'Michele',
];
const FEMALE = [
  'Giulia',
  'Francesca',
  'Sara',
  'Chiara',
  'Laura',
  'Valentina',
  'Elena',
  'Alessia',
  'Martina',
  'Silvia',
  'Federica',
  'Anna',
  'Paola',
  'Maria',
  'Giovanna',
  'Roberta',
  'Monica',
  'Elisa',
  'Serena',
  'Claudia',
  'Beatrice',
  'Sofia',
  'Aurora',
  'Alice',
  'Emma',
  'Ginevra',
  'Caterina',
  'Irene',
  'Marta',
  'Lucia',
  'Rosa',
  'Teresa',
  'Carla',
  'Franca',
  'Ilaria',
];
const SURNAMES = [
  'Rossi',
  'Bianchi',
  'Pardini',
  'Lazzarini',
  'Giannecchini',
  'Bertolucci',
  'Martinelli',
  'Del Carlo',
  'Franceschi',
  'Ricci',
  'Lucchesi',
  'Nardini',
  'Pieroni',
  'Simonetti',
  'Bernardini',
  'Marchetti',
  'Giusti',
  'Pellegrini',
  'Barsanti',
  'Dinelli',
  'Pacini',
  'Baroni',
  'Lenzi',
  'Puccinelli',
  'Guidi',
  'Fanucchi',
  'Bertolacci',
  'Casali',
  'Rontani',
  'Fontana',
  'Orsi',
  'Tognetti',
  'Benedetti',
  'Giorgi',
  'Della Nina',
  'Moriconi',
  'Ghilarducci',
  'Petrucci',
  'Neri',
  'Landucci',
  'Ceragioli',
  'Michelotti',
  'Tambellini',
  'Baldacci',
  'Angelini',
  'Sodini',
  'Biagioni',
  'Lucarini',
  'Romani',
  'Mei',
];
const FOREIGN: { surnames: string[]; male: string[]; female: string[]; place: string; citizenship: string }[] = [
  {
    surnames: ['Popescu', 'Ionescu', 'Dumitru', 'Stan'],
    male: ['Ion', 'Andrei', 'Mihai'],
    female: ['Elena', 'Ioana', 'Maria'],
    place: 'Z129',
    citizenship: 'RO',
  },
  { surnames: ['Hoxha', 'Shehu', 'Krasniqi'], male: ['Arben', 'Ermal', 'Besnik'], female: ['Elira', 'Drita', 'Arta'], place: 'Z100', citizenship: 'AL' },
  {
    surnames: ['El Amrani', 'Benali', 'Haddad'],
    male: ['Youssef', 'Mohamed', 'Karim'],
    female: ['Fatima', 'Amina', 'Salma'],
    place: 'Z330',
    citizenship: 'MA',
  },
  { surnames: ['Diop', 'Ndiaye', 'Fall'], male: ['Mamadou', 'Ousmane', 'Cheikh'], female: ['Aminata', 'Fatou', 'Awa'], place: 'Z343', citizenship: 'SN' },
  {
    surnames: ['Shevchenko', 'Kovalenko', 'Bondarenko'],
    male: ['Oleksandr', 'Dmytro'],
    female: ['Olena', 'Iryna', 'Natalia'],
    place: 'Z138',
    citizenship: 'UA',
  },
];
const ITALIAN_PLACES = [
  { name: 'Lucca', code: 'E715', weight: 10 },
  { name: 'Capannori', code: 'B648', weight: 2 },
  { name: 'Viareggio', code: 'L833', weight: 2 },
  { name: 'Pisa', code: 'G702', weight: 2 },
  { name: 'Firenze', code: 'D612', weight: 1 },
  { name: 'Napoli', code: 'F839', weight: 1 },
  { name: 'Roma', code: 'H501', weight: 1 },
];
const STREETS = [
  'via Pisana',
  'via Turati',
  'via Vecchi Pardini',
  'via Giorgini',
  'viale Puccini',
  'via Sarzanese',
  'via di Tiglio',
  'via del Brennero',
  'via Romana',
  'viale Castracani',
  'via dei Borghi',
  'via Fillungo',
  'via Elisa',
  'via del Fosso',
  'via Paolinelli',
  'piazzale Sforza',
  'via per Sant’Alessio',
  'via di Saltocchio',
];

export interface PersonRow {
  tenant_id: string;
  id: string;
  given_name: string;
  family_name: string;
  codice_fiscale: string | null;
  birth_date: string;
  birth_place: string | null;
  birth_place_code: string | null;
  sex: 'M' | 'F';
  citizenship: string;
  phone: string | null;
  residence_address: string | null;
  residence_city: string | null;
  residence_postcode: string | null;
  no_fixed_address: boolean;
}

export interface GeneratedHousehold {
  household: { tenant_id: string; id: string; name: string };
  members: { tenant_id: string; id: string; household_id: string; person_id: string; relationship: string; joined_on: string }[];
  people: PersonRow[];
  isee: {
    tenant_id: string;
    id: string;
    household_id: string;
    kind: string;
    value_cents: number;
    protocol_dsu: string;
    issued_on: string;
    expires_on: string;
  } | null;
  incomes: { tenant_id: string; id: string; household_id: string; person_id: string; year: number; kind: string; amount_cents: number }[];
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function birthDate(r: Rng, minAge: number, maxAge: number, refYear = 2026): string {
  const year = refYear - r.int(minAge, maxAge);
  const month = r.int(1, 12);
  const day = r.int(1, month === 2 ? 28 : 30);
  return `${year}-${pad(month)}-${pad(day)}`;
}

function makePerson(
  r: Rng,
  tenantId: string,
  o: { familyName?: string; sex?: 'M' | 'F'; minAge: number; maxAge: number; foreign?: (typeof FOREIGN)[number]; address: string | null },
): PersonRow {
  const sex = o.sex ?? (r.chance(0.5) ? 'M' : 'F');
  const f = o.foreign;
  const given = f ? r.pick(sex === 'M' ? f.male : f.female) : r.pick(sex === 'M' ? MALE : FEMALE);
  const family = o.familyName ?? (f ? r.pick(f.surnames) : r.pick(SURNAMES));
  const born = birthDate(r, o.minAge, o.maxAge);
  let place: { name: string; code: string };
  if (f) {
    place = { name: '', code: f.place };
  } else {
    place = r.weighted(ITALIAN_PLACES.map((p) => [p, p.weight] as const)) ?? { name: 'Lucca', code: 'E715' };
  }
  return {
    tenant_id: tenantId,
    id: uuid(r),
    given_name: given,
    family_name: family,
    codice_fiscale: generateCodiceFiscale({ familyName: family, givenName: given, birthDate: born, sex, birthPlaceCode: place.code }),
    birth_date: born,
    birth_place: place.name || null,
    birth_place_code: place.code,
    sex,
    citizenship: f ? f.citizenship : 'IT',
    phone: r.chance(0.8) ? `+39 3${r.int(20, 49)} ${r.int(100, 999)} ${r.int(1000, 9999)}` : null,
    residence_address: o.address,
    residence_city: o.address ? 'Lucca' : null,
    residence_postcode: o.address ? r.pick(['55100', '55100', '55100', '55012', '55060']) : null,
    no_fixed_address: o.address === null,
  };
}

/** One household: a head, maybe a partner, maybe children or a parent; ISEE and incomes. */
export function generateHousehold(r: Rng, tenantId: string, seq: number): GeneratedHousehold {
  const foreign = r.chance(0.14) ? r.pick(FOREIGN) : undefined;
  const address = `${r.pick(STREETS)} ${r.int(1, 420)}`;
  const head = makePerson(r, tenantId, { minAge: 22, maxAge: 85, foreign, address });
  const people = [head];
  const rel: string[] = ['head'];
  const headAge = 2026 - Number(head.birth_date.slice(0, 4));
  if (headAge < 75 && r.chance(0.55)) {
    people.push(makePerson(r, tenantId, { sex: head.sex === 'M' ? 'F' : 'M', minAge: Math.max(20, headAge - 6), maxAge: headAge + 4, foreign, address }));
    rel.push(r.chance(0.7) ? 'spouse' : 'partner');
  }
  if (headAge < 60) {
    const kids = r.chance(0.5) ? r.int(1, 3) : 0;
    for (let k = 0; k < kids; k++) {
      people.push(makePerson(r, tenantId, { familyName: head.family_name, minAge: 0, maxAge: Math.min(25, headAge - 18), foreign, address }));
      rel.push('child');
    }
  }
  if (headAge < 55 && r.chance(0.06)) {
    people.push(makePerson(r, tenantId, { familyName: head.family_name, minAge: headAge + 22, maxAge: headAge + 35, foreign, address }));
    rel.push('parent');
  }
  const hid = uuid(r);
  const joined = `${r.int(1995, 2024)}-${pad(r.int(1, 12))}-01`;
  const members = people.map((p, i) => ({
    tenant_id: tenantId,
    id: uuid(r),
    household_id: hid,
    person_id: p.id,
    relationship: rel[i] as string,
    joined_on: p.birth_date > joined ? p.birth_date : joined,
  }));
  let isee: GeneratedHousehold['isee'] = null;
  if (r.chance(0.75)) {
    const issued = `2026-${pad(r.int(1, 10))}-${pad(r.int(1, 28))}`;
    isee = {
      tenant_id: tenantId,
      id: uuid(r),
      household_id: hid,
      kind: r.chance(0.85) ? 'ordinario' : 'corrente',
      value_cents: r.int(0, 2_400_000),
      protocol_dsu: `INPS-ISEE-2026-${pad(r.int(1, 99_999_999), 8)}-00`,
      issued_on: issued,
      // Most expire on 31 December; a few "ISEE corrente" sooner (some already expired).
      expires_on: r.chance(0.9) ? '2026-12-31' : `2026-${pad(r.int(10, 12))}-${pad(r.int(1, 28))}`,
    };
    if (isee.expires_on < isee.issued_on) {
      isee.expires_on = '2026-12-31';
    }
  }
  const incomes = people
    .filter((p) => Number(p.birth_date.slice(0, 4)) <= 2007)
    .filter(() => r.chance(0.7))
    .map((p) => {
      const age = 2026 - Number(p.birth_date.slice(0, 4));
      return {
        tenant_id: tenantId,
        id: uuid(r),
        household_id: hid,
        person_id: p.id,
        year: 2025,
        kind: age >= 67 ? 'pension' : r.pick(['employment', 'employment', 'employment', 'self_employment', 'unemployment_benefit']),
        amount_cents: age >= 67 ? r.int(650_000, 2_200_000) : r.int(300_000, 3_200_000),
      };
    });
  return { household: { tenant_id: tenantId, id: hid, name: `Nucleo ${head.family_name} (${seq})` }, members, people, isee, incomes };
}

/** A homeless person for Housing First: no fixed address and, often, no codice fiscale yet. */
export function generateHomelessPerson(r: Rng, tenantId: string, withCf: boolean): PersonRow {
  const foreign = r.chance(0.4) ? r.pick(FOREIGN) : undefined;
  const p = makePerson(r, tenantId, { minAge: 28, maxAge: 64, foreign, address: null });
  return withCf ? p : { ...p, codice_fiscale: null };
}

export const PROGRAM_WEIGHTS: [Program, number][] = [
  ['erp', 30],
  ['mediation', 12],
  ['agency', 10],
  ['youth_collab', 6],
  ['dopo_di_noi', 4],
  ['cohousing', 4],
];
