/**
 * A binary min-heap of (key, value) pairs on typed arrays, with lazy deletion left to the caller:
 * the solvers push an event each time a key may have improved and check an event when it pops.
 * Keys are float64 (the solvers only use integers and halves, which are exact), values int32.
 */
export class EventHeap {
  keys: Float64Array;
  vals: Int32Array;
  size = 0;

  constructor(capacity = 1024) {
    this.keys = new Float64Array(Math.max(16, capacity));
    this.vals = new Int32Array(Math.max(16, capacity));
  }

  clear(): void {
    this.size = 0;
  }

  push(key: number, val: number): void {
    if (this.size === this.keys.length) {
      const keys = new Float64Array(this.keys.length * 2);
      keys.set(this.keys);
      this.keys = keys;
      const vals = new Int32Array(this.vals.length * 2);
      vals.set(this.vals);
      this.vals = vals;
    }
    const keys = this.keys;
    const vals = this.vals;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pk = keys[parent]!;
      if (pk <= key) {
        break;
      }
      keys[i] = pk;
      vals[i] = vals[parent]!;
      i = parent;
    }
    keys[i] = key;
    vals[i] = val;
  }

  /** Key of the smallest entry (Infinity when empty). */
  topKey(): number {
    return this.size === 0 ? Number.POSITIVE_INFINITY : this.keys[0]!;
  }

  topVal(): number {
    return this.vals[0]!;
  }

  /** Removes the smallest entry (read it first with topKey/topVal). */
  pop(): void {
    const keys = this.keys;
    const vals = this.vals;
    const n = --this.size;
    if (n === 0) {
      return;
    }
    const key = keys[n]!;
    const val = vals[n]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) {
        break;
      }
      let ck = keys[c]!;
      if (c + 1 < n) {
        const rk = keys[c + 1]!;
        if (rk < ck) {
          c++;
          ck = rk;
        }
      }
      if (key <= ck) {
        break;
      }
      keys[i] = ck;
      vals[i] = vals[c]!;
      i = c;
    }
    keys[i] = key;
    vals[i] = val;
  }
}
