export { romeDay } from '../../kernel/time.js';

/** True when two [from, to) periods share a day; `to` null means open-ended. */
export function overlaps(a: { from: string; to: string | null }, b: { from: string; to: string | null }): boolean {
  return (a.to === null || b.from < a.to) && (b.to === null || a.from < b.to);
}
