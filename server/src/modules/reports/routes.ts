// Reports: the indicators dashboard (report:read), its tables as CSV/XLSX and the funder PDF
// (report:export), and the public open-data API (no login).
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { audit } from '../../kernel/audit/audit.js';
import { PROGRAMS, type Program, programsFor } from '../../kernel/auth/permissions.js';
import type { TenantContext } from '../../kernel/context.js';
import { runInTenant } from '../../kernel/db/tenant.js';
import type { DB } from '../../kernel/db/types.js';
import { forbidden, notFound } from '../../kernel/http/errors.js';
import { type AnyRoute, defineRoute } from '../../kernel/http/route.js';
import { romeDay } from '../../kernel/time.js';
import { toCsv, toXlsx } from './export.js';
import { buildDataset, DATASET_INFO, DATASETS, type DatasetId, LICENCE, SUPPRESSION_NOTE } from './opendata.js';
import { funderReportPdf } from './pdf.js';
import * as repo from './repo.js';
import { DatasetParams, EnteParams, OpenDatasetOut, OpenIndexOut, ReportOut, ReportQuery, TableParams, YearQuery } from './schema.js';
import { buildReport, type ReportTable, tableById } from './service.js';

const tags = ['reports'];

type Query = z.output<typeof ReportQuery>;

/** The programs a report covers: the one asked (if the reader covers it) or all the reader covers. */
function scopeOf(ctx: TenantContext, program: Program | undefined): readonly Program[] | 'all' {
  const scope = programsFor(ctx.principal.grants, 'report:read');
  if (program !== undefined) {
    if (scope !== 'all' && !scope.includes(program)) {
      throw forbidden();
    }
    return [program];
  }
  return scope;
}

async function reportFor(db: Parameters<typeof buildReport>[0], ctx: TenantContext, query: Query, now: Date) {
  const today = romeDay(now);
  return buildReport(db, {
    tenantId: ctx.tenantId,
    programs: scopeOf(ctx, query.program),
    from: query.from ?? `${today.slice(0, 4)}-01-01`,
    to: query.to ?? today,
    today,
    estateId: query.estateId,
    organisationId: query.organisationId,
    can: (p) => ctx.can(p),
  });
}

function tableCells(t: ReportTable, lang: 'it' | 'en') {
  const header = t.columns.map((c) => c.label[lang]);
  const rows = t.rows.map((r) =>
    t.columns.map((c) => {
      const v = r[c.key] ?? null;
      if (typeof v === 'number' && c.unit === 'rate') {
        return v / 100; // percent
      }
      if (typeof v === 'number' && c.unit === 'cents') {
        return v / 100; // euro
      }
      return v;
    }),
  );
  return { header: header.map((h, i) => (t.columns[i]?.unit === 'rate' ? `${h} (%)` : t.columns[i]?.unit === 'cents' ? `${h} (€)` : h)), rows };
}

export const reportRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/reports/indicators',
    access: { permission: 'report:read' },
    summary: 'Indicators of the programs the reader covers (or one), for a period, estate and organisation, with definitions and tables',
    tags,
    schema: { querystring: ReportQuery, response: { 200: ReportOut } },
    async handler({ db, ctx, query, deps }) {
      const report = await reportFor(db, ctx, query, deps.clock.now());
      const scope = programsFor(ctx.principal.grants, 'report:read');
      const { estates, organisations } = await repo.filterOptions(db, ctx.tenantId);
      return { ...report, options: { programs: scope === 'all' ? [...PROGRAMS] : scope, estates, organisations } };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/reports/tables/:table.csv',
    access: { permission: 'report:export' },
    summary: 'One indicator table as CSV (UTF-8 with BOM, comma separated); same filters as the indicators',
    tags,
    schema: { params: TableParams, querystring: ReportQuery, response: { 200: z.string().describe('text/csv') } },
    async handler({ db, ctx, params, query, deps, reply }) {
      const report = await reportFor(db, ctx, query, deps.clock.now());
      const t = tableById(report, params.table) as ReportTable;
      const { header, rows } = tableCells(t, query.lang ?? ctx.lang);
      await audit(db, ctx, {
        action: 'reports.exported',
        entityType: 'report',
        details: { table: t.id, format: 'csv', programs: report.programs, period: report.period },
      });
      reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${t.id}-${report.period.from}-${report.period.to}.csv"`);
      return toCsv(header, rows) as unknown as string;
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/reports/tables/:table.xlsx',
    access: { permission: 'report:export' },
    summary: 'One indicator table as an XLSX workbook; same filters as the indicators',
    tags,
    schema: {
      params: TableParams,
      querystring: ReportQuery,
      response: { 200: z.any().describe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet') },
    },
    async handler({ db, ctx, params, query, deps, reply }) {
      const report = await reportFor(db, ctx, query, deps.clock.now());
      const t = tableById(report, params.table) as ReportTable;
      const { header, rows } = tableCells(t, query.lang ?? ctx.lang);
      await audit(db, ctx, {
        action: 'reports.exported',
        entityType: 'report',
        details: { table: t.id, format: 'xlsx', programs: report.programs, period: report.period },
      });
      reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${t.id}-${report.period.from}-${report.period.to}.xlsx"`);
      return toXlsx(t.title[query.lang ?? ctx.lang], header, rows);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/reports/funder.pdf',
    access: { permission: 'report:export' },
    summary: 'The funder report of a program and period as PDF (cover, indicators with definitions, chart)',
    tags,
    schema: { querystring: ReportQuery, response: { 200: z.any().describe('application/pdf') } },
    async handler({ db, ctx, query, deps, reply }) {
      const now = deps.clock.now();
      const report = await reportFor(db, ctx, query, now);
      await audit(db, ctx, {
        action: 'reports.exported',
        entityType: 'report',
        details: { table: 'funder', format: 'pdf', programs: report.programs, period: report.period },
      });
      reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="rapporto-${query.program ?? 'programmi'}-${report.period.from}-${report.period.to}.pdf"`);
      return funderReportPdf(report, ctx.principal.tenantName, romeDay(now));
    },
  }),
  // Open data.
  defineRoute({
    method: 'GET',
    url: '/api/v1/open-data/:ente',
    access: 'public',
    summary: 'Open datasets of an ente (CC-BY 4.0): list with stable URLs, licence and suppression rule',
    tags: ['reports', 'public'],
    schema: { params: EnteParams, response: { 200: OpenIndexOut } },
    async handler({ db, params, deps }) {
      const ente = await enteBySlug(db, params.ente);
      const year = Number(romeDay(deps.clock.now()).slice(0, 4));
      return {
        ente: ente.slug,
        enteName: ente.name,
        licence: LICENCE,
        suppression: SUPPRESSION_NOTE,
        years: [year, year - 1, year - 2, year - 3, year - 4],
        datasets: DATASETS.map((id) => ({
          id,
          title: DATASET_INFO[id].title,
          description: DATASET_INFO[id].description,
          json: `/api/v1/open-data/${ente.slug}/${id}.json`,
          csv: `/api/v1/open-data/${ente.slug}/${id}.csv`,
        })),
      };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/open-data/:ente/:file',
    access: 'public',
    summary: 'One open dataset as JSON (<dataset>.json) or CSV (<dataset>.csv) for a calendar year; counts under 5 shown as "< 5"',
    tags: ['reports', 'public'],
    schema: { params: DatasetParams, querystring: YearQuery, response: { 200: z.union([OpenDatasetOut, z.string()]) } },
    async handler({ db, params, query, deps, reply }) {
      const ente = await enteBySlug(db, params.ente);
      const [id, ext] = params.file.split('.') as [DatasetId, 'json' | 'csv'];
      const today = romeDay(deps.clock.now());
      const year = query.year ?? Number(today.slice(0, 4));
      const ds = await runInTenant(db, { tenantId: ente.id, userId: null }, (trx) => buildDataset(trx, ente, id, year, today));
      reply.header('access-control-allow-origin', '*').header('x-licence', LICENCE.url);
      if (ext === 'json') {
        return ds;
      }
      const csv = toCsv(
        ds.columns,
        ds.rows.map((r) => ds.columns.map((c) => (r[c] ?? null) as string | number | null)),
      );
      reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${ente.slug}-${id}-${year}.csv"`);
      return csv as unknown as string;
    },
  }),
];

async function enteBySlug(db: Kysely<DB>, slug: string) {
  const ente = await db.selectFrom('ente').select(['id', 'slug', 'name']).where('slug', '=', slug).where('active', '=', true).executeTakeFirst();
  if (!ente) {
    throw notFound();
  }
  return ente;
}
