// Ranking: admitted, eligible applications by score, ties broken by the call's tie-break order
// (e.g. ISEE ascending, then older first, then a draw by lot), and finally by protocol number,
// so the order is total and the same inputs always give the same ranking.
import { createHash } from 'node:crypto';
import type { Facts } from './facts.js';
import type { Rules } from './format.js';

export interface RankInput {
  id: string;
  protocol: string;
  score: number;
  eligible: boolean;
  /** The office excluded the application (reason code), or null. */
  exclusion: string | null;
  /** First requirement failed, when not eligible. */
  failed: string | null;
  facts: Facts;
}

export interface RankedEntry {
  id: string;
  protocol: string;
  position: number;
  score: number;
  /** What set this entry apart from an entry with the same score: `tieBreak.<n>`, `lot` or `protocol`; null when no tie. */
  tieBrokenBy: string | null;
}

export interface ExcludedEntry {
  id: string;
  protocol: string;
  reason: string;
}

export interface Ranking {
  ranked: RankedEntry[];
  excluded: ExcludedEntry[];
}

/** The draw by lot: a number fixed by the ranking's seed and the application id. */
export function lotValue(seed: string, id: string): string {
  return createHash('sha256').update(`${seed}:${id}`).digest('hex');
}

type Step = (a: RankInput, b: RankInput) => number;

function stepsOf(rules: Rules, seed: string): { name: string; cmp: Step }[] {
  const lots = new Map<string, string>();
  const lot = (x: RankInput) => {
    let v = lots.get(x.id);
    if (v === undefined) {
      v = lotValue(seed, x.id);
      lots.set(x.id, v);
    }
    return v;
  };
  const steps: { name: string; cmp: Step }[] = [];
  rules.tieBreak.forEach((tb, i) => {
    if ('lot' in tb) {
      steps.push({ name: 'lot', cmp: (a, b) => (lot(a) < lot(b) ? -1 : lot(a) > lot(b) ? 1 : 0) });
    } else {
      const dir = tb.order === 'asc' ? 1 : -1;
      steps.push({
        name: `tieBreak.${i}`,
        cmp: (a, b) => {
          const x = a.facts[tb.fact];
          const y = b.facts[tb.fact];
          // A missing value ranks after any known one.
          if (x === undefined || y === undefined) {
            return x === undefined ? (y === undefined ? 0 : 1) : -1;
          }
          const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x) < String(y) ? -1 : String(x) > String(y) ? 1 : 0;
          return Math.sign(c) * dir;
        },
      });
    }
  });
  steps.push({ name: 'protocol', cmp: (a, b) => (a.protocol < b.protocol ? -1 : a.protocol > b.protocol ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0) });
  return steps;
}

/** Ranks the applications; `seed` fixes the draw by lot (kept with the published ranking). */
export function rank(inputs: readonly RankInput[], rules: Rules, seed: string): Ranking {
  const steps = stepsOf(rules, seed);
  const inRanking = inputs.filter((x) => x.eligible && x.exclusion === null);
  const compare = (a: RankInput, b: RankInput): number => {
    if (a.score !== b.score) {
      return b.score - a.score;
    }
    for (const s of steps) {
      const c = s.cmp(a, b);
      if (c !== 0) {
        return c;
      }
    }
    return 0;
  };
  /** The step that separates two entries with the same score. */
  const decidedBy = (a: RankInput, b: RankInput): string | null => steps.find((s) => s.cmp(a, b) !== 0)?.name ?? null;
  const sorted = [...inRanking].sort(compare);
  const ranked = sorted.map((x, i) => {
    const prev = sorted[i - 1];
    const next = sorted[i + 1];
    const against = prev && prev.score === x.score ? prev : next && next.score === x.score ? next : undefined;
    return { id: x.id, protocol: x.protocol, position: i + 1, score: x.score, tieBrokenBy: against ? decidedBy(x, against) : null };
  });
  const excluded = inputs
    .filter((x) => !(x.eligible && x.exclusion === null))
    .map((x) => ({ id: x.id, protocol: x.protocol, reason: x.exclusion ?? `requirement.${x.failed ?? 'unknown'}` }))
    .sort((a, b) => (a.protocol < b.protocol ? -1 : a.protocol > b.protocol ? 1 : 0));
  return { ranked, excluded };
}

/**
 * Where a score would land among the others' (what-if): the position a new entry with this
 * score would take, counting every other entry with a strictly higher score, plus one.
 * Ties are shown as "from" that position (the tie-break may move it down).
 */
export function positionFor(score: number, otherScores: readonly number[]): number {
  return otherScores.filter((s) => s > score).length + 1;
}
