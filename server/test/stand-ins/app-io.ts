// A local stand-in for the App IO "API dei servizi": profiles (sender_allowed) and messages by
// fiscal code, checked like the real API (subscription key, subject/markdown lengths). Messages
// are deduplicated by the Idempotency-Key header; `status(n)` answers the next requests with n.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface IoStandInMessage {
  id: string;
  fiscal_code: string;
  content: { subject: string; markdown: string; due_date?: string };
  idempotencyKey: string | undefined;
}

export interface IoStandIn {
  url: string;
  apiKey: string;
  /** Messages stored (one per idempotency key). */
  messages: IoStandInMessage[];
  /** Every POST /messages received, duplicates included. */
  requests: number;
  /** Citizens with an IO profile; sender_allowed false when the service is turned off. */
  profiles: Map<string, { sender_allowed: boolean }>;
  failNext(status: number, n: number): void;
  close(): Promise<void>;
}

export async function startIoStandIn(): Promise<IoStandIn> {
  const apiKey = 'io-test-key';
  const state: IoStandIn = {
    url: '',
    apiKey,
    messages: [],
    requests: 0,
    profiles: new Map(),
    failNext(status, n) {
      fail = { status, n };
    },
    close: async () => undefined,
  };
  let fail = { status: 0, n: 0 };
  let seq = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (req.headers['ocp-apim-subscription-key'] !== apiKey) {
        return send(401, { status: 401, title: 'Unauthorized' });
      }
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
      if (req.method === 'POST' && req.url === '/api/v1/profiles') {
        const p = state.profiles.get(String(body.fiscal_code));
        return p ? send(200, p) : send(404, { status: 404, title: 'Profile not found' });
      }
      if (req.method === 'POST' && req.url === '/api/v1/messages') {
        state.requests++;
        if (fail.n > 0) {
          fail.n--;
          return send(fail.status, { status: fail.status, title: 'Stand-in failure' });
        }
        const content = body.content as IoStandInMessage['content'] | undefined;
        const fiscal = String(body.fiscal_code ?? '');
        if (!/^[A-Z0-9]{16}$/.test(fiscal) || !content || content.subject.length < 10 || content.subject.length > 120 || content.markdown.length < 80) {
          return send(400, { status: 400, title: 'Invalid message', detail: 'subject 10–120, markdown ≥ 80 characters, valid fiscal_code' });
        }
        const key = req.headers['idempotency-key'] as string | undefined;
        const existing = key ? state.messages.find((m) => m.idempotencyKey === key) : undefined;
        if (existing) {
          return send(201, { id: existing.id });
        }
        const id = `01IO${String(++seq).padStart(10, '0')}`;
        state.messages.push({ id, fiscal_code: fiscal, content, idempotencyKey: key });
        return send(201, { id });
      }
      return send(404, { status: 404, title: 'Not found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  state.url = `http://127.0.0.1:${port}`;
  state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return state;
}
