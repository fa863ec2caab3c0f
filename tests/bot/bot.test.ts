import { buildAgenda } from '../../src/domain/agenda';
import { OPENING } from '../../src/domain/method';
import { APOLOGY, UNREADABLE_CARD } from '../../src/bot/handlers';
import { COMMAND_NAMES, COMMANDS } from '../../src/bot/commands';
import { NO_IDENTITY } from '../../src/bot/replies';
import {
  BOT,
  installActivity,
  mentionActivity,
  messageActivity,
  postActivity,
  type ActivityJson,
} from '../support/activities';
import { validateCard } from '../support/adaptiveCards';
import { startConnectorStub, type ConnectorStub, type RecordedActivity } from '../support/connectorStub';
import { cardsOf, isMessage, textsOf, type SentCard } from './botHelpers';
import { startTestApp, type TestApp } from '../support/testApp';

let stub: ConnectorStub;
let app: TestApp;
const endpoint = () => `${app.baseUrl}/api/messages`;

beforeAll(async () => {
  stub = await startConnectorStub();
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
  await stub.stop();
});
beforeEach(() => stub.clear());

/** Posts an activity, expects 200, and returns the bot's one reply to it. */
async function turn(activity: ActivityJson): Promise<RecordedActivity> {
  const response = await postActivity(endpoint(), activity);
  expect(response.status).toBe(200);
  const reply = await stub.waitFor((recorded) => isMessage(recorded) && recorded.replyToId === activity.id);
  return reply;
}

async function send(text: string): Promise<RecordedActivity> {
  return turn(messageActivity(stub.serviceUrl, text));
}

function onlyCard(reply: RecordedActivity): SentCard {
  const cards = cardsOf(reply);
  expect(cards).toHaveLength(1);
  return cards[0] ?? {};
}

const phaseHeadings = (card: SentCard) => textsOf(card).filter((text) => /^\d\. .+ — \d+ min$/.test(text));

describe('Intro 1:1 bot over HTTP', () => {
  it('welcomes the user with the method and command buttons when installed', async () => {
    const install = installActivity(stub.serviceUrl);
    const reply = await turn(install);
    expect(reply.path).toBe(
      `/v3/conversations/${encodeURIComponent('a:personal-5b0f1b6e-3c1d-4b8e-9f2a-0c4d5e6f7a8b')}/activities/${String(install.id)}`,
    );
    const card = onlyCard(reply);
    const texts = textsOf(card).join('\n');
    expect(texts).toContain('Welcome to Intro 1:1');
    expect(texts).toMatch(/Goals.*How it's going.*Feedback/s);
    expect(texts).toContain('45 minutes');
    expect(texts).toMatch(/private/i);
    const buttons = (card.actions as { type: string; data?: { msteams?: { text?: string } } }[]).filter(
      (action) => action.type === 'Action.Submit',
    );
    expect(buttons.map((button) => button.data?.msteams?.text)).toEqual(['schedule', 'agenda', 'help']);
  });

  it('welcomes a group chat without speaking of "our personal chat" or offering to schedule there', async () => {
    const install = installActivity(stub.serviceUrl, {
      conversationId: '19:group@thread.v2',
      conversationType: 'groupChat',
    });
    const card = onlyCard(await turn(install));
    expect(validateCard(card)).toEqual([]);
    const texts = textsOf(card).join('\n');
    expect(texts).not.toMatch(/\bour personal chat/);
    expect(texts).toMatch(/your personal chat with me/);
    const commands = (card.actions as { data?: { msteams?: { text?: string } } }[]).map((a) => a.data?.msteams?.text);
    expect(commands).not.toContain('schedule');
    expect(commands).toContain('help');
  });

  it.each<[string, RegExp]>([
    ['help', /What I can do/],
    ['agenda 30', /1\. Goals — 10 min/],
  ])(
    'runs a card button "%s" whose data arrives as the value, as the Agents Playground sends it',
    async (command, shows) => {
      const button = { msteams: { type: 'messageBack', text: command, displayText: command } };
      const reply = await turn({ ...messageActivity(stub.serviceUrl, ''), text: undefined, value: button });
      expect(textsOf(onlyCard(reply)).join('\n')).toMatch(shows);
    },
  );

  it('does not welcome anyone when another member joins', async () => {
    const joined: ActivityJson = { ...installActivity(stub.serviceUrl), membersAdded: [{ id: '29:someone-else' }] };
    const response = await postActivity(endpoint(), joined);
    expect(response.status).toBe(200);
    await send('help');
    expect(stub.activities.filter(isMessage).map((recorded) => recorded.replyToId)).not.toContain(joined.id);
  });

  it('answers "help" with every command in the command table', async () => {
    const texts = textsOf(onlyCard(await send('help')));
    for (const name of COMMAND_NAMES) expect(texts).toContain(`**${COMMANDS[name].usage}**`);
  });

  it('sends the 45-minute agenda with opening lines, prompts and collapsible tips', async () => {
    const card = onlyCard(await send('agenda'));
    expect(phaseHeadings(card)).toEqual(['1. Goals — 15 min', "2. How it's going — 20 min", '3. Feedback — 10 min']);
    const texts = textsOf(card).join('\n');
    expect(texts).toContain(OPENING[0]);
    for (const item of buildAgenda(45).items) {
      expect(texts).toContain(item.purpose);
      expect(texts).toContain(item.prompts[0]);
      expect(texts).toContain(item.tips[0]);
    }
    expect(JSON.stringify(card)).toContain('"targetElements":["tips-goals"]');
  });

  it('scales the agenda to the minutes asked for', async () => {
    const card = onlyCard(await send('agenda 30'));
    expect(phaseHeadings(card)).toEqual(['1. Goals — 10 min', "2. How it's going — 13 min", '3. Feedback — 7 min']);
  });

  it.each([
    ['agenda 61', /^61 minutes is too long to keep the conversation focused/],
    ['agenda 20', /^20 minutes is too short for someone to open up/],
    ['agenda 40.5', /^Choose a whole number of minutes between 30 and 60\.$/],
    ['agenda soon', /^Choose a whole number of minutes between 30 and 60\.$/],
  ])('refuses "%s" with the method\'s reason', async (text, reason) => {
    const reply = await send(text);
    expect(cardsOf(reply)).toEqual([]);
    expect(reply.body.text).toMatch(reason);
  });

  it('understands a command after an @mention, in any case', async () => {
    const reply = await turn(mentionActivity(stub.serviceUrl, 'HELP'));
    expect(textsOf(onlyCard(reply))).toContain('What I can do');
  });

  it('answers a card submission it does not recognise with a short note', async () => {
    const reply = await turn({ ...messageActivity(stub.serviceUrl, ''), text: undefined, value: { verb: 'nope' } });
    expect(reply.body.text).toBe(UNREADABLE_CARD);
  });

  it('answers "recap" with nothing to recap yet', async () => {
    const reply = await send('recap');
    expect(reply.body.text).toMatch(/not led an intro 1:1 yet/);
  });

  it('refuses flow commands from a user without an Entra id', async () => {
    const reply = await turn(messageActivity(stub.serviceUrl, 'schedule', { from: { id: '29:guest', name: 'Guest' } }));
    expect(reply.body.text).toBe(NO_IDENTITY);
  });

  it('answers anything else with help', async () => {
    const reply = await send('what is this?');
    expect(reply.body.text).toBe("I didn't get that. Here is what I can do:");
    expect(textsOf(onlyCard(reply))).toContain('What I can do');
  });

  it('sends only cards that pass Adaptive Cards 1.5 validation', async () => {
    const replies = [
      await turn(installActivity(stub.serviceUrl)),
      ...(await Promise.all(['help', 'agenda', 'agenda 30', 'agenda 60', 'hello', 'history'].map(send))),
    ];
    const cards = replies.flatMap(cardsOf);
    expect(cards).toHaveLength(7);
    for (const card of cards) {
      expect(card.version).toBe('1.5');
      expect(validateCard(card)).toEqual([]);
    }
  });

  it('apologises when a turn fails and keeps answering', async () => {
    // The help card cannot be sent (Teams refuses it): the turn fails, and the apology goes out after it.
    stub.failNextSends(1);
    const apology = await turn(messageActivity(stub.serviceUrl, 'help'));
    expect(apology.body.text).toBe(APOLOGY);
    expect(textsOf(onlyCard(await send('help')))).toContain('What I can do');
  });

  it('replies to the bot id it was addressed as', async () => {
    const reply = await send('help');
    expect(reply.body.from).toMatchObject({ id: BOT.id });
  });
});
