// Rows leave the server only through these functions.
import type { Program } from '../../kernel/auth/permissions.js';
import { objectionDeadline, phaseOf } from './policy.js';
import { type ApplicationRow, type CallRow, type DocumentRow, type IntegrationRow, type ObjectionRow, type RankingRow, read } from './repo.js';
import type { Evaluation } from './rules/evaluate.js';
import type { Facts } from './rules/facts.js';
import type { CallPhase } from './schema.js';
import { type ApplicantData, factsForForm, rulesOf, type StoredRanking } from './service.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentCallSummary(c: CallRow, now: Date) {
  const deadline = objectionDeadline(c);
  return {
    id: c.id,
    program: c.program as Program,
    title: { it: c.title_it, en: c.title_en },
    opensAt: c.opens_at.toISOString(),
    closesAt: c.closes_at.toISOString(),
    places: c.places,
    status: c.status as 'draft' | 'published' | 'provisional' | 'final',
    phase: phaseOf(c, now) as CallPhase,
    objectionDeadline: iso(deadline),
  };
}

export function presentCall(
  c: CallRow,
  now: Date,
  extra: { counts: Record<string, number> | null; policies: { manage: boolean; review: boolean; publish: boolean; apply: boolean } },
) {
  const rules = rulesOf(c);
  return {
    ...presentCallSummary(c, now),
    body: { it: c.body_it, en: c.body_en },
    objectionDays: c.objection_days,
    rulesVersion: c.rules_version,
    rulesFrozen: c.status !== 'draft',
    rules,
    facts: factsForForm(rules),
    publishedAt: iso(c.published_at),
    provisionalAt: iso(c.provisional_at),
    finalAt: iso(c.final_at),
    counts: extra.counts,
    policies: extra.policies,
  };
}

export function presentDocument(d: DocumentRow) {
  return {
    id: d.id,
    kind: d.kind,
    fileName: d.file_name,
    contentType: d.content_type,
    sizeBytes: d.size_bytes,
    sha256: d.sha256,
    objectionId: d.objection_id,
    createdAt: d.created_at.toISOString(),
  };
}

export function presentObjection(o: ObjectionRow) {
  return {
    id: o.id,
    applicationId: o.application_id,
    protocol: o.protocol,
    text: o.text,
    status: o.status as 'filed' | 'accepted' | 'rejected',
    decisionNote: o.decision_note,
    filedAt: o.filed_at.toISOString(),
    decidedAt: iso(o.decided_at),
  };
}

export function presentIntegration(r: IntegrationRow, today: string) {
  return {
    id: r.id,
    documents: r.documents,
    note: r.note,
    deadline: r.deadline,
    answeredAt: iso(r.answered_at),
    answerNote: r.answer_note,
    open: r.answered_at === null && r.deadline >= today,
    createdAt: r.created_at.toISOString(),
  };
}

/** The application's place in the latest published ranking. */
export function rankPlace(app: Pick<ApplicationRow, 'id'>, latest: RankingRow | undefined) {
  if (!latest) {
    return null;
  }
  const stored = read<StoredRanking>(latest.entries);
  const entry = stored.entries.find((e) => e.applicationId === app.id);
  const excluded = stored.excluded.find((e) => e.applicationId === app.id);
  if (!entry && !excluded) {
    return null;
  }
  return {
    kind: latest.kind as 'provisional' | 'final',
    publishedAt: latest.published_at.toISOString(),
    position: entry?.position ?? null,
    score: entry?.score ?? null,
    tieBrokenBy: entry?.tieBrokenBy ?? null,
    excludedReason: excluded?.reason ?? null,
    total: stored.entries.length,
  };
}

export function presentApplication(
  a: ApplicationRow,
  call: CallRow,
  o: {
    documents: DocumentRow[];
    missingDocuments: string[];
    evaluation: Evaluation;
    latest: RankingRow | undefined;
    objection: ObjectionRow | undefined;
    integration: ReturnType<typeof presentIntegration> | null;
    editable: boolean;
  },
) {
  return {
    id: a.id,
    callId: a.call_id,
    callTitle: { it: call.title_it, en: call.title_en },
    program: call.program as Program,
    protocol: a.protocol,
    status: a.status as 'draft' | 'submitted' | 'withdrawn' | 'admitted' | 'excluded',
    channel: a.channel as 'online' | 'paper',
    applicant: read<ApplicantData>(a.applicant),
    household: read<{ givenName: string; familyName: string; birthDate: string; relationship: 'other' }[]>(a.household),
    declared: read<Record<string, number | boolean | string>>(a.declared),
    verified: read<Record<string, number | boolean | string>>(a.verified),
    criterionReview: read<Record<string, { outcome: 'confirmed' | 'rejected'; note?: string }>>(a.criterion_review),
    exclusion: a.exclusion_reason ? { reason: a.exclusion_reason as 'other', note: a.exclusion_note } : null,
    submittedAt: iso(a.submitted_at),
    withdrawnAt: iso(a.withdrawn_at),
    reviewedAt: iso(a.reviewed_at),
    documents: o.documents.map(presentDocument),
    missingDocuments: o.missingDocuments,
    evaluation: o.evaluation,
    ranking: rankPlace(a, o.latest),
    objection: o.objection ? presentObjection(o.objection) : null,
    integration: o.integration,
    editable: o.editable,
  };
}

export function presentApplicationSummary(a: ApplicationRow, evaluation: Evaluation) {
  const applicant = read<ApplicantData>(a.applicant);
  return {
    id: a.id,
    callId: a.call_id,
    protocol: a.protocol,
    status: a.status as 'draft',
    channel: a.channel as 'online',
    applicantName: `${applicant.familyName} ${applicant.givenName}`,
    submittedAt: iso(a.submitted_at),
    reviewed: a.reviewed_at !== null,
    eligible: evaluation.eligible,
    score: evaluation.score,
  };
}

export function presentRanking(r: RankingRow, call: CallRow) {
  const stored = read<StoredRanking>(r.entries);
  return {
    id: r.id,
    callId: r.call_id,
    callTitle: { it: call.title_it, en: call.title_en },
    program: call.program as Program,
    kind: r.kind as 'provisional' | 'final',
    rulesVersion: r.rules_version,
    seed: r.seed,
    sha256: r.sha256,
    publishedAt: r.published_at.toISOString(),
    objectionDeadline: r.kind === 'provisional' ? iso(objectionDeadline(call)) : null,
    // Only the public part: the application ids stay on the server.
    entries: stored.entries.map((e) => ({ position: e.position, protocol: e.protocol, score: e.score, tieBrokenBy: e.tieBrokenBy })),
    excluded: stored.excluded.map((e) => ({ protocol: e.protocol, reason: e.reason })),
  };
}

export type PresentedFacts = Facts;
