// Importing a payments file: matched rows become payments, unmatched ones wait for an operator.
// Idempotent by row key: a payment posted from a row carries `external_ref = import:<key>` (unique),
// an unmatched row is stored once per key; importing the same file again posts nothing.
import { createHash } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import { inTenant } from '../../kernel/db/tenant.js';
import type { DB } from '../../kernel/db/types.js';
import { AppError, notFound } from '../../kernel/http/errors.js';
import type { MessageKey } from '../../kernel/i18n/messages.js';
import { type PaymentRow, parsePaymentsCsv } from './rules/payments-file.js';

type Ctx = { tenantId: string };

async function matchRow(db: Transaction<DB>, ctx: Ctx, row: PaymentRow): Promise<{ tenancyId: string; noticeId: string | null } | null> {
  if (row.noticeNumber) {
    const notice = await db
      .selectFrom('payment_notice')
      .select(['id', 'tenancy_id'])
      .where(inTenant(ctx))
      .where('notice_number', '=', row.noticeNumber)
      .executeTakeFirst();
    if (notice) {
      return { tenancyId: notice.tenancy_id, noticeId: notice.id };
    }
  }
  if (row.fiscalCode) {
    const tenancies = await db
      .selectFrom('tenancy as t')
      .select('t.id')
      .where(inTenant(ctx, 't'))
      .where(sql<boolean>`t.during @> ${row.date}::date`)
      .where(
        sql<boolean>`EXISTS (SELECT 1 FROM person p WHERE p.tenant_id = t.tenant_id AND p.codice_fiscale = ${row.fiscalCode} AND p.merged_into IS NULL AND (
          p.id = t.person_id
          OR EXISTS (SELECT 1 FROM household_member m WHERE m.tenant_id = t.tenant_id AND m.household_id = t.household_id AND m.person_id = p.id
            AND m.joined_on <= ${row.date}::date AND (m.left_on IS NULL OR m.left_on > ${row.date}::date))
          OR EXISTS (SELECT 1 FROM tenancy_signatory s WHERE s.tenant_id = t.tenant_id AND s.tenancy_id = t.id AND s.person_id = p.id)))`,
      )
      .execute();
    if (tenancies.length === 1) {
      return { tenancyId: (tenancies[0] as { id: string }).id, noticeId: null };
    }
  }
  return null;
}

/** Posts one payment from a file row (or a resolved unmatched row); false when already posted. */
async function postRow(
  db: Transaction<DB>,
  ctx: Ctx,
  row: Pick<PaymentRow, 'key' | 'date' | 'amountCents' | 'description' | 'noticeNumber'>,
  tenancyId: string,
  noticeId: string | null,
  userId: string | null,
) {
  const inserted = await db
    .insertInto('ledger_entry')
    .values({
      tenant_id: ctx.tenantId,
      tenancy_id: tenancyId,
      kind: 'payment',
      entry_date: row.date,
      amount_cents: -row.amountCents,
      reason: (row.description ?? (row.noticeNumber ? `Pagamento avviso ${row.noticeNumber}` : 'Pagamento da file')).slice(0, 500),
      notice_id: noticeId,
      external_ref: `import:${row.key}`,
      author_id: userId,
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'external_ref']).where('external_ref', 'is not', null).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted && noticeId) {
    await db
      .updateTable('payment_notice')
      .set({ status: 'paid', paid_at: new Date(`${row.date}T12:00:00Z`) })
      .where(inTenant(ctx))
      .where('id', '=', noticeId)
      .where('status', '=', 'open')
      .where('amount_cents', '<=', row.amountCents)
      .execute();
  }
  return inserted !== undefined;
}

export async function importPayments(db: Transaction<DB>, ctx: Ctx, text: string, fileName: string | null, userId: string | null) {
  const { rows, errors } = parsePaymentsCsv(text);
  if (errors.length > 0) {
    throw new AppError(
      400,
      'request.invalid',
      errors.map((e) => ({ field: `line.${e.line}.${e.field}`, in: 'body', code: e.code as MessageKey })),
    );
  }
  const { id: importId } = await db
    .insertInto('payment_import')
    .values({
      tenant_id: ctx.tenantId,
      file_name: fileName,
      file_sha256: createHash('sha256').update(text).digest('hex'),
      rows_total: rows.length,
      created_by: userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  let posted = 0;
  let unmatched = 0;
  let duplicates = 0;
  for (const row of rows) {
    const waiting = await db.selectFrom('unmatched_payment').select('id').where(inTenant(ctx)).where('row_key', '=', row.key).executeTakeFirst();
    if (waiting) {
      duplicates += 1;
      continue;
    }
    const match = await matchRow(db, ctx, row);
    if (match) {
      if (await postRow(db, ctx, row, match.tenancyId, match.noticeId, userId)) {
        posted += 1;
      } else {
        duplicates += 1;
      }
      continue;
    }
    const stored = await db
      .insertInto('unmatched_payment')
      .values({
        tenant_id: ctx.tenantId,
        import_id: importId,
        row_key: row.key,
        line: row.line,
        paid_on: row.date,
        amount_cents: row.amountCents,
        notice_number: row.noticeNumber,
        payer_fiscal_code: row.fiscalCode,
        description: row.description?.slice(0, 500) ?? null,
      })
      .onConflict((oc) => oc.columns(['tenant_id', 'row_key']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (stored) {
      unmatched += 1;
    } else {
      duplicates += 1;
    }
  }
  await db.updateTable('payment_import').set({ posted, unmatched, duplicates }).where(inTenant(ctx)).where('id', '=', importId).execute();
  return { importId, rows: rows.length, posted, unmatched, duplicates };
}

/** An operator assigns a waiting payment to a tenancy: it is posted there, once. */
export async function resolveUnmatched(db: Transaction<DB>, ctx: Ctx, id: string, tenancyId: string, note: string | null, userId: string, now: Date) {
  const row = await db.selectFrom('unmatched_payment').selectAll().where(inTenant(ctx)).where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) {
    throw notFound();
  }
  if (row.status !== 'open') {
    throw new AppError(409, 'tenancy.unmatched_closed');
  }
  const tenancy = await db.selectFrom('tenancy').select('id').where(inTenant(ctx)).where('id', '=', tenancyId).executeTakeFirst();
  if (!tenancy) {
    throw new AppError(400, 'tenancy.unknown', [{ field: 'tenancyId', in: 'body', code: 'tenancy.unknown' }]);
  }
  const posted = await postRow(
    db,
    ctx,
    { key: row.row_key, date: row.paid_on, amountCents: Number(row.amount_cents), description: row.description, noticeNumber: row.notice_number },
    tenancyId,
    null,
    userId,
  );
  if (!posted) {
    throw new AppError(409, 'tenancy.unmatched_closed');
  }
  await db
    .updateTable('unmatched_payment')
    .set({ status: 'resolved', tenancy_id: tenancyId, resolved_by: userId, resolved_at: now, resolution_note: note })
    .where(inTenant(ctx))
    .where('id', '=', id)
    .execute();
}

export async function rejectUnmatched(db: Transaction<DB>, ctx: Ctx, id: string, note: string, userId: string, now: Date) {
  const row = await db.selectFrom('unmatched_payment').select(['id', 'status']).where(inTenant(ctx)).where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) {
    throw notFound();
  }
  if (row.status !== 'open') {
    throw new AppError(409, 'tenancy.unmatched_closed');
  }
  await db
    .updateTable('unmatched_payment')
    .set({ status: 'rejected', resolved_by: userId, resolved_at: now, resolution_note: note })
    .where(inTenant(ctx))
    .where('id', '=', id)
    .execute();
}
