import { z } from 'zod';
import { AppError } from './errors.js';

/** Query parameters every list endpoint accepts. */
export const PageQuery = z.object({
  cursor: z.string().max(500).optional().describe('Opaque cursor from the previous page (`nextCursor`)'),
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('Page size, 1–200'),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last page'),
  });
}

/** A keyset position: the sort value and the id of the last row of a page. */
export interface Keyset {
  v: string;
  id: string;
}

export function encodeCursor(k: Keyset): string {
  return Buffer.from(JSON.stringify(k)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): Keyset | undefined {
  if (cursor === undefined) {
    return undefined;
  }
  try {
    const parsed = z.object({ v: z.string(), id: z.uuid() }).parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return parsed;
  } catch {
    throw new AppError(400, 'pagination.bad_cursor', [{ field: 'cursor', in: 'query', code: 'pagination.bad_cursor' }]);
  }
}

/**
 * Turns `limit + 1` fetched rows into a page: the extra row only says there is a next page.
 * `key` gives the sort value of a row as a string.
 */
export function toPage<R extends { id: string }, O>(
  rows: R[],
  limit: number,
  key: (row: R) => string,
  present: (row: R) => O,
): { items: O[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(present),
    nextCursor: rows.length > limit && last ? encodeCursor({ v: key(last), id: last.id }) : null,
  };
}
