import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SCHEDULE_CARD_VERSION } from '../../src/bot/cards/scheduleCard';
import { PERSONAL_ONLY } from '../../src/bot/replies';
import {
  BOT,
  TENANT_ID,
  USER,
  baseActivity,
  installActivity,
  messageActivity,
  postActivity,
} from '../support/activities';
import type { ActivityJson } from '../support/activities';
import { validateCard } from '../support/adaptiveCards';
import { startConnectorStub, type ConnectorStub, type RecordedActivity } from '../support/connectorStub';
import { manualClock, startTestApp, type TestApp, type TestUser } from '../support/testApp';
import { cardsOf, isMessage, textsOf } from '../bot/botHelpers';

/** The whole bot flow over real HTTP: schedule → invite → prep (once across two instances) → meeting → recap → share. */
const MEMBER_USER = { id: '29:user-sam', aadObjectId: '9c1e2d3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f', name: 'Sam Rivera' };
const LEADER_TOKEN_USER: TestUser = { oid: USER.aadObjectId, tid: TENANT_ID, name: USER.name };
const LEADER_CHAT = `a:personal-${USER.aadObjectId}`;
const MEMBER_CHAT = `a:personal-${MEMBER_USER.aadObjectId}`;
const MEETING_CHAT = '19:meeting_intro@thread.v2';
const MEETING_ID = 'MCMxOTptZWV0aW5nX2ludHJvQHRocmVhZC52MiMw';
const ZONE = 'Europe/Paris';
const NOW = Date.parse('2025-06-02T08:00:00Z');
// 2025-06-03 14:30 in Paris (UTC+2 in summer).
const START = Date.parse('2025-06-03T12:30:00Z');
// A goal typed as Markdown must show literally: never a link or bold text in a card.
const EVIL_GOAL = '[Verify](https://evil) **x**';
const ESCAPED_GOAL = '\\[Verify\\]\\(https://evil\\) \\*\\*x\\*\\*';

const clock = manualClock(NOW);
let dataDir: string;
let a: TestApp;
let b: TestApp;
let connector: ConnectorStub;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'intro-flow-'));
  connector = await startConnectorStub();
  a = await startTestApp({ DATA_DIR: dataDir }, { clock });
  b = await startTestApp({ DATA_DIR: dataDir }, { clock });
});
afterAll(async () => {
  await Promise.all([a.stop(), b.stop(), connector.stop()]);
  rmSync(dataDir, { recursive: true, force: true });
});

const inChat = (chat: string) => (r: RecordedActivity) => isMessage(r) && r.conversationId === chat;

async function post(activity: ActivityJson, app: TestApp = a): Promise<void> {
  const response = await postActivity(`${app.baseUrl}/api/messages`, { ...activity, localTimezone: ZONE });
  expect(response.status).toBeLessThan(300);
}

async function turn(activity: ActivityJson): Promise<RecordedActivity> {
  await post(activity);
  return connector.waitFor((r) => isMessage(r) && r.replyToId === activity.id);
}

function submit(value: Record<string, unknown>, from: Record<string, unknown> = { ...USER }): ActivityJson {
  const chat = from.aadObjectId === USER.aadObjectId ? LEADER_CHAT : MEMBER_CHAT;
  return { ...baseActivity(connector.serviceUrl, 'message', { from, conversationId: chat }), value };
}

function onlyCard(reply: RecordedActivity): Record<string, unknown> {
  const cards = cardsOf(reply);
  expect(cards).toHaveLength(1);
  return cards[0]!;
}

/** The Teams people picker (`choices.data`) is a 1.6 property Teams honours in 1.5 cards; nothing else may fail. */
function validateScheduleCard(card: unknown): string[] {
  return validateCard(card).filter(
    (m) => !/"choices\.data" is supported in version 1\.6/.test(m) && !/must have at least one choice/.test(m),
  );
}

function submitData(card: Record<string, unknown>): Record<string, unknown> {
  const action = (card.actions as { data: Record<string, unknown> }[])[0]!;
  return action.data;
}

let scheduleData: Record<string, unknown>;
let introId: string;
let inviteUrl: string;

describe('the intro 1:1 bot flow', () => {
  it('welcomes both people, with a schedule button', async () => {
    await turn(installActivity(connector.serviceUrl, { from: { ...MEMBER_USER }, conversationId: MEMBER_CHAT }));
    const welcome = onlyCard(await turn(installActivity(connector.serviceUrl, { conversationId: LEADER_CHAT })));
    expect(validateCard(welcome)).toEqual([]);
    expect(JSON.stringify(welcome.actions)).toContain('"text":"schedule"');
  });

  it('sends the schedule card in the user time zone with 45 minutes preselected', async () => {
    const card = onlyCard(
      await turn(messageActivity(connector.serviceUrl, 'schedule', { conversationId: LEADER_CHAT })),
    );
    expect(validateScheduleCard(card)).toEqual([]);
    const json = JSON.stringify(card);
    expect(json).toContain('"choices.data":{"type":"Data.Query","dataset":"graph.microsoft.com/users"}');
    expect(json).toContain(`Time (${ZONE})`);
    expect(json).toContain('"id":"duration","label":"Length","style":"compact","value":"45"');
    expect(textsOf(card).join(' ')).toMatch(/private/);
    scheduleData = submitData(card);
    expect(scheduleData).toMatchObject({ verb: 'scheduleIntro', cardVersion: SCHEDULE_CARD_VERSION, timeZone: ZONE });
  });

  const valid = () => ({
    ...scheduleData,
    person: MEMBER_USER.aadObjectId,
    date: '2025-06-03',
    time: '14:30',
    duration: '45',
    setting: 'coffee',
  });

  it.each<[string, () => Record<string, unknown>, RegExp]>([
    ['no person', () => ({ ...valid(), person: '', personText: '' }), /Choose the person/],
    ['oneself', () => ({ ...valid(), person: USER.aadObjectId }), /someone other than yourself/],
    ['oneself by name', () => ({ ...valid(), person: '', personText: 'ada lovelace' }), /someone other than yourself/],
    ['a time in the past', () => ({ ...valid(), date: '2025-06-01' }), /has passed/],
    ['90 minutes', () => ({ ...valid(), duration: '90' }), /too long to keep the conversation focused/],
    ['20 minutes', () => ({ ...valid(), duration: '20' }), /too short for someone to open up/],
    ['a tampered stamp', () => ({ ...valid(), issuedAt: NOW - 1000 }), /could not verify/],
    ['an old card version', () => ({ ...valid(), cardVersion: 0 }), /out of date/],
    ['an unexpected field', () => ({ ...valid(), leaderId: 'x' }), /could not read that card/],
    ['a setting not offered', () => ({ ...valid(), setting: 'pub' }), /could not read that card/],
  ])('refuses %s on a re-sent card and stores nothing', async (_case, values, message) => {
    const card = onlyCard(await turn(submit(values())));
    expect(validateScheduleCard(card)).toEqual([]);
    expect(textsOf(card).join('\n')).toMatch(message);
    const list = (await (await a.api(LEADER_TOKEN_USER, '/api/v1/intros')).json()) as { items: unknown[] };
    expect(list.items).toEqual([]);
  });

  it('refuses a stale card issued more than a day ago', async () => {
    clock.advance(25 * 3_600_000);
    try {
      const card = onlyCard(await turn(submit({ ...valid(), date: '2025-06-05' })));
      expect(textsOf(card).join('\n')).toMatch(/out of date/);
    } finally {
      clock.set(NOW);
    }
  });

  it('confirms a valid submission with an .ics invite at a signed link', async () => {
    const card = onlyCard(await turn(submit(valid())));
    expect(validateCard(card)).toEqual([]);
    const texts = textsOf(card).join('\n');
    expect(texts).toContain('Intro 1:1 scheduled');
    const json = JSON.stringify(card);
    expect(json).toContain(`{"title":"With","value":"${MEMBER_USER.name}"}`);
    expect(json).toContain('{"title":"When","value":"Tue, 3 Jun 2025, 14:30 (Europe/Paris)"}');
    expect(json).toContain('{"title":"Setting","value":"Over coffee"}');
    const ics = (card.actions as { type: string; url?: string }[]).find((x) => x.url?.includes('.ics'))!.url!;
    introId = /invites\/([0-9a-f-]+)\.ics/.exec(ics)![1]!;
    inviteUrl = ics;
    const response = await fetch(ics);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/calendar/);
    const body = await response.text();
    expect(body).toContain('\r\nDTSTART:20250603T123000Z\r\n');
    expect(body).toContain('\r\nDTEND:20250603T131500Z\r\n');
    expect(body).toContain(`UID:${introId}@`);
    expect(body).toMatch(/ATTENDEE;CN="Sam Rivera"/);
    expect((await fetch(ics.replace(/sig=[^&]+/, 'sig=forged'))).status).toBe(404);
    expect(ics).toMatch(/[?&]exp=\d+&/);
    expect((await fetch(ics.replace(/exp=\d+/, 'exp=99999999999'))).status).toBe(404);
    expect((await fetch(ics, { method: 'GET' })).status).toBe(200);
  });

  it('sends the prep card and heads-up exactly once across two instances sharing the store', async () => {
    connector.clear();
    clock.set(START - 20 * 60_000);
    expect(await Promise.all([a.app.runDueJobs(), b.app.runDueJobs()])).toEqual([0, 0]);
    clock.set(START - 15 * 60_000);
    const ran = await Promise.all([a.app.runDueJobs(), b.app.runDueJobs(), a.app.runDueJobs()]);
    expect(ran.reduce((x, y) => x + y, 0)).toBe(2);
    const prep = connector.activities.filter(inChat(LEADER_CHAT));
    expect(prep).toHaveLength(1);
    const prepCard = onlyCard(prep[0]!);
    expect(validateCard(prepCard)).toEqual([]);
    expect(textsOf(prepCard).join('\n')).toMatch(/1\. Goals — 15 min/);
    const headsUp = connector.activities.filter(inChat(MEMBER_CHAT));
    expect(headsUp).toHaveLength(1);
    const headsUpText = textsOf(onlyCard(headsUp[0]!)).join('\n');
    expect(headsUpText).toMatch(/not a status update or a review/);
    expect(headsUpText).toMatch(/nothing to prepare/i);
    expect(await Promise.all([a.app.runDueJobs(), b.app.runDueJobs()])).toEqual([0, 0]);
  });

  const meetingEvent = (name: string) => ({
    ...baseActivity(connector.serviceUrl, 'event', { conversationId: MEETING_CHAT, conversationType: 'groupChat' }),
    name,
    channelData: { tenant: { id: TENANT_ID }, meeting: { id: MEETING_ID } },
    value: { Id: MEETING_ID, StartTime: new Date(START).toISOString(), Title: 'Intro 1:1', MeetingType: 'Scheduled' },
  });

  it('makes the intro ready on meeting start without starting the timer or posting in the meeting', async () => {
    connector.clear();
    clock.set(START);
    await post(meetingEvent('application/vnd.microsoft.meetingStart'), b);
    const view = (await (await a.api(LEADER_TOKEN_USER, `/api/v1/intros/${introId}`)).json()) as {
      intro: { status: string };
      session: { session: { status: string } };
    };
    expect(view.intro.status).toBe('ready');
    expect(view.session.session.status).toBe('notStarted');
    expect(connector.activities.filter(isMessage)).toEqual([]);
  });

  it('ends the session on meeting end and sends the recap to the leader only', async () => {
    const started = await a.api(LEADER_TOKEN_USER, `/api/v1/intros/${introId}/session`, { body: { action: 'start' } });
    expect(started.status).toBe(200);
    const notes = {
      text: { prep: '', goals: 'PRIVATE FREE TEXT', pullFeedback: '', pushFeedback: '' },
      goals: [
        { id: 'g1', text: 'Learn Rust', horizon: 'medium' },
        { id: 'g2', text: EVIL_GOAL, horizon: 'long' },
      ],
      issues: [{ id: 'i1', text: 'Builds are slow', paraphrased: true }],
      feedback: [{ id: 'f1', text: 'Great onboarding doc', kind: 'celebratory' }],
      followUps: [{ id: 'u1', text: 'Find a Rust mentor', owner: 'leader', done: false }],
    };
    const saved = await a.api(LEADER_TOKEN_USER, `/api/v1/intros/${introId}/notes`, {
      method: 'PUT',
      body: notes,
      headers: { 'if-match': '"0"' },
    });
    expect(saved.status).toBe(200);
    clock.advance(12 * 60_000);
    connector.clear();
    await post(meetingEvent('application/vnd.microsoft.meetingEnd'));
    const recap = await connector.waitFor(inChat(LEADER_CHAT));
    const card = onlyCard(recap);
    expect(validateCard(card)).toEqual([]);
    const texts = textsOf(card).join('\n');
    expect(JSON.stringify(card)).toContain('{"title":"Goals","value":"12 of 15 min"}');
    expect(texts).toMatch(/Goals — medium term\n- Learn Rust/);
    expect(texts).toContain('Builds are slow _(paraphrased and confirmed)_');
    expect(texts).toContain('Great onboarding doc');
    expect(texts).toContain('Find a Rust mentor');
    expect(texts).not.toContain('PRIVATE FREE TEXT');
    expect(texts).toContain(ESCAPED_GOAL);
    expect(texts).not.toContain('[Verify](https://evil)');
    expect(connector.activities.filter(inChat(MEETING_CHAT))).toEqual([]);
    expect(connector.activities.filter(inChat(MEMBER_CHAT))).toEqual([]);
    const session = (await (await a.api(LEADER_TOKEN_USER, `/api/v1/intros/${introId}/session`)).json()) as {
      session: { status: string };
    };
    expect(session.session.status).toBe('ended');
  });

  it('shares only the chosen part with the member, never the free text', async () => {
    connector.clear();
    const reply = await turn(submit({ verb: 'shareRecap', introId, shareGoals: 'true', shareFollowUps: 'false' }));
    expect(reply.body.text).toBe(`Shared with ${MEMBER_USER.name} in their personal chat.`);
    const shared = await connector.waitFor(inChat(MEMBER_CHAT));
    const texts = textsOf(onlyCard(shared)).join('\n');
    expect(texts).toContain('Learn Rust');
    expect(texts).toContain(ESCAPED_GOAL);
    expect(texts).not.toContain('**x**');
    expect(texts).not.toContain('Find a Rust mentor');
    expect(texts).not.toContain('PRIVATE FREE TEXT');
  });

  it('refuses a share by someone who did not lead the intro', async () => {
    connector.clear();
    const reply = await turn(submit({ verb: 'shareRecap', introId, shareGoals: 'true' }, { ...MEMBER_USER }));
    expect(reply.body.text).toMatch(/not one you led/);
    expect(connector.activities.filter(inChat(LEADER_CHAT))).toHaveLength(0);
  });

  it('recaps the latest intro and lists history on demand', async () => {
    const recap = onlyCard(await turn(messageActivity(connector.serviceUrl, 'recap', { conversationId: LEADER_CHAT })));
    expect(textsOf(recap).join('\n')).toContain('Recap: intro 1:1 with Sam Rivera');
    const history = onlyCard(
      await turn(messageActivity(connector.serviceUrl, 'history', { conversationId: LEADER_CHAT })),
    );
    expect(validateCard(history)).toEqual([]);
    expect(JSON.stringify(history)).toContain(`intro=${introId}`);
    expect(textsOf(history).join('\n')).toContain('**Sam Rivera**');
  });

  it.each(['recap', 'prep', 'history', 'schedule', 'team'])(
    'refuses "%s" in a group chat with the one personal-chat reply, sending no notes or plans',
    async (command) => {
      connector.clear();
      const group = { conversationId: '19:group@thread.v2', conversationType: 'groupChat' } as const;
      const reply = await turn(messageActivity(connector.serviceUrl, command, group));
      expect(reply.body.text).toBe(PERSONAL_ONLY);
      expect(cardsOf(reply)).toEqual([]);
      expect(connector.activities.filter(isMessage)).toHaveLength(1);
    },
  );

  it('replies as the bot it was addressed as', async () => {
    const reply = await turn(messageActivity(connector.serviceUrl, 'help', { conversationId: LEADER_CHAT }));
    expect(reply.body.from).toMatchObject({ id: BOT.id });
  });

  it('serves the invite until 30 days after the intro, and not after', async () => {
    clock.set(START + 30 * 24 * 60 * 60_000 - 1000);
    expect((await fetch(inviteUrl)).status).toBe(200);
    clock.set(START + 30 * 24 * 60 * 60_000);
    expect((await fetch(inviteUrl)).status).toBe(404);
  });

  it('turns a submitted schedule card into its confirmation, and a second press creates nothing and says so', async () => {
    const ask = messageActivity(connector.serviceUrl, 'schedule', { conversationId: LEADER_CHAT });
    const sent = await turn(ask);
    const press = () => ({
      ...submit({
        ...submitData(onlyCard(sent)),
        person: MEMBER_USER.aadObjectId,
        date: '2025-08-01',
        time: '10:00',
        duration: '45',
      }),
      replyToId: sent.id,
    });
    const count = async () =>
      ((await (await a.api(LEADER_TOKEN_USER, '/api/v1/intros')).json()) as { items: unknown[] }).items.length;
    const before = await count();
    await post(press());
    const updated = await connector.waitFor((r) => r.method === 'PUT' && r.id === sent.id);
    expect(updated.path).toBe(`/v3/conversations/${encodeURIComponent(LEADER_CHAT)}/activities/${sent.id}`);
    expect(updated.status).toBe(200);
    expect(textsOf(onlyCard(updated)).join('\n')).toContain('Intro 1:1 scheduled');
    expect(await count()).toBe(before + 1);
    // Whoever schedules through the bot leads.
    const listed = (await (await a.api(LEADER_TOKEN_USER, '/api/v1/intros')).json()) as {
      items: { leader: { id: string }; scheduledStart?: string }[];
    };
    const scheduled = listed.items.find((intro) => intro.scheduledStart?.startsWith('2025-08-01'));
    expect(scheduled?.leader.id).toBe(USER.aadObjectId);

    const again = await turn(press());
    expect(again.body.text).toMatch(
      /^That card was already used: your intro 1:1 with Sam Rivera \(Fri, 1 Aug 2025, 10:00/,
    );
    expect(again.body.text).toMatch(/nothing new was created/);
    expect(cardsOf(again)).toEqual([]);
    expect(await count()).toBe(before + 1);
  });

  it('says an intro was not held yet on "recap" before it, with no minutes and no Share', async () => {
    const grace = { id: '29:user-grace', aadObjectId: '4e3d2c1b-0a9f-4e8d-8c7b-6a5f4e3d2c1b', name: 'Grace Hopper' };
    const chat = `a:personal-${grace.aadObjectId}`;
    const card = onlyCard(
      await turn(messageActivity(connector.serviceUrl, 'schedule', { from: grace, conversationId: chat })),
    );
    const value = {
      ...submitData(card),
      person: MEMBER_USER.aadObjectId,
      date: '2025-08-02',
      time: '09:00',
      duration: '30',
    };
    const confirmed = await turn({
      ...baseActivity(connector.serviceUrl, 'message', { from: grace, conversationId: chat }),
      value,
    });
    expect(textsOf(onlyCard(confirmed)).join('\n')).toContain('Intro 1:1 scheduled');

    const recap = await turn(messageActivity(connector.serviceUrl, 'recap', { from: grace, conversationId: chat }));
    expect(recap.body.text).toMatch(
      /^Your intro 1:1 with Sam Rivera \(Sat, 2 Aug 2025, 09:00.*\) has not been held yet/,
    );
    expect(cardsOf(recap)).toEqual([]);
    expect(JSON.stringify(recap.body)).not.toMatch(/0 of \d+ min|Share/);
  });
});
