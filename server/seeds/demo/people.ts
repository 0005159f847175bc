// Lucca demo registry: ~800 households, ~2,000 people with valid codici fiscali, enrolments in
// every program, special-category records (disability, homelessness, addiction, health), consents,
// a few homeless people without codice fiscale, two near-duplicates, and the demo citizens' records.
import type { Kysely } from 'kysely';
import type { Program } from '../../src/kernel/auth/permissions.js';
import type { Executor } from '../../src/kernel/db/tenant.js';
import type { DB } from '../../src/kernel/db/types.js';
import { type GeneratedHousehold, generateHomelessPerson, generateHousehold, type PersonRow, PROGRAM_WEIGHTS } from '../generate/people.js';
import { rng, uuid } from '../generate/random.js';

/** Inserts rows in chunks (one statement per chunk). */
export async function insertChunks<T extends keyof DB & string>(db: Executor, table: T, rows: readonly object[], size = 500) {
  for (let i = 0; i < rows.length; i += size) {
    await (db as Kysely<DB>)
      .insertInto(table)
      .values(rows.slice(i, i + size) as never)
      .execute();
  }
}

interface Staff {
  socialWorker: string | null;
  housingFirst: string | null;
  mediator: string | null;
  agency: string | null;
  operator: string | null;
}

async function staffOf(db: Executor, tenantId: string): Promise<Staff> {
  const users = await db.selectFrom('role_assignment').select(['user_id', 'role']).where('tenant_id', '=', tenantId).execute();
  const find = (role: string) => users.find((u) => u.role === role)?.user_id ?? null;
  return {
    socialWorker: find('social_worker'),
    housingFirst: find('housing_first_team'),
    mediator: find('mediator'),
    agency: find('agency_operator'),
    operator: find('housing_operator'),
  };
}

function caseWorker(staff: Staff, program: Program): string | null {
  switch (program) {
    case 'housing_first':
      return staff.housingFirst;
    case 'mediation':
      return staff.mediator;
    case 'agency':
      return staff.agency;
    case 'erp':
      return staff.operator;
    default:
      return staff.socialWorker;
  }
}

export interface DemoPeopleOptions {
  tenantId: string;
  households: number;
  seed: number;
  /** Demo citizen accounts to link to a person record: email → given/family name. */
  citizens: { userId: string; givenName: string; familyName: string; sex: 'M' | 'F'; program: Program }[];
}

export async function seedDemoPeople(db: Executor, o: DemoPeopleOptions) {
  const r = rng(o.seed);
  const staff = await staffOf(db, o.tenantId);
  const people: PersonRow[] = [];
  const households: GeneratedHousehold['household'][] = [];
  const members: GeneratedHousehold['members'] = [];
  const isee: NonNullable<GeneratedHousehold['isee']>[] = [];
  const incomes: GeneratedHousehold['incomes'] = [];
  for (let i = 0; i < o.households; i++) {
    const h = generateHousehold(r, o.tenantId, i + 1);
    households.push(h.household);
    members.push(...h.members);
    people.push(...h.people);
    if (h.isee) {
      isee.push(h.isee);
    }
    incomes.push(...h.incomes);
  }
  // The demo citizens become the heads of the first households, under their own names.
  const linked = new Map<string, string>();
  o.citizens.forEach((c, i) => {
    const headMember = members.filter((m) => m.relationship === 'head')[i];
    const head = people.find((p) => p.id === headMember?.person_id);
    const household = households.find((h) => h.id === headMember?.household_id);
    if (head && household) {
      head.given_name = c.givenName;
      head.family_name = c.familyName;
      head.sex = c.sex;
      household.name = `Nucleo ${c.familyName}`;
      head.codice_fiscale = null; // recomputed below from the new name
      linked.set(head.id, c.userId);
    }
  });
  const homeless = Array.from({ length: 15 }, (_, i) => generateHomelessPerson(r, o.tenantId, i >= 6));
  // Two records of the same man, typed twice with a spelling slip: the duplicates list shows them.
  const dupA = generateHomelessPerson(r, o.tenantId, true);
  const dupB = { ...dupA, id: uuid(r), family_name: `${dupA.family_name}i`, codice_fiscale: null, no_fixed_address: false };
  const all = [...people, ...homeless, dupA, dupB];
  const { generateCodiceFiscale } = await import('../../src/modules/registry/index.js');
  for (const p of all) {
    if (linked.has(p.id)) {
      p.codice_fiscale = generateCodiceFiscale({
        familyName: p.family_name,
        givenName: p.given_name,
        birthDate: p.birth_date,
        sex: p.sex,
        birthPlaceCode: p.birth_place_code ?? 'E715',
      });
    }
  }
  // Codici fiscali are unique per ente: a rare clash of generated people gets a pending code.
  const seen = new Set<string>();
  for (const p of all) {
    if (p.codice_fiscale && seen.has(p.codice_fiscale)) {
      p.codice_fiscale = null;
    }
    if (p.codice_fiscale) {
      seen.add(p.codice_fiscale);
    }
  }
  await insertChunks(
    db,
    'person',
    all.map((p) => ({ ...p, user_id: linked.get(p.id) ?? null })),
  );
  await insertChunks(db, 'household', households);
  await insertChunks(db, 'household_member', members);
  await insertChunks(db, 'isee', isee);
  await insertChunks(db, 'household_income', incomes);

  // Enrolments: one program per household head (weighted), Housing First for the homeless people.
  const enrolments = [];
  const sensitive = [];
  const consents = [];
  const heads = members.filter((m) => m.relationship === 'head');
  for (const [i, m] of heads.entries()) {
    const citizen = o.citizens[i];
    // Weight 34: household heads not enrolled in any program yet.
    const program: Program | undefined = citizen?.program ?? r.weighted(PROGRAM_WEIGHTS, 34);
    if (!program) {
      continue;
    }
    const person = people.find((p) => p.id === m.person_id) as PersonRow;
    const started = `202${r.int(3, 6)}-${String(r.int(1, 9)).padStart(2, '0')}-01`;
    enrolments.push({ tenant_id: o.tenantId, id: uuid(r), person_id: person.id, program, case_worker_id: caseWorker(staff, program), started_on: started });
    if (program === 'dopo_di_noi' || r.chance(0.04)) {
      sensitive.push({
        tenant_id: o.tenantId,
        id: uuid(r),
        person_id: person.id,
        category: 'disability',
        data: JSON.stringify({
          law104: program === 'dopo_di_noi' ? 'art3c3' : r.pick(['art3c1', 'art3c3']),
          invalidityPercent: r.pick([67, 75, 80, 100, 100]),
          supportNeeds: r.pick([
            'Supporto nelle autonomie domestiche',
            'Accompagnamento negli spostamenti',
            'Supervisione nella gestione del denaro e dei farmaci',
          ]),
          assessedOn: `202${r.int(2, 5)}-0${r.int(1, 9)}-15`,
        }),
        recorded_by: staff.socialWorker,
      });
    }
    if (program === 'cohousing' && r.chance(0.3)) {
      sensitive.push({
        tenant_id: o.tenantId,
        id: uuid(r),
        person_id: person.id,
        category: r.chance(0.5) ? 'addiction' : 'health',
        data: JSON.stringify(
          r.chance(0.5)
            ? { substances: 'alcol', servicesInCharge: 'SerD Lucca', notes: 'Percorso di vita assistita con i servizi' }
            : { conditions: 'Disturbo psichico in trattamento', servicesInCharge: 'Centro di salute mentale' },
        ),
        recorded_by: staff.socialWorker,
      });
    }
    if (program !== 'erp' && r.chance(0.6)) {
      consents.push({
        tenant_id: o.tenantId,
        id: uuid(r),
        person_id: person.id,
        purpose:
          program === 'cohousing'
            ? 'Condivisione dei dati con Azienda USL Toscana Nord Ovest per il progetto di co-housing'
            : program === 'agency'
              ? "Condivisione dei dati con l'Agenzia Sociale per la Casa per la ricerca di un alloggio"
              : 'Trattamento dei dati per il percorso di accompagnamento all’abitare',
        legal_basis: 'consent',
        given_on: started,
        recorded_by: staff.socialWorker,
      });
    }
  }
  for (const p of homeless) {
    enrolments.push({
      tenant_id: o.tenantId,
      id: uuid(r),
      person_id: p.id,
      program: 'housing_first' as Program,
      case_worker_id: staff.housingFirst,
      started_on: `2026-0${r.int(1, 9)}-01`,
    });
    sensitive.push({
      tenant_id: o.tenantId,
      id: uuid(r),
      person_id: p.id,
      category: 'homelessness',
      data: JSON.stringify({
        ethos: r.pick(['roofless', 'roofless', 'houseless']),
        since: `20${r.int(15, 25)}-0${r.int(1, 9)}-01`,
        notes: 'Segnalato dal servizio di strada',
      }),
      recorded_by: staff.housingFirst,
    });
  }
  await insertChunks(db, 'enrolment', enrolments);
  await insertChunks(db, 'person_sensitive', sensitive);
  await insertChunks(db, 'consent', consents);

  // "Who looked at my file" has history for the demo citizens.
  const audit = [];
  const swOrg = staff.socialWorker
    ? ((await db.selectFrom('app_user').select('organisation_id').where('tenant_id', '=', o.tenantId).where('id', '=', staff.socialWorker).executeTakeFirst())
        ?.organisation_id ?? null)
    : null;
  for (const personId of linked.keys()) {
    audit.push({
      tenant_id: o.tenantId,
      user_id: staff.socialWorker,
      organisation_id: swOrg,
      action: 'person.read',
      entity_type: 'person',
      entity_id: personId,
      purpose: 'colloquio di inserimento',
      actor_roles: ['social_worker:youth_collab'],
      at: new Date('2026-10-14T09:30:00Z'),
    });
  }
  await insertChunks(db, 'audit_log', audit);
  return { people: all.length, households: households.length };
}
