import { Writable } from 'node:stream';
import pino from 'pino';
import { parseTenantId, parseUserId, type TenantId, type UserId } from '../../src/domain/ids';
import { APOLOGY } from '../../src/bot/handlers';
import {
  TENANT_ID,
  USER,
  installActivity,
  messageActivity,
  postActivity,
  type ActivityJson,
  type ActivityOptions,
} from '../support/activities';
import { startConnectorStub, type ConnectorStub } from '../support/connectorStub';
import { isMessage } from './botHelpers';
import { startBotTestServer, type BotTestServer } from './botTestServer';

let stub: ConnectorStub;
let bot: BotTestServer;
const logLines: Record<string, unknown>[] = [];
const tenantId = parseTenantId(TENANT_ID) as TenantId;
const userId = parseUserId(USER.aadObjectId) as UserId;

beforeAll(async () => {
  stub = await startConnectorStub();
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
      done();
    },
  });
  bot = await startBotTestServer({ logger: pino({ level: 'warn' }, sink) });
});
afterAll(async () => {
  await bot.stop();
  await stub.stop();
});
beforeEach(() => {
  stub.clear();
  logLines.splice(0, logLines.length);
  bot.conversations.references.clear();
  bot.conversations.failSaves = false;
});

async function post(activity: ActivityJson): Promise<void> {
  const response = await postActivity(bot.endpoint, activity);
  expect(response.status).toBe(200);
}

describe('conversation references', () => {
  it('saves the personal chat reference on install, keyed by tenant and Entra user', async () => {
    await post(installActivity(stub.serviceUrl));
    const reference = await bot.conversations.get(tenantId, userId);
    expect(reference).toMatchObject({
      channelId: 'msteams',
      serviceUrl: stub.serviceUrl,
      conversation: { id: `a:personal-${USER.aadObjectId}`, tenantId: TENANT_ID },
      user: { id: USER.id, aadObjectId: USER.aadObjectId },
      bot: { id: '28:bot' },
    });
    expect(JSON.parse(JSON.stringify(reference))).toEqual(reference);
  });

  it('refreshes it on every personal message', async () => {
    await post(messageActivity(stub.serviceUrl, 'help', { conversationId: 'a:first' }));
    await post(messageActivity(stub.serviceUrl, 'help', { conversationId: 'a:second' }));
    expect(await bot.conversations.get(tenantId, userId)).toMatchObject({ conversation: { id: 'a:second' } });
  });

  it('takes the tenant from channelData when the conversation lacks it', async () => {
    const activity = messageActivity(stub.serviceUrl, 'help');
    delete (activity.conversation as Record<string, unknown>).tenantId;
    await post(activity);
    expect(await bot.conversations.get(tenantId, userId)).toBeDefined();
  });

  it.each<[string, ActivityOptions]>([
    ['a group chat', { conversationType: 'groupChat', conversationId: '19:group@thread.v2' }],
    ['a user without an Entra id', { from: { id: '29:guest', name: 'Guest' } }],
    ['a user id that is not a GUID', { from: { id: '29:odd', aadObjectId: 'not-a-guid' } }],
    ['a tenant id that is not a GUID', { tenantId: 'contoso' }],
  ])('skips %s but still answers', async (_case, options) => {
    const activity = messageActivity(stub.serviceUrl, 'help', options);
    await post(activity);
    expect(bot.conversations.references.size).toBe(0);
    expect(stub.activities.filter(isMessage).map((recorded) => recorded.replyToId)).toEqual([activity.id]);
  });
});

describe('failed turns', () => {
  it('logs the error once with its stack and the turn id, and apologises', async () => {
    bot.conversations.failSaves = true;
    const activity = messageActivity(stub.serviceUrl, 'agenda');
    await post(activity);
    const errors = logLines.filter((line) => line.level === 50);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ turnId: activity.id, msg: 'bot turn failed' });
    expect((errors[0]?.err as { stack?: string }).stack).toMatch(/conversation store is down\n\s+at /);
    const replies = stub.activities.filter(isMessage);
    expect(replies.map((recorded) => recorded.body.text)).toEqual([APOLOGY]);
  });

  it('keeps answering after a failure', async () => {
    bot.conversations.failSaves = true;
    await post(messageActivity(stub.serviceUrl, 'help'));
    bot.conversations.failSaves = false;
    const next = messageActivity(stub.serviceUrl, 'help');
    await post(next);
    const reply = await stub.waitFor((recorded) => recorded.replyToId === next.id);
    expect(reply.body.attachments).toHaveLength(1);
  });
});
