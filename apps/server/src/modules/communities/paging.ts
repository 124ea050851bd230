import { decodeNameCursor, encodeCursor } from '../../platform/cursor.ts';
import type { CreatedAfter } from './community.repository.ts';

/** Reads the cursor of a newest-first list (requests, invitations); `bad_request` for anything else. */
export function createdAfter(cursor: string | undefined): CreatedAfter | undefined {
  // Creation times are ISO text, so the text-valued cursor of the shared helper fits them.
  const d = decodeNameCursor(cursor);
  return d && { createdAt: d.name, id: d.id };
}

/** One page from rows fetched with one extra row: the mapped items and the next page's cursor. */
export function newestFirstPage<R extends { created_at: string; id: string }, T>(
  rows: R[],
  limit: number,
  map: (row: R) => T,
): { items: T[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(map),
    nextCursor: rows.length > limit && last ? encodeCursor(last.created_at, last.id) : null,
  };
}
