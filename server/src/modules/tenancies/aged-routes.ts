// The aged-arrears report: unpaid debt by age (0–30, 31–90, 91–180, > 180 days), grouped by estate
// or program, within the caller's program scope; JSON or CSV.
import { stringify } from 'csv-stringify/sync';
import { sql } from 'kysely';
import { z } from 'zod';
import type { TenantContext } from '../../kernel/context.js';
import { type Executor, inTenant } from '../../kernel/db/tenant.js';
import { type AnyRoute, defineRoute } from '../../kernel/http/route.js';
import { romeDay } from '../../kernel/time.js';
import { readScope } from './policy.js';
import { readTenancies, tags } from './routes.js';
import { AGE_BUCKETS, ageDebt, emptyAged } from './rules/aging.js';
import { AgedOut, AgedQuery } from './schema.js';

type AgedRow = z.infer<typeof AgedOut>['rows'][number];

async function agedReport(db: Executor, ctx: TenantContext, by: 'estate' | 'program', today: string): Promise<z.infer<typeof AgedOut>> {
  const scope = readScope(ctx);
  let q = db
    .selectFrom('ledger_entry as l')
    .innerJoin('tenancy as t', (j) => j.onRef('t.tenant_id', '=', 'l.tenant_id').onRef('t.id', '=', 'l.tenancy_id'))
    .innerJoin('unit as u', (j) => j.onRef('u.tenant_id', '=', 't.tenant_id').onRef('u.id', '=', 't.unit_id'))
    .innerJoin('building as b', (j) => j.onRef('b.tenant_id', '=', 'u.tenant_id').onRef('b.id', '=', 'u.building_id'))
    .leftJoin('estate as e', (j) => j.onRef('e.tenant_id', '=', 'b.tenant_id').onRef('e.id', '=', 'b.estate_id'))
    .select(['l.tenancy_id', 'l.entry_date', 'l.amount_cents', 't.program', 'e.name as estate_name'])
    .where(inTenant(ctx, 'l'))
    .where('l.entry_date', '<=', today)
    // Only tenancies that owe something today.
    .where(
      sql<boolean>`(SELECT sum(x.amount_cents) FROM ledger_entry x WHERE x.tenant_id = l.tenant_id AND x.tenancy_id = l.tenancy_id AND x.entry_date <= ${today}::date) > 0`,
    );
  if (scope !== 'all') {
    q = scope.length === 0 ? q.where(sql<boolean>`false`) : q.where('t.program', 'in', scope);
  }
  const rows = await q.orderBy('l.tenancy_id').execute();
  const perTenancy = new Map<string, { key: string | null; rows: { entryDate: string; amountCents: number }[] }>();
  for (const r of rows) {
    let entry = perTenancy.get(r.tenancy_id);
    if (!entry) {
      entry = { key: by === 'estate' ? r.estate_name : r.program, rows: [] };
      perTenancy.set(r.tenancy_id, entry);
    }
    entry.rows.push({ entryDate: r.entry_date, amountCents: Number(r.amount_cents) });
  }
  const groups = new Map<string | null, AgedRow>();
  const totals = { tenancies: 0, ...emptyAged(), total: 0 };
  for (const { key, rows: ledger } of perTenancy.values()) {
    const aged = ageDebt(ledger, today);
    const g = groups.get(key) ?? { key, tenancies: 0, ...emptyAged(), total: 0 };
    g.tenancies += 1;
    totals.tenancies += 1;
    for (const b of AGE_BUCKETS) {
      g[b] += aged[b];
      g.total += aged[b];
      totals[b] += aged[b];
      totals.total += aged[b];
    }
    groups.set(key, g);
  }
  return { at: today, by, rows: [...groups.values()].sort((a, b) => b.total - a.total), totals };
}

export const agedRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/tenancies/aged-arrears',
    access: readTenancies,
    summary: 'Aged arrears (0–30, 31–90, 91–180, > 180 days; payments settle the oldest charges first) by estate or program',
    tags,
    schema: { querystring: AgedQuery, response: { 200: AgedOut } },
    async handler({ db, ctx, query, deps }) {
      return agedReport(db, ctx, query.by, romeDay(deps.clock.now()));
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/tenancies/aged-arrears.csv',
    access: readTenancies,
    summary: 'The aged-arrears report as CSV (UTF-8 with BOM, amounts in euros with a dot)',
    tags,
    schema: { querystring: AgedQuery, response: { 200: z.string().describe('text/csv') } },
    async handler({ db, ctx, query, deps, reply }) {
      const today = romeDay(deps.clock.now());
      const report = await agedReport(db, ctx, query.by, today);
      const euros = (c: number) => (c / 100).toFixed(2);
      const line = (r: { tenancies: number; d0_30: number; d31_90: number; d91_180: number; d181_plus: number; total: number }) => [
        r.tenancies,
        euros(r.d0_30),
        euros(r.d31_90),
        euros(r.d91_180),
        euros(r.d181_plus),
        euros(r.total),
      ];
      const csv = stringify(
        [
          [query.by, 'tenancies', 'days_0_30', 'days_31_90', 'days_91_180', 'days_181_plus', 'total'],
          ...report.rows.map((r) => [r.key ?? '', ...line(r)]),
          ['TOTAL', ...line(report.totals)],
        ],
        { record_delimiter: '\r\n' },
      );
      reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="aged-arrears-${query.by}-${today}.csv"`);
      return `\uFEFF${csv}`;
    },
  }),
];
