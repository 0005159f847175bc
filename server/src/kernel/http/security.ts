import type { FastifyInstance, FastifyRequest } from 'fastify';
import { loadSession, SESSION_COOKIE } from '../auth/sessions.js';
import type { Principal } from '../context.js';
import { AppError } from './errors.js';
import type { AppDeps } from './route.js';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    access?: import('../auth/permissions.js').Access;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameOrigin(req: FastifyRequest, publicOrigin: string | undefined): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) {
    return true; // not a browser cross-site request (or a same-origin GET-like navigation)
  }
  if (publicOrigin !== undefined) {
    return origin === publicOrigin;
  }
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

/**
 * Loads the session behind the cookie on every API request and guards state-changing requests:
 * the Origin must be ours and, when signed in, `X-CSRF-Token` must match the session's token
 * (synchronizer token; the session cookie is also SameSite=Lax).
 */
export function registerSecurity(app: FastifyInstance, deps: AppDeps): void {
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) {
      return;
    }
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      req.principal = await loadSession(deps.db, token, deps.clock.now(), deps.config.sessionIdleMinutes);
    }
    if (SAFE_METHODS.has(req.method)) {
      return;
    }
    if (!sameOrigin(req, deps.config.publicOrigin)) {
      throw new AppError(403, 'auth.origin');
    }
    if (req.principal && req.headers['x-csrf-token'] !== req.principal.csrfToken) {
      throw new AppError(403, 'auth.csrf');
    }
  });
}
