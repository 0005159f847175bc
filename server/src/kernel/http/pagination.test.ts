import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from './errors.js';
import { decodeCursor, encodeCursor, toPage } from './pagination.js';

describe('cursors', () => {
  it('round-trip any keyset', () => {
    fc.assert(
      fc.property(fc.string(), fc.uuid(), (v, id) => {
        expect(decodeCursor(encodeCursor({ v, id }))).toEqual({ v, id });
      }),
    );
  });

  it('refuse garbage with a 400 AppError on the cursor field', () => {
    for (const bad of ['x', encodeCursor({ v: 'a', id: 'not-a-uuid' }), Buffer.from('[]').toString('base64url')]) {
      expect(() => decodeCursor(bad)).toThrow(AppError);
    }
  });

  it('toPage uses the extra row only to say there is a next page', () => {
    const rows = [1, 2, 3].map((n) => ({ id: `00000000-0000-4000-8000-00000000000${n}`, n }));
    const page = toPage(
      rows,
      2,
      (r) => String(r.n),
      (r) => r.n,
    );
    expect(page.items).toEqual([1, 2]);
    expect(decodeCursor(page.nextCursor ?? undefined)).toEqual({ v: '2', id: rows[1]?.id });
    expect(
      toPage(
        rows,
        3,
        (r) => String(r.n),
        (r) => r.n,
      ).nextCursor,
    ).toBeNull();
  });
});
