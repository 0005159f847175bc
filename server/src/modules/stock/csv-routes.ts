import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { audit } from '../../kernel/audit/audit.js';
import { type AnyRoute, defineRoute } from '../../kernel/http/route.js';
import { exportCsv, importUnits } from './import.js';
import { romeDay } from './periods.js';
import * as repo from './repo.js';
import { readStock, tags, writeStock } from './routes.js';
import { ImportQuery, ImportResult, UnitFilterQuery } from './schema.js';
import { unitFilter } from './unit-routes.js';

/** Largest CSV file the import accepts. */
export const CSV_BODY_LIMIT = 5 * 1024 * 1024;

/** Lets the import route receive `text/csv` bodies (as a string, up to 5 MB). */
export function registerCsvBody(app: FastifyInstance): void {
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: CSV_BODY_LIMIT }, (_req, body, done) => {
    done(null, body);
  });
}

export const csvRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/stock/units.csv',
    access: readStock,
    summary: 'Export units as CSV (RFC 4180, comma, UTF-8 with BOM); same filters as the unit list',
    tags,
    schema: { querystring: UnitFilterQuery, response: { 200: z.string().describe('text/csv; one row per unit, see the stock README') } },
    async handler({ db, ctx, query, deps, reply }) {
      const units = await repo.allUnits(db, ctx, romeDay(deps.clock.now()), unitFilter(query));
      reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="units-${romeDay(deps.clock.now())}.csv"`);
      return exportCsv(units);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/stock/import',
    access: writeStock,
    summary:
      'Import units from CSV (Content-Type: text/csv). dryRun=true reports every row error and writes nothing; ' +
      'otherwise all rows are applied or none (400 with one error per bad cell, field `line.<n>.<column>`)',
    tags,
    schema: { querystring: ImportQuery, body: z.string().max(CSV_BODY_LIMIT).describe('The CSV file'), response: { 200: ImportResult } },
    async handler({ db, ctx, query, body, deps }) {
      const dryRun = query.dryRun === 'true';
      const now = deps.clock.now();
      const outcome = await importUnits(db, ctx, body, { dryRun, today: romeDay(now), now, lang: ctx.lang });
      const { errors, ...counts } = outcome;
      await audit(db, ctx, {
        action: dryRun ? 'stock.import_checked' : 'stock.imported',
        entityType: 'unit',
        details: { ...counts, errorCount: errors.length },
      });
      return { dryRun, valid: errors.length === 0, ...outcome };
    },
  }),
];
