// Delivery channels. Each gets the delivery's id as an idempotency key: the email carries it as
// its Message-ID (a resend after a crash is the same message to mail stores), App IO as the
// Idempotency-Key header.
import nodemailer from 'nodemailer';
import type { Config } from '../../kernel/config.js';
import type { EmailContent } from './events.js';

/** A failure that retrying will not fix (unknown mailbox, citizen without App IO, service not allowed). */
export class PermanentDeliveryError extends Error {}

export interface EmailChannel {
  send(to: string, content: EmailContent, idempotencyKey: string): Promise<{ ref: string }>;
}

export interface IoMessage {
  fiscalCode: string;
  subject: string;
  markdown: string;
  dueDate?: string;
}

export interface IoChannel {
  send(message: IoMessage, idempotencyKey: string): Promise<{ ref: string }>;
}

export interface Channels {
  email?: EmailChannel | undefined;
  io?: IoChannel | undefined;
}

/** SMTP through nodemailer (`smtp://user:pass@host:port`, `smtps://…` for implicit TLS). */
export function smtpChannel(url: string, from: string): EmailChannel {
  const transport = nodemailer.createTransport(url);
  return {
    async send(to, content, key) {
      try {
        const info = await transport.sendMail({
          from,
          to,
          subject: content.subject,
          text: content.text,
          html: content.html,
          messageId: `<${key}@abitare.notifications>`,
          headers: { 'X-Abitare-Delivery': key },
        });
        return { ref: info.messageId };
      } catch (err) {
        const code = (err as { responseCode?: number }).responseCode;
        // 5xx answers to the recipient or the message are final; connection problems and 4xx are not.
        if (code !== undefined && code >= 550 && code <= 554) {
          throw new PermanentDeliveryError(`SMTP ${code}: ${(err as Error).message}`);
        }
        throw err;
      }
    },
  };
}

/**
 * The App IO adapter: checks the citizen's profile for this service (sender_allowed), then sends
 * the message by fiscal code (IO "API dei servizi": `POST /api/v1/messages`). 429 and 5xx are retried.
 */
export function ioChannel(baseUrl: string, apiKey: string): IoChannel {
  const base = baseUrl.replace(/\/$/, '');
  const headers = { 'content-type': 'application/json', 'ocp-apim-subscription-key': apiKey };
  const fail = async (what: string, res: Response): Promise<never> => {
    const text = (await res.text()).slice(0, 300);
    if (res.status === 429 || res.status >= 500) {
      throw new Error(`App IO ${what}: HTTP ${res.status} ${text}`);
    }
    throw new PermanentDeliveryError(`App IO ${what}: HTTP ${res.status} ${text}`);
  };
  return {
    async send(m, key) {
      const profile = await fetch(`${base}/api/v1/profiles`, { method: 'POST', headers, body: JSON.stringify({ fiscal_code: m.fiscalCode }) });
      if (profile.status === 404) {
        throw new PermanentDeliveryError('App IO: the citizen has no IO profile');
      }
      if (!profile.ok) {
        await fail('profile', profile);
      }
      const p = (await profile.json()) as { sender_allowed?: boolean };
      if (p.sender_allowed === false) {
        throw new PermanentDeliveryError('App IO: the citizen has turned this service off');
      }
      const res = await fetch(`${base}/api/v1/messages`, {
        method: 'POST',
        headers: { ...headers, 'idempotency-key': key },
        body: JSON.stringify({
          fiscal_code: m.fiscalCode,
          content: { subject: m.subject, markdown: m.markdown, ...(m.dueDate ? { due_date: m.dueDate } : {}) },
        }),
      });
      if (res.status !== 201 && !res.ok) {
        await fail('message', res);
      }
      const body = (await res.json()) as { id?: string };
      return { ref: body.id ?? '' };
    },
  };
}

export function channelsFromConfig(config: Config): Channels {
  return {
    email: config.smtpUrl ? smtpChannel(config.smtpUrl, config.mailFrom) : undefined,
    io: config.ioApiUrl && config.ioApiKey ? ioChannel(config.ioApiUrl, config.ioApiKey) : undefined,
  };
}
