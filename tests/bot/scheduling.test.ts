import { TENANT_ID, USER, baseActivity, installActivity, messageActivity, postActivity } from '../support/activities';
import type { ActivityJson } from '../support/activities';
import { validateCard } from '../support/adaptiveCards';
import { startConnectorStub, type ConnectorStub, type RecordedActivity } from '../support/connectorStub';
import { graphConfigFor, startGraphStub, type GraphStub } from '../support/graphStub';
import { manualClock, startTestApp, type TestApp, type TestUser } from '../support/testApp';
import { cardsOf, isMessage, textsOf } from './botHelpers';

/** Scheduling through the bot: with a Teams meeting from Graph, goals carried into the next prep, an unreachable member. */
const MEMBER = { id: '29:user-kim', aadObjectId: '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a', name: 'Kim Lee' };
const LEADER_TOKEN: TestUser = { oid: USER.aadObjectId, tid: TENANT_ID, name: USER.name };
const LEADER_CHAT = `a:personal-${USER.aadObjectId}`;
const MEMBER_CHAT = `a:personal-${MEMBER.aadObjectId}`;
const ZONE = 'Europe/Paris';
const NOW = Date.parse('2025-06-02T08:00:00Z');
// 2025-06-03 14:30 and 2025-06-10 14:30 in Paris (UTC+2).
const FIRST = Date.parse('2025-06-03T12:30:00Z');
const SECOND = Date.parse('2025-06-10T12:30:00Z');

const clock = manualClock(NOW);
let connector: ConnectorStub;

beforeAll(async () => {
  connector = await startConnectorStub();
});
afterAll(async () => {
  await connector.stop();
});

async function turn(app: TestApp, activity: ActivityJson): Promise<RecordedActivity> {
  const response = await postActivity(`${app.baseUrl}/api/messages`, { ...activity, localTimezone: ZONE });
  expect(response.status).toBeLessThan(300);
  return connector.waitFor((r) => isMessage(r) && r.replyToId === activity.id);
}

function onlyCard(reply: RecordedActivity): Record<string, unknown> {
  const cards = cardsOf(reply);
  expect(cards).toHaveLength(1);
  return cards[0]!;
}

/** Asks for a schedule card and submits it with `values`; answers the reply card. */
async function schedule(app: TestApp, values: Record<string, unknown>): Promise<Record<string, unknown>> {
  const card = onlyCard(
    await turn(app, messageActivity(connector.serviceUrl, 'schedule', { conversationId: LEADER_CHAT })),
  );
  const stamp = (card.actions as { data: Record<string, unknown> }[])[0]!.data;
  const submit = {
    ...baseActivity(connector.serviceUrl, 'message', { conversationId: LEADER_CHAT }),
    value: { ...stamp, duration: '45', setting: 'teamsCall', ...values },
  };
  return onlyCard(await turn(app, submit));
}

const inChat = (chat: string) => (r: RecordedActivity) => isMessage(r) && r.conversationId === chat;
const day = (ms: number) => new Date(ms + 2 * 3_600_000).toISOString().slice(0, 10);

async function installBoth(app: TestApp): Promise<void> {
  await turn(app, installActivity(connector.serviceUrl, { from: { ...MEMBER }, conversationId: MEMBER_CHAT }));
  await turn(app, installActivity(connector.serviceUrl, { conversationId: LEADER_CHAT }));
}

describe('scheduling with the Graph calendar', () => {
  let graph: GraphStub;
  let app: TestApp;

  beforeAll(async () => {
    clock.set(NOW);
    graph = await startGraphStub();
    // Graph through the config, not the environment: the Graph settings would mean deployment mode, whose bot
    // endpoint accepts only Bot Framework-signed activities.
    app = await startTestApp(
      {},
      {
        clock,
        config: {
          graph: graphConfigFor(graph, TENANT_ID),
          teamsAppId: 'b7f1c2d3-1111-4222-8333-444455556666',
        },
      },
    );
    graph.addUser({
      id: MEMBER.aadObjectId,
      displayName: MEMBER.name,
      mail: 'kim@contoso.com',
      userPrincipalName: 'kim@contoso.com',
    });
    await installBoth(app);
  });
  afterAll(async () => {
    await app.stop();
    await graph.stop();
  });

  it('puts a Teams meeting on the leader calendar and links it in the confirmation', async () => {
    const card = await schedule(app, { person: MEMBER.aadObjectId, date: day(FIRST), time: '14:30' });
    expect(validateCard(card)).toEqual([]);
    const texts = textsOf(card).join('\n');
    expect(texts).toContain('Intro 1:1 scheduled');
    expect(texts).toMatch(/Teams meeting is on your calendar/);
    const join = (card.actions as { title: string; url?: string }[]).find((a) => a.title === 'Join the Teams meeting');
    expect(join?.url).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
    const event = graph.requests.find(
      (r) => r.method === 'POST' && r.path === `/v1.0/users/${USER.aadObjectId}/events`,
    );
    expect(event?.body).toMatchObject({
      start: { dateTime: '2025-06-03T12:30:00.000', timeZone: 'UTC' },
      attendees: [{ emailAddress: { address: 'kim@contoso.com', name: MEMBER.name }, type: 'required' }],
    });
    expect(graph.calls().filter((c) => c.endsWith('/tabs'))).toHaveLength(1);
    const tab = graph.requests.find((r) => r.path.endsWith('/tabs'))!.body as { configuration: { contentUrl: string } };
    expect(tab.configuration.contentUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/tab\/index\.html\?view=meeting$/);
  });

  it('tells the leader when the tab could not be pinned, and keeps the intro', async () => {
    graph.fail({ method: 'POST', path: /\/tabs$/, status: 403 });
    const card = await schedule(app, { person: MEMBER.aadObjectId, date: day(SECOND), time: '14:30' });
    expect(validateCard(card)).toEqual([]);
    expect(textsOf(card).join('\n')).toMatch(/could not pin the Intro 1:1 tab/);
  });

  it('refuses on the card, with what the admin must grant, when Graph answers 403', async () => {
    graph.fail({ method: 'POST', path: /\/events$/, status: 403 });
    const card = await schedule(app, { person: MEMBER.aadObjectId, date: day(SECOND), time: '16:00' });
    expect(textsOf(card).join('\n')).toMatch(/Calendars\.ReadWrite/);
  });
});

describe('scheduling with the local calendar', () => {
  let app: TestApp;

  beforeAll(async () => {
    clock.set(NOW);
    app = await startTestApp({}, { clock });
    await installBoth(app);
  });
  afterAll(async () => {
    await app.stop();
  });

  it('shows last time’s goals by horizon and open follow-ups on the next prep card with the same person', async () => {
    const first = await schedule(app, { person: MEMBER.aadObjectId, date: day(FIRST), time: '14:30' });
    const ics = (first.actions as { url?: string }[]).find((a) => a.url?.includes('.ics'))!.url!;
    const introId = /invites\/([0-9a-f-]+)\.ics/.exec(ics)![1]!;
    const notes = {
      text: { prep: '', goals: 'PRIVATE', pullFeedback: '', pushFeedback: '' },
      goals: [
        { id: 'g1', text: 'Lead a release', horizon: 'long' },
        { id: 'g2', text: 'Ship the search page', horizon: 'short' },
      ],
      issues: [],
      feedback: [],
      followUps: [
        { id: 'u1', text: 'Book the design course', owner: 'leader', done: false },
        { id: 'u2', text: 'Share the style guide', owner: 'member', done: true },
      ],
    };
    const saved = await app.api(LEADER_TOKEN, `/api/v1/intros/${introId}/notes`, {
      method: 'PUT',
      body: notes,
      headers: { 'if-match': '"0"' },
    });
    expect(saved.status).toBe(200);

    await schedule(app, { person: MEMBER.aadObjectId, date: day(SECOND), time: '14:30' });
    connector.clear();
    clock.set(SECOND - 15 * 60_000);
    await app.app.runDueJobs();
    const preps = connector.activities.filter(inChat(LEADER_CHAT)).map(onlyCard);
    const second = preps.find((card) => JSON.stringify(card).includes('Tue, 10 Jun 2025'));
    expect(second).toBeDefined();
    expect(validateCard(second)).toEqual([]);
    const texts = textsOf(second).join('\n');
    expect(texts).toContain('From your last intro with them');
    expect(texts).toMatch(/Goals — short term\n- Ship the search page/);
    expect(texts).toMatch(/Goals — long term\n- Lead a release/);
    expect(texts.indexOf('Goals — short term')).toBeLessThan(texts.indexOf('Goals — long term'));
    expect(texts).toContain('Book the design course');
    expect(texts).not.toContain('Share the style guide');
    expect(texts).not.toContain('PRIVATE');
  });

  it('tells the leader, on a valid card, when the member typed by name cannot be reached', async () => {
    clock.set(NOW);
    const confirmation = await schedule(app, {
      person: '',
      personText: 'Jo Newcomer',
      date: day(FIRST),
      time: '17:00',
    });
    expect(textsOf(confirmation).join('\n')).toContain('Intro 1:1 scheduled');
    connector.clear();
    clock.set(FIRST + 150 * 60_000);
    await app.app.runDueJobs();
    const notes = connector.activities.filter(inChat(LEADER_CHAT)).map(onlyCard);
    const unreachable = notes.find((card) => textsOf(card).join('\n').includes("I couldn't reach Jo Newcomer"));
    expect(unreachable).toBeDefined();
    expect(validateCard(unreachable)).toEqual([]);
    expect(textsOf(unreachable).join('\n')).toMatch(/has not opened a chat with me/);
  });
});
