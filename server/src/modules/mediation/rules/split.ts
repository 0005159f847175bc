// Splitting a common expense among households in integer cents: the shares always add up to the
// amount. Largest remainder: each household gets floor(amount × weight / total weight) and the
// cents left over go one each to the largest remainders, ties to the earlier household, so the
// result is deterministic for a given order.

export interface ShareInput {
  key: string;
  /** A positive weight (1 for an equal split; e.g. the household's size or millesimi). */
  weight: number;
}

export function splitCents(amountCents: number, parts: readonly ShareInput[]): { key: string; cents: number }[] {
  if (!Number.isSafeInteger(amountCents) || amountCents < 0) {
    throw new RangeError('amount must be a non-negative integer of cents');
  }
  if (parts.length === 0) {
    throw new RangeError('at least one share');
  }
  const weights = parts.map((p) => {
    if (!Number.isSafeInteger(p.weight) || p.weight <= 0) {
      throw new RangeError('weights must be positive integers');
    }
    return BigInt(p.weight);
  });
  const total = weights.reduce((a, b) => a + b, 0n);
  const amount = BigInt(amountCents);
  const base = weights.map((w) => (amount * w) / total);
  const remainders = weights.map((w, i) => ({ i, r: (amount * w) % total }));
  let left = Number(amount - base.reduce((a, b) => a + b, 0n));
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  const extra = new Array<number>(parts.length).fill(0);
  for (const { i } of remainders) {
    if (left === 0) {
      break;
    }
    extra[i] = 1;
    left -= 1;
  }
  return parts.map((p, i) => ({ key: p.key, cents: Number(base[i] as bigint) + (extra[i] as number) }));
}
