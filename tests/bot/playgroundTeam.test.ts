import { startTestApp, type TestApp } from '../support/testApp';
import { textsOf, type SentCard } from './botHelpers';
import { startPlayground, type Playground, type StreamEvent } from './playgroundDriver';
import { inputsOf, submitData } from './teamPlanHelpers';

/**
 * docs/USING.md's "Meet my team" steps, in order, through the Agents Playground itself (its ids are not GUIDs and its
 * connector answers a member lookup only by the Teams account id, as Teams does for guests).
 */
let app: TestApp;
let playground: Playground;

beforeAll(async () => {
  app = await startTestApp();
  playground = await startPlayground(`${app.baseUrl}/api/messages`);
});
afterAll(async () => {
  await playground?.stop();
  await app.stop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The first bot message in `conversationId` among the events after the first `from`, waiting up to 10 s. */
async function messageAfter(conversationId: string, from: number, match: (json: string) => boolean) {
  for (const deadline = Date.now() + 10_000; Date.now() < deadline; await sleep(50)) {
    const found = playground.events
      .slice(from)
      .find(
        (event) =>
          event.action === 'createMessage' &&
          event.actionConversationId === conversationId &&
          match(JSON.stringify(event.message)),
      );
    if (found) return found;
  }
  throw new Error(`no bot message in ${conversationId}`);
}

/** Says `meet my team` until the bot offers a team (as a person would, should the install still be on its way). */
async function meetMyTeamOnceInstalled(personal: string): Promise<StreamEvent> {
  for (let attempt = 1; ; attempt++) {
    const from = playground.events.length;
    await playground.say(personal, 'meet my team');
    const answer = await messageAfter(personal, from, (json) => /Which team|not installed in any team/.test(json));
    if (JSON.stringify(answer.message).includes('Which team') || attempt === 20) return answer;
    await sleep(250);
  }
}

const cardOf = (event: StreamEvent): SentCard => event.message?.attachments?.[0]?.content as SentCard;
const NEWCOMER = { id: 'user-id-9', aadObjectId: '00000000-0000-0000-0000-0000000000029', name: 'Nia Newcomer' };

it('installs in the team, plans privately from the channel, confirms, shows progress and nudges about a newcomer', async () => {
  const { config } = playground;
  const personal = config.personalChat.id;
  const team = config.teams[0]!;
  const others = ['Megan Bowen', 'Adele Vance', 'Isaiah Langer', 'Patti Fernandez', 'Lynne Robbins'];

  // 1. `help` in personal chat.
  await playground.say(personal, 'help');
  await playground.botMessage(personal, (json) => json.includes('What I can do'));

  // 2. Mock an Activity → "install" in the team; personal chat's `meet my team` now offers that team. The Playground
  // answers a mocked activity before it hands it to the bot, so until the bot has it, `meet my team` finds no team.
  await playground.mock(team.id, 'install');
  const choice = await meetMyTeamOnceInstalled(personal);
  expect((cardOf(choice).actions as { title: string }[]).map((action) => action.title)).toEqual([team.name]);

  // 3. `@Test Bot meet my team` in the team's General channel: the channel hears only that a plan was sent.
  await playground.say(team.id, 'meet my team', true);
  const inChannel = await playground.botMessage(new RegExp(`^${team.id};messageid=`), () => true);
  expect(inChannel.message?.text).toBe('I sent you an intro plan in our personal chat. Only you can see it.');

  // 4. The private plan arrives in personal chat, naming every other member.
  const planEvent = await playground.botMessage(personal, (json) => json.includes('your intro plan'));
  const plan = cardOf(planEvent);
  const planText = textsOf(plan).join('\n');
  for (const name of others) expect(planText).toContain(`**${name}**`);
  expect(planText).not.toContain(`**${config.currentUser.name}**`);

  // 5. Confirm it, as the Playground's UI submits the card (its data and its inputs).
  await playground.submit(personal, planEvent.message?.messageId, { ...submitData(plan), ...inputsOf(plan) });
  const done = await playground.botMessage(personal, (json) => json.includes('scheduled with'));
  expect(textsOf(cardOf(done))).toContain(`5 intro 1:1s scheduled with ${team.name}`);
  expect(JSON.stringify(cardOf(done)).match(/Add to calendar \(\.ics\)\]\(http[^)]+\.ics\?/g)).toHaveLength(5);

  // 6. `team` shows progress.
  await playground.say(personal, 'team');
  const progress = await playground.botMessage(personal, (json) => json.includes('Not yet scheduled'));
  expect(textsOf(cardOf(progress))).toContain(`**${team.name}**`);
  expect(JSON.stringify(cardOf(progress))).toContain('{"title":"Scheduled","value":"5"}');

  // 7. Mock an Activity → "userAdded", with the added member changed to a newcomer: the leader gets a private nudge.
  await playground.mock(team.id, 'userAdded', (activity) => {
    activity.membersAdded = [NEWCOMER];
  });
  const nudge = await playground.botMessage(personal, (json) => json.includes('joined'));
  expect(textsOf(cardOf(nudge))).toContain(`${NEWCOMER.name} joined ${team.name}`);
  // Nothing private reached the channel: only the one sentence.
  const channelMessages = playground.events.filter((e) => e.actionConversationId?.startsWith(`${team.id};`));
  expect(channelMessages.map((e) => e.message?.text)).toEqual([inChannel.message?.text]);
});
