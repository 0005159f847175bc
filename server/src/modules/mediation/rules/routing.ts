// Where a resident's report goes. Buildings are run by a managing body (E.R.P. Lucca S.r.l. for
// the ERP estates): the one that manages most of the building's units. Reports that put people at
// risk are urgent whatever their category says.

export const REPORT_CATEGORIES = ['maintenance', 'safety', 'cleanliness', 'other'] as const;
export type ReportCategory = (typeof REPORT_CATEGORIES)[number];

const URGENT_WORDS = ['gas', 'fuoco', 'incendio', 'fire', 'allagamento', 'flood', 'crollo', 'collapse', 'scintille', 'sparks', 'fumo', 'smoke'];

export interface Routing {
  routedTo: string | null;
  urgent: boolean;
  status: 'routed' | 'received';
}

/**
 * The managing body of a building from its units' managing organisations (most units wins, ties to
 * the smallest id so the answer is stable); null when no unit names one.
 */
export function managingBodyOf(unitManagers: readonly (string | null)[]): string | null {
  const counts = new Map<string, number>();
  for (const m of unitManagers) {
    if (m) {
      counts.set(m, (counts.get(m) ?? 0) + 1);
    }
  }
  let best: string | null = null;
  let bestN = 0;
  for (const [id, n] of [...counts].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (n > bestN) {
      best = id;
      bestN = n;
    }
  }
  return best;
}

/** Routes a report: to the building's managing body when there is one; else it waits at the mediator's desk. */
export function routeReport(category: ReportCategory, description: string, unitManagers: readonly (string | null)[]): Routing {
  const routedTo = managingBodyOf(unitManagers);
  const text = description.toLowerCase();
  const urgent = category === 'safety' || URGENT_WORDS.some((w) => new RegExp(`\\b${w}\\b`).test(text));
  return { routedTo, urgent, status: routedTo ? 'routed' : 'received' };
}

export const REPORT_STATUSES = ['received', 'routed', 'in_progress', 'resolved', 'rejected'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

const REPORT_NEXT: Record<ReportStatus, readonly ReportStatus[]> = {
  received: ['routed', 'in_progress', 'rejected'],
  routed: ['in_progress', 'resolved', 'rejected'],
  in_progress: ['resolved', 'rejected'],
  resolved: ['in_progress'],
  rejected: ['in_progress'],
};

/** Whether a report may move from one status to another (resolved or rejected may be reopened). */
export function reportMayMove(from: ReportStatus, to: ReportStatus): boolean {
  return REPORT_NEXT[from].includes(to);
}
