import type { HistoryItem } from '../../../src/contract';
import type { IntroId, TenantId, UserId } from '../../../src/domain/ids';
import { ApiError, createApiClient } from '../../../tab/src/shared/api/client';
import { filenameFrom, searchQueryString } from '../../../tab/src/shared/api/query';
import {
  appendPage,
  durationText,
  followUpText,
  groupByPerson,
  peopleIn,
  updateItem,
} from '../../../tab/src/history/group';

function item(
  id: string,
  day: number,
  who?: { id: string; name: string },
  extra: Partial<HistoryItem> = {},
): HistoryItem {
  return {
    intro: {
      id: id as IntroId,
      tenantId: 't' as TenantId,
      leader: { id: 'me' as UserId, name: 'Me' },
      ...(who ? { member: { id: who.id as UserId, name: who.name } } : {}),
      durationMinutes: 45,
      setting: 'teamsCall',
      status: 'done',
      createdAt: `2025-05-${String(day).padStart(2, '0')}T10:00:00.000Z`,
    },
    role: 'leader',
    status: 'done',
    ...(who ? { with: { id: who.id as UserId, name: who.name } } : {}),
    followUps: { open: 0, done: 0 },
    hasNotes: false,
    ...extra,
  };
}
// tab/src/shared/api/client.ts names the DOM's RequestInfo; the server tsconfig has no DOM lib.
declare global {
  type RequestInfo = Request | string;
}

const SAM = { id: 's', name: 'Sam' };
const KIM = { id: 'k', name: 'Kim' };

describe('history list helpers', () => {
  test('groups by person, groups by their newest intro, intros newest first', () => {
    const groups = groupByPerson([item('a', 1, SAM), item('b', 9, KIM), item('c', 5, SAM), item('d', 3)]);
    expect(groups.map((g) => [g.name, g.items.map((i) => i.intro.id)])).toEqual([
      ['Kim', ['b']],
      ['Sam', ['c', 'a']],
      ['Not joined yet', ['d']],
    ]);
  });
  test('appending a page drops intros already loaded', () => {
    expect(appendPage([item('a', 2), item('b', 1)], [item('b', 1), item('c', 1)]).map((i) => i.intro.id)).toEqual([
      'a',
      'b',
      'c',
    ]);
  });
  test('people and labels', () => {
    expect(peopleIn([item('a', 1, SAM), item('b', 1, KIM), item('c', 1, SAM)])).toEqual([KIM, SAM]);
    expect(durationText(item('a', 1))).toBe('45:00 planned');
    expect(durationText(item('a', 1, SAM, { spentMs: 636_000 }))).toBe('45:00 planned · 10:36 spent');
    expect(durationText(item('a', 1, SAM, { spentMs: 0 }))).toBe('45:00 planned · 0:00 spent');
    expect(followUpText(item('a', 1))).toBeUndefined();
    expect(followUpText(item('a', 1, SAM, { followUps: { open: 1, done: 0 } }))).toBe('1 open, 0 done follow-up');
    expect(followUpText(item('a', 1, SAM, { followUps: { open: 1, done: 2 } }))).toBe('1 open, 2 done follow-ups');
  });
});

test('an entry is updated in place, the others untouched', () => {
  const items = [item('a', 2, SAM), item('b', 1, SAM, { followUps: { open: 1, done: 0 } })];
  const next = updateItem(items, 'b', (entry) => ({ ...entry, followUps: { open: 0, done: 1 } }));
  expect(next.map((entry) => followUpText(entry))).toEqual([undefined, '0 open, 1 done follow-up']);
  expect(next[0]).toBe(items[0]);
  expect(items[1]?.followUps).toEqual({ open: 1, done: 0 });
});

describe('history api client', () => {
  test('builds search queries and reads attachment names', () => {
    expect(searchQueryString({ q: '  tech lead ', followUps: 'open' })).toBe('q=tech+lead&followUps=open');
    expect(searchQueryString({ q: ' ' })).toBe('');
    expect(filenameFrom('attachment; filename="intro-1on1-2025-06-01.csv"', 'x')).toBe('intro-1on1-2025-06-01.csv');
    expect(filenameFrom(null, 'fallback.md')).toBe('fallback.md');
  });

  test('sends the bearer token and If-Match, returns the newer copy on 412, maps errors', async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    const answers: Response[] = [
      new Response(JSON.stringify({ error: { code: 'versionConflict', message: 'x' }, current: { version: 7 } }), {
        status: 412,
      }),
      new Response(JSON.stringify({ error: { code: 'notFound', message: 'No intro 1:1 with that id.' } }), {
        status: 404,
      }),
      new Response(null, { status: 204 }),
    ];
    const api = createApiClient({
      getToken: async () => 'tok',
      fetch: async (input, init) => {
        calls.push({ url: String(input), init: init ?? {} });
        return answers.shift()!;
      },
    });
    const body = {
      text: { prep: '', goals: '', pullFeedback: '', pushFeedback: '' },
      goals: [],
      issues: [],
      feedback: [],
      followUps: [],
    };
    expect(await api.saveNotes('i1', body, 3)).toEqual({ ok: false, current: { version: 7 } });
    expect(calls[0]?.init.method).toBe('PUT');
    expect(calls[0]?.init.headers).toMatchObject({ Authorization: 'Bearer tok', 'If-Match': '"3"' });
    await expect(api.getIntro('i1')).rejects.toEqual(new ApiError(404, 'notFound', 'No intro 1:1 with that id.'));
    await api.deleteMyData();
    expect(calls.map((c) => `${c.init.method} ${c.url}`)).toEqual([
      'PUT /api/v1/intros/i1/notes',
      'GET /api/v1/intros/i1',
      'DELETE /api/v1/me/data',
    ]);
  });

  test('an unreachable server becomes an "offline" ApiError', async () => {
    const api = createApiClient({
      getToken: async () => 'tok',
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
    });
    await expect(api.listHistory()).rejects.toMatchObject({ status: 0, code: 'offline' });
  });
});
