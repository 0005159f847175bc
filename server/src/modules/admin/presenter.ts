import type { Program, Role } from '../../kernel/auth/permissions.js';
import type { UserRow } from './repo.js';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** The only way a user row leaves the server: no password hash, no lockout counters. */
export function presentUser(u: UserRow, now: Date) {
  return {
    id: u.id,
    email: u.email,
    fullName: u.full_name,
    organisationId: u.organisation_id,
    organisationName: u.organisation_name,
    active: u.active,
    locked: u.locked_until !== null && u.locked_until > now,
    lastLoginAt: iso(u.last_login_at),
    createdAt: new Date(u.created_at).toISOString(),
    roles: (u.roles ?? []).map((r) => ({
      id: r.id,
      role: r.role as Role,
      program: r.program as Program | null,
      createdAt: new Date(r.created_at).toISOString(),
    })),
  };
}

export function presentAudit(a: {
  id: string;
  at: Date;
  user_id: string | null;
  user_name: string | null;
  organisation_id: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  purpose: string | null;
  sensitive_category: string | null;
  outcome: string;
  request_id: string | null;
  ip: string | null;
  details: unknown;
}) {
  return {
    id: a.id,
    at: a.at.toISOString(),
    userId: a.user_id,
    userName: a.user_name,
    organisationId: a.organisation_id,
    action: a.action,
    entityType: a.entity_type,
    entityId: a.entity_id,
    purpose: a.purpose,
    sensitiveCategory: a.sensitive_category,
    outcome: a.outcome,
    requestId: a.request_id,
    ip: a.ip,
    details: a.details ?? null,
  };
}
