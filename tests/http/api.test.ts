import pino from 'pino';
import { emptyNotesBody } from '../../src/domain/notes';
import { FOREIGN, LEADER, MEMBER, OUTSIDER, startTestApp, type TestApp } from '../support/testApp';

let t: TestApp;
/** Response bodies in these tests are checked field by field. */
const json = (response: Response): Promise<any> => response.json() as Promise<any>;
let meetingSeq = 0;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.stop();
});

/** A fresh meeting with an intro led by LEADER and joined by MEMBER. */
async function setUpIntro(durationMinutes?: number): Promise<{ meeting: string; introId: string }> {
  const meeting = `meeting-${++meetingSeq}-${Date.now()}`;
  const created = await t.api(LEADER, `/api/v1/meetings/${meeting}/intro`, {
    body: durationMinutes ? { durationMinutes } : {},
  });
  expect(created.status).toBe(201);
  const view = await json(created);
  expect((await t.api(MEMBER, `/api/v1/meetings/${meeting}/intro`, { body: {} })).status).toBe(200);
  return { meeting, introId: view.intro.id };
}

describe('authentication', () => {
  it('answers health without a token', async () => {
    expect((await fetch(`${t.baseUrl}/healthz`)).status).toBe(200);
    expect(await json(await fetch(`${t.baseUrl}/readyz`))).toEqual({ status: 'ready' });
  });

  it.each([
    ['no token', undefined],
    ['a malformed token', 'Bearer nonsense'],
    ['a token from another issuer', 'Bearer eyJhbGciOiJSUzI1NiJ9.eyJvaWQiOiJ4In0.c2ln'],
    ['another scheme', 'Basic dXNlcjpwYXNz'],
  ])('refuses %s with 401 and a JSON error', async (_label, authorization) => {
    const response = await fetch(`${t.baseUrl}/api/v1/intros`, { headers: authorization ? { authorization } : {} });
    expect(response.status).toBe(401);
    expect((await json(response)).error.code).toBe('unauthorized');
  });

  it('names the caller from the token', async () => {
    const token = await t.mintToken(LEADER);
    const response = await fetch(`${t.baseUrl}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    expect(await json(response)).toEqual({ userId: LEADER.oid, tenantId: LEADER.tid, name: LEADER.name });
    expect(await json(await t.api(FOREIGN, '/api/v1/me'))).toEqual({
      userId: FOREIGN.oid,
      tenantId: FOREIGN.tid,
      name: FOREIGN.name,
    });
    expect((await fetch(`${t.baseUrl}/api/v1/me`)).status).toBe(401);
  });

  it('logs the path of a request, never its query string', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
    const logged = await startTestApp({}, { logger });
    try {
      await fetch(`${logged.baseUrl}/invites/x.ics?tenant=t&sig=SECRET-SIGNATURE`);
      await fetch(`${logged.baseUrl}/api/v1/intros?cursor=SECRET-CURSOR`);
      await new Promise((resolve) => setImmediate(resolve));
      const requests = lines.map((line) => JSON.parse(line) as { msg: string; url?: string });
      expect(requests.filter((r) => r.msg === 'request').map((r) => r.url)).toEqual(
        expect.arrayContaining(['/invites/x.ics', '/api/v1/intros']),
      );
      expect(lines.join('\n')).not.toContain('SECRET');
    } finally {
      await logged.stop();
    }
  });
});

describe('meeting intros', () => {
  it('has none until the leader sets one up, then shows the phased agenda', async () => {
    const meeting = `meeting-empty-${Date.now()}`;
    expect((await t.api(LEADER, `/api/v1/meetings/${meeting}/intro`)).status).toBe(404);
    const created = await t.api(LEADER, `/api/v1/meetings/${meeting}/intro`, { body: {} });
    expect(created.status).toBe(201);
    const view = await json(created);
    expect(view.role).toBe('leader');
    expect(view.intro.leader).toEqual({ id: LEADER.oid, name: LEADER.name });
    expect(view.agenda.items.map((i: { minutes: number }) => i.minutes)).toEqual([15, 20, 10]);
    expect(view.session).toMatchObject({ session: { status: 'notStarted' }, version: 0 });
    expect(typeof view.session.serverNow).toBe('number');
  });

  it('tells a colleague who opens an intro with an empty member slot that it is set up (not by whom), and lets them join', async () => {
    const meeting = `meeting-awaiting-${Date.now()}`;
    expect((await t.api(LEADER, `/api/v1/meetings/${meeting}/intro`, { body: {} })).status).toBe(201);
    const waiting = await t.api(MEMBER, `/api/v1/meetings/${meeting}/intro`);
    expect(waiting.status).toBe(404);
    expect(await json(waiting)).toEqual({
      error: { code: 'awaitingMember', message: 'Someone set up an intro 1:1 in this meeting.' },
    });
    expect((await t.api(FOREIGN, `/api/v1/meetings/${meeting}/intro`)).status).toBe(404);
    expect((await json(await t.api(FOREIGN, `/api/v1/meetings/${meeting}/intro`))).error.code).toBe('notFound');
    expect((await t.api(MEMBER, `/api/v1/meetings/${meeting}/intro`, { body: {} })).status).toBe(200);
    expect((await json(await t.api(MEMBER, `/api/v1/meetings/${meeting}/intro`))).role).toBe('member');
  });

  it('lets the second person join as member and nobody else', async () => {
    const { meeting } = await setUpIntro();
    const asMember = await json(await t.api(MEMBER, `/api/v1/meetings/${meeting}/intro`));
    expect(asMember.role).toBe('member');
    expect(asMember.intro.member.name).toBe(MEMBER.name);
    expect((await t.api(OUTSIDER, `/api/v1/meetings/${meeting}/intro`, { body: {} })).status).toBe(403);
    expect((await t.api(OUTSIDER, `/api/v1/meetings/${meeting}/intro`)).status).toBe(404);
  });

  it('refuses a duration outside 30–60 minutes with the reason', async () => {
    const response = await t.api(LEADER, `/api/v1/meetings/m-short-${Date.now()}/intro`, {
      body: { durationMinutes: 20 },
    });
    expect(response.status).toBe(400);
    expect(await json(response)).toEqual({
      error: expect.objectContaining({
        code: 'durationTooShort',
        field: 'durationMinutes',
        message: expect.stringMatching(/open up/),
      }),
    });
  });

  it('refuses unknown fields and bad JSON', async () => {
    const meeting = `m-bad-${Date.now()}`;
    const unknown = await t.api(LEADER, `/api/v1/meetings/${meeting}/intro`, { body: { leaderId: OUTSIDER.oid } });
    expect(unknown.status).toBe(400);
    const bad = await fetch(`${t.baseUrl}/api/v1/meetings/${meeting}/intro`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await t.mintToken(LEADER)}`, 'content-type': 'application/json' },
      body: '{"durationMinutes":',
    });
    expect(bad.status).toBe(400);
    expect((await json(bad)).error.code).toBe('invalidJson');
  });

  it('keeps tenants apart even for the same object id', async () => {
    const { meeting, introId } = await setUpIntro();
    expect((await t.api(FOREIGN, `/api/v1/meetings/${meeting}/intro`)).status).toBe(404);
    expect((await t.api(FOREIGN, `/api/v1/intros/${introId}`)).status).toBe(404);
    expect((await t.api(FOREIGN, `/api/v1/intros/${introId}/notes`)).status).toBe(404);
  });
});

describe('path ids', () => {
  it.each([
    ['GET', '/api/v1/intros/not-a-guid', 'invalidIntroId', 'id'],
    ['GET', '/api/v1/intros/not-a-guid/session', 'invalidIntroId', 'id'],
    ['GET', '/api/v1/intros/not-a-guid/notes', 'invalidIntroId', 'id'],
    ['DELETE', '/api/v1/intros/not-a-guid/notes', 'invalidIntroId', 'id'],
    ['GET', '/api/v1/meetings/bad%20meeting/intro', 'invalidMeetingId', 'meetingId'],
  ])('%s %s is refused with 400 naming the field', async (method, route, code, field) => {
    const response = await t.api(LEADER, route, { method });
    expect(response.status).toBe(400);
    expect((await json(response)).error).toMatchObject({ code, field });
  });
});

describe('session clock', () => {
  it('is controlled only by the leader', async () => {
    const { introId } = await setUpIntro();
    const byMember = await t.api(MEMBER, `/api/v1/intros/${introId}/session`, { body: { action: 'start' } });
    expect(byMember.status).toBe(403);
    const byOutsider = await t.api(OUTSIDER, `/api/v1/intros/${introId}/session`, { body: { action: 'start' } });
    expect(byOutsider.status).toBe(404);
    const byLeader = await t.api(LEADER, `/api/v1/intros/${introId}/session`, { body: { action: 'start' } });
    expect(byLeader.status).toBe(200);
    expect(await json(byLeader)).toMatchObject({ session: { status: 'running', phase: 0 }, version: 1 });
  });

  it('refuses a device-stamped action on an intro held in a meeting (only in-person intros queue offline)', async () => {
    const { introId } = await setUpIntro();
    const route = `/api/v1/intros/${introId}/session`;
    const backdated = await t.api(LEADER, route, { body: { action: 'start', at: Date.now() - 60_000 } });
    expect(backdated.status).toBe(400);
    expect((await json(backdated)).error).toMatchObject({ code: 'invalidTime', field: 'at' });
    expect(await json(await t.api(LEADER, route))).toMatchObject({ session: { status: 'notStarted' } });
  });

  it('refuses an impossible action with 409 and a stale one with 412', async () => {
    const { introId } = await setUpIntro();
    const route = `/api/v1/intros/${introId}/session`;
    expect((await t.api(LEADER, route, { body: { action: 'pause' } })).status).toBe(409);
    expect((await t.api(LEADER, route, { body: { action: 'start' } })).status).toBe(200);
    const stale = await t.api(LEADER, route, { body: { action: 'next' }, headers: { 'if-match': '"0"' } });
    expect(stale.status).toBe(412);
    expect((await t.api(LEADER, route, { body: { action: 'next' }, headers: { 'if-match': '"1"' } })).status).toBe(200);
    expect((await t.api(LEADER, route, { body: { action: 'dance' } })).status).toBe(400);
  });

  it('answers 304 while the session is unchanged, for cheap polling', async () => {
    const { introId } = await setUpIntro();
    const route = `/api/v1/intros/${introId}/session`;
    const first = await t.api(MEMBER, route);
    expect(first.headers.get('etag')).toBe('"0"');
    const unchanged = await t.api(MEMBER, route, { headers: { 'if-none-match': '"0"' } });
    expect(unchanged.status).toBe(304);
    expect(Number(unchanged.headers.get('x-server-now'))).toBeGreaterThan(0);
    await t.api(LEADER, route, { body: { action: 'start' } });
    const changed = await t.api(MEMBER, route, { headers: { 'if-none-match': '"0"' } });
    expect(changed.status).toBe(200);
    expect((await json(changed)).session.status).toBe('running');
  });
});

describe('private notes', () => {
  const body = (goals: string) => ({ ...emptyNotesBody(), text: { ...emptyNotesBody().text, goals } });

  it('are readable only by their author', async () => {
    const { introId } = await setUpIntro();
    const route = `/api/v1/intros/${introId}/notes`;
    const saved = await t.api(LEADER, route, {
      method: 'PUT',
      body: body('wants to lead'),
      headers: { 'if-match': '"0"' },
    });
    expect(saved.status).toBe(200);
    expect(saved.headers.get('etag')).toBe('"1"');
    const mine = await json(await t.api(LEADER, route));
    expect(mine.text.goals).toBe('wants to lead');
    const theirs = await json(await t.api(MEMBER, route));
    expect(theirs).toMatchObject({ version: 0, text: { goals: '' } });
    expect(JSON.stringify(theirs)).not.toContain('wants to lead');
    expect((await t.api(OUTSIDER, route)).status).toBe(404);
  });

  it('never overwrite a newer version silently', async () => {
    const { introId } = await setUpIntro();
    const route = `/api/v1/intros/${introId}/notes`;
    await t.api(LEADER, route, { method: 'PUT', body: body('from laptop'), headers: { 'if-match': '"0"' } });
    const conflict = await t.api(LEADER, route, {
      method: 'PUT',
      body: body('from phone'),
      headers: { 'if-match': '"0"' },
    });
    expect(conflict.status).toBe(412);
    expect(await json(conflict)).toMatchObject({
      error: { code: 'versionConflict' },
      current: { version: 1, text: { goals: 'from laptop' } },
    });
    const missing = await t.api(LEADER, route, { method: 'PUT', body: body('x') });
    expect(missing.status).toBe(428);
  });

  it('refuse a note over its cap with 413 naming the field, and keep the stored copy', async () => {
    const { introId } = await setUpIntro();
    const route = `/api/v1/intros/${introId}/notes`;
    await t.api(LEADER, route, { method: 'PUT', body: body('kept'), headers: { 'if-match': '"0"' } });
    const tooLong = await t.api(LEADER, route, {
      method: 'PUT',
      body: body('x'.repeat(20_001)),
      headers: { 'if-match': '"1"' },
    });
    expect(tooLong.status).toBe(413);
    expect((await json(tooLong)).error.field).toBe('text.goals');
    const unknown = await t.api(LEADER, route, {
      method: 'PUT',
      body: { ...body('y'), authorId: MEMBER.oid },
      headers: { 'if-match': '"1"' },
    });
    expect(unknown.status).toBe(400);
    expect((await json(await t.api(LEADER, route))).text.goals).toBe('kept');
  });
});

describe('history list', () => {
  it('lists only the intros the caller takes part in', async () => {
    const { introId } = await setUpIntro();
    const ids = async (user: typeof LEADER) =>
      ((await json(await t.api(user, '/api/v1/intros?limit=100'))).items as { id: string }[]).map((i) => i.id);
    expect(await ids(LEADER)).toContain(introId);
    expect(await ids(MEMBER)).toContain(introId);
    expect(await ids(OUTSIDER)).not.toContain(introId);
    expect((await t.api(LEADER, '/api/v1/intros?limit=1000')).status).toBe(400);
    expect((await t.api(LEADER, '/api/v1/intros?cursor=forged')).status).toBe(400);
  });
});
