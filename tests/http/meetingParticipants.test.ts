import { messageActivity, postActivity } from '../support/activities';
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
