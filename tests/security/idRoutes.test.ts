import { NIL_GUID } from '../../src/domain/ids';
import { FOREIGN, LEADER, MEMBER, OUTSIDER, startTestApp, type TestApp, type TestUser } from '../support/testApp';
import { firstEvent } from '../support/sessionEvents';
import { countCases } from './support/cases';

/**
 * Every route that takes an id, in local mode: the other participant never reads or changes the first one's notes,
 * and a same-tenant outsider or another tenant (same object id as the leader) learns no names and no notes.
 */
const cases = countCases('ids');
const MEETING = 'MCMxOTptZWV0aW5nX2lkcm91dGVzQHRocmVhZC52MiMw';
const LONE_MEETING = 'MCMxOTptZWV0aW5nX2xvbmVAdGhyZWFkLnYyIzA=';
const MARK = { [LEADER.oid]: 'LEADERNOTE-7f3a9c', [MEMBER.oid]: 'MEMBERNOTE-91c2e4' } as Record<string, string>;
const SECRETS = [LEADER.name, MEMBER.name, ...Object.values(MARK)];

/** Notes with the author's marker in every field an author writes. */
function notesOf(user: TestUser) {
  const mark = MARK[user.oid]!;
  return {
    text: { prep: `${mark} prep`, goals: `${mark} goals`, pullFeedback: `${mark} pull`, pushFeedback: `${mark} push` },
    goals: [{ id: 'g1', text: `${mark} goal`, horizon: 'short' }],
    issues: [{ id: 'i1', text: `${mark} issue`, paraphrased: true }],
    feedback: [{ id: 'f1', text: `${mark} feedback`, kind: 'celebratory' }],
    followUps: [{ id: 'u1', text: `${mark} follow-up`, owner: 'leader', done: false }],
  };
}

interface Req {
  readonly path: string;
  readonly method?: string;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

let app: TestApp;
let introId: string;
/** Each participant's notes as they read them, kept current when they change their own. */
const snapshot = new Map<string, string>();

async function send(user: TestUser, req: Req): Promise<{ status: number; text: string }> {
  const response = await app.api(user, req.path, req);
  // A session stream does not end by itself: its first event is what it shows this caller.
  if (response.headers.get('content-type')?.startsWith('text/event-stream')) {
    return { status: response.status, text: (await firstEvent(response)).data };
  }
  return { status: response.status, text: await response.text() };
}
const notesPath = () => `/api/v1/intros/${introId}/notes`;
const versionOf = async (user: TestUser) =>
  String(((await (await app.api(user, notesPath())).json()) as { version: number }).version);
async function putOwnNotes(user: TestUser): Promise<number> {
  const ifMatch = `"${await versionOf(user)}"`;
  return (await send(user, { path: notesPath(), method: 'PUT', body: notesOf(user), headers: { 'if-match': ifMatch } }))
    .status;
}
async function refresh(user: TestUser): Promise<void> {
  snapshot.set(user.oid, (await send(user, { path: notesPath() })).text);
}

beforeAll(async () => {
  app = await startTestApp();
  const created = await app.api(LEADER, `/api/v1/meetings/${MEETING}/intro`, { body: {} });
  expect(created.status).toBe(201);
  introId = ((await created.json()) as { intro: { id: string } }).intro.id;
  expect((await app.api(MEMBER, `/api/v1/meetings/${MEETING}/intro`, { body: {} })).status).toBe(200);
  expect((await app.api(LEADER, `/api/v1/meetings/${LONE_MEETING}/intro`, { body: {} })).status).toBe(201);
  for (const user of [LEADER, MEMBER]) {
    expect(await putOwnNotes(user)).toBe(200);
    await refresh(user);
    expect(snapshot.get(user.oid)).toContain(MARK[user.oid]);
  }
});
afterAll(async () => {
  await app?.stop();
});

describe('the other participant', () => {
  type Probe = readonly [string, (self: TestUser, other: TestUser) => Req, number];
  const PROBES: readonly Probe[] = [
    ['reads the intro', () => ({ path: `/api/v1/intros/${introId}` }), 200],
    ['reads the session', () => ({ path: `/api/v1/intros/${introId}/session` }), 200],
    ['streams the session', () => ({ path: `/api/v1/intros/${introId}/session/events` }), 200],
    ['reads notes and gets only their own', () => ({ path: notesPath() }), 200],
    ['reads the meeting intro', () => ({ path: `/api/v1/meetings/${MEETING}/intro` }), 200],
    ['lists intros', () => ({ path: '/api/v1/intros' }), 200],
    ['lists history', () => ({ path: '/api/v1/history' }), 200],
    ['searches for the other one’s marker', (_s, o) => ({ path: `/api/v1/history/search?q=${MARK[o.oid]}` }), 200],
    ['searches by the other person', (_s, o) => ({ path: `/api/v1/history/search?person=${o.oid}` }), 200],
    ['exports Markdown', () => ({ path: '/api/v1/export.md' }), 200],
    ['exports CSV', () => ({ path: '/api/v1/export.csv' }), 200],
    ['asks what carries forward with the other', (_s, o) => ({ path: `/api/v1/people/${o.oid}/carried-forward` }), 200],
    ['asks what carries forward with themself', (s) => ({ path: `/api/v1/people/${s.oid}/carried-forward` }), 200],
  ];
  const PAIRS = [
    ['member', MEMBER, LEADER],
    ['leader', LEADER, MEMBER],
  ] as const;

  it.each(PAIRS.flatMap(([role, self, other]) => PROBES.map((p) => [role, p[0], self, other, p] as const)))(
    'the %s %s: never the other one’s notes',
    async (_role, _name, self, other, [, request, status]) => {
      const answer = await send(self, request(self, other));
      expect(answer.status).toBe(status);
      expect(answer.text).not.toContain(MARK[other.oid]);
      expect((await send(other, { path: notesPath() })).text).toBe(snapshot.get(other.oid));
      cases.bump();
    },
  );

  it.each(PAIRS)('the %s writes notes: only their own change', async (_role, self, other) => {
    const answer = await send(self, {
      path: notesPath(),
      method: 'PUT',
      body: notesOf(self),
      headers: { 'if-match': `"${await versionOf(self)}"` },
    });
    expect(answer.status).toBe(200);
    expect(answer.text).toContain(MARK[self.oid]);
    expect(answer.text).not.toContain(MARK[other.oid]);
    expect((await send(other, { path: notesPath() })).text).toBe(snapshot.get(other.oid));
    await refresh(self);
    cases.bump();
  });

  it.each(PAIRS)('the %s writes over a stale version: the conflict shows only their own', async (_r, self, other) => {
    const answer = await send(self, {
      path: notesPath(),
      method: 'PUT',
      body: notesOf(self),
      headers: { 'if-match': '"0"' },
    });
    expect(answer.status).toBe(412);
    expect(answer.text).not.toContain(MARK[other.oid]);
    expect((await send(other, { path: notesPath() })).text).toBe(snapshot.get(other.oid));
    cases.bump();
  });

  it.each(PAIRS)('the %s deletes notes: only their own go', async (_role, self, other) => {
    expect((await send(self, { path: notesPath(), method: 'DELETE' })).status).toBe(204);
    expect((await send(self, { path: notesPath() })).text).not.toContain(MARK[self.oid]);
    expect((await send(other, { path: notesPath() })).text).toBe(snapshot.get(other.oid));
    expect(await putOwnNotes(self)).toBe(200);
    await refresh(self);
    cases.bump();
  });
});

describe('a same-tenant outsider and another tenant', () => {
  const DENIED = [403, 404];
  type Probe = readonly [string, () => Req, readonly number[]];
  const intro = () => `/api/v1/intros/${introId}`;
  const PROBES: readonly Probe[] = [
    ['GET the intro', () => ({ path: intro() }), DENIED],
    ['GET its session', () => ({ path: `${intro()}/session` }), DENIED],
    ['stream its session', () => ({ path: `${intro()}/session/events` }), DENIED],
    [
      'stream its session with Last-Event-ID',
      () => ({ path: `${intro()}/session/events`, headers: { 'last-event-id': '0' } }),
      DENIED,
    ],
    [
      'GET its session with If-None-Match',
      () => ({ path: `${intro()}/session`, headers: { 'if-none-match': '"0"' } }),
      DENIED,
    ],
    [
      'POST its session (start)',
      () => ({ path: `${intro()}/session`, method: 'POST', body: { action: 'start' } }),
      DENIED,
    ],
    ['GET its notes', () => ({ path: notesPath() }), DENIED],
    [
      'PUT its notes as new',
      () => ({ path: notesPath(), method: 'PUT', body: notesOf(LEADER), headers: { 'if-match': '"0"' } }),
      DENIED,
    ],
    [
      'PUT its notes over version 1',
      () => ({ path: notesPath(), method: 'PUT', body: notesOf(LEADER), headers: { 'if-match': '"1"' } }),
      DENIED,
    ],
    ['DELETE its notes', () => ({ path: notesPath(), method: 'DELETE' }), DENIED],
    ['GET the meeting intro', () => ({ path: `/api/v1/meetings/${MEETING}/intro` }), DENIED],
    // Another tenant's meeting with the same id is another intro (201, theirs); the outsider is refused.
    ['POST the meeting intro', () => ({ path: `/api/v1/meetings/${MEETING}/intro`, body: {} }), [201, 403]],
    ['list intros', () => ({ path: '/api/v1/intros' }), [200]],
    ['list history', () => ({ path: '/api/v1/history' }), [200]],
    ['search for the leader’s marker', () => ({ path: `/api/v1/history/search?q=${MARK[LEADER.oid]}` }), [200]],
    ['search for the member’s marker', () => ({ path: `/api/v1/history/search?q=${MARK[MEMBER.oid]}` }), [200]],
    ['search by the member', () => ({ path: `/api/v1/history/search?person=${MEMBER.oid}` }), [200]],
    ['export Markdown', () => ({ path: '/api/v1/export.md' }), [200]],
    ['export CSV', () => ({ path: '/api/v1/export.csv' }), [200]],
    ['carried forward with the member', () => ({ path: `/api/v1/people/${MEMBER.oid}/carried-forward` }), [200]],
    ['carried forward with the leader', () => ({ path: `/api/v1/people/${LEADER.oid}/carried-forward` }), [200]],
  ];
  const STRANGERS = [
    ['outsider', OUTSIDER],
    ['other tenant', FOREIGN],
  ] as const;

  it.each(STRANGERS.flatMap(([who, user]) => PROBES.map((p) => [who, p[0], user, p] as const)))(
    'the %s: %s → no names, no notes',
    async (_who, _name, user, [, request, statuses]) => {
      const answer = await send(user, request());
      expect(statuses).toContain(answer.status);
      for (const secret of SECRETS) expect(answer.text).not.toContain(secret);
      if (answer.status === 201) expect(answer.text).not.toContain(introId);
      for (const participant of [LEADER, MEMBER]) {
        expect((await send(participant, { path: notesPath() })).text).toBe(snapshot.get(participant.oid));
      }
      cases.bump();
    },
  );

  it('left the session as it was', async () => {
    const session = (await (await app.api(LEADER, `/api/v1/intros/${introId}/session`)).json()) as {
      session: { status: string };
    };
    expect(session.session.status).toBe('notStarted');
    cases.bump();
  });

  const askLoneMeeting = async (user: TestUser) => {
    const answer = await send(user, { path: `/api/v1/meetings/${LONE_MEETING}/intro` });
    expect(answer.status).toBe(404);
    expect(answer.text).not.toContain(LEADER.name);
    cases.bump();
  };

  it('the other tenant asks about a meeting whose intro awaits its member: a 404 without names', async () => {
    await askLoneMeeting(FOREIGN);
  });

  it('the outsider asks about a meeting whose intro awaits its member: a 404 without names', async () => {
    await askLoneMeeting(OUTSIDER);
  });
});

describe('after "delete my data", the anonymised intro matches nobody', () => {
  const GONE: TestUser = { oid: '55555555-5555-4555-8555-555555555555', tid: LEADER.tid, name: 'Gale Gone' };
  const STAYS: TestUser = { oid: '66666666-6666-4666-8666-666666666666', tid: LEADER.tid, name: 'Stacy Stays' };
  const NOBODY: TestUser = { oid: NIL_GUID, tid: LEADER.tid, name: 'Nobody' };
  const DELETED_MEETING = 'MCMxOTptZWV0aW5nX2RlbGV0ZWRAdGhyZWFkLnYyIzA=';
  let goneIntro: string;

  beforeAll(async () => {
    const created = await app.api(GONE, `/api/v1/meetings/${DELETED_MEETING}/intro`, { body: {} });
    goneIntro = ((await created.json()) as { intro: { id: string } }).intro.id;
    await app.api(STAYS, `/api/v1/meetings/${DELETED_MEETING}/intro`, { body: {} });
    // The member's notes keep the intro (anonymised) rather than deleted with the leader's data.
    const notes = {
      text: { prep: 'mine', goals: '', pullFeedback: '', pushFeedback: '' },
      goals: [],
      issues: [],
      feedback: [],
      followUps: [],
    };
    const kept = await app.api(STAYS, `/api/v1/intros/${goneIntro}/notes`, {
      method: 'PUT',
      body: notes,
      headers: { 'if-match': '"0"' },
    });
    expect(kept.status).toBe(200);
    expect((await app.api(GONE, '/api/v1/me/data', { method: 'DELETE' })).status).toBe(204);
  });

  it.each([
    ['the nil-GUID oid', { oid: NIL_GUID, tid: LEADER.tid, name: 'x' }],
    ['the nil-GUID tid', { oid: OUTSIDER.oid, tid: NIL_GUID, name: 'x' }],
  ])('POST /dev/token refuses %s', async (_name, claims) => {
    const response = await fetch(`${app.baseUrl}/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(claims),
    });
    expect(response.status).toBe(400);
    cases.bump();
  });

  it.each(['/api/v1/intros', `/api/v1/intros/{id}`, '/api/v1/history', '/api/v1/export.md'])(
    'a nil-GUID token is refused on %s',
    async (route) => {
      const response = await app.api(NOBODY, route.replace('{id}', goneIntro));
      expect(response.status).toBe(401);
      cases.bump();
    },
  );

  it('the member sees the leader as deleted, without their name', async () => {
    const answer = await send(STAYS, { path: `/api/v1/intros/${goneIntro}` });
    expect(answer.status).toBe(200);
    expect(answer.text).not.toContain(GONE.name);
    expect(answer.text).not.toContain(GONE.oid);
    cases.bump();
  });

  it('the deleted leader, signing in again, no longer matches it', async () => {
    expect([403, 404]).toContain((await send(GONE, { path: `/api/v1/intros/${goneIntro}` })).status);
    cases.bump();
  });
});
