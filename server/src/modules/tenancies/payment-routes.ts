import { randomBytes } from 'node:crypto';
import { audit, writeAudit } from '../../kernel/audit/audit.js';
import { runInTenant } from '../../kernel/db/tenant.js';
import { AppError } from '../../kernel/http/errors.js';
import { type AnyRoute, defineRoute } from '../../kernel/http/route.js';
import { romeDay } from '../../kernel/time.js';
import { type Receipt, SIGNATURE_HEADER, verifyReceipt } from './pagopa/receipt.js';
import * as repo from './repo.js';
import { manageTenancies, tags } from './routes.js';
import { PaymentSettingsBody, PaymentSettingsOut, ReceiptBody, ReceiptOut } from './schema.js';

export const paymentRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/tenancies/payment-settings',
    access: manageTenancies,
    summary: 'The ente as a pagoPA creditor (fiscal code, segregation code); the secret is never shown',
    tags,
    schema: { response: { 200: PaymentSettingsOut } },
    async handler({ db, ctx }) {
      const s = await repo.paymentSettings(db, ctx);
      return { creditorFiscalCode: s?.creditor_fiscal_code ?? '', segregationCode: s?.segregation_code ?? 0, configured: s !== undefined };
    },
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/v1/tenancies/payment-settings',
    access: manageTenancies,
    summary: 'Set the ente’s creditor fiscal code, segregation code and the secret that signs gateway receipts',
    tags,
    schema: { body: PaymentSettingsBody, response: { 200: PaymentSettingsOut } },
    async handler({ db, ctx, body, deps }) {
      await db
        .insertInto('payment_settings')
        .values({
          tenant_id: ctx.tenantId,
          creditor_fiscal_code: body.creditorFiscalCode,
          segregation_code: body.segregationCode,
          receipt_secret: body.receiptSecret,
        })
        .onConflict((oc) =>
          oc.column('tenant_id').doUpdateSet({
            creditor_fiscal_code: body.creditorFiscalCode,
            segregation_code: body.segregationCode,
            receipt_secret: body.receiptSecret,
            updated_at: deps.clock.now(),
          }),
        )
        .execute();
      await audit(db, ctx, {
        action: 'payment_settings.updated',
        details: { creditorFiscalCode: body.creditorFiscalCode, segregationCode: body.segregationCode },
      });
      return { creditorFiscalCode: body.creditorFiscalCode, segregationCode: body.segregationCode, configured: true };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/payments/pagopa/receipts',
    access: 'public',
    summary: `Receipt callback of the payment gateway: signed with HMAC-SHA256 in \`${SIGNATURE_HEADER}\`; posts the payment once (duplicates answer 200 duplicate)`,
    tags,
    rateLimit: { max: 600, timeWindow: 60_000 },
    schema: { body: ReceiptBody, response: { 200: ReceiptOut } },
    async handler({ db, body, req, ctx, deps }) {
      const receipt: Receipt = body;
      const segregation = Number(body.noticeNumber.slice(1, 3));
      // The public route runs as the owner (no tenant yet): find the ente by its creditor identity.
      const settings = await db
        .selectFrom('payment_settings')
        .select(['tenant_id', 'receipt_secret'])
        .where('creditor_fiscal_code', '=', body.creditorFiscalCode)
        .where('segregation_code', '=', segregation)
        .executeTakeFirst();
      if (!settings) {
        throw new AppError(404, 'tenancy.notice_unknown', [{ field: 'noticeNumber', in: 'body', code: 'tenancy.notice_unknown' }]);
      }
      const signature = req.headers[SIGNATURE_HEADER];
      if (!verifyReceipt(receipt, typeof signature === 'string' ? signature : undefined, settings.receipt_secret)) {
        throw new AppError(401, 'tenancy.receipt_signature');
      }
      const tenant = { tenantId: settings.tenant_id };
      return runInTenant(db, { tenantId: settings.tenant_id, userId: null }, async (trx) => {
        const notice = await trx
          .selectFrom('payment_notice')
          .selectAll()
          .where('tenant_id', '=', tenant.tenantId)
          .where('notice_number', '=', body.noticeNumber)
          .forUpdate()
          .executeTakeFirst();
        if (!notice) {
          throw new AppError(404, 'tenancy.notice_unknown', [{ field: 'noticeNumber', in: 'body', code: 'tenancy.notice_unknown' }]);
        }
        const inserted = await trx
          .insertInto('payment_receipt')
          .values({
            tenant_id: tenant.tenantId,
            receipt_id: body.receiptId,
            notice_id: notice.id,
            amount_cents: body.amountCents,
            paid_at: new Date(body.paidAt),
            psp: body.psp ?? null,
            payer_fiscal_code: body.payerFiscalCode ?? null,
          })
          .onConflict((oc) => oc.columns(['tenant_id', 'receipt_id']).doNothing())
          .returning('id')
          .executeTakeFirst();
        if (!inserted) {
          return { outcome: 'duplicate' as const, noticeNumber: body.noticeNumber };
        }
        if (notice.status !== 'open' || body.amountCents !== Number(notice.amount_cents)) {
          // Paid twice or a different amount: the money is still posted, and the row says why.
          await writeAudit(
            trx,
            { tenantId: tenant.tenantId, userId: null, organisationId: null, requestId: ctx.requestId, ip: ctx.ip },
            {
              action: 'payment.receipt_anomaly',
              entityType: 'payment_notice',
              entityId: notice.id,
              details: { receiptId: body.receiptId, status: notice.status, expected: Number(notice.amount_cents), paid: body.amountCents },
            },
          );
        }
        await trx
          .insertInto('ledger_entry')
          .values({
            tenant_id: tenant.tenantId,
            tenancy_id: notice.tenancy_id,
            kind: 'payment',
            entry_date: romeDay(new Date(body.paidAt)),
            amount_cents: -body.amountCents,
            reason: `pagoPA ${body.noticeNumber}`,
            notice_id: notice.id,
            external_ref: `pagopa:${body.receiptId}`,
          })
          .execute();
        await trx
          .updateTable('payment_notice')
          .set({ status: 'paid', paid_at: new Date(body.paidAt) })
          .where('tenant_id', '=', tenant.tenantId)
          .where('id', '=', notice.id)
          .where('status', '=', 'open')
          .execute();
        await writeAudit(
          trx,
          { tenantId: tenant.tenantId, userId: null, organisationId: null, requestId: ctx.requestId, ip: ctx.ip },
          {
            action: 'payment.received',
            entityType: 'tenancy',
            entityId: notice.tenancy_id,
            details: { receiptId: body.receiptId, noticeNumber: body.noticeNumber, amountCents: body.amountCents, at: deps.clock.now().toISOString() },
          },
        );
        return { outcome: 'posted' as const, noticeNumber: body.noticeNumber };
      });
    },
  }),
];

/** A fresh secret for a new ente's receipts (seeds and tests). */
export function newReceiptSecret(): string {
  return randomBytes(24).toString('hex');
}
