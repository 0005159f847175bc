// The life of a mediation case: open → in mediation → agreement → follow-up → closed, with
// escalation to the managing body or social services possible until closure.

export const CASE_TYPES = ['noise', 'common_spaces', 'damage', 'coexistence', 'safety', 'arrears', 'other'] as const;
export type CaseType = (typeof CASE_TYPES)[number];
export const SEVERITIES = ['low', 'medium', 'high'] as const;
export const CASE_STATUSES = ['open', 'in_mediation', 'agreement', 'follow_up', 'escalated', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const REPORTERS = ['resident', 'managing_body', 'social_services', 'mediator', 'police', 'other'] as const;
export const RESULTS = ['resolved', 'partly_resolved', 'not_resolved', 'withdrawn'] as const;
export const ESCALATIONS = ['managing_body', 'social_services'] as const;
export const PARTY_ROLES = ['complainant', 'respondent', 'involved'] as const;

/** The status after an event; null when the event is not allowed in the current status. */
export function nextStatus(from: CaseStatus, event: 'session' | 'agreement' | 'follow_up' | 'escalate' | 'close'): CaseStatus | null {
  if (from === 'closed') {
    return null;
  }
  switch (event) {
    case 'session':
      return from === 'open' ? 'in_mediation' : from;
    case 'agreement':
      return from === 'escalated' ? 'escalated' : 'agreement';
    case 'follow_up':
      return from === 'agreement' || from === 'follow_up' ? 'follow_up' : null;
    case 'escalate':
      return from === 'escalated' ? null : 'escalated';
    case 'close':
      return 'closed';
  }
}

/** Age buckets of open cases for the dashboard. */
export function ageBucket(openedOn: string, today: string): '0-30' | '31-90' | '91-180' | '>180' {
  const days = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${openedOn}T00:00:00Z`)) / 86_400_000);
  return days <= 30 ? '0-30' : days <= 90 ? '31-90' : days <= 180 ? '91-180' : '>180';
}
