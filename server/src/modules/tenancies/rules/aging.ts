// Aged arrears: how old the unpaid part of a debt is. Credits (payments, write-offs, credit
// adjustments) pay the oldest debits first (FIFO); what stays unpaid is bucketed by age in days.

export const AGE_BUCKETS = ['d0_30', 'd31_90', 'd91_180', 'd181_plus'] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number];
export type Aged = Record<AgeBucket, number>;

const days = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

export function bucketOf(ageDays: number): AgeBucket {
  return ageDays <= 30 ? 'd0_30' : ageDays <= 90 ? 'd31_90' : ageDays <= 180 ? 'd91_180' : 'd181_plus';
}

export const emptyAged = (): Aged => ({ d0_30: 0, d31_90: 0, d91_180: 0, d181_plus: 0 });

/** The unpaid debits on `today` by age; the buckets add up to the balance when it is positive, else 0. */
export function ageDebt(rows: readonly { entryDate: string; amountCents: number }[], today: string): Aged {
  const dated = rows.filter((r) => r.entryDate <= today);
  let credit = dated.reduce((s, r) => s + (r.amountCents < 0 ? -r.amountCents : 0), 0);
  const debits = dated.filter((r) => r.amountCents > 0).sort((a, b) => (a.entryDate < b.entryDate ? -1 : a.entryDate > b.entryDate ? 1 : 0));
  const aged = emptyAged();
  for (const d of debits) {
    const paid = Math.min(credit, d.amountCents);
    credit -= paid;
    const unpaid = d.amountCents - paid;
    if (unpaid > 0) {
      aged[bucketOf(days(d.entryDate, today))] += unpaid;
    }
  }
  return aged;
}
