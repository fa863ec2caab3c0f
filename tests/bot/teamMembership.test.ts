import { SENT_PRIVATELY } from '../../src/bot/teamFlow';
import { MEMBERS_UNAVAILABLE, NO_ENTRA_ID, NOT_A_MEMBER, guestReply } from '../../src/bot/teamMembership';
import {
  TENANT_ID,
  baseActivity,
  mentionActivity,
  messageActivity,
  postActivity,
  type ActivityJson,
} from '../support/activities';
import { startConnectorStub, type ConnectorStub, type TeamMember } from '../support/connectorStub';
import { startTestApp, type TestApp } from '../support/testApp';
import { cardsOf, isMessage, textsOf } from './botHelpers';
import { teamMember } from './teamPlanHelpers';

/** Who may plan with a team, looked up the way Teams answers for every account: Teams id first, then Entra id. */
const TEAM = { id: '19:roster-team@thread.tacv2', name: 'Roster' };
const CHANNEL = '19:roster-general@thread.tacv2';
const ADA = teamMember(1, 'Ada Member');
const KIM = teamMember(2, 'Kim Lee');
const GUEST: TeamMember = { ...teamMember(3, 'Gus Guest'), userRole: 'guest' };
/** Known to Teams, but without a Microsoft Entra id (the activity and the roster both leave it out). */
const NO_AAD: TeamMember = { id: '29:member-no-aad', name: 'Nat Noaad' };
const OUTSIDER = teamMember(4, 'Olu Outsider');

let connector: ConnectorStub;
let app: TestApp;

beforeAll(async () => {
  connector = await startConnectorStub();
  connector.setTeamMembers(TEAM.id, [ADA, KIM, GUEST, NO_AAD]);
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
  await connector.stop();
});
afterEach(() => connector.failTeamRequests(undefined));

const from = (member: TeamMember) => ({ ...member });
const inTeam = (activity: ActivityJson, extra: Record<string, unknown> = {}): ActivityJson => ({
  ...activity,
  channelData: { tenant: { id: TENANT_ID }, team: { id: TEAM.id }, channel: { id: CHANNEL }, ...extra },
});

/** Posts an activity and returns the text (or card texts) of the bot's reply to it. */
async function replyTo(activity: ActivityJson): Promise<string> {
  expect((await postActivity(`${app.baseUrl}/api/messages`, activity)).status).toBe(200);
  const reply = await connector.waitFor((r) => isMessage(r) && r.replyToId === activity.id);
  const card = cardsOf(reply)[0];
  return card ? textsOf(card).join('\n') : String(reply.body.text);
}
const askInChannel = (member: TeamMember) =>
  replyTo(
    inTeam(
      mentionActivity(connector.serviceUrl, 'meet my team', {
        conversationId: CHANNEL,
        conversationType: 'channel',
        from: from(member),
      }),
    ),
  );
const askInPersonal = (member: TeamMember) =>
  replyTo(
    messageActivity(connector.serviceUrl, 'meet my team', { conversationId: `a:${member.id}`, from: from(member) }),
  );
const memberLookups = () =>
  connector.activities
    .filter((r) => r.path.includes('/members/'))
    .map((r) => decodeURIComponent(r.path.split('/').pop()!));

describe('meet my team: who may plan with a team', () => {
  it('says "not installed in any team yet" in personal chat only while no team has installed the app', async () => {
    expect(await askInPersonal(ADA)).toContain('I am not installed in any team yet.');
    const install = inTeam(
      {
        ...baseActivity(connector.serviceUrl, 'installationUpdate', {
          conversationId: CHANNEL,
          conversationType: 'channel',
        }),
        action: 'add',
      },
      { team: TEAM },
    );
    expect((await postActivity(`${app.baseUrl}/api/messages`, install)).status).toBe(200);
    connector.clear();
    const offer = await askInPersonal(ADA);
    expect(offer).toContain('Which team do you want to plan');
    expect(offer).toContain(TEAM.name);
    expect(memberLookups()[0]).toBe(ADA.id);
    expect(await askInPersonal(OUTSIDER)).toContain('I am not installed in any team you belong to.');
  });

  it('looks an Entra user up by their Teams account id first, and plans for them', async () => {
    connector.clear();
    expect(await askInChannel(ADA)).toBe(SENT_PRIVATELY);
    expect(memberLookups()[0]).toBe(ADA.id);
  });

  it('tells an account without an Entra id why, without blaming membership', async () => {
    connector.clear();
    expect(await askInChannel(NO_AAD)).toBe(NO_ENTRA_ID);
    expect(memberLookups()).toEqual([NO_AAD.id]);
    expect(await askInPersonal(NO_AAD)).toBe(NO_ENTRA_ID);
  });

  it('tells a guest why, in the channel and in personal chat', async () => {
    expect(await askInChannel(GUEST)).toBe(guestReply(TEAM.name));
    expect(await askInPersonal(GUEST)).toBe(guestReply(TEAM.name));
  });

  it('refuses someone the team does not list (a shared channel), after asking by both ids', async () => {
    connector.clear();
    expect(await askInChannel(OUTSIDER)).toBe(NOT_A_MEMBER);
    expect(memberLookups()).toEqual([OUTSIDER.id, OUTSIDER.aadObjectId]);
  });

  it('says Teams could not answer, not "not a member" and not "not installed", when the lookup fails', async () => {
    // 403: the bot was removed from the team (a 5xx would be retried by the connector client first).
    connector.failTeamRequests(403);
    expect(await askInChannel(ADA)).toBe(MEMBERS_UNAVAILABLE);
    expect(await askInPersonal(ADA)).toBe(MEMBERS_UNAVAILABLE);
  });
});
