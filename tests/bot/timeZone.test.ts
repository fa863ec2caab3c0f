import { TENANT_ID, USER, baseActivity, messageActivity, postActivity, type ActivityJson } from '../support/activities';
import { startConnectorStub, type ConnectorStub, type RecordedActivity } from '../support/connectorStub';
import { manualClock, startTestApp, type TestApp } from '../support/testApp';
import { cardsOf, isMessage, textsOf } from './botHelpers';
import { inputsOf } from './teamPlanHelpers';

/** A client that names its zone only in the clientInfo entity (no `localTimezone`): the leader's zone still rules. */
const ZONE = 'Asia/Tokyo';
const clientInfo = { type: 'clientInfo', locale: 'en-US', timezone: ZONE };
const NOW = Date.parse('2025-06-02T00:00:00Z');
const CHAT = `a:personal-${USER.aadObjectId}`;

let connector: ConnectorStub;
let app: TestApp;

beforeAll(async () => {
  connector = await startConnectorStub();
  app = await startTestApp({}, { clock: manualClock(NOW) });
});
afterAll(async () => {
  await app.stop();
  await connector.stop();
});

async function turn(activity: ActivityJson): Promise<Record<string, unknown>> {
  const response = await postActivity(`${app.baseUrl}/api/messages`, { ...activity, entities: [clientInfo] });
  expect(response.status).toBeLessThan(300);
  const reply: RecordedActivity = await connector.waitFor((r) => isMessage(r) && r.replyToId === activity.id);
  return cardsOf(reply)[0]!;
}

it('asks for the date and time in the zone the client names, shows it, and stores UTC', async () => {
  const card = await turn(messageActivity(connector.serviceUrl, 'schedule', { conversationId: CHAT }));
  const labels = JSON.stringify(card);
  expect(labels).toContain(`"label":"Date (${ZONE})"`);
  expect(labels).toContain(`"label":"Time (${ZONE})"`);
  // Tomorrow in Tokyo (09:00 there now), 10:00 by default.
  expect(inputsOf(card)).toMatchObject({ date: '2025-06-03', time: '10:00' });

  const stamp = (card.actions as { data: Record<string, unknown> }[])[0]!.data;
  const submit = {
    ...baseActivity(connector.serviceUrl, 'message', { conversationId: CHAT }),
    value: { ...stamp, personText: 'Kim Lee', date: '2025-06-03', time: '10:00', duration: '45', setting: 'lunch' },
  };
  const confirmation = await turn(submit);
  expect(textsOf(confirmation).join('\n')).toContain('Intro 1:1 scheduled');
  expect(JSON.stringify(confirmation)).toContain(`10:00 (${ZONE})`);

  const leader = { oid: USER.aadObjectId, tid: TENANT_ID, name: USER.name };
  const listed = (await (await app.api(leader, '/api/v1/intros')).json()) as { items: { scheduledStart: string }[] };
  expect(listed.items.map((intro) => intro.scheduledStart)).toEqual(['2025-06-03T01:00:00.000Z']);
});
