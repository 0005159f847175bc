// Early warning on rent arrears: a score 0–100 per tenancy from months in arrears, the trend of the
// debt, days without payments and a recent income drop. Every point comes with its reason.
import type { ExplanationLine } from './rent.js';

export interface ArrearsThresholds {
  /** Points per month of rent owed, up to `maxMonthPoints`. */
  pointsPerMonth: number;
  maxMonthPoints: number;
  /** Months over which the trend is read. */
  trendWindowMonths: number;
  /** Points when the debt grew by at least one month of rent over the window (half if it grew less). */
  trendPoints: number;
  noPaymentDays: number;
  noPaymentPoints: number;
  /** An income drop of at least this much (bp of the previous income) adds `incomeDropPoints`. */
  incomeDropBp: number;
  incomeDropPoints: number;
  /** Points per missed instalment of a payment plan, up to `maxPlanPoints`. */
  missedInstalmentPoints: number;
  maxPlanPoints: number;
  /** Levels by score. */
  watch: number;
  alert: number;
  critical: number;
}

export const DEFAULT_ARREARS_THRESHOLDS: ArrearsThresholds = {
  pointsPerMonth: 15,
  maxMonthPoints: 60,
  trendWindowMonths: 3,
  trendPoints: 20,
  noPaymentDays: 60,
  noPaymentPoints: 15,
  incomeDropBp: 2_500,
  incomeDropPoints: 15,
  missedInstalmentPoints: 10,
  maxPlanPoints: 20,
  watch: 15,
  alert: 40,
  critical: 70,
};

export interface ArrearsInput {
  today: string;
  balanceCents: number;
  /** The balance `trendWindowMonths` months ago. */
  balanceWindowAgoCents: number;
  /** What the tenant is charged in a month (rent + service charges). */
  monthlyDueCents: number;
  lastPaymentDate: string | null;
  tenancyStart: string;
  /** Latest declared yearly income and the one before, when known. */
  incomeCents: number | null;
  previousIncomeCents: number | null;
  /** Missed instalments of the tenancy's payment plans (0 when none). */
  missedInstalments?: number;
}

export type ArrearsLevel = 'none' | 'watch' | 'alert' | 'critical';

export interface ArrearsAssessment {
  score: number;
  level: ArrearsLevel;
  /** Months of rent owed, one decimal. */
  monthsInArrears: number;
  trendCents: number;
  lines: ExplanationLine[];
}

const days = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

export function assessArrears(i: ArrearsInput, t: ArrearsThresholds = DEFAULT_ARREARS_THRESHOLDS): ArrearsAssessment {
  const lines: ExplanationLine[] = [];
  let score = 0;
  const owed = Math.max(0, i.balanceCents);
  const due = Math.max(1, i.monthlyDueCents);
  const months = owed / due;
  const monthsInArrears = Math.floor(months * 10) / 10;
  if (owed > 0) {
    const points = Math.min(t.maxMonthPoints, Math.round(months * t.pointsPerMonth));
    score += points;
    lines.push({ code: 'arrears_months', values: { balance: owed, months: monthsInArrears, points }, amountCents: owed });
  }
  const trendCents = i.balanceCents - i.balanceWindowAgoCents;
  if (owed > 0 && trendCents > 0) {
    const points = trendCents >= due ? t.trendPoints : Math.floor(t.trendPoints / 2);
    score += points;
    lines.push({ code: 'arrears_trend', values: { growth: trendCents, window: t.trendWindowMonths, points }, amountCents: trendCents });
  }
  if (owed > 0) {
    if (i.lastPaymentDate === null) {
      if (days(i.tenancyStart, i.today) > t.noPaymentDays) {
        score += t.noPaymentPoints;
        lines.push({ code: 'arrears_never_paid', values: { points: t.noPaymentPoints } });
      }
    } else {
      const since = days(i.lastPaymentDate, i.today);
      if (since > t.noPaymentDays) {
        score += t.noPaymentPoints;
        lines.push({ code: 'arrears_no_payment', values: { days: since, points: t.noPaymentPoints } });
      }
    }
  }
  if (i.incomeCents !== null && i.previousIncomeCents !== null && i.previousIncomeCents > 0 && i.incomeCents < i.previousIncomeCents) {
    const dropBp = Math.round(((i.previousIncomeCents - i.incomeCents) * 10_000) / i.previousIncomeCents);
    if (dropBp >= t.incomeDropBp) {
      score += t.incomeDropPoints;
      lines.push({ code: 'arrears_income_drop', values: { dropBp, points: t.incomeDropPoints } });
    }
  }
  if ((i.missedInstalments ?? 0) > 0) {
    const points = Math.min(t.maxPlanPoints, (i.missedInstalments ?? 0) * t.missedInstalmentPoints);
    score += points;
    lines.push({ code: 'arrears_plan_missed', values: { missed: i.missedInstalments ?? 0, points } });
  }
  score = Math.min(100, score);
  if (lines.length === 0) {
    lines.push({ code: 'arrears_none', values: {} });
  }
  const level: ArrearsLevel = score >= t.critical ? 'critical' : score >= t.alert ? 'alert' : score >= t.watch ? 'watch' : 'none';
  return { score, level, monthsInArrears, trendCents, lines };
}
