import { AppError } from './errors.ts';

/** An opaque keyset-paging cursor: the sort value and the id of the last row of a page. */
export const encodeCursor = (value: string | number, id: string): string =>
  Buffer.from(JSON.stringify([value, id])).toString('base64url');

/** Reads a cursor made by `encodeCursor`; `bad_request` for anything else. */
export function decodeCursor(c: string | undefined): { value: string | number; id: string } | undefined {
  if (!c) return undefined;
  try {
    const [value, id] = JSON.parse(Buffer.from(c, 'base64url').toString('utf8')) as unknown[];
    if ((typeof value === 'string' || typeof value === 'number') && typeof id === 'string')
      return { value, id };
  } catch {
    // fall through
  }
  throw new AppError('bad_request', 'The cursor is not valid');
}

/** As `decodeCursor`, for lists sorted by a text column (names). */
export function decodeNameCursor(c: string | undefined): { name: string; id: string } | undefined {
  const d = decodeCursor(c);
  if (!d) return undefined;
  if (typeof d.value !== 'string') throw new AppError('bad_request', 'The cursor is not valid');
  return { name: d.value, id: d.id };
}
