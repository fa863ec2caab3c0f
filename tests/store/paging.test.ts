import { InvalidCursorError } from '../../src/app/ports';
import { decodeCursor, encodeCursor } from '../../src/store/cursor';
import { epochMs, storedInstant } from '../../src/store/instant';
import { pageStart, toPage } from '../../src/store/paging';

// A cursor as released versions handed it to clients: base64url of [sortAt, id]. Clients may still hold one.
const RELEASED_CURSOR = 'WzE3OTYxMTU2MDAwMDAsIjExMzAwMDAwLTAwMDAtNDAwMC04MDAwLTAwMDAwMDAwMDAwMSJd';
const RELEASED_KEY = { sortAt: 1_796_115_600_000, id: '11300000-0000-4000-8000-000000000001' };

describe('page cursors', () => {
  it('keep the released wire format both ways', () => {
    expect(encodeCursor(RELEASED_KEY)).toBe(RELEASED_CURSOR);
    expect(decodeCursor(RELEASED_CURSOR)).toEqual(RELEASED_KEY);
  });
});

describe('pageStart', () => {
  it('starts the first page without a cursor, and after the cursor otherwise', () => {
    expect(pageStart({ limit: 10 })).toBeUndefined();
    expect(pageStart({ limit: 10, cursor: RELEASED_CURSOR })).toEqual(RELEASED_KEY);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses a limit of %s', (limit) => {
    expect(() => pageStart({ limit })).toThrow(new RangeError('Page limit must be a whole number ≥ 1.'));
  });

  it.each(['', 'not-a-cursor', Buffer.from('[1]').toString('base64url')])('refuses the cursor "%s"', (cursor) => {
    expect(() => pageStart({ limit: 1, cursor })).toThrow(InvalidCursorError);
  });
});

describe('toPage', () => {
  const rows = [
    { at: 30, id: 'c' },
    { at: 20, id: 'b' },
    { at: 10, id: 'a' },
  ];
  const decode = (row: { id: string }) => row.id.toUpperCase();
  const keyOf = (_item: string, row: { at: number; id: string }) => ({ sortAt: row.at, id: row.id });

  it('gives the first `limit` rows decoded and a cursor after the last of them when one more was read', () => {
    expect(toPage(rows, 2, decode, keyOf)).toEqual({
      items: ['C', 'B'],
      nextCursor: encodeCursor({ sortAt: 20, id: 'b' }),
    });
  });

  it.each([3, 4])('gives no cursor when no row is left over (limit %s)', (limit) => {
    expect(toPage(rows, limit, decode, keyOf)).toEqual({ items: ['C', 'B', 'A'] });
  });

  it('decodes only the rows it keeps', () => {
    const decoded: string[] = [];
    toPage(
      rows,
      1,
      (row) => {
        decoded.push(row.id);
        return row.id;
      },
      keyOf,
    );
    expect(decoded).toEqual(['c']);
  });

  it('gives an empty page for no rows', () => {
    expect(toPage([], 5, decode, keyOf)).toEqual({ items: [] });
  });
});

describe('stored instants', () => {
  it.each([
    ['2026-11-30T10:00:00+02:00', '2026-11-30T08:00:00.000Z'],
    ['2026-11-30T08:00:00Z', '2026-11-30T08:00:00.000Z'],
    ['2026-11-30T08:00:00.123456Z', '2026-11-30T08:00:00.123Z'],
  ])('stores %s as %s, in UTC with milliseconds', (iso, stored) => {
    expect(storedInstant(iso, 'updatedAt')).toBe(stored);
    expect(epochMs(iso, 'updatedAt')).toBe(Date.parse(stored));
  });

  it('refuses what is not a time, naming the field', () => {
    expect(() => storedInstant('yesterday', 'updatedAt')).toThrow(
      new RangeError('updatedAt must be an ISO 8601 instant, got "yesterday".'),
    );
  });
});
