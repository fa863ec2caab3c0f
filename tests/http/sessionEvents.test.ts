import { sessionTag } from '../../src/domain/sessionTag';
import type { SessionView } from '../../src/contract';
import { openStream, type OpenStream } from '../support/sessionEvents';
import { LEADER, MEMBER, OUTSIDER, startTestApp, type TestApp, type TestUser } from '../support/testApp';

/** The session stream: what it sends first, on every change, on a resume, and when it is refused or cut. */
let t: TestApp;
let introId: string;
const open: OpenStream[] = [];

async function stream(user: TestUser, headers: Record<string, string> = {}): Promise<OpenStream> {
  const opened = await openStream(`${t.baseUrl}/api/v1/intros/${introId}/session/events`, {
    authorization: `Bearer ${await t.mintToken(user)}`,
    ...headers,
  });
  open.push(opened);
  return opened;
}
const viewOf = (data: string) => JSON.parse(data) as SessionView;
const act = async (action: string) => {
  const response = await t.api(LEADER, `/api/v1/intros/${introId}/session`, { body: { action } });
  expect(response.status).toBe(200);
  return (await response.json()) as SessionView;
};

beforeAll(async () => {
  t = await startTestApp();
  const meeting = `events-${Date.now()}`;
  const created = await t.api(LEADER, `/api/v1/meetings/${meeting}/intro`, { body: {} });
  introId = ((await created.json()) as { intro: { id: string } }).intro.id;
  expect((await t.api(MEMBER, `/api/v1/meetings/${meeting}/intro`, { body: {} })).status).toBe(200);
});
afterEach(() => {
  for (const each of open.splice(0)) each.close();
});
afterAll(async () => {
  await t.stop();
});

describe('GET /intros/:id/session/events', () => {
  it('answers a private, unbuffered event stream that starts with the current session and its id', async () => {
    const member = await stream(MEMBER);
    expect(member.response.status).toBe(200);
    expect(member.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(member.response.headers.get('cache-control')).toBe('no-store');
    expect(member.response.headers.get('x-accel-buffering')).toBe('no');
    const first = await member.nextEvent();
    const polled = (await (await t.api(MEMBER, `/api/v1/intros/${introId}/session`)).json()) as SessionView;
    expect(first.event).toBe('session');
    expect(first.id).toBe(String(sessionTag(polled)));
    expect(viewOf(first.data).session).toEqual(polled.session);
    expect(typeof viewOf(first.data).serverNow).toBe('number');
  });

  it('sends the leader’s action to the other panel, with the new tag as its id and the server time', async () => {
    const member = await stream(MEMBER);
    await member.nextEvent();
    const started = await act('start');
    const pushed = await member.nextEvent();
    expect(pushed.id).toBe(String(sessionTag(started)));
    expect(viewOf(pushed.data).session.status).toBe('running');
    expect(viewOf(pushed.data).serverNow).toBeGreaterThan(0);
  });

  it('sends a hand-over of the lead too (the roles are in the tag)', async () => {
    const member = await stream(MEMBER);
    const before = await member.nextEvent();
    const asked = await t.api(LEADER, `/api/v1/intros/${introId}/role-switch`, { body: { action: 'request' } });
    expect(asked.status).toBe(200);
    const pushed = await member.nextEvent();
    expect(Number(pushed.id)).toBeGreaterThan(Number(before.id));
    expect(viewOf(pushed.data).roleSwitch).toBeDefined();
    await t.api(LEADER, `/api/v1/intros/${introId}/role-switch`, { body: { action: 'cancel' } });
  });

  it('resumes with Last-Event-ID: the server time only when current, the new state at once when not', async () => {
    const current = (await (await t.api(MEMBER, `/api/v1/intros/${introId}/session`)).json()) as SessionView;
    const tag = String(sessionTag(current));
    const same = await stream(MEMBER, { 'last-event-id': tag });
    const heartbeat = await same.next();
    expect(heartbeat.kind).toBe('comment');
    expect(Number(heartbeat.kind === 'comment' ? heartbeat.text : NaN)).toBeGreaterThan(0);
    const older = await stream(MEMBER, { 'last-event-id': String(Number(tag) - 1) });
    expect((await older.nextEvent()).id).toBe(tag);
    // The first stream sent nothing else: the next thing on it is the next change.
    const paused = await act('pause');
    expect((await same.nextEvent()).id).toBe(String(sessionTag(paused)));
  });

  it('is refused to someone who does not take part, exactly like GET session', async () => {
    for (const path of ['session', 'session/events']) {
      const response = await t.api(OUTSIDER, `/api/v1/intros/${introId}/${path}`);
      expect([response.status, ((await response.json()) as { error: { code: string } }).error.code]).toEqual([
        404,
        'notFound',
      ]);
    }
    const anonymous = await fetch(`${t.baseUrl}/api/v1/intros/${introId}/session/events`);
    expect(anonymous.status).toBe(401);
  });

  it('caps the streams one person holds (503, Retry-After), and frees a slot when a client goes away', async () => {
    const held: OpenStream[] = [];
    for (let i = 0; i < 8; i++) held.push(await stream(LEADER));
    await Promise.all(held.map((each) => each.nextEvent()));
    const refused = await t.api(LEADER, `/api/v1/intros/${introId}/session/events`);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('60');
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('streamUnavailable');
    held[0]!.close();
    let again: OpenStream | undefined;
    for (let attempt = 0; attempt < 50 && again?.response.status !== 200; attempt++) {
      again?.close();
      await new Promise((resolve) => setTimeout(resolve, 20));
      again = await stream(LEADER);
    }
    expect(again?.response.status).toBe(200);
  });
});

describe('stopping the app', () => {
  it('ends every stream at once, so a long grace period is not spent waiting for them', async () => {
    const other = await startTestApp();
    const meeting = `events-stop-${Date.now()}`;
    const created = await other.api(LEADER, `/api/v1/meetings/${meeting}/intro`, { body: {} });
    const id = ((await created.json()) as { intro: { id: string } }).intro.id;
    const held = await openStream(`${other.baseUrl}/api/v1/intros/${id}/session/events`, {
      authorization: `Bearer ${await other.mintToken(LEADER)}`,
    });
    await held.nextEvent();
    // Ten minutes of grace: were the stream still held, this test would run out of time instead.
    await other.app.stop(600_000);
    await expect(held.nextEvent()).rejects.toThrow();
    await other.stop();
  });
});
