// Integer-cent arithmetic for rent rules. Every division rounds in one stated way.

/** n / d rounded to the nearest integer, halves away from zero (d > 0). */
export function divRound(n: number, d: number): number {
  if (d <= 0 || !Number.isInteger(n) || !Number.isInteger(d)) {
    throw new RangeError(`divRound needs integers and d > 0 (got ${n}/${d})`);
  }
  const q = Math.floor(Math.abs(n) / d);
  const r = Math.abs(n) - q * d;
  const rounded = 2 * r >= d ? q + 1 : q;
  return n < 0 ? -rounded : rounded;
}

/** `cents × bp / 10000` (bp = basis points: 700 = 7%), rounded to the cent, halves up. */
export function percentOf(cents: number, bp: number): number {
  return divRound(cents * bp, 10_000);
}

/**
 * Spreads a yearly amount over 12 monthly instalments that add up to it exactly: each month gets
 * floor(annual / 12) and the first (annual mod 12) months one cent more. No cent is lost in a year.
 */
export function monthlyInstalments(annualCents: number): number[] {
  const base = Math.floor(annualCents / 12);
  const extra = annualCents - base * 12;
  return Array.from({ length: 12 }, (_, i) => base + (i < extra ? 1 : 0));
}

/** The instalment of a calendar month (1–12) of a yearly amount. */
export function instalmentOf(annualCents: number, month: number): number {
  return monthlyInstalments(annualCents)[month - 1] as number;
}

/** Formats cents as euros for explanations, e.g. 123456 → "1.234,56 €" (it) or "€1,234.56" (en). */
export function formatEuro(cents: number, lang: 'it' | 'en'): string {
  return new Intl.NumberFormat(lang === 'it' ? 'it-IT' : 'en-GB', { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

/** Basis points as a percentage, e.g. 1250 → "12,5%" (it) or "12.5%" (en). */
export function formatPercent(bp: number, lang: 'it' | 'en'): string {
  return `${new Intl.NumberFormat(lang === 'it' ? 'it-IT' : 'en-GB', { maximumFractionDigits: 2 }).format(bp / 100)}%`;
}
