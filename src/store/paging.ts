import type { Page } from '../app/ports';
import { decodeCursor, encodeCursor, type CursorKey } from './cursor';

/** A page request as the ports take it. */
interface PageRequest {
  readonly limit: number;
  readonly cursor?: string;
}

/** Checks a page request; the position its page starts after, or undefined for the first page. */
export function pageStart(page: PageRequest): CursorKey | undefined {
  if (!Number.isInteger(page.limit) || page.limit < 1) throw new RangeError('Page limit must be a whole number ≥ 1.');
  return page.cursor === undefined ? undefined : decodeCursor(page.cursor);
}

/**
 * Makes a page from rows read in page order, at most `limit + 1` of them (one more tells there is a next page): the
 * first `limit` decoded, and a cursor after the last of them when there is more.
 */
export function toPage<R, T>(
  rows: readonly R[],
  limit: number,
  decode: (row: R) => T,
  keyOf: (item: T, row: R) => CursorKey,
): Page<T> {
  const kept = rows.slice(0, limit);
  const items = kept.map(decode);
  const last = items.length > 0 ? items.length - 1 : undefined;
  if (rows.length <= limit || last === undefined) return { items };
  return { items, nextCursor: encodeCursor(keyOf(items[last]!, kept[last]!)) };
}
