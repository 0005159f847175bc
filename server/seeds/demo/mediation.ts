// Lucca demo mediation (seed 002): the mediator works on the five ERP estates (Pontetetto,
// Piazzale Sforza, Il Manichino – Saltocchio, San Vito, Montuolo); conflict cases at every stage,
// residents' reports routed to E.R.P. Lucca, a month of community activities with registrations,
// two tenants' committees with minutes and shared expenses. The demo citizen has reports too.
import { sql } from 'kysely';
import type { Executor } from '../../src/kernel/db/tenant.js';
import { romeDay } from '../../src/kernel/time.js';
import { splitCents } from '../../src/modules/mediation/index.js';
import { buildUser } from '../../test/factories.js';

const ESTATES = ['PONTETETTO', 'SFORZA', 'MANICHINO', 'SANVITO', 'MONTUOLO'];
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360f8cf00000301010018dd8db00000000049454e44ae426082',
  'hex',
);

const CASES: { type: string; severity: string; status: string; reportedBy: string; summary: string }[] = [
  { type: 'noise', severity: 'medium', status: 'open', reportedBy: 'resident', summary: 'Musica ad alto volume dopo le 23' },
  { type: 'common_spaces', severity: 'low', status: 'in_mediation', reportedBy: 'resident', summary: 'Uso del giardino comune e biciclette nell’androne' },
  { type: 'damage', severity: 'high', status: 'escalated', reportedBy: 'managing_body', summary: 'Portone danneggiato più volte' },
  { type: 'coexistence', severity: 'medium', status: 'agreement', reportedBy: 'mediator', summary: 'Tensioni tra vicini sul pianerottolo' },
  { type: 'safety', severity: 'high', status: 'follow_up', reportedBy: 'social_services', summary: 'Cantine aperte e frequentate di notte' },
  { type: 'noise', severity: 'low', status: 'closed', reportedBy: 'resident', summary: 'Cane che abbaia durante il giorno' },
  { type: 'other', severity: 'low', status: 'closed', reportedBy: 'resident', summary: 'Turni di pulizia delle scale non rispettati' },
];

const REPORTS: { category: string; description: string; location: string; status: string }[] = [
  { category: 'maintenance', description: 'La luce delle scale non si accende', location: 'scala A', status: 'resolved' },
  { category: 'maintenance', description: 'Infiltrazione d’acqua dal tetto', location: 'ultimo piano', status: 'in_progress' },
  { category: 'cleanliness', description: 'Rifiuti abbandonati vicino ai cassonetti', location: 'cortile', status: 'routed' },
  { category: 'safety', description: 'Ringhiera del balcone comune instabile', location: 'scala B, 2° piano', status: 'in_progress' },
  { category: 'maintenance', description: 'Citofono guasto', location: 'ingresso', status: 'routed' },
  { category: 'other', description: 'Cassette postali senza sportello', location: 'androne', status: 'rejected' },
];

const ACTIVITIES: { title: string; category: string; audience: string; hour: number; partner: string | null; capacity: number }[] = [
  { title: 'Doposcuola per bambini e ragazzi', category: 'educational', audience: 'children', hour: 16, partner: 'Fondazione Casa Lucca', capacity: 15 },
  { title: 'Pomeriggio di giochi da tavolo', category: 'recreational', audience: 'all', hour: 17, partner: null, capacity: 30 },
  { title: 'Corso di italiano per adulti', category: 'training', audience: 'adults', hour: 18, partner: 'Co-mix', capacity: 12 },
  { title: 'Cura dell’orto e del giardino comune', category: 'common_goods', audience: 'all', hour: 10, partner: 'E.R.P. Lucca S.r.l.', capacity: 20 },
  { title: 'Tè e racconti per gli anziani', category: 'recreational', audience: 'elderly', hour: 15, partner: null, capacity: 20 },
];

const day = (base: string, offset: number) => {
  const d = new Date(`${base}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
};

export async function seedDemoMediation(db: Executor, o: { tenantId: string; mediatorId: string; citizenUserId: string; today?: string }): Promise<void> {
  const { tenantId } = o;
  const today = o.today ?? romeDay(new Date());
  const estates = await db.selectFrom('estate').select(['id', 'code', 'name']).where('tenant_id', '=', tenantId).where('code', 'in', ESTATES).execute();
  const erp = await db.selectFrom('organisation').select('id').where('tenant_id', '=', tenantId).where('kind', '=', 'housing_company').executeTakeFirst();
  if (estates.length === 0) {
    return;
  }
  await db
    .insertInto('mediation_assignment')
    .values(estates.map((e) => ({ tenant_id: tenantId, estate_id: e.id, user_id: o.mediatorId })))
    .execute();

  // Residents who file reports: a few tenants with accounts that cannot sign in (no demo login).
  const reporters: string[] = [];
  for (let i = 0; i < 5; i++) {
    reporters.push(
      (
        await buildUser(db, {
          tenantId,
          email: `inquilino${i + 1}@lucca.abitare.invalid`,
          fullName: `Inquilino ${i + 1}`,
          roles: [{ role: 'citizen' }],
          active: false,
        })
      ).id,
    );
  }

  let n = 0;
  for (const e of estates) {
    const households = await db
      .selectFrom('tenancy as t')
      .innerJoin('unit as u', (j) => j.onRef('u.tenant_id', '=', 't.tenant_id').onRef('u.id', '=', 't.unit_id'))
      .innerJoin('building as b', (j) => j.onRef('b.tenant_id', '=', 'u.tenant_id').onRef('b.id', '=', 'u.building_id'))
      .select(['t.household_id', 'b.id as building_id'])
      .where('t.tenant_id', '=', tenantId)
      .where('b.estate_id', '=', e.id)
      .where('t.household_id', 'is not', null)
      .where(sql<boolean>`t.during @> ${today}::date`)
      .orderBy('t.code')
      .execute();
    const buildings = await db.selectFrom('building').select('id').where('tenant_id', '=', tenantId).where('estate_id', '=', e.id).orderBy('address').execute();

    // Three conflict cases per estate, at different stages.
    for (let k = 0; k < 3; k++) {
      const spec = CASES[(n + k) % CASES.length] as (typeof CASES)[number];
      const openedOn = day(today, -20 - (((n * 3 + k) * 11) % 200));
      const closed = spec.status === 'closed';
      const { id } = await db
        .insertInto('mediation_case')
        .values({
          tenant_id: tenantId,
          estate_id: e.id,
          type: spec.type,
          severity: spec.severity,
          status: spec.status,
          reported_by: spec.reportedBy,
          summary: spec.summary,
          opened_on: openedOn,
          follow_up_on: ['agreement', 'follow_up'].includes(spec.status) ? day(today, 14) : null,
          escalated_to: spec.status === 'escalated' ? 'managing_body' : null,
          escalated_on: spec.status === 'escalated' ? day(openedOn, 10) : null,
          escalation_note: spec.status === 'escalated' ? 'Riparazione e verifica a carico dell’ente gestore' : null,
          closed_on: closed ? day(openedOn, 15) : null,
          result: closed ? (k % 2 === 0 ? 'resolved' : 'partly_resolved') : null,
          closure_note: closed ? 'Accordo rispettato alla verifica' : null,
          created_by: o.mediatorId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const parties = [households[(k * 2) % Math.max(1, households.length)], households[(k * 2 + 1) % Math.max(1, households.length)]].filter(
        (h, i, all): h is (typeof households)[number] => h !== undefined && all.findIndex((x) => x?.household_id === h.household_id) === i,
      );
      for (const [i, p] of parties.entries()) {
        await db
          .insertInto('mediation_party')
          .values({ tenant_id: tenantId, case_id: id, household_id: p.household_id as string, role: i === 0 ? 'complainant' : 'respondent' })
          .execute();
      }
      if (spec.status !== 'open') {
        await db
          .insertInto('mediation_session')
          .values({
            tenant_id: tenantId,
            case_id: id,
            held_on: day(openedOn, 3),
            participants: 'I nuclei coinvolti e la mediatrice',
            outcome: 'Ascolto delle parti e dei bisogni',
            created_by: o.mediatorId,
          })
          .execute();
      }
      if (['agreement', 'follow_up', 'closed'].includes(spec.status)) {
        await db
          .insertInto('mediation_agreement')
          .values({
            tenant_id: tenantId,
            case_id: id,
            agreed_on: day(openedOn, 8),
            terms: 'Rispetto degli orari di quiete e dei turni concordati',
            follow_up_on: day(openedOn, 38),
            created_by: o.mediatorId,
          })
          .execute();
      }
    }

    // Six residents' reports per estate, routed to E.R.P. Lucca.
    for (const [k, spec] of REPORTS.entries()) {
      const building = buildings[k % buildings.length];
      if (!building) {
        break;
      }
      const created = new Date(`${day(today, -3 - k * 5 - n)}T09:30:00Z`);
      const { id } = await db
        .insertInto('resident_report')
        .values({
          tenant_id: tenantId,
          estate_id: e.id,
          building_id: building.id,
          category: spec.category,
          description: spec.description,
          location: spec.location,
          status: spec.status,
          urgent: spec.category === 'safety',
          routed_to: erp?.id ?? null,
          reporter_user_id: reporters[(n + k) % reporters.length] as string,
          created_at: created,
          updated_at: created,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const trail = ['received', 'routed', ...(spec.status === 'routed' ? [] : spec.status === 'in_progress' ? ['in_progress'] : ['in_progress', spec.status])];
      for (const [i, s] of trail.entries()) {
        await db
          .insertInto('resident_report_event')
          .values({
            tenant_id: tenantId,
            report_id: id,
            status: s,
            note: s === 'resolved' ? 'Intervento eseguito' : null,
            at: new Date(created.getTime() + i * 86_400_000),
          })
          .execute();
      }
    }

    // A month of activities: one a week of each kind, in the estate's community room when it has one.
    const room = await db
      .selectFrom('common_space as s')
      .leftJoin('building as b', (j) => j.onRef('b.tenant_id', '=', 's.tenant_id').onRef('b.id', '=', 's.building_id'))
      .select('s.id')
      .where('s.tenant_id', '=', tenantId)
      .where(sql<boolean>`coalesce(s.estate_id, b.estate_id) = ${e.id}`)
      .orderBy(sql`s.kind = 'community_room'`, 'desc')
      .executeTakeFirst();
    for (let week = -2; week < 3; week++) {
      const spec = ACTIVITIES[(n + week + 2) % ACTIVITIES.length] as (typeof ACTIVITIES)[number];
      const d = day(today, week * 7 + (n % 5) + 1);
      const starts = new Date(`${d}T${String(spec.hour - 1).padStart(2, '0')}:00:00Z`);
      const { id } = await db
        .insertInto('community_activity')
        .values({
          tenant_id: tenantId,
          estate_id: e.id,
          title: spec.title,
          category: spec.category,
          audience: spec.audience,
          starts_at: starts,
          ends_at: new Date(starts.getTime() + 2 * 3_600_000),
          common_space_id: room?.id ?? null,
          place: room ? null : 'Cortile del complesso',
          partner: spec.partner,
          capacity: spec.capacity,
          created_by: o.mediatorId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const count = Math.min(spec.capacity - 2, 4 + ((n + week + 5) % 7));
      await db
        .insertInto('activity_registration')
        .values([
          ...Array.from({ length: count }, (_, i) => ({
            tenant_id: tenantId,
            activity_id: id,
            name: `Partecipante ${i + 1}`,
            role: 'participant',
            attended: week < 0 ? i % 4 !== 0 : null,
          })),
          { tenant_id: tenantId, activity_id: id, name: 'Volontaria di quartiere', role: 'volunteer', attended: week < 0 ? true : null },
        ])
        .execute();
    }

    // Two committees: Pontetetto and San Vito.
    if ((e.code === 'PONTETETTO' || e.code === 'SANVITO') && buildings[0]) {
      const b = buildings[0].id;
      const { id } = await db
        .insertInto('tenant_committee')
        .values({ tenant_id: tenantId, building_id: b, name: `Comitato inquilini – ${e.name}`, founded_on: day(today, -300) })
        .returning('id')
        .executeTakeFirstOrThrow();
      const members = [...new Set(households.filter((h) => h.building_id === b).map((h) => h.household_id as string))].slice(0, 5);
      for (const [i, h] of members.entries()) {
        await db
          .insertInto('committee_member')
          .values({
            tenant_id: tenantId,
            committee_id: id,
            household_id: h,
            representative: `Referente ${i + 1}`,
            role: i === 0 ? 'president' : i === 1 ? 'treasurer' : 'member',
            joined_on: day(today, -300),
          })
          .execute();
      }
      await db
        .insertInto('committee_meeting')
        .values([
          {
            tenant_id: tenantId,
            committee_id: id,
            held_on: day(today, -60),
            minutes: 'Approvato il riparto delle spese di pulizia. Proposta di una giornata di cura del giardino.',
          },
          {
            tenant_id: tenantId,
            committee_id: id,
            held_on: day(today, -10),
            minutes: 'Segnalati all’ente gestore il citofono e la luce delle scale. Raccolta delle quote.',
          },
        ])
        .execute();
      if (members.length > 0) {
        for (const [k, [desc, amount]] of (
          [
            ['Prodotti per la pulizia delle scale', 8_750],
            ['Lampadine e piccola manutenzione', 4_300],
          ] as const
        ).entries()) {
          const { id: x } = await db
            .insertInto('committee_expense')
            .values({ tenant_id: tenantId, committee_id: id, spent_on: day(today, -50 + k * 30), description: desc, amount_cents: amount })
            .returning('id')
            .executeTakeFirstOrThrow();
          const shares = splitCents(
            amount,
            members.map((h) => ({ key: h, weight: 1 })),
          );
          await db
            .insertInto('committee_expense_share')
            .values(
              shares.map((s, i) => ({
                tenant_id: tenantId,
                expense_id: x,
                household_id: s.key,
                share_cents: s.cents,
                paid_on: k === 0 || i % 2 === 0 ? day(today, -45 + k * 30) : null,
              })),
            )
            .execute();
        }
      }
    }
    n++;
  }

  // The demo citizen: two reports about her building, one fixed, with a photo.
  const home = await db
    .selectFrom('tenancy as t')
    .innerJoin('unit as u', (j) => j.onRef('u.tenant_id', '=', 't.tenant_id').onRef('u.id', '=', 't.unit_id'))
    .innerJoin('building as b', (j) => j.onRef('b.tenant_id', '=', 'u.tenant_id').onRef('b.id', '=', 'u.building_id'))
    .innerJoin('household_member as hm', (j) => j.onRef('hm.tenant_id', '=', 't.tenant_id').onRef('hm.household_id', '=', 't.household_id'))
    .innerJoin('person as p', (j) => j.onRef('p.tenant_id', '=', 'hm.tenant_id').onRef('p.id', '=', 'hm.person_id'))
    .select(['b.id', 'b.estate_id', 'u.managing_organisation_id'])
    .where('t.tenant_id', '=', tenantId)
    .where('p.user_id', '=', o.citizenUserId)
    .where(sql<boolean>`t.during @> ${today}::date`)
    .executeTakeFirst();
  if (home) {
    // The mediator also follows the demo citizen's estate, so her reports reach a mediator.
    if (home.estate_id && !estates.some((e) => e.id === home.estate_id)) {
      await db.insertInto('mediation_assignment').values({ tenant_id: tenantId, estate_id: home.estate_id, user_id: o.mediatorId }).execute();
    }
    for (const [k, [desc, status]] of (
      [
        ['Lampada del pianerottolo bruciata', 'resolved'],
        ['Perdita d’acqua nel locale contatori', 'in_progress'],
      ] as const
    ).entries()) {
      const created = new Date(`${day(today, -12 + k * 8)}T08:00:00Z`);
      const { id } = await db
        .insertInto('resident_report')
        .values({
          tenant_id: tenantId,
          estate_id: home.estate_id,
          building_id: home.id,
          category: 'maintenance',
          description: desc,
          location: 'scala A',
          status,
          routed_to: home.managing_organisation_id ?? erp?.id ?? null,
          reporter_user_id: o.citizenUserId,
          created_at: created,
          updated_at: created,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('resident_report_photo')
        .values({ tenant_id: tenantId, report_id: id, content_type: 'image/png', size_bytes: PNG.length, data: PNG })
        .execute();
      const trail = status === 'resolved' ? ['received', 'routed', 'in_progress', 'resolved'] : ['received', 'routed', 'in_progress'];
      for (const [i, s] of trail.entries()) {
        await db
          .insertInto('resident_report_event')
          .values({
            tenant_id: tenantId,
            report_id: id,
            status: s,
            note: s === 'resolved' ? 'Lampada sostituita dall’ente gestore' : null,
            at: new Date(created.getTime() + i * 86_400_000),
          })
          .execute();
      }
    }
  }
  await seedDemoCohousing(db, tenantId, today);
}

/** Three co-housing projects, one of each kind, with partners, residents, meetings and expenses. */
async function seedDemoCohousing(db: Executor, tenantId: string, today: string) {
  const orgs = new Map((await db.selectFrom('organisation').select(['id', 'kind']).where('tenant_id', '=', tenantId).execute()).map((o) => [o.kind, o.id]));
  const building = async (code: string) =>
    (
      await db
        .selectFrom('building as b')
        .innerJoin('estate as e', (j) => j.onRef('e.tenant_id', '=', 'b.tenant_id').onRef('e.id', '=', 'b.estate_id'))
        .select('b.id')
        .where('b.tenant_id', '=', tenantId)
        .where('e.code', '=', code)
        .orderBy('b.address')
        .executeTakeFirst()
    )?.id;
  const people = await db
    .selectFrom('person as p')
    .select('p.id')
    .where('p.tenant_id', '=', tenantId)
    .where('p.merged_into', 'is', null)
    .where('p.user_id', 'is', null)
    .orderBy('p.family_name')
    .orderBy('p.id')
    .limit(60)
    .offset(200)
    .execute();
  const projects = [
    {
      name: 'Co-housing Sant’Alessio – famiglie',
      kind: 'families',
      code: 'SANTALESSIO',
      partners: [
        ['foundation', 'Accompagnamento e mediazione'],
        ['housing_company', 'Proprietà e manutenzione'],
      ],
    },
    { name: 'Abitare insieme – anziani', kind: 'elderly', code: 'SANTALESSIO', partners: [['foundation', 'Coordinamento del progetto']] },
    {
      name: 'Casa accompagnata – abitare supportato',
      kind: 'supported_living',
      code: 'CENTRO',
      partners: [
        ['health_authority', 'Équipe socio-sanitaria (salute mentale e dipendenze)'],
        ['housing_company', 'Alloggio'],
      ],
    },
  ] as const;
  let next = 0;
  for (const [i, p] of projects.entries()) {
    const b = (await building(p.code)) ?? (await building('SANTALESSIO'));
    if (!b) {
      return;
    }
    const { id } = await db
      .insertInto('cohousing_project')
      .values({
        tenant_id: tenantId,
        name: p.name,
        kind: p.kind,
        building_id: b,
        description:
          p.kind === 'supported_living'
            ? 'Convivenza supportata con Azienda USL Toscana Nord Ovest ed E.R.P. Lucca.'
            : 'Spazi comuni, aiuto reciproco e regole condivise.',
        house_rules: 'Turni di pulizia settimanali; spese comuni divise in parti uguali; riunione di casa mensile; ospiti annunciati.',
        started_on: day(today, -400 + i * 60),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [kind, role] of p.partners) {
      const org = orgs.get(kind);
      if (org) {
        await db.insertInto('cohousing_partner').values({ tenant_id: tenantId, project_id: id, organisation_id: org, role }).execute();
      }
    }
    const residents: string[] = [];
    for (let k = 0; k < 4 && next < people.length; k++) {
      const person = people[next++] as { id: string };
      const entered = day(today, -380 + i * 60 + k * 20);
      const { id: rid } = await db
        .insertInto('cohousing_resident')
        .values({
          tenant_id: tenantId,
          project_id: id,
          person_id: person.id,
          entered_on: entered,
          left_on: k === 3 ? day(entered, 200) : null,
          rules_signed_on: entered,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (k < 3) {
        residents.push(rid);
      }
    }
    await db
      .insertInto('cohousing_meeting')
      .values([
        { tenant_id: tenantId, project_id: id, held_on: day(today, -35), minutes: 'Rivisti i turni di pulizia e la spesa comune del mese.' },
        { tenant_id: tenantId, project_id: id, held_on: day(today, -5), minutes: 'Organizzata la cena di casa; nessun problema di convivenza segnalato.' },
      ])
      .execute();
    if (residents.length > 0) {
      for (const [k, [desc, amount]] of (
        [
          ['Bollette luce e gas', 18_437],
          ['Spesa per la dispensa comune', 9_250],
        ] as const
      ).entries()) {
        const { id: x } = await db
          .insertInto('cohousing_expense')
          .values({ tenant_id: tenantId, project_id: id, spent_on: day(today, -30 + k * 20), description: desc, amount_cents: amount })
          .returning('id')
          .executeTakeFirstOrThrow();
        await db
          .insertInto('cohousing_expense_share')
          .values(
            splitCents(
              amount,
              residents.map((r) => ({ key: r, weight: 1 })),
            ).map((sh, j) => ({
              tenant_id: tenantId,
              expense_id: x,
              resident_id: sh.key,
              share_cents: sh.cents,
              paid_on: k === 0 || j === 0 ? day(today, -25 + k * 20) : null,
            })),
          )
          .execute();
      }
    }
  }
}
