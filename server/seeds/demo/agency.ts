// Lucca demo data of the Agenzia Sociale per la Casa: landlords (people and companies) with their
// flats — the private units of the stock managed by the agency plus flats in other
// neighbourhoods — listings checked against the canone concordato preset (some above the range),
// seekers from the registry with their housing project, proposals at every stage, signed and
// registered contracts with incentives, the two counter places of seed 002 and two weeks of
// appointments around today. The demo landlord (proprietario@lucca.abitare.demo) owns three
// listings. Deterministic but for the appointment dates, which follow today's date.
import { sql } from 'kysely';
import type { Executor } from '../../src/kernel/db/tenant.js';
import {
  addDays,
  agreedRentRange,
  compatibility,
  generateSlots,
  LUCCA_AGREEMENT,
  LUCCA_EXTRA_HOLIDAYS,
  LUCCA_PLACES,
  validatePartitaIva,
  zoneOfNeighbourhood,
} from '../../src/modules/agency/index.js';
import { generateCodiceFiscale } from '../../src/modules/registry/index.js';
import { rng, uuid } from '../generate/random.js';

const GIVEN_M = ['Roberto', 'Giuseppe', 'Luca', 'Marco', 'Andrea', 'Paolo', 'Stefano', 'Giovanni', 'Alessandro', 'Franco', 'Piero', 'Mauro'];
const GIVEN_F = ['Maria', 'Anna', 'Giulia', 'Laura', 'Paola', 'Francesca', 'Silvia', 'Rossella', 'Lucia', 'Carla', 'Elisa', 'Daniela'];
const SURNAMES = [
  'Bianchi',
  'Lazzeri',
  'Pardini',
  'Giannini',
  'Del Carlo',
  'Bertolucci',
  'Martinelli',
  'Nardi',
  'Puccinelli',
  'Landucci',
  'Fambrini',
  'Tambellini',
  'Guidi',
  'Pieri',
  'Marchetti',
  'Baroni',
];
const COMPANIES = [
  'Immobiliare San Frediano S.r.l.',
  'Casa Serchio S.a.s.',
  'Fondiaria Guinigi S.r.l.',
  'Residenze Lucchesi S.p.A.',
  'Gestioni Mura Urbane S.r.l.',
  'Palazzo Pfanner Immobili S.r.l.',
];
const STREETS: [string, string][] = [
  ['via Fillungo', 'Centro storico'],
  ['via San Paolino', 'Centro storico'],
  ['via del Moro', 'Centro storico'],
  ['via Elisa', 'Centro storico'],
  ['viale Puccini', "Sant'Anna"],
  ['via della Chiesa di Sant’Anna', "Sant'Anna"],
  ['via di Tiglio', 'San Concordio'],
  ['viale San Concordio', 'San Concordio'],
  ['via Giorgini', 'San Vito'],
  ['via del Brennero', 'San Marco'],
  ['via Nottolini', 'Arancio'],
  ['via di Pontetetto', 'Pontetetto'],
  ['via Pisana', 'Montuolo'],
  ['via di Sant’Alessio', "Sant'Alessio"],
  ['via di Picciorana', 'Picciorana'],
  ['via per Camaiore', 'Mutigliano'],
  ['via della Chiesa di Saltocchio', 'Saltocchio'],
  ['via Lodovica', 'Ponte a Moriano'],
];
const ELEMENTS = LUCCA_AGREEMENT.elements.map((e) => e.code);
const TOPICS = ['seeker_intake', 'seeker_intake', 'landlord_info', 'contract', 'other'] as const;

/** An 11-digit partita IVA with its check digit, from a number. */
function partitaIva(n: number): string {
  const ten = String(n).padStart(10, '0').slice(-10);
  for (let d = 0; d <= 9; d++) {
    const v = `${ten}${d}`;
    if (validatePartitaIva(v).ok) {
      return v;
    }
  }
  throw new Error('unreachable');
}

const romeToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

export async function seedDemoAgency(db: Executor, o: { tenantId: string; operatorId: string | null; landlordUserId: string | null }) {
  const r = rng(0xa6e2c1);
  const t = o.tenantId;
  const today = romeToday();

  // ---- landlords: the demo landlord, people and companies ----
  const landlords: { id: string; name: string }[] = [];
  const addLandlord = async (v: { kind: 'person' | 'company'; name: string; fiscalCode: string; vat: string | null; userId?: string | null }) => {
    const id = uuid(r);
    await db
      .insertInto('agency_landlord')
      .values({
        tenant_id: t,
        id,
        kind: v.kind,
        name: v.name,
        fiscal_code: v.fiscalCode,
        vat_number: v.vat,
        email: `${v.name
          .toLowerCase()
          .replace(/[^a-z]+/g, '.')
          .replace(/^\.|\.$/g, '')}@example.org`,
        phone: `0583 ${r.int(100000, 999999)}`,
        user_id: v.userId ?? null,
        created_by: o.operatorId,
      })
      .execute();
    landlords.push({ id, name: v.name });
    return id;
  };
  const demoLandlord = await addLandlord({
    kind: 'person',
    name: 'Roberto Franceschi',
    fiscalCode: generateCodiceFiscale({ familyName: 'Franceschi', givenName: 'Roberto', birthDate: '1962-04-18', sex: 'M', birthPlaceCode: 'E715' }),
    vat: null,
    userId: o.landlordUserId,
  });
  const usedCf = new Set<string>();
  for (let i = 0; i < 34; i++) {
    const sex = r.chance(0.5) ? 'M' : 'F';
    const givenName = r.pick(sex === 'M' ? GIVEN_M : GIVEN_F);
    const familyName = r.pick(SURNAMES);
    const cf = generateCodiceFiscale({
      familyName,
      givenName,
      birthDate: `19${r.int(40, 85)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`,
      sex,
      birthPlaceCode: 'E715',
    });
    if (usedCf.has(cf)) {
      continue;
    }
    usedCf.add(cf);
    await addLandlord({ kind: 'person', name: `${givenName} ${familyName}`, fiscalCode: cf, vat: null });
  }
  for (const [i, name] of COMPANIES.entries()) {
    const vat = partitaIva(1_804_460 + i * 7_919);
    await addLandlord({ kind: 'company', name, fiscalCode: vat, vat });
  }

  // ---- properties and listings ----
  const listings: {
    id: string;
    landlordId: string;
    rent: number;
    expenses: number;
    bedrooms: number;
    zone: string;
    access: string[];
    pets: boolean;
    from: string;
    status: string;
  }[] = [];
  const addListing = async (v: {
    landlordId: string;
    unitId?: string | null;
    address: string;
    neighbourhood: string;
    surface: number;
    rooms: number;
    bedrooms: number;
    elements: string[];
    access: string[];
    furnishing: 'none' | 'partial' | 'full';
    stretch: number;
    status: string;
    title: string;
  }) => {
    const zone = zoneOfNeighbourhood(LUCCA_AGREEMENT, v.neighbourhood) ?? 'B';
    const subBand = r.chance(0.5) ? '1' : '2';
    const range = agreedRentRange(LUCCA_AGREEMENT, {
      zone,
      subBand,
      surfaceM2Tenths: Math.round(v.surface * 10),
      elements: v.elements,
      furnishing: v.furnishing,
      contractType: 'agevolato',
    });
    if (!range.ok) {
      throw new Error(range.error);
    }
    // Most asks sit in the range; `stretch` > 1 puts one above it (the agency then negotiates).
    const rent = Math.round(((range.minCents + (range.maxCents - range.minCents) * r.next()) * v.stretch) / 500) * 500;
    const propertyId = uuid(r);
    await db
      .insertInto('agency_property')
      .values({
        tenant_id: t,
        id: propertyId,
        landlord_id: v.landlordId,
        unit_id: v.unitId ?? null,
        address: v.address,
        neighbourhood: v.neighbourhood,
        zone,
        sub_band: subBand,
        surface_m2: v.surface,
        rooms: v.rooms,
        bedrooms: v.bedrooms,
        floor: r.int(0, 4),
        elements: v.elements,
        accessibility: v.access,
        energy_class: r.pick(['B', 'C', 'D', 'E', 'F']),
      })
      .execute();
    const id = uuid(r);
    const from = addDays(today, r.int(-40, 60));
    const position = rent < range.minCents ? 'below' : rent > range.maxCents ? 'above' : 'inside';
    const expenses = r.int(0, 8) * 500;
    const pets = r.chance(0.4);
    await db
      .insertInto('agency_listing')
      .values({
        tenant_id: t,
        id,
        property_id: propertyId,
        title: v.title,
        status: v.status,
        rent_asked_cents: rent,
        expenses_cents: expenses,
        available_from: from,
        furnishing: v.furnishing,
        contract_type: 'agevolato',
        pets_allowed: pets,
        description: null,
        range_min_cents: range.minCents,
        range_max_cents: range.maxCents,
        rent_position: position,
        range_lines: JSON.stringify(range.lines) as never,
        created_by: o.operatorId,
      })
      .execute();
    listings.push({ id, landlordId: v.landlordId, rent, expenses, bedrooms: v.bedrooms, zone, access: v.access, pets, from, status: v.status });
    return id;
  };
  const elementsOf = () => ELEMENTS.filter(() => r.chance(0.4));
  const kind = (bedrooms: number) => (bedrooms <= 1 ? 'Bilocale' : bedrooms === 2 ? 'Trilocale' : 'Quadrilocale');

  // The private flats of the stock managed by the agency become its properties.
  const units = await db
    .selectFrom('unit as u')
    .innerJoin('building as b', (j) => j.onRef('b.tenant_id', '=', 'u.tenant_id').onRef('b.id', '=', 'u.building_id'))
    .select(['u.id', 'u.surface_m2', 'u.rooms', 'u.bedrooms', 'u.accessibility', 'b.address', 'b.neighbourhood', 'b.has_lift'])
    .where('u.tenant_id', '=', t)
    .where('u.owner_kind', '=', 'private')
    .where('u.code', 'like', 'ASC-%')
    .orderBy('u.code')
    .execute();
  for (const [i, u] of units.entries()) {
    const bedrooms = Math.min(u.bedrooms, u.rooms);
    await addListing({
      landlordId: (landlords[1 + (i % (landlords.length - 1))] as { id: string }).id,
      unitId: u.id,
      address: u.address,
      neighbourhood: u.neighbourhood ?? 'San Concordio',
      surface: Number(u.surface_m2),
      rooms: u.rooms,
      bedrooms,
      elements: [...elementsOf().filter((e) => e !== 'lift'), ...(u.has_lift ? ['lift'] : [])],
      access: u.accessibility,
      furnishing: r.pick(['none', 'partial', 'full'] as const),
      stretch: r.chance(0.15) ? 1.25 : 1,
      status: r.chance(0.3) ? 'let' : 'available',
      title: `${kind(bedrooms)} in ${u.address}`,
    });
  }
  while (listings.length < 55) {
    const [street, neighbourhood] = r.pick(STREETS);
    const bedrooms = r.int(1, 3);
    const rooms = bedrooms + r.int(1, 2);
    await addListing({
      landlordId: (landlords[1 + r.int(0, landlords.length - 2)] as { id: string }).id,
      address: `${street} ${r.int(1, 220)}`,
      neighbourhood,
      surface: r.int(38, 115),
      rooms,
      bedrooms,
      elements: elementsOf(),
      access: r.chance(0.2) ? ['step_free_access', 'lift'] : [],
      furnishing: r.pick(['none', 'none', 'partial', 'full'] as const),
      stretch: r.chance(0.15) ? 1.3 : r.chance(0.05) ? 0.7 : 1,
      status: r.weighted([
        ['available', 7],
        ['reserved', 1],
        ['let', 2],
        ['withdrawn', 1],
      ]) as string,
      title: `${kind(bedrooms)} a ${neighbourhood}`,
    });
  }
  // The demo landlord's three flats: one in range with proposals, one above the range, one let.
  const mine = [
    await addListing({
      landlordId: demoLandlord,
      address: 'via di Tiglio 88',
      neighbourhood: 'San Concordio',
      surface: 68,
      rooms: 4,
      bedrooms: 2,
      elements: ['lift', 'autonomous_heating', 'double_glazing', 'balcony', 'cellar'],
      access: ['lift'],
      furnishing: 'partial',
      stretch: 1,
      status: 'available',
      title: 'Trilocale a San Concordio',
    }),
    await addListing({
      landlordId: demoLandlord,
      address: 'via Fillungo 121',
      neighbourhood: 'Centro storico',
      surface: 45,
      rooms: 2,
      bedrooms: 1,
      elements: ['double_glazing'],
      access: [],
      furnishing: 'full',
      stretch: 1.35,
      status: 'available',
      title: 'Bilocale in centro storico',
    }),
    await addListing({
      landlordId: demoLandlord,
      address: 'via di Pontetetto 140',
      neighbourhood: 'Pontetetto',
      surface: 82,
      rooms: 4,
      bedrooms: 3,
      elements: ['autonomous_heating', 'garden', 'parking', 'double_glazing'],
      access: ['step_free_access'],
      furnishing: 'none',
      stretch: 1,
      status: 'let',
      title: 'Quadrilocale con giardino a Pontetetto',
    }),
  ];

  // ---- seekers: people of the registry, first those enrolled in the agency program ----
  const persons = await db
    .selectFrom('person as p')
    .leftJoin('enrolment as e', (j) => j.onRef('e.tenant_id', '=', 'p.tenant_id').onRef('e.person_id', '=', 'p.id').on('e.program', '=', 'agency'))
    .select(['p.id', 'p.birth_date', 'e.id as enrolment'])
    .where('p.tenant_id', '=', t)
    .where('p.user_id', 'is', null)
    .where('p.birth_date', '<', '2006-01-01')
    .orderBy(sql`e.id IS NULL`)
    .orderBy('p.id')
    .limit(90)
    .execute();
  const seekers: { id: string; income: number; minBedrooms: number; zones: string[]; needs: string[]; pets: boolean }[] = [];
  for (const p of persons) {
    if (!p.enrolment) {
      await db
        .insertInto('enrolment')
        .values({ tenant_id: t, person_id: p.id, program: 'agency', started_on: addDays(today, -r.int(10, 400)) })
        .execute();
    }
    const size = r.int(1, 5);
    const income = r.int(7, 34) * 100_000;
    const s = {
      id: uuid(r),
      income,
      minBedrooms: Math.max(1, Math.ceil(size / 2)),
      zones: r.chance(0.3) ? [] : [...new Set([r.pick(['A', 'B', 'C', 'D']), r.pick(['B', 'C'])])],
      needs: r.chance(0.1) ? ['step_free_access'] : [],
      pets: r.chance(0.15),
    };
    await db
      .insertInto('agency_seeker')
      .values({
        tenant_id: t,
        id: s.id,
        person_id: p.id,
        intake_on: addDays(today, -r.int(3, 300)),
        household_size: size,
        annual_income_cents: income,
        situation: [r.pick(['eviction', 'overcrowding', 'unfit_housing', 'homeless_risk', 'family_breakdown', 'job_loss'])],
        min_bedrooms: s.minBedrooms,
        preferred_zones: s.zones,
        accessibility_needs: s.needs,
        has_pets: s.pets,
        project_goals: r.pick([
          'Trovare un alloggio a canone concordato entro sei mesi e costruire un piano di risparmio per il deposito.',
          'Uscire dal sovraffollamento: alloggio con due camere vicino alla scuola dei figli.',
          'Evitare lo sfratto: nuovo contratto prima della data di esecuzione, con il fondo di garanzia.',
          'Autonomia abitativa dopo la separazione, con il sostegno dei servizi sociali.',
        ]),
        created_by: o.operatorId,
      })
      .execute();
    for (const [title, resp, due] of [
      ['Colloquio di accoglienza e raccolta documenti', 'agency', -20],
      ['Aggiornare l’ISEE', 'seeker', 15],
      ['Verifica con i servizi sociali del contributo affitto', 'social_services', 30],
    ] as const) {
      await db
        .insertInto('agency_project_step')
        .values({ tenant_id: t, seeker_id: s.id, title, responsible: resp, due_on: addDays(today, due), done_on: due < 0 ? addDays(today, due + 2) : null })
        .execute();
    }
    seekers.push(s);
  }

  // ---- proposals along the pipeline; some end in a signed (and registered) contract ----
  const settings = { shareBp: 3_000, includeExpenses: true };
  const open = listings.filter((l) => l.status === 'available' || l.status === 'reserved');
  const stages = ['proposed', 'proposed', 'visit_scheduled', 'visited', 'agreed', 'refused', 'signed', 'registered'] as const;
  let made = 0;
  const usedListing = new Set<string>();
  for (const s of seekers) {
    if (made >= 26) {
      break;
    }
    const facts = {
      annualIncomeCents: s.income,
      maxRentCents: null,
      minBedrooms: s.minBedrooms,
      preferredZones: s.zones,
      accessibilityNeeds: s.needs,
      hasPets: s.pets,
      wantedFrom: null,
    };
    const best = open
      .filter((l) => !usedListing.has(l.id) && l.landlordId !== demoLandlord)
      .map((l) => ({
        l,
        c: compatibility(
          facts,
          {
            rentCents: l.rent,
            expensesCents: l.expenses,
            bedrooms: l.bedrooms,
            zone: l.zone,
            accessibility: l.access,
            petsAllowed: l.pets,
            availableFrom: l.from,
          },
          settings,
          today,
        ),
      }))
      .filter((x) => x.c.compatible)
      .sort((a, b) => b.c.score - a.c.score)[0];
    if (!best) {
      continue;
    }
    const stage = stages[made % stages.length] as (typeof stages)[number];
    made++;
    usedListing.add(best.l.id);
    await proposal(db, r, t, o.operatorId, today, s.id, best.l, best.c, stage);
  }
  // On the demo landlord's flats: two proposals on the first, a registered contract on the third.
  const firstListing = listings.find((l) => l.id === mine[0]) as (typeof listings)[number];
  const letListing = listings.find((l) => l.id === mine[2]) as (typeof listings)[number];
  const unused = seekers.filter((s) => s.income >= 1_800_000).slice(-3);
  const lines = [{ code: 'm_cost_ok', values: { cost: firstListing.rent + firstListing.expenses, ceiling: 60_000, points: 30 } }];
  if (unused[0]) {
    await proposal(db, r, t, o.operatorId, today, unused[0].id, firstListing, { score: 78, lines }, 'proposed');
  }
  if (unused[1]) {
    await proposal(db, r, t, o.operatorId, today, unused[1].id, firstListing, { score: 71, lines }, 'visit_scheduled');
  }
  if (unused[2]) {
    const contractId = await proposal(db, r, t, o.operatorId, today, unused[2].id, letListing, { score: 82, lines }, 'registered', {
      signedOn: '2025-09-10',
      startOn: '2025-10-01',
      endOn: '2028-09-30',
      registeredOn: '2025-09-25',
    });
    for (const [k, amount, on] of [
      ['guarantee_fund', 150_000, '2025-09-10'],
      ['one_off_contribution', 80_000, '2025-10-05'],
      ['tax_benefit_info', 0, '2025-09-10'],
    ] as const) {
      await db
        .insertInto('agency_incentive')
        .values({
          tenant_id: t,
          landlord_id: demoLandlord,
          contract_id: contractId,
          kind: k,
          amount_cents: amount,
          granted_on: on,
          note: k === 'tax_benefit_info' ? 'Cedolare secca e IMU ridotta per il canone concordato' : null,
          created_by: o.operatorId,
        })
        .execute();
    }
  }

  // ---- counter places and two weeks of appointments around today ----
  const placeIds: { id: string; calendar: Parameters<typeof generateSlots>[0] }[] = [];
  for (const p of LUCCA_PLACES) {
    const id = uuid(r);
    await db
      .insertInto('agency_place')
      .values({
        tenant_id: t,
        id,
        code: p.code,
        name: p.name,
        address: p.address,
        phone: p.phone,
        slot_minutes: p.slotMinutes,
        hours: JSON.stringify(p.hours) as never,
        extra_holidays: LUCCA_EXTRA_HOLIDAYS,
        closures: [],
      })
      .execute();
    placeIds.push({ id, calendar: { hours: [...p.hours], slotMinutes: p.slotMinutes, extraHolidays: LUCCA_EXTRA_HOLIDAYS, closures: [] } });
  }
  const now = Date.now();
  for (const place of placeIds) {
    for (const slot of generateSlots(place.calendar, addDays(today, -7), addDays(today, 14))) {
      if (!r.chance(0.45)) {
        continue;
      }
      const past = slot.startsAt.getTime() < now;
      const sex = r.chance(0.5);
      await db
        .insertInto('agency_appointment')
        .values({
          tenant_id: t,
          place_id: place.id,
          starts_at: slot.startsAt,
          ends_at: slot.endsAt,
          status: past ? (r.chance(0.85) ? 'attended' : 'no_show') : 'booked',
          channel: r.chance(0.7) ? 'online' : 'operator',
          topic: r.pick(TOPICS),
          name: `${r.pick(sex ? GIVEN_M : GIVEN_F)} ${r.pick(SURNAMES)}`,
          phone: `3${r.int(20, 49)} ${r.int(1_000_000, 9_999_999)}`,
          email: r.chance(0.5) ? `utente${r.int(100, 999)}@example.org` : null,
          created_by: o.operatorId,
        })
        .execute();
    }
  }
}

async function proposal(
  db: Executor,
  r: ReturnType<typeof rng>,
  t: string,
  operatorId: string | null,
  today: string,
  seekerId: string,
  listing: { id: string; rent: number },
  c: { score: number; lines: unknown[] },
  stage: 'proposed' | 'visit_scheduled' | 'visited' | 'agreed' | 'refused' | 'signed' | 'registered',
  contract?: { signedOn: string; startOn: string; endOn: string; registeredOn: string | null },
): Promise<string | null> {
  const id = uuid(r);
  const visit =
    stage === 'proposed'
      ? null
      : new Date(`${addDays(today, stage === 'visit_scheduled' ? r.int(1, 10) : -r.int(5, 40))}T${r.pick(['09:30', '11:00', '15:30', '17:00'])}:00+01:00`);
  const signedStage = stage === 'signed' || stage === 'registered';
  await db
    .insertInto('agency_proposal')
    .values({
      tenant_id: t,
      id,
      seeker_id: seekerId,
      listing_id: listing.id,
      stage,
      visit_at: visit,
      refused_by: stage === 'refused' ? r.pick(['seeker', 'landlord']) : null,
      outcome_note: stage === 'refused' ? 'Zona troppo lontana dal lavoro' : null,
      score: c.score,
      explanation: JSON.stringify(c.lines) as never,
      checklist: signedStage || stage === 'agreed' ? ['identity_documents', 'income_proof', 'energy_certificate', 'attestazione_rispondenza'] : [],
      created_by: operatorId,
    })
    .execute();
  if (!signedStage) {
    if (stage === 'agreed') {
      await db.updateTable('agency_listing').set({ status: 'reserved' }).where('tenant_id', '=', t).where('id', '=', listing.id).execute();
    }
    return null;
  }
  const signedOn = contract?.signedOn ?? addDays(today, -r.int(10, 200));
  const startOn = contract?.startOn ?? addDays(signedOn, r.int(5, 20));
  const cid = uuid(r);
  await db
    .insertInto('agency_contract')
    .values({
      tenant_id: t,
      id: cid,
      proposal_id: id,
      contract_type: 'agevolato',
      monthly_rent_cents: listing.rent,
      start_on: startOn,
      end_on: contract?.endOn ?? addDays(startOn, 3 * 365),
      signed_on: signedOn,
      registered_on: stage === 'registered' ? (contract?.registeredOn ?? addDays(signedOn, r.int(5, 25))) : null,
      registration_ref: stage === 'registered' ? `TLQ${signedOn.slice(2, 4)}T${r.int(100000, 999999)}000` : null,
      created_by: operatorId,
    })
    .execute();
  await db.updateTable('agency_listing').set({ status: 'let' }).where('tenant_id', '=', t).where('id', '=', listing.id).execute();
  await db.updateTable('agency_seeker').set({ status: 'housed' }).where('tenant_id', '=', t).where('id', '=', seekerId).execute();
  return cid;
}
