import { zonedToEpoch } from '../../src/domain/schedule';
import {
  BOT,
  TENANT_ID,
  USER,
  baseActivity,
  installActivity,
  postActivity,
  type ActivityJson,
} from '../support/activities';
import { validateCard } from '../support/adaptiveCards';
import { startConnectorStub, type ConnectorStub, type RecordedActivity } from '../support/connectorStub';
import { graphConfigFor, startGraphStub, type GraphStub } from '../support/graphStub';
import { manualClock, startTestApp, type TestApp } from '../support/testApp';
import { cardsOf, isMessage, textsOf, type SentCard } from './botHelpers';
import { inputsOf, submitData, teamMember } from './teamPlanHelpers';

/** "Meet my team" from personal chat with Graph: free/busy shapes the plan, a slot gone busy is re-proposed. */
const TEAM = { id: '19:design-team@thread.tacv2', name: 'Design' };
const OTHER_TEAM = { id: '19:finance-team@thread.tacv2', name: 'Finance' };
const CHANNEL = '19:design-general@thread.tacv2';
const LEADER_CHAT = `a:personal-${USER.aadObjectId}`;
const ZONE = 'Europe/Paris';
const NOW = Date.parse('2025-06-02T06:00:00Z');
const KIM = teamMember(1, 'Kim Lee');
const LIN = teamMember(2, 'Lin Okafor');
const MAX = teamMember(3, 'Max Müller');
const mail = (m: { name: string }) => `${m.name.split(' ')[0]!.toLowerCase()}@contoso.com`;

const clock = manualClock(NOW);
let connector: ConnectorStub;
let graph: GraphStub;
let app: TestApp;

async function turn(activity: ActivityJson): Promise<RecordedActivity> {
  const response = await postActivity(`${app.baseUrl}/api/messages`, { localTimezone: ZONE, ...activity });
  expect(response.status).toBeLessThan(300);
  return connector.waitFor((r) => isMessage(r) && r.replyToId === activity.id);
}
const personal = (extra: Record<string, unknown>): ActivityJson => ({
  ...baseActivity(connector.serviceUrl, 'message', { conversationId: LEADER_CHAT }),
  ...extra,
});
const onlyCard = (recorded: RecordedActivity): SentCard => {
  const cards = cardsOf(recorded);
  expect(cards).toHaveLength(1);
  return cards[0]!;
};
function startOf(card: SentCard, person: { aadObjectId: string }): number {
  const inputs = inputsOf(card);
  const start = zonedToEpoch(inputs[`date.${person.aadObjectId}`]!, inputs[`time.${person.aadObjectId}`]!, ZONE);
  if (!start.ok) throw new Error('no start on the card');
  return start.value;
}

async function installIn(team: { id: string; name: string }, channel: string): Promise<void> {
  const install = {
    ...baseActivity(connector.serviceUrl, 'conversationUpdate', {
      conversationId: channel,
      conversationType: 'channel',
    }),
    membersAdded: [{ id: BOT.id }],
    channelData: { tenant: { id: TENANT_ID }, team, eventType: 'teamMemberAdded' },
  };
  await turn(install);
}

beforeAll(async () => {
  connector = await startConnectorStub();
  graph = await startGraphStub();
  connector.setTeamMembers(TEAM.id, [{ ...USER }, KIM, LIN, MAX]);
  connector.setTeamMembers(OTHER_TEAM.id, [KIM]);
  for (const person of [USER, KIM, LIN, MAX]) {
    graph.addUser({
      id: person.aadObjectId,
      displayName: person.name,
      mail: mail(person),
      userPrincipalName: mail(person),
    });
  }
  // The leader is busy on Monday morning; Kim is away Monday and Tuesday.
  graph.setBusy(mail(USER), [{ start: '2025-06-02T07:00:00Z', end: '2025-06-02T10:00:00Z' }]);
  graph.setBusy(mail(KIM), [{ start: '2025-06-02T00:00:00Z', end: '2025-06-04T00:00:00Z', status: 'oof' }]);
  app = await startTestApp(
    {},
    {
      clock,
      config: {
        graph: graphConfigFor(graph, TENANT_ID),
      },
    },
  );
  await turn(installActivity(connector.serviceUrl, { conversationId: LEADER_CHAT }));
  await installIn(TEAM, CHANNEL);
  await installIn(OTHER_TEAM, '19:finance-general@thread.tacv2');
});
afterAll(async () => {
  await app.stop();
  await graph.stop();
  await connector.stop();
});

describe('meet my team from personal chat, with Graph free/busy', () => {
  let plan: SentCard;

  it('offers only the teams the leader belongs to, then plans around everyone’s free/busy', async () => {
    const choice = onlyCard(await turn(personal({ text: 'meet my team' })));
    expect(validateCard(choice)).toEqual([]);
    expect((choice.actions as { title: string }[]).map((a) => a.title)).toEqual(['Design']);

    plan = onlyCard(await turn(personal({ value: submitData(choice) })));
    expect(validateCard(plan)).toEqual([]);
    expect(graph.calls()).toContain(`POST /v1.0/users/${USER.aadObjectId}/calendar/getSchedule`);
    expect(startOf(plan, KIM)).toBeGreaterThanOrEqual(Date.parse('2025-06-04T00:00:00Z'));
    for (const person of [LIN, MAX])
      expect(startOf(plan, person)).toBeGreaterThanOrEqual(Date.parse('2025-06-02T10:00:00Z'));
    expect(textsOf(plan).join('\n')).toContain('Times are in Europe/Paris');
  });

  it('re-proposes a slot that became busy meanwhile instead of double-booking it, and schedules the rest as Teams meetings', async () => {
    const linStart = startOf(plan, LIN);
    const busy = { start: new Date(linStart).toISOString(), end: new Date(linStart + 45 * 60_000).toISOString() };
    graph.setBusy(mail(LIN), [busy]);
    const confirm = personal({ value: { ...submitData(plan), ...inputsOf(plan) } });
    await postActivity(`${app.baseUrl}/api/messages`, confirm);
    const done = onlyCard(await connector.waitFor((r) => isMessage(r) && r.replyToId === confirm.id));
    const texts = textsOf(done).join('\n');
    expect(texts).toContain('2 intro 1:1s scheduled with Design');
    expect(texts).toContain('[Join the Teams meeting](https://teams.microsoft.com/l/meetup-join/');
    expect(texts).toMatch(/These times became busy, so I proposed new ones: Lin Okafor/);
    expect(graph.calls().filter((c) => c.endsWith('/events'))).toHaveLength(2);

    const again = await connector.waitFor(
      (r) => isMessage(r) && r.replyToId === confirm.id && JSON.stringify(r.body).includes('Some times became busy'),
    );
    const next = onlyCard(again);
    expect(validateCard(next)).toEqual([]);
    expect(Object.keys(inputsOf(next)).filter((k) => k.startsWith('keep.'))).toEqual([`keep.${LIN.aadObjectId}`]);
    expect(startOf(next, LIN)).not.toBe(linStart);

    // The same card confirmed twice at once (a double click): one confirmation, one meeting.
    const value = { ...submitData(next), ...inputsOf(next) };
    const [second, twin] = [personal({ value }), personal({ value })];
    const replies = await Promise.all([turn(second), turn(twin)]);
    const answers = replies.map((r) => [r.body.text ?? '', ...textsOf(cardsOf(r))].join('\n'));
    expect(answers.filter((t) => t.includes('1 intro 1:1 scheduled with Design'))).toHaveLength(1);
    expect(answers.filter((t) => t.includes('already confirmed: nothing was scheduled twice'))).toHaveLength(1);
    expect(graph.calls().filter((c) => c.endsWith('/events'))).toHaveLength(3);
  });
});
