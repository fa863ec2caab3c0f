import { Writable } from 'node:stream';
import pino from 'pino';
import {
  BOT,
  TENANT_ID,
  USER,
  baseActivity,
  installActivity,
  mentionActivity,
  messageActivity,
  type ActivityJson,
} from '../support/activities';
import { startConnectorStub, type ConnectorStub } from '../support/connectorStub';
import { startTestApp, type TestApp } from '../support/testApp';
import { countCases } from './support/cases';

/**
 * Malformed activities answer 400 naming the field, and no turn runs on them; the shapes Teams and the Agents
 * Playground send still pass. The malformed ones are generated: every required field dropped, every field the bot
 * reads given each wrong type.
 */
const cases = countCases('activity shapes');

let app: TestApp;
let connector: ConnectorStub;
const logLines: Array<{ level: number; msg: string }> = [];

beforeAll(async () => {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(JSON.parse(chunk.toString('utf8')) as { level: number; msg: string });
      done();
    },
  });
  [app, connector] = await Promise.all([
    startTestApp({}, { logger: pino({ level: 'warn' }, sink) }),
    startConnectorStub(),
  ]);
});
afterAll(async () => {
  await Promise.all([app?.stop(), connector?.stop()]);
});

async function post(
  activity: unknown,
): Promise<{ status: number; body: { error?: { code?: string; field?: string } } }> {
  const response = await fetch(`${app.baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as never) : {} };
}

const failedTurns = () => logLines.filter((line) => line.msg === 'bot turn failed');

/** `activity` with `value` at a dotted path (`membersAdded.0.id`), creating the objects and arrays on the way. */
function setPath(activity: ActivityJson, dotted: string, value: unknown): ActivityJson {
  const copy = structuredClone(activity) as Record<string, unknown>;
  const keys = dotted.split('.');
  let node: Record<string, unknown> = copy;
  keys.slice(0, -1).forEach((key, index) => {
    const nextIsIndex = /^\d+$/.test(keys[index + 1]!);
    const existing = node[key];
    if (typeof existing !== 'object' || existing === null) node[key] = nextIsIndex ? [{}] : {};
    node = node[key] as Record<string, unknown>;
  });
  node[keys.at(-1)!] = value;
  return copy;
}

function withoutPath(activity: ActivityJson, dotted: string): ActivityJson {
  const copy = setPath(activity, dotted, undefined);
  return JSON.parse(JSON.stringify(copy)) as ActivityJson;
}

type Kind = 'string' | 'id' | 'object' | 'array' | 'boolean';
const WRONG: Record<Kind, readonly unknown[]> = {
  string: [42, true, {}, ['text'], null],
  id: [42, true, {}, ['id'], null, '', 'x'.repeat(1025)],
  object: ['x', 42, true, ['x'], null],
  array: ['x', 42, { 0: { id: 'x' } }, null],
  boolean: ['yes', 1, null],
};

/** Every field the bot, teams-ai or botbuilder reads, with its kind. */
const FIELDS: ReadonlyArray<readonly [string, Kind]> = [
  ['type', 'id'],
  ['id', 'string'],
  ['name', 'string'],
  ['action', 'string'],
  ['timestamp', 'string'],
  ['localTimezone', 'string'],
  ['serviceUrl', 'id'],
  ['channelId', 'id'],
  ['from', 'object'],
  ['from.id', 'id'],
  ['from.name', 'string'],
  ['from.aadObjectId', 'string'],
  ['recipient', 'object'],
  ['recipient.id', 'id'],
  ['conversation', 'object'],
  ['conversation.id', 'id'],
  ['conversation.conversationType', 'string'],
  ['conversation.tenantId', 'string'],
  ['conversation.isGroup', 'boolean'],
  ['replyToId', 'string'],
  ['locale', 'string'],
  ['text', 'string'],
  ['membersAdded', 'array'],
  ['membersAdded.0', 'object'],
  ['membersAdded.0.id', 'id'],
  ['membersRemoved', 'array'],
  ['membersRemoved.0.id', 'id'],
  ['channelData', 'object'],
  ['channelData.tenant', 'object'],
  ['channelData.tenant.id', 'string'],
  ['channelData.team.id', 'string'],
  ['channelData.meeting', 'object'],
  ['channelData.meeting.id', 'string'],
  ['channelData.eventType', 'string'],
  ['entities', 'array'],
  ['entities.0.type', 'string'],
  ['entities.0.mentioned.id', 'id'],
  ['attachments', 'array'],
  ['attachments.0.contentType', 'string'],
];
const REQUIRED = ['type', 'serviceUrl', 'channelId', 'from', 'from.id', 'recipient', 'recipient.id', 'conversation'];

// With a mention, so the mutations of `entities.0.*` change one field of an otherwise good entity.
const valid = (): ActivityJson => mentionActivity(connector.serviceUrl, 'help');
const MALFORMED: ReadonlyArray<readonly [string, string, () => ActivityJson]> = [
  ...[...REQUIRED, 'conversation.id'].map(
    (field) => [`no ${field}`, field, () => withoutPath(valid(), field)] as const,
  ),
  ...FIELDS.flatMap(([field, kind]) =>
    WRONG[kind].map(
      (wrong) =>
        [`${field} = ${JSON.stringify(wrong)?.slice(0, 20)}`, field, () => setPath(valid(), field, wrong)] as const,
    ),
  ),
  ['value = null', 'value', () => ({ ...valid(), value: null })],
  ['a mention without the text it is in', 'text', () => ({ ...valid(), text: undefined, value: { verb: 'x' } })],
  [
    'a mention naming nobody',
    'entities.0.mentioned',
    () => ({ ...valid(), entities: [{ type: 'mention', text: '<at>Intro 1:1</at>' }] }),
  ],
];

it('generates enough malformed activities to mean something', () => {
  expect(MALFORMED.length).toBeGreaterThanOrEqual(150);
  cases.bump();
});

describe('malformed: 400 naming the field, no turn', () => {
  beforeAll(() => {
    connector.clear();
    logLines.splice(0, logLines.length);
  });
  afterAll(() => {
    // Nothing reached the bot: no reply, no apology, no failed turn, for any of them.
    expect(connector.activities).toEqual([]);
    expect(failedTurns()).toEqual([]);
  });

  it.each(MALFORMED)('%s', async (_name, field, activity) => {
    const { status, body } = await post(activity());
    expect({ status, code: body.error?.code, field: body.error?.field }).toEqual({
      status: 400,
      code: 'invalidActivity',
      field,
    });
    cases.bump();
  });
});

const meetingEvent = (name: string): ActivityJson => ({
  ...baseActivity(connector.serviceUrl, 'event', {
    conversationId: '19:meeting_x@thread.v2',
    conversationType: 'groupChat',
  }),
  name,
  channelData: { tenant: { id: TENANT_ID }, meeting: { id: 'MCMxOTptZWV0aW5nX3hAdGhyZWFkLnYyIzA=' } },
  value: { Id: 'MCMxOTptZWV0aW5nX3hAdGhyZWFkLnYyIzA=', Title: 'Intro 1:1', MeetingType: 'Scheduled' },
});

/** The Agents Playground's message: non-GUID ids, no aadObjectId, no tenant on the conversation. */
const playground = (): ActivityJson => ({
  type: 'message',
  id: 'playground-1',
  channelId: 'msteams',
  serviceUrl: connector.serviceUrl,
  from: { id: 'user-id-0', name: 'Alex Wilber', aadObjectId: '00000000-0000-0000-0000-0000000000020' },
  recipient: { id: '00000000-0000-0000-0000-00000000000011', name: 'Test Bot' },
  conversation: {
    id: 'personal-chat-id',
    conversationType: 'personal',
    tenantId: '00000000-0000-0000-0000-0000000000001',
  },
  locale: 'en-US',
  localTimezone: 'America/Los_Angeles',
  timestamp: new Date().toISOString(),
  localTimestamp: new Date().toISOString(),
  text: 'help',
  textFormat: 'plain',
  entities: [{ type: 'clientInfo', locale: 'en-US', country: 'US', platform: 'Web', timezone: 'America/Los_Angeles' }],
  channelData: { tenant: { id: '00000000-0000-0000-0000-0000000000001' } },
  attachments: [],
});

/** Well-formed activities; those marked `reply` must get an answer in the chat, proof that their turn ran. */
const VALID: ReadonlyArray<readonly [string, () => ActivityJson, 'reply'?]> = [
  ['a message', valid, 'reply'],
  [
    'an @mention in a channel',
    () => mentionActivity(connector.serviceUrl, 'help', { conversationType: 'channel' }),
    'reply',
  ],
  ['a personal install (conversationUpdate, membersAdded)', () => installActivity(connector.serviceUrl)],
  [
    'another member joining',
    () => ({
      ...installActivity(connector.serviceUrl),
      membersAdded: [{ id: '29:someone', aadObjectId: USER.aadObjectId }],
    }),
  ],
  [
    'a member leaving',
    () => ({ ...baseActivity(connector.serviceUrl, 'conversationUpdate'), membersRemoved: [{ id: '29:x' }] }),
  ],
  ['installationUpdate add', () => ({ ...baseActivity(connector.serviceUrl, 'installationUpdate'), action: 'add' })],
  [
    'installationUpdate remove',
    () => ({ ...baseActivity(connector.serviceUrl, 'installationUpdate'), action: 'remove' }),
  ],
  [
    'an adaptiveCard/action invoke',
    () => ({
      ...baseActivity(connector.serviceUrl, 'invoke'),
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: 'somethingElse', data: {} }, trigger: 'manual' },
    }),
  ],
  [
    'a card submission (message with a value, no text)',
    () => ({ ...messageActivity(connector.serviceUrl, ''), text: undefined, value: { verb: 'nope' } }),
    'reply',
  ],
  ['a meeting start event', () => meetingEvent('application/vnd.microsoft.meetingStart')],
  ['a meeting end event', () => meetingEvent('application/vnd.microsoft.meetingEnd')],
  ['a typing indicator', () => baseActivity(connector.serviceUrl, 'typing')],
  ['the Agents Playground', playground, 'reply'],
  [
    'a guest without an Entra id',
    () => messageActivity(connector.serviceUrl, 'schedule', { from: { id: '29:guest' } }),
  ],
  [
    'fields nobody knows yet, at every level',
    () => ({
      ...valid(),
      brandNewField: { nested: [1, 2] },
      from: { ...USER, userPrincipalName: 'ada@example.com', futureFlag: true },
      recipient: { ...BOT, role: 'bot' },
      conversation: { id: `a:personal-${USER.aadObjectId}`, conversationType: 'personal', tenantId: TENANT_ID, x: 1 },
      channelData: {
        tenant: { id: TENANT_ID },
        source: { name: 'compose' },
        settings: { selectedChannel: { id: 'c' } },
      },
      entities: [
        { type: 'clientInfo', locale: 'en-US' },
        { type: 'https://schema.org/Message', '@type': 'Message' },
      ],
      attachments: [{ contentType: 'text/html', content: '<p>help</p>' }],
    }),
  ],
];

describe('well-formed: the turn runs and does not fail', () => {
  // As objects: a row with an optional third item would make jest pass a `done` callback in its place.
  it.each(VALID.map(([name, make, reply]) => ({ name, make, reply: reply === 'reply' })))(
    '$name',
    async ({ make, reply }) => {
      logLines.splice(0, logLines.length);
      const activity = make();
      const { status } = await post(activity);
      expect(status).toBe(200);
      if (reply) await connector.waitFor((recorded) => recorded.replyToId === activity['id']);
      expect(failedTurns()).toEqual([]);
      cases.bump();
    },
  );
});
