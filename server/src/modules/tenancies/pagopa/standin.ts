// A local stand-in for a pagoPA gateway, for tests and demos: it accepts "pay this notice" and
// posts a signed receipt to the ente's callback, like a PSP's receipt would arrive. No real money.
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Receipt, SIGNATURE_HEADER, signReceipt } from './receipt.js';

export interface StandInGateway {
  url: string;
  /** Pays a notice: posts the signed receipt to the callback and returns its HTTP answer. */
  pay(p: {
    noticeNumber: string;
    amountCents: number;
    receiptId?: string;
    paidAt?: string;
    payerFiscalCode?: string;
  }): Promise<{ status: number; body: unknown; receipt: Receipt }>;
  /** Posts an already-sent receipt again (gateways retry). */
  resend(receipt: Receipt, signature?: string): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

export async function startStandInGateway(o: { callbackUrl: string; creditorFiscalCode: string; secret: string }): Promise<StandInGateway> {
  const post = async (receipt: Receipt, signature = signReceipt(receipt, o.secret)) => {
    const res = await fetch(o.callbackUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signature },
      body: JSON.stringify(receipt),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null };
  };
  const pay: StandInGateway['pay'] = async (p) => {
    const receipt: Receipt = {
      receiptId: p.receiptId ?? `RT-${randomUUID()}`,
      creditorFiscalCode: o.creditorFiscalCode,
      noticeNumber: p.noticeNumber,
      amountCents: p.amountCents,
      paidAt: p.paidAt ?? new Date().toISOString(),
      psp: 'STANDIN-PSP',
      ...(p.payerFiscalCode ? { payerFiscalCode: p.payerFiscalCode } : {}),
    };
    return { ...(await post(receipt)), receipt };
  };
  // A tiny HTTP face too: POST /pay {noticeNumber, amountCents} does the same as pay().
  const server: Server = createServer((req, res) => {
    if (req.method !== 'POST' || req.url !== '/pay') {
      res.writeHead(404).end();
      return;
    }
    let raw = '';
    req.on('data', (c: Buffer) => {
      raw += c.toString('utf8');
    });
    req.on('end', () => {
      void (async () => {
        try {
          const body = JSON.parse(raw) as { noticeNumber: string; amountCents: number };
          const out = await pay(body);
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(out));
        } catch (e) {
          res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: String(e) }));
        }
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    pay,
    resend: (receipt, signature) => post(receipt, signature),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
