// A local SMTP server (smtp-server on 127.0.0.1) that keeps what it receives, for tests that
// assert the real email sent. `failNext(n)` answers 451 (temporary) to the next n messages.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
  headers: Record<string, string>;
  subject: string;
  messageId: string;
  text: string;
  html: string;
}

export interface SmtpStandIn {
  url: string;
  /** Every message accepted, in order. */
  received: ReceivedMail[];
  /** What a mailbox shows: one message per Message-ID. */
  mailbox(): ReceivedMail[];
  /** Answers 451 to the next n messages (to this recipient only, when given). */
  failNext(n: number, to?: string): void;
  close(): Promise<void>;
}

/** Decodes RFC 2047 encoded words (=?UTF-8?Q?…?= / =?UTF-8?B?…?=). */
function decodeWords(s: string): string {
  return s.replace(/\s*=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_, enc: string, data: string) =>
    enc.toUpperCase() === 'B'
      ? Buffer.from(data, 'base64').toString('utf8')
      : Buffer.from(
          data.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
          'latin1',
        ).toString('utf8'),
  );
}

function decodeBody(body: string, encoding: string | undefined): string {
  if (encoding === 'base64') {
    return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  }
  if (encoding === 'quoted-printable') {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

function parseHeaders(block: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) {
      out[line.slice(0, i).toLowerCase()] = line.slice(i + 1).trim();
    }
  }
  return out;
}

/** A small MIME reader: enough for nodemailer's multipart/alternative (text + HTML). */
export function parseMail(raw: string): Pick<ReceivedMail, 'headers' | 'subject' | 'messageId' | 'text' | 'html'> {
  const split = raw.indexOf('\r\n\r\n');
  const headers = parseHeaders(raw.slice(0, split));
  const body = raw.slice(split + 4);
  let text = '';
  let html = '';
  const boundary = /boundary="?([^";]+)"?/.exec(headers['content-type'] ?? '')?.[1];
  const parts = boundary ? body.split(`--${boundary}`).slice(1, -1) : [`${raw.slice(0, split)}\r\n\r\n${body}`].map((p) => `\r\n${p}`);
  for (const part of parts) {
    const p = part.replace(/^\r?\n/, '');
    const s = p.indexOf('\r\n\r\n');
    const h = parseHeaders(p.slice(0, s));
    const content = decodeBody(p.slice(s + 4).replace(/\r?\n$/, ''), h['content-transfer-encoding']);
    if ((h['content-type'] ?? '').startsWith('text/html')) {
      html = content;
    } else if ((h['content-type'] ?? '').startsWith('text/plain')) {
      text = content;
    }
  }
  return { headers, subject: decodeWords(headers.subject ?? ''), messageId: headers['message-id'] ?? '', text, html };
}

export async function startSmtpStandIn(): Promise<SmtpStandIn> {
  const received: ReceivedMail[] = [];
  let failures = 0;
  let failTo: string | undefined;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (failures > 0 && (failTo === undefined || session.envelope.rcptTo.some((r) => r.address === failTo))) {
          failures--;
          const err = Object.assign(new Error('Mailbox busy, try again later'), { responseCode: 451 });
          callback(err);
          return;
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          ...parseMail(raw),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    mailbox: () => [...new Map(received.map((m) => [m.messageId, m])).values()],
    failNext(n, to) {
      failures = n;
      failTo = to;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
