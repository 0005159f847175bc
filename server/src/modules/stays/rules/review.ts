// Life-project review schedule and stage. Pure.
import { daysBetween } from './priority.js';

export type ProjectStage = 'draft' | 'approved' | 'acknowledged' | 'revising';

export function stageOf(v: { version: number; status: string; acknowledgedAt: unknown }): ProjectStage {
  if (v.status === 'draft') {
    return v.version === 1 ? 'draft' : 'revising';
  }
  return v.acknowledgedAt ? 'acknowledged' : 'approved';
}

/** Days a review is overdue on `today` (0 = not overdue; no date = never due). */
export function overdueDays(nextReviewOn: string | null, today: string): number {
  if (nextReviewOn === null) {
    return 0;
  }
  return Math.max(0, daysBetween(nextReviewOn, today));
}

/** Progress scale 0–4, in words for the easy-to-read version. */
export const PROGRESS_SCALE = ['not_started', 'started', 'halfway', 'nearly', 'achieved'] as const;
export type ProgressWord = (typeof PROGRESS_SCALE)[number];
export function progressWord(score: number): ProgressWord {
  return PROGRESS_SCALE[Math.max(0, Math.min(4, Math.round(score)))] as ProgressWord;
}
