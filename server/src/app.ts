import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { type Access, describeAccess } from './kernel/auth/permissions.js';
import { errorHandler, sendProblem } from './kernel/http/errors.js';
import { type AnyRoute, type AppDeps, defineRoute, registerRoutes } from './kernel/http/route.js';
import { registerSecurity } from './kernel/http/security.js';
import { zodValidatorCompiler } from './kernel/http/validation.js';
import { adminRoutes } from './modules/admin/index.js';
import { agencyRoutes } from './modules/agency/index.js';
import { allocationRoutes } from './modules/allocation/index.js';
import { callsRoutes } from './modules/calls/index.js';
import { casesModuleRoutes } from './modules/cases/index.js';
import { identityRoutes } from './modules/identity/index.js';
import { mediationRoutes } from './modules/mediation/index.js';
import { messagesRoutes } from './modules/messages/index.js';
import { oidcRoutes } from './modules/oidc/index.js';
import { registryRoutes } from './modules/registry/index.js';
import { reportsRoutes } from './modules/reports/index.js';
import { staysRoutes } from './modules/stays/index.js';
import { registerCsvBody, stockRoutes } from './modules/stock/index.js';
import { tenancyModuleRoutes } from './modules/tenancies/index.js';

/** Every module's routes, in one list: the route table tests walk. */
export const moduleRoutes: readonly AnyRoute[] = [
  ...identityRoutes,
  ...oidcRoutes,
  ...messagesRoutes,
  ...adminRoutes,
  ...registryRoutes,
  ...stockRoutes,
  ...callsRoutes,
  ...allocationRoutes,
  ...tenancyModuleRoutes,
  ...staysRoutes,
  ...casesModuleRoutes,
  ...agencyRoutes,
  ...reportsRoutes,
  ...mediationRoutes,
];

export interface RegisteredRoute {
  method: string;
  url: string;
  access: Access | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered, with its declared access (for the route-permission test). */
    routeTable: RegisteredRoute[];
  }
}

const healthRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/healthz',
    access: 'public',
    summary: 'Liveness: the process answers',
    tags: ['ops'],
    schema: { response: { 200: z.object({ status: z.literal('ok') }) } },
    async handler() {
      return { status: 'ok' as const };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/readyz',
    access: 'public',
    summary: 'Readiness: the database answers',
    tags: ['ops'],
    schema: { response: { 200: z.object({ status: z.literal('ready'), database: z.string() }) } },
    async handler({ db }) {
      await sql`SELECT 1`.execute(db);
      return { status: 'ready' as const, database: 'ok' };
    },
  }),
];

/** Routes added by plugins (docs, static files) are public by declaration, not by omission. */
async function publicPlugin(app: FastifyInstance, register: (scope: FastifyInstance) => Promise<void>) {
  await app.register(async (scope) => {
    scope.addHook('onRoute', (route) => {
      route.config = { ...(route.config as object), access: 'public' };
    });
    await register(scope);
  });
}

export interface BuildOptions extends AppDeps {
  logger?: FastifyServerOptions['logger'];
  /** Serve the built web UI from this folder when it exists. */
  webDist?: string;
}

/** Builds the whole HTTP application on the given database and clock (tests use it directly). */
export async function buildApp(opts: BuildOptions): Promise<FastifyInstance> {
  const deps: AppDeps = { db: opts.db, config: opts.config, clock: opts.clock };
  const app = Fastify({
    logger: opts.logger ?? { level: opts.config.logLevel },
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: false,
    trustProxy: opts.config.env === 'production',
    bodyLimit: 1_048_576,
    routerOptions: { ignoreTrailingSlash: true },
  });
  // Record every route; plugin scopes may still set its access after this hook runs, so the
  // check that each one declares it happens when the app is ready (it then refuses to start).
  const registered: { methods: string[]; url: string; options: { config?: unknown } }[] = [];
  app.addHook('onRoute', (route) => {
    registered.push({ methods: ([] as string[]).concat(route.method), url: route.url, options: route });
  });
  app.decorate('routeTable', {
    getter: () =>
      registered.flatMap((r) => r.methods.map((method) => ({ method, url: r.url, access: (r.options.config as { access?: Access } | undefined)?.access }))),
  });
  app.addHook('onReady', async () => {
    const undeclared = app.routeTable.filter((r) => r.access === undefined);
    if (undeclared.length > 0) {
      const list = undeclared.map((r) => `${r.method} ${r.url}`).join(', ');
      throw new Error(`Routes that declare no access (public, authenticated or a permission): ${list}`);
    }
  });
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: opts.config.env === 'production',
  });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_req, context) => Object.assign(new Error('rate limited'), { statusCode: context.statusCode }),
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Abitare API',
        version: '1',
        description:
          'REST API of Abitare. Errors are application/problem+json (RFC 9457) with a stable `code` and field errors. ' +
          'Signed-in calls use the session cookie; state-changing calls also need `X-CSRF-Token` from `GET /api/v1/me`.',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'abitare_session' } },
      },
    },
    transform: jsonSchemaTransform,
  });
  await publicPlugin(app, async (scope) => {
    await scope.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
    scope.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  });

  registerSecurity(app, deps);
  registerCsvBody(app);
  registerRoutes(app, deps, [...healthRoutes, ...moduleRoutes]);

  const webDist = opts.webDist ? resolve(opts.webDist) : undefined;
  const indexHtml = webDist !== undefined && existsSync(resolve(webDist, 'index.html')) ? readFileSync(resolve(webDist, 'index.html')) : undefined;
  const serveWeb = indexHtml !== undefined;
  if (serveWeb) {
    await publicPlugin(app, async (scope) => {
      await scope.register(fastifyStatic, { root: webDist, wildcard: false, index: false });
    });
  }
  app.setNotFoundHandler((req, reply) => {
    const wantsPage = req.method === 'GET' && !req.url.startsWith('/api/') && (req.headers.accept ?? '').includes('text/html');
    if (serveWeb && wantsPage) {
      // Client-side routes of the single-page app.
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml);
    }
    return sendProblem(req, reply, 404, 'route.not_found');
  });
  return app;
}

export { describeAccess };
