// The waiting-list priority for short stays: a pure, documented rule with its explanation.
//
//   family burden      0–5 as assessed        × 10 points        (max 50)
//   time since the last stay that ended       30 × min(days, 365) / 365; never stayed = 30
//   severe disability                         10
//   time waiting since the request            10 × min(days, 90) / 90
//
// Points are rounded to one decimal. Higher total first; ties go to the older request, then to the
// lower id so the order is total and stable.

export interface PriorityInput {
  id: string;
  familyBurden: number;
  severity: 'mild' | 'severe';
  /** End day of the person's last approved stay before today (null = never stayed). */
  lastStayEndedOn: string | null;
  requestedOn: string;
}

export type PriorityLineCode = 'family_burden' | 'since_last_stay' | 'never_stayed' | 'severe' | 'waiting';
export interface PriorityLine {
  code: PriorityLineCode;
  points: number;
  /** The figure behind the points: burden 0–5, or days. */
  value: number;
}

export interface Priority {
  score: number;
  lines: PriorityLine[];
}

const DAY_MS = 86_400_000;
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

const round1 = (x: number) => Math.round(x * 10) / 10;

export function priorityOf(r: PriorityInput, today: string): Priority {
  const lines: PriorityLine[] = [];
  lines.push({ code: 'family_burden', points: r.familyBurden * 10, value: r.familyBurden });
  if (r.lastStayEndedOn === null) {
    lines.push({ code: 'never_stayed', points: 30, value: 0 });
  } else {
    const days = Math.max(0, daysBetween(r.lastStayEndedOn, today));
    lines.push({ code: 'since_last_stay', points: round1((30 * Math.min(days, 365)) / 365), value: days });
  }
  if (r.severity === 'severe') {
    lines.push({ code: 'severe', points: 10, value: 1 });
  }
  const waiting = Math.max(0, daysBetween(r.requestedOn, today));
  lines.push({ code: 'waiting', points: round1((10 * Math.min(waiting, 90)) / 90), value: waiting });
  return { score: round1(lines.reduce((s, l) => s + l.points, 0)), lines };
}

/** Orders requests by priority (highest first), ties by request day then id. */
export function rankWaitingList<T extends PriorityInput>(items: readonly T[], today: string): (T & { priority: Priority; rank: number })[] {
  return items
    .map((r) => ({ ...r, priority: priorityOf(r, today) }))
    .sort((a, b) => b.priority.score - a.priority.score || a.requestedOn.localeCompare(b.requestedOn) || a.id.localeCompare(b.id))
    .map((r, i) => ({ ...r, rank: i + 1 }));
}
