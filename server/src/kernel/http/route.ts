import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import { audit } from '../audit/audit.js';
import { type Access, can, type Permission } from '../auth/permissions.js';
import type { Config } from '../config.js';
import type { PublicContext, RequestMeta, TenantContext } from '../context.js';
import { runInTenant } from '../db/tenant.js';
import type { DB } from '../db/types.js';
import { pickLang } from '../i18n/messages.js';
import type { Clock } from '../time.js';
import { AppError } from './errors.js';

/** What handlers get from the application (never from module-level state). */
export interface AppDeps {
  db: Kysely<DB>;
  config: Config;
  clock: Clock;
}

export interface RouteSchema {
  params?: z.ZodType;
  querystring?: z.ZodType;
  body?: z.ZodType;
  response: Record<number, z.ZodType>;
}

type Out<T> = T extends z.ZodType ? z.output<T> : undefined;
type ResponseOf<S extends RouteSchema> = { [K in keyof S['response']]: z.input<S['response'][K]> }[keyof S['response']];

export interface HandlerArgs<S extends RouteSchema, A extends Access> {
  params: Out<S['params']>;
  query: Out<S['querystring']>;
  body: Out<S['body']>;
  /** Public routes get the bare database; signed-in routes a transaction scoped to the tenant. */
  db: A extends 'public' ? Kysely<DB> : Transaction<DB>;
  ctx: A extends 'public' ? PublicContext : TenantContext;
  deps: AppDeps;
  req: FastifyRequest;
  reply: FastifyReply;
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteDef<S extends RouteSchema = RouteSchema, A extends Access = Access> {
  method: Method;
  url: string;
  /** Required: who may call the route. A test fails on any registered route without it. */
  access: A;
  summary: string;
  tags: string[];
  schema: S;
  /** Status of a successful response; 204 when the handler returns nothing. */
  status?: number;
  /** Per-route rate limit (per client IP); `max` may read the configuration. */
  rateLimit?: { max: number | ((config: Config) => number); timeWindow: number };
  /** Largest accepted body in bytes (default 1 MiB). */
  bodyLimit?: number;
  handler(args: HandlerArgs<S, A>): Promise<ResponseOf<S> | undefined>;
}

/** The erased form kept in a module's route list. */
export type AnyRoute = RouteDef<RouteSchema, Access> & { readonly __route: true };

/** Declares a route: its access, its zod contract and its handler, typed from the schema. */
export function defineRoute<S extends RouteSchema, const A extends Access>(def: RouteDef<S, A>): AnyRoute {
  return def as unknown as AnyRoute;
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function requestMeta(req: FastifyRequest): RequestMeta {
  return { requestId: req.id, ip: req.ip, userAgent: req.headers['user-agent'], lang: pickLang(req.headers['accept-language']) };
}

function permitted(ctxCan: (p: Permission) => boolean, access: Access): boolean {
  if (access === 'public' || access === 'authenticated') {
    return true;
  }
  return ([] as Permission[]).concat(access.permission).some((p) => ctxCan(p));
}

/** Registers module routes: access check, CSRF check, tenant transaction, audit of writes. */
export function registerRoutes(app: FastifyInstance, deps: AppDeps, routes: readonly AnyRoute[]): void {
  for (const route of routes) {
    app.route({
      method: route.method,
      url: route.url,
      ...(route.bodyLimit ? { bodyLimit: route.bodyLimit } : {}),
      config: {
        access: route.access,
        ...(route.rateLimit
          ? {
              rateLimit: {
                max: typeof route.rateLimit.max === 'number' ? route.rateLimit.max : route.rateLimit.max(deps.config),
                timeWindow: route.rateLimit.timeWindow,
              },
            }
          : {}),
      },
      schema: {
        summary: route.summary,
        tags: route.tags,
        ...(route.access === 'public' ? {} : { security: [{ session: [] }] }),
        ...route.schema,
      },
      // Who may call is decided before the body is even validated: a caller without the right
      // learns nothing about the route's contract (403, not a list of field errors).
      preValidation: async (req) => {
        if (route.access === 'public') {
          return;
        }
        if (!req.principal) {
          throw new AppError(401, 'auth.required');
        }
        const grants = req.principal.grants;
        if (!permitted((p) => can(grants, p), route.access)) {
          throw new AppError(403, 'auth.forbidden');
        }
      },
      handler: async (req, reply) => {
        const meta = requestMeta(req);
        const principal = req.principal;
        const base = { params: req.params, query: req.query, body: req.body, deps, req, reply } as const;
        let result: unknown;
        if (route.access === 'public') {
          result = await route.handler({ ...base, db: deps.db, ctx: { ...meta, principal } } as never);
        } else {
          if (!principal) {
            throw new AppError(401, 'auth.required');
          }
          const ctxCan = (p: Permission, program?: Parameters<typeof can>[2]) => can(principal.grants, p, program);
          const ctx: TenantContext = { ...meta, tenantId: principal.tenantId, principal, can: ctxCan, auditCount: 0 };
          result = await runInTenant(deps.db, { tenantId: principal.tenantId, userId: principal.userId }, async (trx) => {
            const out = await route.handler({ ...base, db: trx, ctx } as never);
            // Every write leaves a trace, even when the handler wrote no specific audit row.
            if (WRITE_METHODS.has(route.method) && ctx.auditCount === 0) {
              await audit(trx, ctx, { action: `${route.method} ${route.url}` });
            }
            return out;
          });
        }
        if (result === undefined) {
          return reply.code(204).send();
        }
        if (Buffer.isBuffer(result)) {
          // A file: sent as is, with the type and disposition headers the handler set.
          return reply.code(route.status ?? 200).send(result);
        }
        return reply.code(route.status ?? 200).send(result);
      },
    });
  }
}
