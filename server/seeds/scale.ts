// A large tenant for benchmarks: `npm run seed -- --scale 1000000` (people; units = people / 10).
// Generated in batches and bulk-inserted; meant for PostgreSQL (DATABASE_URL).
import type { Kysely } from 'kysely';
import type { DB } from '../src/kernel/db/types.js';
import { insertChunks } from './demo/people.js';
import { generateHousehold, PROGRAM_WEIGHTS } from './generate/people.js';
import { rng, uuid } from './generate/random.js';
import { type ScaleStockResult, seedScaleStock } from './scale-stock.js';

export interface ScaleResult {
  tenantId: string;
  people: number;
  households: number;
  /** The stock added (units = people / 10 unless told otherwise); null when the ente already had units. */
  stock: ScaleStockResult | null;
  seconds: number;
}

/** Creates (or reuses) the ente `slug` and fills it with about `people` people in households. */
export async function seedScale(
  db: Kysely<DB>,
  opts: { people: number; units?: number; slug: string; seed?: number; log?: (s: string) => void },
): Promise<ScaleResult> {
  const started = Date.now();
  const log = opts.log ?? (() => {});
  const existing = await db.selectFrom('ente').select('id').where('slug', '=', opts.slug).executeTakeFirst();
  const tenantId =
    existing?.id ??
    (
      await db
        .insertInto('ente')
        .values({ slug: opts.slug, name: `Ente di prova (${opts.people} persone)`, kind: 'comune' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const r = rng(opts.seed ?? 42);
  const seenCf = new Set<string>();
  let people = 0;
  let households = 0;
  while (people < opts.people) {
    const batch = { person: [] as object[], household: [] as object[], member: [] as object[], isee: [] as object[], enrolment: [] as object[] };
    while (batch.person.length < 5000 && people + batch.person.length < opts.people) {
      const h = generateHousehold(r, tenantId, households + batch.household.length + 1);
      for (const p of h.people) {
        if (p.codice_fiscale && seenCf.has(p.codice_fiscale)) {
          p.codice_fiscale = null;
        } else if (p.codice_fiscale) {
          seenCf.add(p.codice_fiscale);
        }
      }
      batch.person.push(...h.people);
      batch.household.push(h.household);
      batch.member.push(...h.members);
      if (h.isee) {
        batch.isee.push(h.isee);
      }
      const program = r.weighted(PROGRAM_WEIGHTS, 34);
      const head = h.members[0];
      if (program && head) {
        batch.enrolment.push({ tenant_id: tenantId, id: uuid(r), person_id: head.person_id, program, started_on: '2025-01-01' });
      }
    }
    await db.transaction().execute(async (trx) => {
      await insertChunks(trx, 'person', batch.person, 2000);
      await insertChunks(trx, 'household', batch.household, 2000);
      await insertChunks(trx, 'household_member', batch.member, 2000);
      await insertChunks(trx, 'isee', batch.isee, 2000);
      await insertChunks(trx, 'enrolment', batch.enrolment, 2000);
    });
    people += batch.person.length;
    households += batch.household.length;
    log(`  ${people.toLocaleString('it-IT')} people, ${households.toLocaleString('it-IT')} households (${Math.round((Date.now() - started) / 1000)} s)`);
  }
  const units = opts.units ?? Math.floor(opts.people / 10);
  const hasUnits = await db.selectFrom('unit').select('id').where('tenant_id', '=', tenantId).limit(1).executeTakeFirst();
  let stock: ScaleStockResult | null = null;
  if (units > 0 && !hasUnits) {
    stock = await seedScaleStock(db, { tenantId, units, seed: opts.seed });
    log(
      `  ${stock.units.toLocaleString('it-IT')} units in ${stock.buildings.toLocaleString('it-IT')} buildings (${Math.round((Date.now() - started) / 1000)} s)`,
    );
  }
  return { tenantId, people, households, stock, seconds: (Date.now() - started) / 1000 };
}
