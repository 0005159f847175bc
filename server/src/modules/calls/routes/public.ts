// Public pages: published calls and rankings of an ente, without personal data (protocol
// number, position, points, coded exclusion reason), as JSON, CSV and PDF.
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { runInTenant } from '../../../kernel/db/tenant.js';
import type { DB } from '../../../kernel/db/types.js';
import { notFound } from '../../../kernel/http/errors.js';
import { type AnyRoute, defineRoute } from '../../../kernel/http/route.js';
import { type PdfLine, renderPdf } from '../pdf.js';
import { presentCallSummary, presentRanking } from '../presenter.js';
import { type CallRow, callQuery, findCall, rankingsOf } from '../repo.js';
import { EnteCallParams, EnteParams, PublicCallOut, RankingOut } from '../schema.js';

const tags = ['calls', 'public'];

async function inEnte<T>(
  db: Kysely<DB>,
  slug: string,
  fn: (trx: Parameters<Parameters<typeof runInTenant>[2]>[0], t: { tenantId: string; name: string }) => Promise<T>,
) {
  const ente = await db.selectFrom('ente').select(['id', 'name']).where('slug', '=', slug).where('active', '=', true).executeTakeFirst();
  if (!ente) {
    throw notFound();
  }
  return runInTenant(db, { tenantId: ente.id, userId: null }, (trx) => fn(trx, { tenantId: ente.id, name: ente.name }));
}

const KindQuery = z.object({ kind: z.enum(['provisional', 'final']).optional().describe('Default: the latest published') });

async function publishedRanking(db: Kysely<DB>, params: { ente: string; id: string }, kind: 'provisional' | 'final' | undefined) {
  return inEnte(db, params.ente, async (trx, t) => {
    const call = await findCall(trx, t, params.id);
    if (!call || call.status === 'draft') {
      throw notFound();
    }
    const r = (await rankingsOf(trx, t, call.id)).find((x) => kind === undefined || x.kind === kind);
    if (!r) {
      throw notFound();
    }
    return { ranking: presentRanking(r, call), enteName: t.name };
  });
}

const csvCell = (v: string | number) => (/[",\n\r]/.test(String(v)) ? `"${String(v).replaceAll('"', '""')}"` : String(v));

export const publicRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/public/:ente/calls',
    access: 'public',
    summary: 'Published calls of an ente, with their published rankings',
    tags,
    schema: { params: EnteParams, response: { 200: z.object({ items: z.array(PublicCallOut) }) } },
    async handler({ db, params, deps }) {
      const now = deps.clock.now();
      return inEnte(db, params.ente, async (trx, t) => {
        const calls = await callQuery(trx, t).where('c.status', '<>', 'draft').orderBy('c.opens_at', 'desc').limit(200).execute();
        const items = [];
        for (const c of calls as CallRow[]) {
          const rankings = await rankingsOf(trx, t, c.id);
          items.push({
            ...presentCallSummary(c, now),
            body: { it: c.body_it, en: c.body_en },
            rankings: rankings.map((r) => ({ kind: r.kind as 'provisional' | 'final', publishedAt: r.published_at.toISOString() })),
          });
        }
        return { items };
      });
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/public/:ente/calls/:id/ranking',
    access: 'public',
    summary: 'A published ranking: protocol number, position, points; excluded with a coded reason (no personal data)',
    tags,
    schema: { params: EnteCallParams, querystring: KindQuery, response: { 200: RankingOut } },
    async handler({ db, params, query }) {
      return (await publishedRanking(db, params, query.kind)).ranking;
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/public/:ente/calls/:id/ranking.csv',
    access: 'public',
    summary: 'A published ranking as CSV (UTF-8 with BOM, comma separated)',
    tags,
    schema: { params: EnteCallParams, querystring: KindQuery, response: { 200: z.any() } },
    async handler({ db, params, query, reply }) {
      const { ranking } = await publishedRanking(db, params, query.kind);
      const rows = [
        ['position', 'protocol', 'points', 'status', 'reason'],
        ...ranking.entries.map((e) => [e.position, e.protocol, e.score, 'admitted', e.tieBrokenBy ? `tie:${e.tieBrokenBy}` : '']),
        ...ranking.excluded.map((e) => ['', e.protocol, '', 'excluded', e.reason]),
      ];
      const csv = `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n# sha256 ${ranking.sha256}\r\n`;
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="graduatoria-${ranking.kind}-${ranking.callId.slice(0, 8)}.csv"`);
      return Buffer.from(csv, 'utf8');
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/public/:ente/calls/:id/ranking.pdf',
    access: 'public',
    summary: 'A published ranking as PDF',
    tags,
    schema: { params: EnteCallParams, querystring: KindQuery, response: { 200: z.any() } },
    async handler({ db, params, query, reply }) {
      const { ranking, enteName } = await publishedRanking(db, params, query.kind);
      const when = new Intl.DateTimeFormat('it-IT', { timeZone: 'Europe/Rome', dateStyle: 'long', timeStyle: 'short' }).format(new Date(ranking.publishedAt));
      const lines: PdfLine[] = [
        { text: enteName, size: 14, bold: true },
        { text: `Graduatoria ${ranking.kind === 'final' ? 'definitiva' : 'provvisoria'} – ${ranking.callTitle.it}`, size: 12, bold: true },
        { text: `Pubblicata il ${when}. Impronta SHA-256: ${ranking.sha256}`, size: 8 },
        { text: '' },
        { text: 'Posizione   Protocollo        Punti', bold: true },
        ...ranking.entries.map((e) => ({ text: `${String(e.position).padStart(5, ' ')}       ${e.protocol}     ${e.score}`, size: 10 })),
        { text: '' },
        { text: 'Escluse (motivo codificato)', bold: true },
        ...ranking.excluded.map((e) => ({ text: `${e.protocol}   ${e.reason}`, size: 10 })),
      ];
      reply.type('application/pdf').header('content-disposition', `attachment; filename="graduatoria-${ranking.kind}.pdf"`);
      return renderPdf(`Graduatoria ${ranking.callTitle.it}`, lines);
    },
  }),
];
