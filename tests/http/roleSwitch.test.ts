import type { IntroView, SessionView } from '../../src/contract';
import { LEADER, MEMBER, OUTSIDER, startTestApp, type TestApp, type TestUser } from '../support/testApp';

let t: TestApp;
let meetingSeq = 0;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.stop();
});

/** A fresh meeting's intro led by LEADER, joined by MEMBER unless `alone`. */
async function setUpIntro(alone = false): Promise<string> {
  const meeting = `meeting-role-${++meetingSeq}-${Date.now()}`;
  const created = await t.api(LEADER, `/api/v1/meetings/${meeting}/intro`, { body: {} });
  expect(created.status).toBe(201);
  if (!alone) expect((await t.api(MEMBER, `/api/v1/meetings/${meeting}/intro`, { body: {} })).status).toBe(200);
  return ((await created.json()) as IntroView).intro.id;
}

const roleSwitch = (user: TestUser, introId: string, action: string) =>
  t.api(user, `/api/v1/intros/${introId}/role-switch`, { body: { action } });
const poll = (user: TestUser, introId: string, etag?: string) =>
  t.api(user, `/api/v1/intros/${introId}/session`, { headers: etag ? { 'if-none-match': etag } : {} });
const codeOf = async (response: Response) => ((await response.json()) as { error: { code: string } }).error.code;

describe('POST /api/v1/intros/:id/role-switch', () => {
  it('hands the lead over on the member’s accept, and the session poll shows each step within one poll', async () => {
    const introId = await setUpIntro();
    const first = await poll(MEMBER, introId);
    const firstTag = first.headers.get('etag') ?? '';
    expect(((await first.json()) as SessionView).leaderId).toBe(LEADER.oid);
    expect((await poll(MEMBER, introId, firstTag)).status).toBe(304);

    const requested = await roleSwitch(LEADER, introId, 'request');
    expect(requested.status).toBe(200);
    expect(requested.headers.get('cache-control')).toBe('no-store');
    expect(await requested.json()).toMatchObject({
      role: 'leader',
      session: { roleSwitch: { requestedBy: LEADER.oid } },
    });

    const seen = await poll(MEMBER, introId, firstTag);
    expect(seen.status).toBe(200);
    const pendingTag = seen.headers.get('etag') ?? '';
    expect(pendingTag).not.toBe(firstTag);
    expect(await seen.json()).toMatchObject({ leaderId: LEADER.oid, roleSwitch: { requestedBy: LEADER.oid } });
    expect((await poll(MEMBER, introId, pendingTag)).status).toBe(304);

    const accepted = await roleSwitch(MEMBER, introId, 'accept');
    expect(await accepted.json()).toMatchObject({
      role: 'leader',
      intro: { leader: { id: MEMBER.oid }, member: { id: LEADER.oid } },
    });
    const swapped = await poll(LEADER, introId, pendingTag);
    expect(swapped.status).toBe(200);
    const view = (await swapped.json()) as SessionView;
    expect(view.leaderId).toBe(MEMBER.oid);
    expect(view.roleSwitch).toBeUndefined();

    // The new leader runs the clock; the former one no longer can.
    expect((await t.api(LEADER, `/api/v1/intros/${introId}/session`, { body: { action: 'start' } })).status).toBe(403);
    expect((await t.api(MEMBER, `/api/v1/intros/${introId}/session`, { body: { action: 'start' } })).status).toBe(200);
  });

  it.each<[string, TestUser, string, number]>([
    ['the member may not request', MEMBER, 'request', 403],
    ['the member may not cancel', MEMBER, 'cancel', 403],
    ['the leader may not accept', LEADER, 'accept', 403],
    ['the leader may not decline', LEADER, 'decline', 403],
    ['an outsider is told nothing', OUTSIDER, 'accept', 404],
    ['an unknown action is a bad request', LEADER, 'swap', 400],
  ])('%s', async (_name, user, action, status) => {
    const introId = await setUpIntro();
    expect((await roleSwitch(LEADER, introId, 'request')).status).toBe(200);
    expect((await roleSwitch(user, introId, action)).status).toBe(status);
  });

  it('declines and cancels leave the roles as they were', async () => {
    const introId = await setUpIntro();
    await roleSwitch(LEADER, introId, 'request');
    expect(await (await roleSwitch(MEMBER, introId, 'decline')).json()).toMatchObject({ role: 'member' });
    await roleSwitch(LEADER, introId, 'request');
    expect(await (await roleSwitch(LEADER, introId, 'cancel')).json()).toMatchObject({ role: 'leader' });
    const accept = await roleSwitch(MEMBER, introId, 'accept');
    expect(accept.status).toBe(409);
    expect(await codeOf(accept)).toBe('invalidTransition');
  });

  it('is refused with 409 while nobody has joined, and once the session has ended', async () => {
    const alone = await setUpIntro(true);
    expect((await roleSwitch(LEADER, alone, 'request')).status).toBe(409);

    const introId = await setUpIntro();
    await roleSwitch(LEADER, introId, 'request');
    for (const action of ['start', 'end']) {
      expect((await t.api(LEADER, `/api/v1/intros/${introId}/session`, { body: { action } })).status).toBe(200);
    }
    const late = await roleSwitch(MEMBER, introId, 'accept');
    expect(late.status).toBe(409);
    expect(await codeOf(late)).toBe('invalidTransition');
  });
});

describe('one session ETag after a hand-over', () => {
  it('answers the same tag to the poll and to an action, and takes either back as If-Match', async () => {
    const introId = await setUpIntro();
    await roleSwitch(LEADER, introId, 'request');
    await roleSwitch(MEMBER, introId, 'accept');
    const polled = (await poll(MEMBER, introId)).headers.get('etag') ?? '';
    expect(polled).not.toBe('"0"');
    const route = `/api/v1/intros/${introId}/session`;
    const started = await t.api(MEMBER, route, { body: { action: 'start' }, headers: { 'if-match': polled } });
    expect(started.status).toBe(200);
    const tag = started.headers.get('etag') ?? '';
    expect((await poll(MEMBER, introId, tag)).status).toBe(304);
    expect((await t.api(MEMBER, route, { body: { action: 'pause' }, headers: { 'if-match': tag } })).status).toBe(200);
    expect((await t.api(MEMBER, route, { body: { action: 'resume' }, headers: { 'if-match': tag } })).status).toBe(412);
  });
});
