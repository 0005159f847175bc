/** A small seeded PRNG (mulberry32): demo data is the same on every machine. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T,
    chance: (p: number) => next() < p,
    /** Picks by weight; `none` is the weight of picking nothing (undefined). */
    weighted: <T>(items: readonly (readonly [T, number])[], none = 0): T | undefined => {
      const total = items.reduce((s, [, w]) => s + w, 0) + none;
      let x = next() * total;
      for (const [item, w] of items) {
        x -= w;
        if (x < 0) {
          return item;
        }
      }
      return undefined;
    },
  };
}
export type Rng = ReturnType<typeof rng>;

/** A deterministic UUID (v4 layout) from the PRNG. */
export function uuid(r: Rng): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(r.next() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((Number.parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
