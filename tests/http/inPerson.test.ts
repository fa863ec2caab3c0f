import type { IntroView, SessionView } from '../../src/contract';
import { LEADER, manualClock, MEMBER, OUTSIDER, startTestApp, type TestApp } from '../support/testApp';

const MIN = 60_000;
const clock = manualClock(Date.now());
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({}, { clock });
});
afterAll(async () => {
  await t.stop();
});

const codeOf = async (response: Response) => ((await response.json()) as { error: { code: string } }).error.code;
const inPerson = (body: unknown, user = LEADER) => t.api(user, '/api/v1/in-person', { body });
const act = (introId: string, body: unknown, user = LEADER) =>
  t.api(user, `/api/v1/intros/${introId}/session`, { body });

async function startedWith(name: string): Promise<IntroView> {
  const created = await inPerson({ memberName: name, setting: 'lunch', durationMinutes: 30 });
  expect(created.status).toBe(201);
  return (await created.json()) as IntroView;
}

describe('POST /api/v1/in-person', () => {
  it('creates an intro the caller leads with a person known only by name, at the length chosen', async () => {
    const created = await inPerson({ memberName: 'Robin Newcomer', setting: 'coffee', durationMinutes: 50 });
    expect(created.status).toBe(201);
    expect(created.headers.get('cache-control')).toBe('no-store');
    const view = (await created.json()) as IntroView;
    expect(view).toMatchObject({
      role: 'leader',
      intro: { setting: 'coffee', durationMinutes: 50, leader: { id: LEADER.oid }, member: { name: 'Robin Newcomer' } },
      session: { session: { status: 'notStarted' } },
    });
    // The same typed name gets the same server-made id, never the caller's.
    const again = (await (await inPerson({ memberName: 'robin newcomer' })).json()) as IntroView;
    expect(again.intro.member?.id).toBe(view.intro.member?.id);
    expect(view.intro.member?.id).not.toBe(LEADER.oid);
    expect((await t.api(LEADER, '/api/v1/intros')).status).toBe(200);
  });

  it('takes a known person by id only when the caller has an intro with them', async () => {
    const meeting = `meeting-inperson-${Date.now()}`;
    await t.api(LEADER, `/api/v1/meetings/${meeting}/intro`, { body: {} });
    await t.api(MEMBER, `/api/v1/meetings/${meeting}/intro`, { body: {} });
    const known = await inPerson({ memberId: MEMBER.oid, memberName: 'ignored' });
    expect(known.status).toBe(201);
    expect(((await known.json()) as IntroView).intro.member).toEqual({ id: MEMBER.oid, name: MEMBER.name });

    const stranger = await inPerson({ memberId: OUTSIDER.oid, memberName: 'Olu' });
    expect(stranger.status).toBe(404);
  });

  it.each([
    ['a length outside 30–60', { memberName: 'Kim', durationMinutes: 25 }, 'durationTooShort'],
    ['oneself by name', { memberName: LEADER.name }, 'selfIntro'],
    ['a Teams call', { memberName: 'Kim', setting: 'teamsCall' }, 'invalidBody'],
    ['a caller-chosen leader', { memberName: 'Kim', leaderId: MEMBER.oid }, 'invalidBody'],
  ])('refuses %s', async (_name, body, code) => {
    const refused = await inPerson(body);
    expect(refused.status).toBe(400);
    expect(await codeOf(refused)).toBe(code);
  });
});

describe('POST /api/v1/intros/:id/in-person', () => {
  it('opens a planned in-person intro for its participants only, and refuses a meeting intro', async () => {
    const view = await startedWith('Dana Coffee');
    expect((await t.api(LEADER, `/api/v1/intros/${view.intro.id}/in-person`, { body: {} })).status).toBe(200);
    expect((await t.api(OUTSIDER, `/api/v1/intros/${view.intro.id}/in-person`, { body: {} })).status).toBe(404);
    const meeting = `meeting-call-${Date.now()}`;
    const call = (await (await t.api(LEADER, `/api/v1/meetings/${meeting}/intro`, { body: {} })).json()) as IntroView;
    const refused = await t.api(LEADER, `/api/v1/intros/${call.intro.id}/in-person`, { body: {} });
    expect(refused.status).toBe(409);
  });
});

describe('a session action recorded offline (`at`)', () => {
  it('applies at the recorded time within bounds and refuses times out of bounds', async () => {
    const { intro } = await startedWith('Ari Offline');
    const startAt = clock.now();
    expect((await act(intro.id, { action: 'start' })).status).toBe(200);
    clock.advance(5 * MIN);
    const pressedAt = clock.now();
    clock.advance(2 * MIN);

    // Before the start, in the future, and over 12 hours old: refused, nothing changes.
    for (const at of [startAt - 1, clock.now() + 60_000, clock.now() - 13 * 60 * MIN]) {
      const refused = await act(intro.id, { action: 'next', at });
      expect(refused.status).toBe(400);
      expect(await codeOf(refused)).toBe('invalidTime');
    }
    expect((await act(intro.id, { action: 'next', at: 'soon' })).status).toBe(400);

    const next = await act(intro.id, { action: 'next', at: pressedAt });
    expect(next.status).toBe(200);
    const view = (await next.json()) as SessionView;
    expect(view.session).toMatchObject({ phase: 1, segmentStartedAt: pressedAt, spentMs: [5 * MIN, 0, 0] });

    // An action stamped before the Next just applied would reorder the timestamps: refused.
    expect((await act(intro.id, { action: 'pause', at: pressedAt - 1 })).status).toBe(400);
    expect((await act(intro.id, { action: 'end', at: pressedAt + MIN })).status).toBe(200);
    const ended = (await (await t.api(LEADER, `/api/v1/intros/${intro.id}`)).json()) as IntroView;
    expect(ended.intro.status).toBe('done');
    expect(ended.session.session).toMatchObject({ status: 'ended', endedAt: pressedAt + MIN });
  });

  it('still refuses the member', async () => {
    const { intro } = await startedWith('Jo Member');
    expect(await codeOf(await act(intro.id, { action: 'start', at: clock.now() }, MEMBER))).toBe('notFound');
  });
});
