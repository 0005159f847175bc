// Helpers for API tests: an app on a cloned test database, and signed-in clients.
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/app.js';
import { type Config, testConfig } from '../src/kernel/config.js';
import type { Database } from '../src/kernel/db/database.js';
import { manualClock } from '../src/kernel/time.js';
import { createTestDatabase } from './db.js';
import type { BuiltUser } from './factories.js';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  clock: ReturnType<typeof manualClock>;
  close(): Promise<void>;
}

export async function createTestApp(config: Partial<Config> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const clock = manualClock();
  const app = await buildApp({ db: database.db, config: testConfig(config), clock, logger: false });
  await app.ready();
  return {
    app,
    database,
    clock,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/** A signed-in client: forwards the session cookie and the CSRF token like the web UI does. */
export interface Client {
  user: BuiltUser;
  cookie: string;
  csrf: string;
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

export async function loginAs(app: FastifyInstance, user: BuiltUser): Promise<Client> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { ente: user.enteSlug, email: user.email, password: user.password },
  });
  if (res.statusCode !== 200) {
    throw new Error(`login failed for ${user.email}: ${res.statusCode} ${res.body}`);
  }
  const setCookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  const cookie = (setCookie[0] ?? '').split(';')[0] ?? '';
  const csrf = res.json<{ csrfToken: string }>().csrfToken;
  const request = (opts: InjectOptions) => app.inject({ ...opts, headers: { cookie, 'x-csrf-token': csrf, ...(opts.headers ?? {}) } });
  return {
    user,
    cookie,
    csrf,
    request,
    get: (url) => request({ method: 'GET', url }),
    post: (url, payload) => request({ method: 'POST', url, ...(payload === undefined ? {} : { payload: payload as object }) }),
    patch: (url, payload) => request({ method: 'PATCH', url, payload: payload as object }),
    delete: (url) => request({ method: 'DELETE', url }),
  };
}
