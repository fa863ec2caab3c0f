import { Writable } from 'node:stream';
import pino from 'pino';
import { parseTenantId, parseUserId, type TenantId, type UserId } from '../../src/domain/ids';
import { APOLOGY } from '../../src/bot/handlers';
import type { ConversationStore } from '../../src/app/ports';
import { openSqliteStore } from '../../src/store/sqlite/openSqliteStore';
import type { Store } from '../../src/store/store';
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
import { startTestApp, type TestApp } from '../support/testApp';
import { isMessage } from './botHelpers';

let stub: ConnectorStub;
let app: TestApp;
let store: Store;
let conversations: ConversationStore;
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
  app = await startTestApp(
    {},
    { logger: pino({ level: 'warn', serializers: { err: pino.stdSerializers.err } }, sink) },
  );
  // A second connection on the app's own SQLite file: what the app stored, read as another instance would.
  store = openSqliteStore(app.dataDir);
  conversations = store.conversations;
});
afterAll(async () => {
  await store.close();
  await app.stop();
  await stub.stop();
});
beforeEach(async () => {
  stub.clear();
  logLines.splice(0, logLines.length);
  await conversations.delete(tenantId, userId);
});

async function post(activity: ActivityJson): Promise<void> {
  const response = await postActivity(`${app.baseUrl}/api/messages`, activity);
  expect(response.status).toBe(200);
}

describe('conversation references', () => {
  it('saves the personal chat reference on install, keyed by tenant and Entra user, with the time zone', async () => {
    await post({ ...installActivity(stub.serviceUrl), localTimezone: 'Europe/Paris' });
    const reference = await conversations.get(tenantId, userId);
    expect(reference).toMatchObject({
      channelId: 'msteams',
      serviceUrl: stub.serviceUrl,
      conversation: { id: `a:personal-${USER.aadObjectId}`, tenantId: TENANT_ID },
      user: { id: USER.id, aadObjectId: USER.aadObjectId },
      bot: { id: '28:bot' },
      localTimezone: 'Europe/Paris',
    });
  });

  it('refreshes it on every personal message', async () => {
    await post(messageActivity(stub.serviceUrl, 'help', { conversationId: 'a:first' }));
    await post(messageActivity(stub.serviceUrl, 'help', { conversationId: 'a:second' }));
    expect(await conversations.get(tenantId, userId)).toMatchObject({ conversation: { id: 'a:second' } });
  });

  it('takes the tenant from channelData when the conversation lacks it', async () => {
    const activity = messageActivity(stub.serviceUrl, 'help');
    delete (activity.conversation as Record<string, unknown>).tenantId;
    await post(activity);
    expect(await conversations.get(tenantId, userId)).toBeDefined();
  });

  it.each<[string, ActivityOptions]>([
    ['a group chat', { conversationType: 'groupChat', conversationId: '19:group@thread.v2' }],
    ['a tenant id that is not a GUID', { tenantId: 'contoso' }],
  ])('skips %s but still answers', async (_case, options) => {
    const activity = messageActivity(stub.serviceUrl, 'help', options);
    await post(activity);
    expect(await conversations.get(tenantId, userId)).toBeUndefined();
    expect(stub.activities.filter(isMessage).map((recorded) => recorded.replyToId)).toEqual([activity.id]);
  });
});

describe('failed turns', () => {
  it('logs the error once with its stack and apologises', async () => {
    // The agenda card cannot be sent (Teams refuses it): the turn fails, and the apology goes out after it.
    stub.failNextSends(1);
    await post(messageActivity(stub.serviceUrl, 'agenda'));
    const errors = logLines.filter((line) => line.level === 50);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ msg: 'bot turn failed' });
    expect((errors[0]?.err as { stack?: string }).stack).toMatch(/\n\s+at /);
    expect(stub.activities.filter(isMessage).map((recorded) => recorded.body.text)).toEqual([APOLOGY]);
  });

  it('keeps answering after a failure', async () => {
    stub.failNextSends(2);
    await post(messageActivity(stub.serviceUrl, 'help'));
    const next = messageActivity(stub.serviceUrl, 'help');
    await post(next);
    const reply = await stub.waitFor((recorded) => recorded.replyToId === next.id);
    expect(reply.body.attachments).toHaveLength(1);
  });
});
