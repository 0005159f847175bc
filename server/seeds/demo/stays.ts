// Demo data for Durante e Dopo di Noi (Lucca): the housing solutions on the dopo_di_noi units of
// the demo stock (two autonomy gyms, a respite flat with a busy calendar and a waiting list, a
// mutual-aid flat, the stable home), ~25 life projects at different stages (some reviews
// overdue), and a family member who represents one of the people.
import { sql } from 'kysely';
import type { Executor } from '../../src/kernel/db/tenant.js';
import { romeDay } from '../../src/kernel/time.js';
import { buildPerson } from '../../test/factories.js';
import { buildBooking, buildLifeProject, buildSolution, projectContent, type SolutionKind } from '../../test/factories-stays.js';

export interface DemoStaysOptions {
  tenantId: string;
  /** The demo family member's citizen account. */
  familyUserId: string;
  today?: string;
}

const addDays = (day: string, n: number) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

const WISHES = [
  'Voglio una casa mia con la mia amica Giulia. Mi piace cucinare e ascoltare la musica.',
  'Mi piacerebbe lavorare in biblioteca e prendere il bus da solo.',
  'Vorrei dormire fuori casa qualche volta, come mio fratello.',
  'Voglio imparare a fare la spesa e a usare i soldi.',
  'Mi piace il giardinaggio. Voglio lavorare nell’orto del quartiere.',
  'Vorrei vivere vicino alla mamma ma non con lei.',
  'Voglio fare il cameriere in pizzeria e avere degli amici nuovi.',
  'Mi piace disegnare. Vorrei un lavoro con i colori.',
];
const NEEDS = [
  'Aiuto per la doccia e per vestirsi; terapia serale.',
  'Supervisione notturna; dieta senza glutine.',
  'Accompagnamento negli spostamenti; sedia a rotelle.',
  'Routine serale rassicurante; aiuto con i farmaci.',
];

async function unitsOf(db: Executor, tenantId: string, kind: SolutionKind, today: string) {
  return db
    .selectFrom('unit_program as up')
    .innerJoin('unit as u', (j) => j.onRef('u.tenant_id', '=', 'up.tenant_id').onRef('u.id', '=', 'up.unit_id'))
    .select(['u.id', 'u.code', 'u.beds', 'u.building_id'])
    .where('up.tenant_id', '=', tenantId)
    .where('up.program', '=', 'dopo_di_noi')
    .where('up.solution_type', '=', kind)
    .where(sql<boolean>`up.during @> ${today}::date`)
    .where('u.beds', '>=', 2)
    .orderBy('u.code')
    .execute();
}

async function orgId(db: Executor, tenantId: string, name: string) {
  return (await db.selectFrom('organisation').select('id').where('tenant_id', '=', tenantId).where('name', '=', name).executeTakeFirst())?.id ?? null;
}

/** A solution on an existing stock unit (beds 1..unit.beds), or on a new unit when the stock has none. */
async function solutionOn(
  db: Executor,
  tenantId: string,
  unit: { id: string; beds: number } | undefined,
  spec: Parameters<typeof buildSolution>[1] & { kind: SolutionKind; name: string },
) {
  if (!unit) {
    return buildSolution(db, { tenantId, ...spec });
  }
  const { id } = await db
    .insertInto('housing_solution')
    .values({
      tenant_id: tenantId,
      unit_id: unit.id,
      kind: spec.kind,
      name: spec.name,
      description: spec.description ?? null,
      eligible_severities: spec.eligibleSeverities ?? ['mild', 'severe'],
      support_level: spec.supportLevel ?? 'moderate',
      staff_hours_per_day: spec.staffHoursPerDay ?? 16,
      max_stay_days: spec.maxStayDays ?? null,
      run_by_organisation_id: spec.runByOrganisationId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const beds = [];
  for (let n = 1; n <= unit.beds; n += 1) {
    beds.push(
      await db
        .insertInto('bed')
        .values({ tenant_id: tenantId, unit_id: unit.id, number: n, label: `${n}` })
        .returning(['id', 'number'])
        .executeTakeFirstOrThrow(),
    );
  }
  return { id, tenantId, unitId: unit.id, beds };
}

export async function seedDemoStays(db: Executor, o: DemoStaysOptions): Promise<void> {
  const { tenantId } = o;
  const today = o.today ?? romeDay(new Date());
  const anffas = await orgId(db, tenantId, 'ANFFAS Lucca');
  const usl = await orgId(db, tenantId, 'Azienda USL Toscana Nord Ovest');
  const fondazione = await orgId(db, tenantId, 'Fondazione Casa Lucca');

  const gymUnits = await unitsOf(db, tenantId, 'autonomy_gym', today);
  const respiteUnits = await unitsOf(db, tenantId, 'respite', today);
  const stableUnits = await unitsOf(db, tenantId, 'stable_home', today);
  const gym1 = await solutionOn(db, tenantId, gymUnits[0], {
    kind: 'autonomy_gym',
    name: 'Palestra per l’autonomia “Casa Elisa”',
    description: 'Soggiorni brevi con educatori per allenare le autonomie domestiche, in vista di una casa stabile.',
    eligibleSeverities: ['mild', 'severe'],
    supportLevel: 'moderate',
    staffHoursPerDay: 14,
    maxStayDays: 60,
    runByOrganisationId: anffas,
  });
  const gym2 = await solutionOn(db, tenantId, gymUnits[1], {
    kind: 'autonomy_gym',
    name: 'Palestra per l’autonomia “Il Ponte”',
    eligibleSeverities: ['mild'],
    supportLevel: 'light',
    staffHoursPerDay: 8,
    maxStayDays: 30,
    runByOrganisationId: anffas,
  });
  const respite = await solutionOn(db, tenantId, respiteUnits[0] ?? undefined, {
    kind: 'respite',
    name: 'Alloggio di sollievo “Puccini”',
    description: 'Ospitalità breve per persone con disabilità grave, con servizio socioassistenziale strutturato: sollievo per le famiglie.',
    eligibleSeverities: ['severe'],
    supportLevel: 'structured',
    staffHoursPerDay: 24,
    maxStayDays: 30,
    runByOrganisationId: usl,
    beds: 3,
  });
  const stable = stableUnits[0]
    ? await solutionOn(db, tenantId, stableUnits[0], {
        kind: 'stable_home',
        name: 'Casa stabile “Via del Fosso”',
        description: 'Una casa per il Dopo di Noi: convivenza stabile con supporto educativo.',
        supportLevel: 'moderate',
        staffHoursPerDay: 20,
        runByOrganisationId: anffas,
      })
    : null;
  const elisa = gymUnits[0] ? await db.selectFrom('unit').select('building_id').where('id', '=', gymUnits[0].id).executeTakeFirst() : undefined;
  const mutual = await buildSolution(db, {
    tenantId,
    kind: 'mutual_aid',
    name: 'Alloggio di mutuo aiuto “San Concordio”',
    description: 'Convivenza tra persone con lieve disabilità e studenti che offrono qualche ora di aiuto.',
    eligibleSeverities: ['mild'],
    supportLevel: 'light',
    staffHoursPerDay: 3,
    beds: 4,
    buildingId: elisa?.building_id,
    unitCode: 'SCO-MUTUO-1',
    runByOrganisationId: fondazione,
  });
  void stable;

  // People followed by Dopo di Noi: the registry's enrolled people, topped up to 26.
  let people = await db
    .selectFrom('enrolment as e')
    .innerJoin('person as p', (j) => j.onRef('p.tenant_id', '=', 'e.tenant_id').onRef('p.id', '=', 'e.person_id'))
    .select(['p.id', 'p.given_name', 'p.family_name'])
    .where('e.tenant_id', '=', tenantId)
    .where('e.program', '=', 'dopo_di_noi')
    .where('e.ended_on', 'is', null)
    .where('p.merged_into', 'is', null)
    .orderBy('p.family_name')
    .orderBy('p.id')
    .limit(26)
    .execute();
  const extra = ['Tommaso', 'Irene', 'Davide', 'Marta', 'Federico', 'Chiara', 'Nicola', 'Alice', 'Pietro', 'Giada'];
  for (let i = 0; people.length < 26; i += 1) {
    const given = extra[i % extra.length] as string;
    const p = await buildPerson(db, {
      tenantId,
      givenName: given,
      familyName: ['Lencioni', 'Baroni', 'Puccinelli', 'Matteucci', 'Cordoni'][i % 5],
      birthDate: `${1995 + (i % 10)}-0${1 + (i % 9)}-15`,
      enrolments: [{ program: 'dopo_di_noi', startedOn: '2024-09-01' }],
    });
    people = [...people, { id: p.id, given_name: given, family_name: 'x' }];
  }

  // The demo family member: Rita Lencioni, mother and representative of the first person.
  const [child, ...rest] = people;
  if (!child) {
    return;
  }
  const mum = await buildPerson(db, { tenantId, givenName: 'Rita', familyName: 'Lencioni', birthDate: '1962-04-12', sex: 'F', userId: o.familyUserId });
  await db
    .insertInto('person_representative')
    .values({ tenant_id: tenantId, person_id: child.id, representative_id: mum.id, kind: 'genitore', started_on: '2015-01-01' })
    .execute();
  const childContent = projectContent({ severity: 'severe', familyBurden: 4, supportHoursPerDay: 8, assessedOn: addDays(today, -200), wishes: WISHES[0] });
  await buildLifeProject(db, {
    tenantId,
    personId: child.id,
    content: childContent,
    stage: 'approved',
    approvedAt: addDays(today, -180),
    nextReviewOn: addDays(today, 40),
    reviews: [
      {
        heldOn: addDays(today, -50),
        scores: [3, 2, 1],
        nextReviewOn: addDays(today, 40),
        summary: 'Buoni progressi in cucina; primo soggiorno in palestra riuscito.',
      },
    ],
  });
  await buildBooking(db, {
    tenantId,
    solutionId: respite.id,
    personId: child.id,
    startsOn: addDays(today, -90),
    endsOn: addDays(today, -83),
    status: 'approved',
    bedId: respite.beds[0]?.id,
    supportHoursPerDay: 8,
    familyBurden: 4,
    requestedAs: 'family',
    createdAt: addDays(today, -120),
  });

  // Life projects at every stage; some reviews overdue.
  const stages = ['approved', 'acknowledged', 'draft', 'acknowledged', 'revising', 'approved'] as const;
  for (const [i, p] of rest.slice(0, 24).entries()) {
    const stage = stages[i % stages.length] as (typeof stages)[number];
    const overdue = i % 5 === 1;
    const severity = i % 3 === 0 ? 'mild' : 'severe';
    const next = overdue ? addDays(today, -(5 + i * 2)) : addDays(today, 20 + i * 3);
    await buildLifeProject(db, {
      tenantId,
      personId: p.id,
      content: projectContent({
        severity,
        familyBurden: (i * 7) % 6,
        supportHoursPerDay: severity === 'severe' ? 8 : 3,
        assessedOn: addDays(today, -300 + i),
        wishes: WISHES[(i + 1) % WISHES.length],
      }),
      stage,
      nextReviewOn: next,
      approvedAt: addDays(today, -250 + i),
      reviews:
        stage === 'draft'
          ? []
          : [
              {
                heldOn: addDays(today, -120 + i),
                scores: [i % 5, (i + 2) % 5, (i + 1) % 4],
                nextReviewOn: next,
                summary: 'Verifica periodica con la famiglia.',
              },
            ],
    });
  }

  // The respite flat: a busy calendar on every bed from three weeks ago to two months ahead;
  // the last bed is left free from day +14 to +35 (a request for those days can be approved).
  const guests = rest.filter((_, i) => i % 3 !== 0);
  let g = 0;
  for (const [b, bed] of respite.beds.entries()) {
    let start = addDays(today, -21 + b * 3);
    while (start < addDays(today, 60)) {
      const nights = 5 + ((g * 3) % 6);
      const end = addDays(start, nights);
      const lastBed = b === respite.beds.length - 1;
      if (!(lastBed && end > addDays(today, 14) && start < addDays(today, 35))) {
        const p = guests[g % guests.length];
        if (p) {
          await buildBooking(db, {
            tenantId,
            solutionId: respite.id,
            personId: p.id,
            startsOn: start,
            endsOn: end,
            status: 'approved',
            bedId: bed.id,
            supportHoursPerDay: 6 + (g % 4) * 2,
            familyBurden: g % 6,
            needs: NEEDS[g % NEEDS.length],
            createdAt: addDays(start, -30),
          });
        }
        g += 1;
      }
      start = addDays(end, 1 + (g % 2));
    }
  }
  // Less staff on two days next week: the staffing view shows the shortage.
  for (const d of [addDays(today, 8), addDays(today, 9)]) {
    await db.insertInto('stay_staff_plan').values({ tenant_id: tenantId, solution_id: respite.id, day: d, hours: 12 }).execute();
  }
  // The waiting list: requests over busy weeks, different burdens and waiting times.
  for (const [i, p] of guests.slice(0, 6).entries()) {
    await buildBooking(db, {
      tenantId,
      solutionId: respite.id,
      personId: p.id,
      startsOn: addDays(today, 3 + i * 4),
      endsOn: addDays(today, 10 + i * 4),
      status: i % 2 === 0 ? 'waitlisted' : 'requested',
      familyBurden: (i * 2 + 1) % 6,
      needs: NEEDS[(i + 1) % NEEDS.length],
      requestedAs: i % 3 === 0 ? 'family' : 'social_worker',
      createdAt: addDays(today, -5 - i * 9),
    });
  }

  // Autonomy gyms: stays under way and booked, a couple of requests.
  for (const [i, p] of rest
    .filter((_, k) => k % 3 === 0)
    .slice(0, 6)
    .entries()) {
    const gym = i % 2 === 0 ? gym1 : gym2;
    const bed = gym.beds[Math.floor(i / 2) % gym.beds.length];
    await buildBooking(db, {
      tenantId,
      solutionId: gym.id,
      personId: p.id,
      startsOn: addDays(today, -3 + i * 5),
      endsOn: addDays(today, 11 + i * 5),
      status: i < 4 ? 'approved' : 'requested',
      bedId: i < 4 ? bed?.id : null,
      severity: 'mild',
      supportHoursPerDay: 3,
      familyBurden: 2,
      needs: 'Allenare la preparazione dei pasti e la gestione della giornata.',
      createdAt: addDays(today, -40 + i),
    });
  }

  // The mutual-aid flat: three residents, two student helpers.
  const helpers = [
    await buildPerson(db, { tenantId, givenName: 'Lorenzo', familyName: 'Bianucci', birthDate: '2002-03-10', sex: 'M' }),
    await buildPerson(db, { tenantId, givenName: 'Sofia', familyName: 'Dinelli', birthDate: '2001-11-02', sex: 'F' }),
  ];
  for (const [i, p] of rest.slice(-3).entries()) {
    await db
      .insertInto('mutual_aid_pairing')
      .values({
        tenant_id: tenantId,
        solution_id: mutual.id,
        resident_id: p.id,
        helper_id: (helpers[i % 2] as { id: string }).id,
        hours_per_week: 4 + i * 2,
        tasks: ['Spesa e cena insieme', 'Accompagnamento al lavoro il martedì e il giovedì', 'Gestione della posta e delle bollette'][i] as string,
        starts_on: addDays(today, -60 - i * 10),
      })
      .execute();
  }
}
