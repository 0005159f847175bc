// The receipt a payment gateway posts back when a notice is paid, and its signature. The adapter
// boundary of the module: a real pagoPA intermediary (e.g. a partner's "paGetPayment/paSendRT"
// bridge) would be wired here; tests and the demo use the local stand-in in standin.ts.
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface Receipt {
  receiptId: string;
  creditorFiscalCode: string;
  noticeNumber: string;
  amountCents: number;
  paidAt: string;
  psp?: string;
  payerFiscalCode?: string;
}

export const SIGNATURE_HEADER = 'x-receipt-signature';

/** The signed text: the fields that matter, in a fixed order, so JSON formatting does not count. */
export function canonicalReceipt(r: Receipt): string {
  return [r.receiptId, r.creditorFiscalCode, r.noticeNumber, String(r.amountCents), r.paidAt].join('|');
}

/** HMAC-SHA256 of the canonical text with the ente's shared secret, hex. */
export function signReceipt(r: Receipt, secret: string): string {
  return createHmac('sha256', secret).update(canonicalReceipt(r)).digest('hex');
}

export function verifyReceipt(r: Receipt, signature: string | undefined, secret: string): boolean {
  if (!signature || !/^[0-9a-f]{64}$/i.test(signature)) {
    return false;
  }
  const expected = Buffer.from(signReceipt(r, secret), 'hex');
  return timingSafeEqual(expected, Buffer.from(signature, 'hex'));
}

/** What the module needs from a gateway: the URL a payer uses for a notice (a stand-in offers one). */
export interface PaymentGateway {
  checkoutUrl(notice: { creditorFiscalCode: string; noticeNumber: string; amountCents: number }): string | null;
}

export const noGateway: PaymentGateway = { checkoutUrl: () => null };
