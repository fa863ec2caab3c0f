import { startTestApp, type TestApp } from '../support/testApp';
import { startPlayground, type Playground } from './playgroundDriver';

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

type Card = { actions: { title: string; data: Record<string, unknown> }[] };

it('welcomes, schedules and confirms through the Agents Playground (plain-text person, non-GUID ids)', async () => {
  const chatId = playground.config.personalChat.id;
  await playground.say(chatId, 'help');
  const help = await playground.botMessage(chatId, (text) => text.includes('What I can do'));
  expect(JSON.stringify(help.message?.attachments)).toContain('application/vnd.microsoft.card.adaptive');

  // The help card's buttons work here too: the Playground submits a button's data as the activity's value.
  const helpCard = help.message?.attachments?.[0]?.content as Card;
  const agendaButton = helpCard.actions.find((action) => action.title === 'Agenda');
  await playground.submit(chatId, help.message?.messageId, agendaButton?.data);
  await playground.botMessage(chatId, (text) => text.includes('1. Goals — 15 min'));

  await playground.say(chatId, 'schedule');
  const scheduleEvent = await playground.botMessage(chatId, (text) => text.includes('Schedule an intro 1:1'));
  const card = scheduleEvent.message?.attachments?.[0]?.content as Card;
  await playground.submit(chatId, scheduleEvent.message?.messageId, {
    ...card.actions[0]!.data,
    personText: 'Megan Bowen',
    date: '2030-01-15',
    time: '10:00',
    duration: '45',
    setting: 'lunch',
  });
  const confirmation = await playground.botMessage(chatId, (text) => text.includes('Intro 1:1 scheduled'));
  const json = JSON.stringify(confirmation.message?.attachments);
  expect(json).toContain('Megan Bowen');
  expect(json).toContain('.ics?tenant=');
});
