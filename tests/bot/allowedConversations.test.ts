import { allowedConversations } from '../../src/bot/allowedConversations';
import { sharedConversationKey } from '../../src/bot/conversationKeys';
import { openSqliteStore } from '../../src/store/sqlite/openSqliteStore';
import { newTenant, newUser } from '../store/fixtures';
import { tempDirs } from '../store/support/tempDir';

const ref = (serviceUrl: string, aadObjectId: string) => ({
  serviceUrl,
  conversation: { id: `a:${aadObjectId}`, conversationType: 'personal' },
  user: { id: `29:${aadObjectId}`, aadObjectId },
});

describe('allowedConversations', () => {
  const dirs = tempDirs('intro-refs-');
  afterAll(() => dirs.removeAll());
  const policy = { mode: 'hosts' as const, hosts: ['smba.trafficmanager.net'] };

  it('never hands out or keeps a reference off the allow-list', async () => {
    const store = openSqliteStore(dirs.make());
    const refs = allowedConversations(store.conversations, policy);
    const tenantId = newTenant();
    const userId = newUser();
    await refs.save(tenantId, userId, ref('https://evil.example.com/', userId));
    expect(await store.conversations.get(tenantId, userId)).toBeUndefined();
    await store.conversations.save(tenantId, userId, ref('https://evil.example.com/', userId));
    expect(await refs.get(tenantId, userId)).toBeUndefined();
    await store.close();
  });

  it('forgets bad references until it finds a good one in the tenant', async () => {
    const store = openSqliteStore(dirs.make());
    const refs = allowedConversations(store.conversations, policy);
    const tenantId = newTenant();
    const good = newUser();
    const bad = ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002'] as never[];
    for (const userId of bad)
      await store.conversations.save(tenantId, userId, ref('https://evil.example.com/', userId));
    await store.conversations.save(tenantId, good, ref('https://smba.trafficmanager.net/emea/', good));
    expect(await refs.anyInTenant(tenantId)).toMatchObject({ serviceUrl: 'https://smba.trafficmanager.net/emea/' });
    for (const userId of bad) expect(await store.conversations.get(tenantId, userId)).toBeUndefined();
    await store.close();
  });

  it('forgets a bad meeting chat reference under its own key, never a person’s', async () => {
    const store = openSqliteStore(dirs.make());
    const refs = allowedConversations(store.conversations, policy);
    const tenantId = newTenant();
    const chat = '19:meeting_bad@thread.v2';
    const meetingChat = {
      serviceUrl: 'https://evil.example.com/',
      conversation: { id: chat, conversationType: 'groupChat' },
    };
    await store.conversations.save(tenantId, sharedConversationKey(chat), meetingChat);
    expect(await refs.anyInTenant(tenantId)).toBeUndefined();
    expect(await store.conversations.get(tenantId, sharedConversationKey(chat))).toBeUndefined();
    await refs.save(tenantId, sharedConversationKey(chat), meetingChat);
    expect(await store.conversations.get(tenantId, sharedConversationKey(chat))).toBeUndefined();
    await store.close();
  });
});
