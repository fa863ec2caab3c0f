import { Writable } from 'node:stream';
import pino from 'pino';
import { parseTenantId, parseUserId, type TenantId, type UserId } from '../../src/domain/ids';
import { APOLOGY } from '../../src/bot/handlers';
import { sharedConversationKey } from '../../src/bot/conversationKeys';
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

  it('keeps the zone a client names only in its clientInfo entity, for proactive cards in the reader’s zone', async () => {
    const activity = messageActivity(stub.serviceUrl, 'help');
    await post({ ...activity, entities: [{ type: 'clientInfo', locale: 'en-US', timezone: 'Asia/Tokyo' }] });
    expect(await conversations.get(tenantId, userId)).toMatchObject({ localTimezone: 'Asia/Tokyo' });
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

describe('meeting chats and teams', () => {
  it.each([
    [
      'a meeting chat',
      { conversationType: 'groupChat', conversationId: '19:meeting_abc@thread.v2' },
      { meeting: { id: 'MCMxOTptZWV0aW5n' } },
    ],
    [
      'a team',
      { conversationType: 'channel', conversationId: '19:general@thread.tacv2' },
      { team: { id: '19:general@thread.tacv2' } },
    ],
  ] as const)(
    'saves %s under its own key when the app is added, without who added it',
    async (_case, options, data) => {
      await post(messageActivity(stub.serviceUrl, 'help'));
      const install = installActivity(stub.serviceUrl, options);
      await post({ ...install, channelData: { tenant: { id: TENANT_ID }, ...data } });
      const shared = await conversations.get(tenantId, sharedConversationKey(options.conversationId));
      expect(shared).toMatchObject({ serviceUrl: stub.serviceUrl, conversation: { id: options.conversationId } });
      expect(shared).not.toHaveProperty('user');
      // The installer's own personal chat stays theirs.
      expect(await conversations.get(tenantId, userId)).toMatchObject({
        conversation: { conversationType: 'personal' },
      });
    },
  );

  it('saves neither a plain group chat nor a message in a meeting chat', async () => {
    const group = installActivity(stub.serviceUrl, {
      conversationType: 'groupChat',
      conversationId: '19:group@thread.v2',
    });
    await post(group);
    const said = messageActivity(stub.serviceUrl, 'help', {
      conversationType: 'groupChat',
      conversationId: '19:meeting_said@thread.v2',
    });
    await post(said);
    for (const id of ['19:group@thread.v2', '19:meeting_said@thread.v2'])
      expect(await conversations.get(tenantId, sharedConversationKey(id))).toBeUndefined();
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
