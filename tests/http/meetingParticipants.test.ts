import { randomUUID } from 'node:crypto';
import { BOT, baseActivity, messageActivity, postActivity } from '../support/activities';
import { startConnectorStub, type ConnectorStub } from '../support/connectorStub';
import { LEADER, MEMBER, OUTSIDER, TENANT, startTestApp, type TestApp, type TestUser } from '../support/testApp';

const MEETING = 'MCMxOTptZWV0aW5nX3Jvc3Rlcl90ZXN0QHRocmVhZC52Mg==';
/** A meeting Teams knows no organizer for (its info answers 404). */
const NO_ORGANIZER = 'MCMxOTptZWV0aW5nX25vX29yZ2FuaXplckB0aHJlYWQudjI=';
/** A meeting the leader organizes, opened first by the member. */
const MEMBER_FIRST = 'MCMxOTptZWV0aW5nX21lbWJlcl9maXJzdEB0aHJlYWQudjI=';
const routeOf = (meeting: string) => `/api/v1/meetings/${encodeURIComponent(meeting)}/intro`;

/** The running app: only people Teams lists in the meeting may set up or join its intro; the organizer leads. */
describe('meeting intro: participants only, led by the organizer', () => {
  let app: TestApp;
  let connector: ConnectorStub;
  beforeAll(async () => {
    [app, connector] = await Promise.all([startTestApp(), startConnectorStub()]);
    // The leader chats with the bot once: the app now knows the tenant's service URL (the stub).
    const from = { id: '29:leader', aadObjectId: LEADER.oid, name: LEADER.name };
    const chat = messageActivity(connector.serviceUrl, 'help', { tenantId: TENANT, from, conversationId: 'a:leader' });
    expect((await postActivity(`${app.baseUrl}/api/messages`, chat)).status).toBe(200);
    for (const meeting of [MEETING, MEMBER_FIRST]) {
      connector.setMeetingParticipants(meeting, [
        { aadObjectId: LEADER.oid, name: LEADER.name, role: 'Organizer' },
        { aadObjectId: MEMBER.oid, name: MEMBER.name },
      ]);
    }
    connector.setMeetingParticipants(NO_ORGANIZER, [
      { aadObjectId: LEADER.oid, name: LEADER.name, role: 'Presenter' },
      { aadObjectId: MEMBER.oid, name: MEMBER.name },
      { aadObjectId: OUTSIDER.oid, name: OUTSIDER.name },
    ]);
  });
  afterAll(async () => {
    await Promise.all([app.stop(), connector.stop()]);
  });

  const open = (user: TestUser, meeting = MEETING) =>
    app.api(user, routeOf(meeting), { body: { durationMinutes: 30 } });
  const look = (user: TestUser, meeting = MEETING) => app.api(user, routeOf(meeting));
  const errorOf = async (response: Response) => ((await response.json()) as { error: { message: string } }).error;
  const participantQuestions = () =>
    connector.activities.filter((a) => a.path.includes('/participants/')).map((a) => a.path.split('/').pop());

  it('refuses an outsider who knows the meeting id, before and after the leader sets it up', async () => {
    const early = await open(OUTSIDER);
    expect(early.status).toBe(403);
    expect(await errorOf(early)).toMatchObject({ message: 'You are not a participant of this meeting.' });
    expect((await look(OUTSIDER)).status).toBe(404);

    expect((await open(LEADER)).status).toBe(201);
    expect((await open(OUTSIDER)).status).toBe(403);
    expect(await (await open(MEMBER)).json()).toMatchObject({ role: 'member' });
    expect(await (await look(LEADER)).json()).toMatchObject({
      role: 'leader',
      intro: { leader: { id: LEADER.oid }, member: { id: MEMBER.oid } },
    });
    expect(participantQuestions()).toEqual(expect.arrayContaining([OUTSIDER.oid, LEADER.oid, MEMBER.oid]));
  });

  it('makes the meeting organizer the leader when the member opens the panel first', async () => {
    connector.clear();
    const first = await open(MEMBER, MEMBER_FIRST);
    expect(first.status).toBe(201);
    expect(await first.json()).toMatchObject({
      role: 'member',
      intro: { leader: { id: LEADER.oid, name: LEADER.name }, member: { id: MEMBER.oid } },
      session: { leaderId: LEADER.oid },
    });
    // Asked in Bot Framework's wire format: the meeting's details, then the organizer's participant record.
    const info = await connector.waitFor((a) => a.path === `/v1/meetings/${encodeURIComponent(MEMBER_FIRST)}`);
    expect(info.status).toBe(200);
    expect(participantQuestions()).toContain(LEADER.oid);
    expect(await (await look(LEADER, MEMBER_FIRST)).json()).toMatchObject({ role: 'leader' });
    expect(await (await open(LEADER, MEMBER_FIRST)).json()).toMatchObject({ role: 'leader' });
  });

  it('lets whoever sets it up lead when Teams names no organizer', async () => {
    expect(await (await open(MEMBER, NO_ORGANIZER)).json()).toMatchObject({
      role: 'leader',
      intro: { leader: { id: MEMBER.oid } },
    });
  });

  it('tells a non-participant nothing about an intro with a free member slot, and a participant no names', async () => {
    const meeting = 'MCMxOTptZWV0aW5nX3NpbGVudEB0aHJlYWQudjI=';
    connector.setMeetingParticipants(meeting, [
      { aadObjectId: LEADER.oid, name: LEADER.name },
      { aadObjectId: MEMBER.oid, name: MEMBER.name },
    ]);
    expect((await open(LEADER, meeting)).status).toBe(201);
    const outsider = await look(OUTSIDER, meeting);
    expect(outsider.status).toBe(404);
    expect(await outsider.json()).toEqual({
      error: { code: 'notFound', message: 'There is no intro 1:1 in this meeting yet.' },
    });
    const member = await look(MEMBER, meeting);
    expect(member.status).toBe(404);
    const body = JSON.stringify(await member.json());
    expect(body).toContain('awaitingMember');
    expect(body).not.toContain(LEADER.name);
  });
});

/** Deployment's rule (a participant must be confirmed) when the app was only ever added to the meeting itself. */
describe('meeting intro after a meeting-only install (no personal chat with the bot)', () => {
  let app: TestApp;
  let connector: ConnectorStub;
  beforeAll(async () => {
    [app, connector] = await Promise.all([
      startTestApp({}, { config: { requireConfirmedParticipant: true } }),
      startConnectorStub(),
    ]);
  });
  afterAll(async () => {
    await Promise.all([app.stop(), connector.stop()]);
  });

  /** What Teams sends when the app is added to a meeting: the bot joins the meeting's group chat. */
  const installs: [string, (meeting: string) => Record<string, unknown>][] = [
    ['conversationUpdate adding the bot', () => ({ type: 'conversationUpdate', membersAdded: [{ ...BOT }] })],
    ['installationUpdate', () => ({ type: 'installationUpdate', action: 'add' })],
  ];

  it.each(installs)('confirms the leader and the member through the meeting chat saved on %s', async (_, kind) => {
    // A tenant of its own each time: the bot knows no conversation in it yet.
    const tid = randomUUID();
    const leader = { ...LEADER, tid };
    const member = { ...MEMBER, tid };
    const meeting = Buffer.from(`0#19:meeting_${randomUUID()}@thread.v2`).toString('base64');
    connector.setMeetingParticipants(meeting, [
      { aadObjectId: LEADER.oid, name: LEADER.name, role: 'Organizer' },
      { aadObjectId: MEMBER.oid, name: MEMBER.name },
    ]);
    const open = (user: TestUser) => app.api(user, routeOf(meeting), { body: { durationMinutes: 30 } });
    const refused = await open(leader);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('Could not confirm you are in this meeting');

    const chat = `19:meeting_${randomUUID()}@thread.v2`;
    const from = { id: '29:leader', aadObjectId: LEADER.oid, name: LEADER.name };
    const base = baseActivity(connector.serviceUrl, 'conversationUpdate', {
      tenantId: tid,
      conversationId: chat,
      conversationType: 'groupChat',
      from,
    });
    const install = { ...base, ...kind(meeting), channelData: { tenant: { id: tid }, meeting: { id: meeting } } };
    expect((await postActivity(`${app.baseUrl}/api/messages`, install)).status).toBe(200);

    connector.clear();
    const led = await open(leader);
    expect(led.status).toBe(201);
    expect(await led.json()).toMatchObject({ role: 'leader' });
    expect(await (await open(member)).json()).toMatchObject({ role: 'member', intro: { member: { id: MEMBER.oid } } });
    const asked = connector.activities.filter((a) => a.path.includes(`/v1/meetings/${encodeURIComponent(meeting)}`));
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((a) => a.status === 200)).toBe(true);
    // Nothing was posted in the meeting chat, and no personal chat was ever opened.
    expect(connector.activities.filter((a) => a.method === 'POST')).toEqual([]);
  });
});
