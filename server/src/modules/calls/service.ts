// What the routes share: facts and evaluation of an application, declaration checks, document
// sniffing, the ranking of a call and its publishable (personal-data-free) snapshot.
import { createHash, randomBytes } from 'node:crypto';
import type { Executor } from '../../kernel/db/tenant.js';
import { AppError, type FieldError } from '../../kernel/http/errors.js';
import { romeDay } from '../../kernel/time.js';
import { type NotificationEvent, notify } from '../messages/index.js';
import { type ApplicationRow, applicationsOfCall, type CallRow, callQuery, type DocumentRow, rankingsOf, read } from './repo.js';
import { type Evaluation, evaluate } from './rules/evaluate.js';
import { deriveFacts, FACTS, type FactDef, type Facts, factDef, type HouseholdMemberInput } from './rules/facts.js';
import { factsUsed, type Rules, RulesSchema } from './rules/format.js';
import { type Ranking, rank } from './rules/rank.js';

const rulesCache = new WeakMap<object, Rules>();

/** The call's rules in force, parsed (stored rules were validated when saved). */
export function rulesOf(call: Pick<CallRow, 'rules'>): Rules {
  const raw = call.rules as object;
  let r = rulesCache.get(raw);
  if (!r) {
    r = RulesSchema.parse(raw);
    rulesCache.set(raw, r);
  }
  return r;
}

/** Requirements are checked, and ages computed, on the day the call opens (Europe/Rome). */
export const referenceDay = (call: Pick<CallRow, 'opens_at'>) => romeDay(call.opens_at);

export interface ApplicantData {
  givenName: string;
  familyName: string;
  codiceFiscale?: string | null;
  birthDate: string;
  email?: string | null;
  phone?: string | null;
}

export function factsOf(
  call: Pick<CallRow, 'opens_at'>,
  app: Pick<ApplicationRow, 'applicant' | 'household' | 'declared' | 'verified'>,
  override?: { declared?: Facts; household?: HouseholdMemberInput[] },
): Facts {
  const applicant = read<ApplicantData>(app.applicant);
  const verified = read<Facts>(app.verified);
  return deriveFacts({
    applicantBirthDate: applicant.birthDate ?? null,
    members: override?.household ?? read<HouseholdMemberInput[]>(app.household),
    referenceDay: referenceDay(call),
    // A what-if value wins over the office's verified one: it is the question asked.
    declared: { ...read<Facts>(app.declared), ...verified, ...(override?.declared ?? {}) },
  });
}

export function rejectedCriteria(app: Pick<ApplicationRow, 'criterion_review'>): Set<string> {
  const review = read<Record<string, { outcome: string }>>(app.criterion_review);
  return new Set(
    Object.entries(review)
      .filter(([, v]) => v.outcome === 'rejected')
      .map(([k]) => k),
  );
}

export function evaluateApplication(call: CallRow, app: ApplicationRow, override?: { declared?: Facts; household?: HouseholdMemberInput[] }): Evaluation {
  return evaluate(rulesOf(call), factsOf(call, app, override), { rejected: rejectedCriteria(app) });
}

/** The facts of the catalogue a call's rules read, with their definitions. */
export function factsForForm(rules: Rules) {
  return factsUsed(rules).flatMap((name) => {
    const def = factDef(name);
    return def ? [{ name, ...(def as FactDef), values: def.values ? [...def.values] : undefined }] : [];
  });
}

/**
 * Checks declared (or verified) fact values against the catalogue: known, provided by the
 * applicant (or by the office when `office`), of the right kind and range.
 */
export function checkFacts(values: Facts, o: { office: boolean; field: string }): void {
  const errors: Omit<FieldError, 'message'>[] = [];
  for (const [name, v] of Object.entries(values)) {
    const def = (FACTS as Record<string, FactDef>)[name];
    const field = `${o.field}.${name}`;
    const bad = () => errors.push({ field, in: 'body', code: 'calls.declaration_invalid' });
    if (!def || def.source === 'derived' || (def.source === 'assessed' && !o.office)) {
      bad();
      continue;
    }
    if (def.kind === 'number') {
      if (typeof v !== 'number' || !Number.isFinite(v) || (def.min !== undefined && v < def.min) || (def.max !== undefined && v > def.max)) {
        bad();
      }
    } else if (def.kind === 'boolean') {
      if (typeof v !== 'boolean') {
        bad();
      }
    } else if (def.kind === 'enum') {
      if (typeof v !== 'string' || !(def.values ?? []).includes(v)) {
        bad();
      }
    } else if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) {
      bad();
    }
  }
  if (errors.length > 0) {
    throw new AppError(400, 'calls.declaration_invalid', errors);
  }
}

/** Declared facts the rules need that the applicant has not given yet. */
export function missingDeclarations(rules: Rules, declared: Facts): string[] {
  return factsUsed(rules).filter((f) => factDef(f)?.source === 'declared' && declared[f] === undefined);
}

export function missingDocuments(rules: Rules, docs: readonly Pick<DocumentRow, 'kind' | 'objection_id'>[]): string[] {
  const have = new Set(docs.filter((d) => d.objection_id === null).map((d) => d.kind));
  return rules.documents.filter((d) => d.required && !have.has(d.code)).map((d) => d.code);
}

const MAX_FILE = 5 * 1024 * 1024;

/** The real type of an uploaded file from its first bytes (the name and declared type are not trusted). */
export function sniffFile(content: Buffer): 'application/pdf' | 'image/jpeg' | 'image/png' {
  if (content.length === 0 || content.length > MAX_FILE) {
    throw new AppError(413, 'calls.file_size', [{ field: 'contentBase64', in: 'body', code: 'calls.file_size' }]);
  }
  if (content.subarray(0, 5).toString('latin1') === '%PDF-') {
    return 'application/pdf';
  }
  if (content[0] === 0xff && content[1] === 0xd8 && content[2] === 0xff) {
    return 'image/jpeg';
  }
  if (content.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
    return 'image/png';
  }
  throw new AppError(415, 'calls.file_type', [{ field: 'contentBase64', in: 'body', code: 'calls.file_type' }]);
}

export const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

/** The ranking of a call on verified data: admitted applications ranked, the others listed as excluded with a coded reason. */
export async function computeRanking(db: Executor, ctx: { tenantId: string }, call: CallRow, seed: string): Promise<{ ranking: Ranking; unreviewed: number }> {
  const apps = await applicationsOfCall(db, ctx, call.id, ['submitted', 'admitted', 'excluded']);
  const rules = rulesOf(call);
  const inputs = apps
    .filter((a) => a.status !== 'submitted')
    .map((a) => {
      const facts = factsOf(call, a);
      const e = evaluate(rules, facts, { rejected: rejectedCriteria(a), explain: false });
      return {
        id: a.id,
        protocol: a.protocol as string,
        score: e.score,
        eligible: e.eligible,
        exclusion: a.status === 'excluded' ? (a.exclusion_reason ?? 'other') : null,
        failed: e.failed[0] ?? null,
        facts,
      };
    });
  return { ranking: rank(inputs, rules, seed), unreviewed: apps.filter((a) => a.status === 'submitted').length };
}

export const newSeed = () => randomBytes(16).toString('hex');

/** The public part of a ranking (no personal data) and its SHA-256 over canonical JSON. */
export function publicSnapshot(r: Ranking) {
  const entries = r.ranked.map((e) => ({ position: e.position, protocol: e.protocol, score: e.score, tieBrokenBy: e.tieBrokenBy }));
  const excluded = r.excluded.map((e) => ({ protocol: e.protocol, reason: e.reason }));
  const hash = sha256(JSON.stringify({ entries, excluded }));
  return { entries, excluded, hash };
}

/** Stored form: the public part plus the application ids (for the applicant's own view only). */
export function storedEntries(r: Ranking) {
  return {
    entries: r.ranked.map((e) => ({ applicationId: e.id, position: e.position, protocol: e.protocol, score: e.score, tieBrokenBy: e.tieBrokenBy })),
    excluded: r.excluded.map((e) => ({ applicationId: e.id, protocol: e.protocol, reason: e.reason })),
  };
}

export interface StoredRanking {
  entries: { applicationId: string; position: number; protocol: string; score: number; tieBrokenBy: string | null }[];
  excluded: { applicationId: string; protocol: string; reason: string }[];
}

/** Protocol numbers count per calendar year in Europe/Rome. */
export function protocolYear(now: Date): number {
  return Number(romeDay(now).slice(0, 4));
}

export function protocolOf(year: number, n: number): string {
  return `${year}/${String(n).padStart(6, '0')}`;
}

// Rules the routes use, re-exported so route files import one level up only.
export { evaluate } from './rules/evaluate.js';
export type { Facts } from './rules/facts.js';
export { presetList, presetRules } from './rules/presets.js';
export { positionFor } from './rules/rank.js';

/**
 * Tells the applicant (their account, or the account linked to the registry person of a paper
 * application) through the notification service, in the caller's transaction. No account: nothing.
 */
export async function notifyApplicant(
  db: Executor,
  ctx: { tenantId: string },
  app: Pick<ApplicationRow, 'id' | 'user_id' | 'person_id'>,
  event: NotificationEvent,
  params: Record<string, string | number>,
  key?: string,
): Promise<void> {
  const to = app.user_id ? { userId: app.user_id } : app.person_id ? { personId: app.person_id } : null;
  if (!to) {
    return;
  }
  await notify(db, ctx, { event, to, params, link: `/my/applications/${app.id}`, entity: { type: 'application', id: app.id }, ...(key ? { key } : {}) });
}

export interface RankedApplicant {
  applicationId: string;
  personId: string | null;
  protocol: string;
  score: number;
  /** Position in the latest published ranking, or null when none is published yet. */
  position: number | null;
  household: HouseholdMemberInput[];
  facts: Facts;
}

/**
 * For allocation and matching: the admitted, eligible applications of a call with their
 * registry person, score on verified data and position in the latest ranking (best first).
 */
export async function rankedApplicants(db: Executor, t: { tenantId: string }, callId: string): Promise<RankedApplicant[]> {
  const call = await callQuery(db, t).where('c.id', '=', callId).executeTakeFirst();
  if (!call) {
    return [];
  }
  const latest = (await rankingsOf(db, t, callId))[0];
  const positions = new Map(latest ? read<StoredRanking>(latest.entries).entries.map((e) => [e.applicationId, e.position]) : []);
  const out: RankedApplicant[] = [];
  for (const a of await applicationsOfCall(db, t, callId, ['admitted'])) {
    const facts = factsOf(call, a);
    const e = evaluate(rulesOf(call), facts, { rejected: rejectedCriteria(a), explain: false });
    if (e.eligible) {
      out.push({
        applicationId: a.id,
        personId: a.person_id,
        protocol: a.protocol as string,
        score: e.score,
        position: positions.get(a.id) ?? null,
        household: read<HouseholdMemberInput[]>(a.household),
        facts,
      });
    }
  }
  return out.sort(
    (x, y) => (x.position ?? Number.MAX_SAFE_INTEGER) - (y.position ?? Number.MAX_SAFE_INTEGER) || y.score - x.score || (x.protocol < y.protocol ? -1 : 1),
  );
}
