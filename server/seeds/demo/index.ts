// Lucca demo data: two enti (Comune di Lucca and the small Comune di Pescaglia, both in the
// 2019 joint ERP call) with the real partner organisations of the seeds and one demo login per role.
import { type Kysely, sql } from 'kysely';
import type { Program, Role } from '../../src/kernel/auth/permissions.js';
import type { Executor } from '../../src/kernel/db/tenant.js';
import type { DB } from '../../src/kernel/db/types.js';
import { DEMO_PASSWORD } from '../../src/modules/identity/index.js';
import { buildEnte, buildOrganisation, buildUser } from '../../test/factories.js';
import { seedDemoAgency } from './agency.js';
import { seedDemoAllocation } from './allocation.js';
import { seedDemoCalls } from './calls.js';
import { seedDemoCases } from './cases.js';
import { seedDemoMediation } from './mediation.js';
import { seedDemoNotifications } from './notifications.js';
import { seedDemoPeople } from './people.js';
import { seedDemoStays } from './stays.js';
import { seedDemoStock } from './stock.js';
import { seedDemoTenancies } from './tenancies.js';

interface DemoUser {
  email: string;
  fullName: string;
  org: string | null;
  roles: { role: Role; program?: Program }[];
}

const LUCCA_ORGS = [
  { name: 'Comune di Lucca – U.O. 2.3 Housing sociale e Marginalità', kind: 'municipality', fiscalCode: '00378210462' },
  { name: 'Comune di Lucca – Servizi sociali', kind: 'municipality', fiscalCode: null },
  { name: 'Fondazione Casa Lucca', kind: 'foundation', fiscalCode: null },
  { name: 'Azienda USL Toscana Nord Ovest', kind: 'health_authority', fiscalCode: null },
  { name: 'E.R.P. Lucca S.r.l.', kind: 'housing_company', fiscalCode: null },
  { name: 'Agenzia Sociale per la Casa (GVAI)', kind: 'agency', fiscalCode: null },
  { name: 'ANFFAS Lucca', kind: 'association', fiscalCode: null },
] as const;

const LUCCA_USERS: DemoUser[] = [
  { email: 'admin@lucca.abitare.demo', fullName: 'Giulia Bernardini', org: LUCCA_ORGS[0].name, roles: [{ role: 'admin' }] },
  { email: 'ufficio.casa@lucca.abitare.demo', fullName: 'Marco Pardini', org: LUCCA_ORGS[0].name, roles: [{ role: 'housing_operator' }] },
  {
    email: 'assistente.sociale@lucca.abitare.demo',
    fullName: 'Elena Giannecchini',
    org: LUCCA_ORGS[1].name,
    roles: [
      { role: 'social_worker', program: 'youth_collab' },
      { role: 'social_worker', program: 'dopo_di_noi' },
      { role: 'social_worker', program: 'cohousing' },
    ],
  },
  {
    email: 'housing.first@lucca.abitare.demo',
    fullName: 'Luca Bertolucci',
    org: LUCCA_ORGS[2].name,
    roles: [{ role: 'housing_first_team', program: 'housing_first' }],
  },
  { email: 'mediatrice@lucca.abitare.demo', fullName: 'Sara Lazzarini', org: LUCCA_ORGS[2].name, roles: [{ role: 'mediator', program: 'mediation' }] },
  { email: 'agenzia@lucca.abitare.demo', fullName: 'Paolo Martinelli', org: LUCCA_ORGS[5].name, roles: [{ role: 'agency_operator', program: 'agency' }] },
  {
    email: 'usl@lucca.abitare.demo',
    fullName: 'Chiara Del Carlo',
    org: LUCCA_ORGS[3].name,
    roles: [
      { role: 'partner_staff', program: 'cohousing' },
      { role: 'partner_staff', program: 'dopo_di_noi' },
    ],
  },
  { email: 'proprietario@lucca.abitare.demo', fullName: 'Roberto Franceschi', org: null, roles: [{ role: 'landlord' }] },
  { email: 'cittadina@lucca.abitare.demo', fullName: 'Francesca Ricci', org: null, roles: [{ role: 'citizen' }] },
  { email: 'famiglia@lucca.abitare.demo', fullName: 'Rita Lencioni', org: null, roles: [{ role: 'citizen' }] },
];

const PESCAGLIA_USERS: DemoUser[] = [
  { email: 'admin@pescaglia.abitare.demo', fullName: 'Andrea Pieroni', org: 'Comune di Pescaglia – Servizi sociali', roles: [{ role: 'admin' }] },
  {
    email: 'ufficio.casa@pescaglia.abitare.demo',
    fullName: 'Laura Nardini',
    org: 'Comune di Pescaglia – Servizi sociali',
    roles: [{ role: 'housing_operator' }],
  },
  { email: 'cittadino@pescaglia.abitare.demo', fullName: 'Matteo Simonetti', org: null, roles: [{ role: 'citizen' }] },
];

/** True when no ente exists yet (a fresh database). */
export async function isEmpty(db: Executor): Promise<boolean> {
  const row = await db.selectFrom('ente').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  return Number(row.n) === 0;
}

async function seedEnte(
  db: Executor,
  ente: { slug: string; name: string; belfiore?: string; istat?: string },
  orgs: readonly { name: string; kind: string; fiscalCode: string | null }[],
  users: DemoUser[],
) {
  const { id: tenantId } = await buildEnte(db, ente);
  const userIds = new Map<string, string>();
  const orgIds = new Map<string, string>();
  for (const o of orgs) {
    const org = await buildOrganisation(db, { tenantId, name: o.name, kind: o.kind, fiscalCode: o.fiscalCode ?? undefined });
    orgIds.set(o.name, org.id);
  }
  for (const u of users) {
    const built = await buildUser(db, {
      tenantId,
      email: u.email,
      fullName: u.fullName,
      organisationId: u.org ? (orgIds.get(u.org) ?? null) : null,
      password: DEMO_PASSWORD,
      roles: u.roles,
      isDemo: true,
    });
    userIds.set(u.email, built.id);
  }
  return { tenantId, userIds };
}

/** Loads the demo data in one transaction. */
export async function seedDemo(db: Kysely<DB>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const lucca = await seedEnte(trx, { slug: 'lucca', name: 'Comune di Lucca', belfiore: 'E715', istat: '046017' }, LUCCA_ORGS, LUCCA_USERS);
    await seedDemoPeople(trx, {
      tenantId: lucca.tenantId,
      households: 900,
      seed: 20261123,
      citizens: [
        { userId: lucca.userIds.get('cittadina@lucca.abitare.demo') as string, givenName: 'Francesca', familyName: 'Ricci', sex: 'F', program: 'youth_collab' },
      ],
    });
    const pescaglia = await seedEnte(
      trx,
      { slug: 'pescaglia', name: 'Comune di Pescaglia' },
      [{ name: 'Comune di Pescaglia – Servizi sociali', kind: 'municipality', fiscalCode: null }],
      PESCAGLIA_USERS,
    );
    await seedDemoPeople(trx, {
      tenantId: pescaglia.tenantId,
      households: 25,
      seed: 46022,
      citizens: [
        { userId: pescaglia.userIds.get('cittadino@pescaglia.abitare.demo') as string, givenName: 'Matteo', familyName: 'Simonetti', sex: 'M', program: 'erp' },
      ],
    });
    await seedDemoStock(trx);
    await seedDemoTenancies(trx);
    await seedDemoAgency(trx, {
      tenantId: lucca.tenantId,
      operatorId: lucca.userIds.get('agenzia@lucca.abitare.demo') ?? null,
      landlordUserId: lucca.userIds.get('proprietario@lucca.abitare.demo') ?? null,
    });
    await seedDemoStays(trx, { tenantId: lucca.tenantId, familyUserId: lucca.userIds.get('famiglia@lucca.abitare.demo') as string });
    await seedDemoCases(trx);
    await seedDemoCalls(trx, {
      tenantId: lucca.tenantId,
      citizenUserId: lucca.userIds.get('cittadina@lucca.abitare.demo') as string,
      operatorId: lucca.userIds.get('ufficio.casa@lucca.abitare.demo') ?? null,
    });
    await seedDemoAllocation(trx, {
      tenantId: lucca.tenantId,
      citizenUserId: lucca.userIds.get('cittadina@lucca.abitare.demo') as string,
      operatorId: lucca.userIds.get('ufficio.casa@lucca.abitare.demo') ?? null,
    });
    await seedDemoNotifications(trx, { tenantId: lucca.tenantId, citizenUserId: lucca.userIds.get('cittadina@lucca.abitare.demo') as string });
    await seedDemoMediation(trx, {
      tenantId: lucca.tenantId,
      mediatorId: lucca.userIds.get('mediatrice@lucca.abitare.demo') as string,
      citizenUserId: lucca.userIds.get('cittadina@lucca.abitare.demo') as string,
    });
  });
}

/** Every demo account, for the start-up banner. */
export const DEMO_ACCOUNTS = [...LUCCA_USERS.map((u) => ({ ente: 'lucca', ...u })), ...PESCAGLIA_USERS.map((u) => ({ ente: 'pescaglia', ...u }))];
