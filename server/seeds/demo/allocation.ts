// Demo allocation: a closed first round of the youth collaborative-housing call with ~33 admitted
// applicants (the open call's admitted ones and the demo citizen Francesca Ricci), their compatibility
// questionnaires (all but three filled), and twenty flats of the youth program available today.
// No plan: the operator computes it.
import { sql } from 'kysely';
import type { Executor } from '../../src/kernel/db/tenant.js';
import type { CompatibilityAnswers } from '../../src/modules/allocation/index.js';
import { presetRules } from '../../src/modules/calls/index.js';
import { romeDay } from '../../src/modules/stock/index.js';
import { buildBuilding, buildUnit } from '../../test/factories.js';
import { type Rng, rng } from '../generate/random.js';

const NEIGHBOURHOODS = ['San Vito', 'Pontetetto', 'San Concordio', 'Arancio', 'Saltocchio', 'San Marco', 'Centro storico'];
const YOUTH_BUILDINGS = [
  { address: 'via di Pontetetto 12', neighbourhood: 'Pontetetto' },
  { address: 'via Romana 301', neighbourhood: 'San Vito' },
  { address: 'via del Brennero 540', neighbourhood: 'Saltocchio' },
  { address: 'viale San Concordio 730', neighbourhood: 'San Concordio' },
  { address: 'via dell’Arancio 45', neighbourhood: 'Arancio' },
  { address: 'via Borgo Giannotti 120', neighbourhood: 'San Marco' },
];
const INTERESTS = ['musica', 'cucina', 'sport', 'lettura', 'cinema', 'volontariato', 'giochi', 'montagna'];

function answers(r: Rng, gender: 'F' | 'M'): CompatibilityAnswers {
  const smoker = r.chance(0.15);
  return {
    gender,
    rhythm: r.pick(['early', 'regular', 'late'] as const),
    smoker,
    acceptsSmoker: smoker || r.chance(0.3),
    hasPets: r.chance(0.1),
    acceptsPets: r.chance(0.7),
    tidiness: r.int(1, 5),
    noise: r.int(1, 5),
    guests: r.pick(['rarely', 'sometimes', 'often'] as const),
    languages: r.chance(0.2) ? ['it', r.pick(['en', 'ro', 'ar', 'sq', 'es'])] : r.chance(0.5) ? ['it', 'en'] : ['it'],
    interests: INTERESTS.filter(() => r.chance(0.3)),
    cohabitantGender: r.chance(0.5) ? gender : 'any',
    cohabitantAgeMin: null,
    cohabitantAgeMax: r.chance(0.15) ? 32 : null,
    neighbourhoods: r.chance(0.6) ? [r.pick(NEIGHBOURHOODS)] : [],
    accessibilityNeeds: r.chance(0.05) ? ['lift'] : [],
  };
}

export async function seedDemoAllocation(db: Executor, o: { tenantId: string; citizenUserId: string; operatorId: string | null }): Promise<void> {
  const r = rng(20260606);
  const today = romeDay(new Date());
  const open = await db
    .selectFrom('call')
    .select('id')
    .where('tenant_id', '=', o.tenantId)
    .where('program', '=', 'youth_collab')
    .orderBy('opens_at', 'desc')
    .executeTakeFirst();
  if (!open) {
    return;
  }
  // A first round of the youth call, closed two months ago: its admitted applicants are the open
  // call's admitted ones (people may apply to both rounds) and the demo citizen, whose application
  // to the open call stays for the calls journey to make.
  const DAY = 86_400_000;
  const now = Date.now();
  const call = await db
    .insertInto('call')
    .values({
      tenant_id: o.tenantId,
      program: 'youth_collab',
      title_it: 'Coabitazione giovani 2025 – primo turno',
      title_en: "Young people's cohabitation 2025 – first round",
      body_it: 'Primo turno: due giovani per alloggio, abbinati con un questionario di compatibilità.',
      body_en: 'First round: two young people per flat, paired with a compatibility questionnaire.',
      opens_at: new Date(now - 150 * DAY),
      closes_at: new Date(now - 60 * DAY),
      places: 24,
      status: 'published',
      published_at: new Date(now - 155 * DAY),
      created_by: o.operatorId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('call_rules')
    .values({ tenant_id: o.tenantId, call_id: call.id, version: 1, rules: JSON.stringify(presetRules('youth_collab')), created_by: o.operatorId })
    .execute();
  const year = Number(today.slice(0, 4)) - (Number(today.slice(5, 7)) <= 2 ? 1 : 0);
  const nextProtocol = async () => {
    const c = await db
      .insertInto('protocol_counter')
      .values({ tenant_id: o.tenantId, year, last_number: 1 })
      .onConflict((oc) => oc.columns(['tenant_id', 'year']).doUpdateSet({ last_number: sql`protocol_counter.last_number + 1` }))
      .returning('last_number')
      .executeTakeFirstOrThrow();
    return { protocol_year: year, protocol_number: c.last_number, protocol: `${year}/${String(c.last_number).padStart(6, '0')}` };
  };
  const firstRound = await db
    .selectFrom('application')
    .select(['person_id', 'user_id', 'applicant', 'household'])
    .where('tenant_id', '=', o.tenantId)
    .where('call_id', '=', open.id)
    .where('status', '=', 'admitted')
    .orderBy('protocol')
    .execute();
  const citizen = await db
    .selectFrom('person')
    .select(['id', 'given_name', 'family_name', 'codice_fiscale', sql<string>`to_char(birth_date, 'YYYY-MM-DD')`.as('birth_date')])
    .where('tenant_id', '=', o.tenantId)
    .where('user_id', '=', o.citizenUserId)
    .executeTakeFirst();
  let citizenApp: string | null = null;
  const people = [
    ...firstRound.map((a) => ({ person_id: a.person_id, user_id: a.user_id, applicant: JSON.stringify(a.applicant), household: JSON.stringify(a.household) })),
    ...(citizen
      ? [
          {
            person_id: citizen.id,
            user_id: o.citizenUserId,
            applicant: JSON.stringify({
              givenName: citizen.given_name,
              familyName: citizen.family_name,
              codiceFiscale: citizen.codice_fiscale,
              birthDate: citizen.birth_date ?? '1998-04-12',
            }),
            household: '[]',
          },
        ]
      : []),
  ];
  for (const a of people) {
    const app = await db
      .insertInto('application')
      .values({
        tenant_id: o.tenantId,
        call_id: call.id,
        person_id: a.person_id,
        user_id: a.user_id,
        channel: a.user_id ? 'online' : 'paper',
        status: 'admitted',
        applicant: a.applicant as never,
        household: a.household as never,
        ...(await nextProtocol()),
        submitted_at: new Date(now - 100 * DAY),
        reviewed_at: new Date(now - 50 * DAY),
        reviewed_by: o.operatorId,
        created_by: a.user_id ?? o.operatorId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (a.user_id === o.citizenUserId) {
      citizenApp = app.id;
    }
  }
  const admitted = await db
    .selectFrom('application as a')
    .leftJoin('person as p', (j) => j.onRef('p.tenant_id', '=', 'a.tenant_id').onRef('p.id', '=', 'a.person_id'))
    .select(['a.id', 'p.sex'])
    .where('a.tenant_id', '=', o.tenantId)
    .where('a.call_id', '=', call.id)
    .where('a.status', '=', 'admitted')
    .orderBy('a.protocol')
    .execute();
  const rows = admitted
    .filter((a, i) => a.id === citizenApp || i < admitted.length - 3)
    .map((a) => {
      const mine = a.id === citizenApp;
      const filled: CompatibilityAnswers = mine
        ? {
            ...answers(r, 'F'),
            smoker: false,
            acceptsSmoker: false,
            hasPets: false,
            acceptsPets: true,
            cohabitantGender: 'F',
            neighbourhoods: ['San Vito'],
            accessibilityNeeds: [],
          }
        : answers(r, a.sex === 'M' ? 'M' : 'F');
      return {
        tenant_id: o.tenantId,
        application_id: a.id,
        call_id: call.id,
        answers: JSON.stringify(filled) as never,
        filled_by: mine ? o.citizenUserId : o.operatorId,
        filled_as: mine ? 'applicant' : 'operator',
      };
    });
  if (rows.length > 0) {
    await db.insertInto('allocation_questionnaire').values(rows).execute();
  }
  // About twenty flats of the youth program available today (two bedrooms or more): the demo stock
  // has few free units, so the program gets its own small buildings in the outer neighbourhoods.
  const youth = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM unit u
    JOIN unit_program p ON p.tenant_id = u.tenant_id AND p.unit_id = u.id AND p.program = 'youth_collab' AND p.during @> ${today}::date
    JOIN unit_status s ON s.tenant_id = u.tenant_id AND s.unit_id = u.id AND s.status = 'available' AND s.during @> ${today}::date
    WHERE u.tenant_id = ${o.tenantId} AND u.bedrooms >= 2`.execute(db);
  let missing = 20 - (youth.rows[0]?.n ?? 0);
  const since = `${Number(today.slice(0, 4)) - 1}-01-01`;
  for (const [b, spot] of YOUTH_BUILDINGS.entries()) {
    if (missing <= 0) {
      break;
    }
    const building = await buildBuilding(db, {
      tenantId: o.tenantId,
      estateId: null,
      address: spot.address,
      neighbourhood: spot.neighbourhood,
      hasLift: b % 2 === 0,
    });
    for (let k = 0; k < 4 && missing > 0; k++, missing--) {
      await buildUnit(db, {
        buildingId: building.id,
        code: `GIO-${b + 1}${String.fromCharCode(65 + k)}`,
        surfaceM2: r.int(55, 85),
        rooms: 4,
        bedrooms: k === 3 ? 4 : 2,
        beds: k === 3 ? 4 : 2,
        accessibility: b % 2 === 0 ? ['lift', 'step_free_access'] : [],
        status: { status: 'available', from: since },
        program: { program: 'youth_collab', from: since },
      });
    }
  }
}
