import type { Grants, Permission, Program, RoleGrant } from './auth/permissions.js';
import type { Lang } from './i18n/messages.js';

/** The signed-in user behind a request, loaded from the server-side session. */
export interface Principal {
  tenantId: string;
  tenantSlug: string;
  tenantName: string;
  userId: string;
  organisationId: string | null;
  fullName: string;
  email: string;
  roles: RoleGrant[];
  grants: Grants;
  sessionId: string;
  csrfToken: string;
  authMethod: 'password' | 'oidc';
}

/** What every request carries, signed in or not. */
export interface RequestMeta {
  requestId: string;
  ip: string;
  userAgent: string | undefined;
  lang: Lang;
}

export interface PublicContext extends RequestMeta {
  principal: Principal | null;
}

/** The context of a signed-in request: it runs inside one transaction scoped to the tenant. */
export interface TenantContext extends RequestMeta {
  tenantId: string;
  principal: Principal;
  can(permission: Permission, program?: Program): boolean;
  /** How many audit rows this request wrote (a write with none gets a generic row). */
  auditCount: number;
}
