import { randomUUID } from 'node:crypto';
import type { HistoryList, HistorySearch, CarriedForward } from '../../src/contract';
import type { IntroView, NotesView } from '../../src/contract';
import type { TenantId, UserId } from '../../src/domain/ids';
import { openSqliteStore } from '../../src/store/sqlite/openSqliteStore';
import { FOREIGN, LEADER, MEMBER, OUTSIDER, startTestApp, type TestApp, type TestUser } from '../support/testApp';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.stop();
});

const SECRET = 'Quarterly-zebra plan';

/** Sets up an intro in a new meeting led by LEADER and joined by MEMBER, with the leader's notes. */
async function seedIntro(goal: string): Promise<IntroView> {
  const meeting = `history-${randomUUID()}`;
  const created = await app.api(LEADER, `/api/v1/meetings/${meeting}/intro`, { body: {} });
  expect(created.status).toBe(201);
  await app.api(MEMBER, `/api/v1/meetings/${meeting}/intro`, { body: {} });
  const view = (await created.json()) as IntroView;
  const notes = await app.api(LEADER, `/api/v1/intros/${view.intro.id}/notes`, {
    method: 'PUT',
    headers: { 'if-match': '"0"' },
    body: {
      text: { prep: '', goals: `${SECRET}: ${goal}`, pullFeedback: '', pushFeedback: '' },
      goals: [{ id: 'g1', text: goal, horizon: 'short' }],
      issues: [],
      feedback: [],
      followUps: [{ id: 'f1', text: `=cmd|' /C calc'!A0 ${goal}`, owner: 'leader', done: false }],
    },
  });
  expect(notes.status).toBe(200);
  return view;
}

async function json<T>(user: TestUser, route: string): Promise<T> {
  const res = await app.api(user, route);
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

describe('history API', () => {
  test('lists, searches, exports and carries forward the caller’s own data', async () => {
    const first = await seedIntro('Ship the onboarding guide');
    const second = await seedIntro('Run a retro');
    const list = await json<HistoryList>(LEADER, '/api/v1/history?limit=1');
    expect(list.items[0]?.intro.id).toBe(second.intro.id);
    expect(list.items[0]).toMatchObject({
      role: 'leader',
      with: { name: MEMBER.name },
      followUps: { open: 1, done: 0 },
    });
    expect(list.nextCursor).toEqual(expect.any(String));

    const found = await json<HistorySearch>(LEADER, '/api/v1/history/search?q=onboarding');
    expect(found.items.map((item) => item.intro.id)).toEqual([first.intro.id]);
    expect(found.items[0]?.snippets[0]?.text).toContain('Ship the onboarding guide');
    // The member took part, but the leader's notes are not theirs to search.
    expect((await json<HistorySearch>(MEMBER, '/api/v1/history/search?q=zebra')).items).toEqual([]);

    const md = await app.api(LEADER, '/api/v1/export.md');
    expect(md.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(md.headers.get('content-disposition')).toMatch(/^attachment; filename="intro-1on1-\d{4}-\d{2}-\d{2}\.md"$/);
    expect(await md.text()).toContain('- (short term) Ship the onboarding guide');
    const csv = await app.api(LEADER, '/api/v1/export.csv');
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename=".*\.csv"$/);
    const csvText = await csv.text();
    expect(csvText).toContain(`"'=cmd|' /C calc'!A0 Run a retro"`);
    expect(csvText).not.toMatch(/(^|,)=cmd/m);

    const carried = await json<CarriedForward>(LEADER, `/api/v1/people/${MEMBER.oid}/carried-forward`);
    expect(carried.goals.map((goal) => goal.text)).toEqual(['Run a retro']);
    expect(carried.openFollowUps).toHaveLength(2);
    const excluding = await json<CarriedForward>(
      LEADER,
      `/api/v1/people/${MEMBER.oid}/carried-forward?exclude=${second.intro.id}`,
    );
    expect(excluding.goals.map((goal) => goal.text)).toEqual(['Ship the onboarding guide']);
    expect(await json<CarriedForward>(MEMBER, `/api/v1/people/${LEADER.oid}/carried-forward`)).toEqual({
      goals: [],
      openFollowUps: [],
    });
  });

  test.each([
    ['an outsider in the same tenant', OUTSIDER],
    ['the same object id in another tenant', FOREIGN],
  ])('%s sees nothing and deletes nothing', async (_label, stranger) => {
    const view = await seedIntro('Learn the domain');
    const id = view.intro.id;
    expect((await json<HistoryList>(stranger, '/api/v1/history')).items).toEqual([]);
    expect(
      (await json<HistorySearch>(stranger, `/api/v1/history/search?q=${encodeURIComponent(SECRET)}`)).items,
    ).toEqual([]);
    expect((await json<HistorySearch>(stranger, '/api/v1/history/search?followUps=open')).items).toEqual([]);
    for (const format of ['md', 'csv']) {
      const text = await (await app.api(stranger, `/api/v1/export.${format}`)).text();
      expect(text).not.toContain(id);
      expect(text).not.toContain(SECRET);
    }
    const carried = await json<CarriedForward>(stranger, `/api/v1/people/${MEMBER.oid}/carried-forward`);
    expect(carried).toEqual({ goals: [], openFollowUps: [] });
    expect((await app.api(stranger, `/api/v1/intros/${id}/notes`, { method: 'DELETE' })).status).toBe(404);
    expect((await app.api(stranger, '/api/v1/me/data', { method: 'DELETE' })).status).toBe(204);
    const notes = (await json<NotesView>(LEADER, `/api/v1/intros/${id}/notes`)) as NotesView;
    expect(notes.goals.map((goal) => goal.text)).toEqual(['Learn the domain']);
  });

  test('answers 401 without a token and 400 for a bad query', async () => {
    for (const route of ['/api/v1/history', '/api/v1/history/search?q=x', '/api/v1/export.md', '/api/v1/export.csv']) {
      expect((await fetch(`${app.baseUrl}${route}`)).status).toBe(401);
    }
    expect((await fetch(`${app.baseUrl}/api/v1/me/data`, { method: 'DELETE' })).status).toBe(401);
    expect((await app.api(LEADER, '/api/v1/history/search?followUps=maybe')).status).toBe(400);
    expect((await app.api(LEADER, '/api/v1/history?cursor=nonsense')).status).toBe(400);
    expect((await app.api(LEADER, '/api/v1/people/not-a-guid/carried-forward')).status).toBe(400);
  });

  test('deleting one intro’s notes and then all data removes the rows from the store', async () => {
    const member: TestUser = { oid: randomUUID(), tid: LEADER.tid, name: 'Dee Deleter' };
    const meeting = `history-${randomUUID()}`;
    const view = (await (await app.api(member, `/api/v1/meetings/${meeting}/intro`, { body: {} })).json()) as IntroView;
    await app.api(MEMBER, `/api/v1/meetings/${meeting}/intro`, { body: {} });
    const put = (user: TestUser) =>
      app.api(user, `/api/v1/intros/${view.intro.id}/notes`, {
        method: 'PUT',
        headers: { 'if-match': '"0"' },
        body: {
          text: { prep: 'p', goals: '', pullFeedback: '', pushFeedback: '' },
          goals: [],
          issues: [],
          feedback: [],
          followUps: [],
        },
      });
    expect((await put(member)).status).toBe(200);
    expect((await put(MEMBER)).status).toBe(200);
    const tenantId = member.tid as TenantId;
    const userId = member.oid as UserId;
    const store = openSqliteStore(app.dataDir); // a second connection to the same file (WAL)
    try {
      await store.conversations.save(tenantId, userId, { conversation: { id: 'a:1' } });
      expect((await app.api(member, `/api/v1/intros/${view.intro.id}/notes`, { method: 'DELETE' })).status).toBe(204);
      const key = { tenantId, introId: view.intro.id, authorId: userId };
      expect(await store.notes.get(key)).toBeUndefined();
      expect(await store.intros.get(tenantId, view.intro.id)).toBeDefined();

      expect((await put(member)).status).toBe(200);
      expect((await app.api(member, '/api/v1/me/data', { method: 'DELETE' })).status).toBe(204);
      expect(await store.notes.listByAuthor(tenantId, userId)).toEqual([]);
      // Changed with the privacy fix: the member wrote notes, so the intro stays for them, without its leader,
      // and their notes stay (they used to be deleted along with the leader's intro).
      expect((await store.intros.get(tenantId, view.intro.id))?.leader.name).toBe('(deleted user)');
      expect(await store.notes.get({ ...key, authorId: MEMBER.oid as UserId })).toBeDefined();
      expect((await app.api(MEMBER, `/api/v1/intros/${view.intro.id}/notes`)).status).toBe(200);
      expect(await store.conversations.get(tenantId, userId)).toBeUndefined();
      expect((await app.api(member, `/api/v1/intros/${view.intro.id}`)).status).toBe(404);
    } finally {
      await store.close();
    }
  });
});
