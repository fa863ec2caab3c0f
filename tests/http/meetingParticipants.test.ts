import { messageActivity, postActivity } from '../support/activities';
import { startConnectorStub, type ConnectorStub } from '../support/connectorStub';
import { LEADER, MEMBER, OUTSIDER, TENANT, startTestApp, type TestApp, type TestUser } from '../support/testApp';

const MEETING = 'MCMxOTptZWV0aW5nX3Jvc3Rlcl90ZXN0QHRocmVhZC52Mg==';
const route = `/api/v1/meetings/${encodeURIComponent(MEETING)}/intro`;

/** The running app: only people Teams lists in the meeting may set up or join its intro. */
describe('meeting intro: participants only', () => {
  let app: TestApp;
  let connector: ConnectorStub;
  beforeAll(async () => {
    [app, connector] = await Promise.all([startTestApp(), startConnectorStub()]);
    // The leader chats with the bot once: the app now knows the tenant's service URL (the stub).
    const from = { id: '29:leader', aadObjectId: LEADER.oid, name: LEADER.name };
    const chat = messageActivity(connector.serviceUrl, 'help', { tenantId: TENANT, from, conversationId: 'a:leader' });
    expect((await postActivity(`${app.baseUrl}/api/messages`, chat)).status).toBe(200);
    connector.setMeetingParticipants(MEETING, [
      { aadObjectId: LEADER.oid, name: LEADER.name, role: 'Organizer' },
      { aadObjectId: MEMBER.oid, name: MEMBER.name },
    ]);
  });
  afterAll(async () => {
    await Promise.all([app.stop(), connector.stop()]);
  });

  const open = (user: TestUser) => app.api(user, route, { body: { durationMinutes: 30 } });
  const errorOf = async (response: Response) => ((await response.json()) as { error: { message: string } }).error;

  it('refuses an outsider who knows the meeting id, before and after the leader sets it up', async () => {
    const early = await open(OUTSIDER);
    expect(early.status).toBe(403);
    expect(await errorOf(early)).toMatchObject({ message: 'You are not a participant of this meeting.' });
    expect((await app.api(OUTSIDER, route)).status).toBe(404);

    expect((await open(LEADER)).status).toBe(201);
    expect((await open(OUTSIDER)).status).toBe(403);
    expect(await (await open(MEMBER)).json()).toMatchObject({ role: 'member' });
    expect(await (await app.api(LEADER, route)).json()).toMatchObject({
      role: 'leader',
      intro: { leader: { id: LEADER.oid }, member: { id: MEMBER.oid } },
    });
    const asked = connector.activities.filter((a) => a.method === 'GET').map((a) => a.path.split('/').pop());
    expect(asked).toEqual([OUTSIDER.oid, LEADER.oid, OUTSIDER.oid, MEMBER.oid]);
  });
});
