import { randomUUID } from 'node:crypto';
import { emptyNotesBody } from '../../../../src/domain/notes';
import { createApiClient, type ApiClient } from '../../../../tab/src/shared/api/client';
import { validateResponse } from '../../../../tab/src/shared/api/responseSchemas';
import { LEADER, MEMBER, startTestApp, type TestApp, type TestUser } from '../../../support/testApp';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.stop();
});

/** The tab's client against the real server, every answer checked against the contract (as in development). */
function clientFor(user: TestUser): ApiClient & { readonly tokens: () => number } {
  let tokens = 0;
  const api = createApiClient({
    baseUrl: app.baseUrl,
    getToken: () => {
      tokens++;
      return app.mintToken(user);
    },
    loadValidator: async () => validateResponse,
  });
  return { ...api, tokens: () => tokens };
}

describe("the tab client reads the server's answers as the contract says", () => {
  it('in a meeting: intro, session, notes, carried forward, role switch, history', async () => {
    const leader = clientFor(LEADER);
    const member = clientFor(MEMBER);
    const meetingId = `contract-${randomUUID()}`;
    expect(await leader.me()).toMatchObject({ userId: LEADER.oid });
    expect(await leader.getMeetingIntro(meetingId)).toEqual({ kind: 'none' });
    const created = await leader.startMeetingIntro(meetingId);
    await member.startMeetingIntro(meetingId);
    const id = created.intro.id;
    expect((await member.getMeetingIntro(meetingId)).kind).toBe('intro');
    expect((await leader.getIntro(id)).role).toBe('leader');

    const started = await leader.sessionAction(id, { action: 'start' });
    expect(await leader.pollSession(id, undefined)).toMatchObject({ changed: true });
    const tag = Number(
      (await app.api(LEADER, `/api/v1/intros/${id}/session`)).headers.get('etag')?.replaceAll('"', ''),
    );
    expect(await leader.pollSession(id, Number.isFinite(tag) ? tag : started.version)).toMatchObject({
      changed: false,
    });

    const body = { ...emptyNotesBody(), goals: [{ id: 'g1', text: 'Ship it', horizon: 'short' as const }] };
    const saved = await leader.saveNotes(id, body, 0);
    expect(saved).toMatchObject({ ok: true, view: { version: 1 } });
    expect(await leader.saveNotes(id, emptyNotesBody(), 0)).toMatchObject({ ok: false, current: { version: 1 } });
    expect((await leader.getNotes(id)).goals).toEqual(body.goals);

    await leader.carriedForward(MEMBER.oid, id);
    await leader.roleSwitch(id, 'request');
    await leader.roleSwitch(id, 'cancel');
    expect((await leader.listIntros()).items.some((intro) => intro.id === id)).toBe(true);
    expect((await leader.listHistory()).items.some((item) => item.intro.id === id)).toBe(true);
    expect((await leader.searchHistory({ q: 'Ship' })).items.map((item) => item.intro.id)).toContain(id);
    expect((await leader.download('csv')).filename).toMatch(/\.csv$/);
    await leader.deleteNotes(id);
    expect((await leader.getNotes(id)).version).toBe(0);
  });

  it('in person, and after a server restart with new keys (one token refresh on 401)', async () => {
    const leader = clientFor(LEADER);
    const started = await leader.startInPerson({ memberName: 'Kim', setting: 'coffee' });
    expect((await leader.openInPerson(started.intro.id)).intro.id).toBe(started.intro.id);
    const before = leader.tokens();
    await app.pause();
    await expect(leader.me()).rejects.toMatchObject({ code: 'offline', status: 0 });
    await app.resume();
    expect(await leader.me()).toMatchObject({ userId: LEADER.oid });
    expect(leader.tokens()).toBe(before + 1);
  });
});
