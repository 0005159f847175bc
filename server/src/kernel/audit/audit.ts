import type { Executor } from '../db/tenant.js';

export const SENSITIVE_CATEGORIES = ['health', 'disability', 'addiction', 'homelessness', 'judicial'] as const;
export type SensitiveCategory = (typeof SENSITIVE_CATEGORIES)[number];

export interface AuditEntry {
  action: string;
  entityType?: string;
  entityId?: string;
  purpose?: string;
  sensitiveCategory?: SensitiveCategory;
  outcome?: 'success' | 'denied' | 'failure';
  details?: Record<string, unknown>;
}

export interface AuditActor {
  tenantId: string;
  userId: string | null;
  /** The actor's roles ('role' or 'role:program'), so a person can see who looked by role. */
  roles?: string[];
  organisationId: string | null;
  requestId: string;
  ip: string;
}

/** Appends one row to the audit log, in the caller's transaction. */
export async function writeAudit(db: Executor, actor: AuditActor, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      tenant_id: actor.tenantId,
      user_id: actor.userId,
      organisation_id: actor.organisationId,
      request_id: actor.requestId,
      ip: actor.ip,
      actor_roles: actor.roles ?? null,
      action: entry.action,
      entity_type: entry.entityType ?? null,
      entity_id: entry.entityId ?? null,
      purpose: entry.purpose ?? null,
      sensitive_category: entry.sensitiveCategory ?? null,
      outcome: entry.outcome ?? 'success',
      details: entry.details ? JSON.stringify(entry.details) : null,
    })
    .execute();
}

/** Audits a write done by a signed-in request. */
export async function audit(
  db: Executor,
  ctx: {
    tenantId: string;
    requestId: string;
    ip: string;
    auditCount: number;
    principal: { userId: string; organisationId: string | null; roles?: readonly { role: string; program: string | null }[] };
  },
  entry: AuditEntry,
): Promise<void> {
  ctx.auditCount += 1;
  await writeAudit(
    db,
    {
      tenantId: ctx.tenantId,
      userId: ctx.principal.userId,
      organisationId: ctx.principal.organisationId,
      roles: ctx.principal.roles?.map((r) => (r.program ? `${r.role}:${r.program}` : r.role)),
      requestId: ctx.requestId,
      ip: ctx.ip,
    },
    entry,
  );
}

/**
 * Audits a read of special-category data (GDPR art. 9). Call it in the same transaction as the
 * read, with the purpose the caller declared.
 */
export function auditSensitiveRead(
  db: Executor,
  ctx: Parameters<typeof audit>[1],
  read: { category: SensitiveCategory; entityType: string; entityId: string; purpose: string },
): Promise<void> {
  return audit(db, ctx, {
    action: 'sensitive.read',
    entityType: read.entityType,
    entityId: read.entityId,
    purpose: read.purpose,
    sensitiveCategory: read.category,
  });
}
