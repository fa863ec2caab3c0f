import { randomBytes } from 'node:crypto';
import { sessionTag } from '../../src/domain/sessionTag';
import type { SessionView } from '../../src/contract';
import { startAzurite, type Azurite } from '../store/support/azurite';
import { tempDirs } from '../store/support/tempDir';
import { openStream, type OpenStream } from '../support/sessionEvents';
import { LEADER, MEMBER, startTestApp, type TestApp } from '../support/testApp';
import { startRedis, type RedisServer } from './support/redisServer';

/** Two instances on one Azure Table Storage (Azurite) and one Redis: a change on one reaches streams on the other. */
describe('session changes across instances through Redis', () => {
  const dirs = tempDirs('intro-redis-');
  let azurite: Azurite;
  let redis: RedisServer;
  let a: TestApp;
  let b: TestApp;
  let introId: string;
  const open: OpenStream[] = [];
  const kek = randomBytes(32).toString('base64');
  // Through the config, not the environment: STORAGE_CONNECTION_STRING would mean deployment mode. One shared key.
  const sharedConfig = () => ({
    storageConnectionString: azurite.connectionString,
    keys: { mode: 'local' as const, secret: kek },
  });

  const streamOn = async (instance: TestApp): Promise<OpenStream> => {
    const stream = await openStream(`${instance.baseUrl}/api/v1/intros/${introId}/session/events`, {
      authorization: `Bearer ${await instance.mintToken(MEMBER)}`,
    });
    open.push(stream);
    return stream;
  };
  /** Opens a stream on `instance` as soon as it takes one (it refuses while it cannot hear Redis). */
  const streamOnceSharing = async (instance: TestApp): Promise<OpenStream> => {
    for (let attempt = 0; attempt < 100; attempt++) {
      const stream = await streamOn(instance);
      if (stream.response.status === 200) return stream;
      stream.close();
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('The instance never took a stream again.');
  };
  /** Pauses a running session or resumes a paused one, on instance A. */
  const toggle = async (): Promise<SessionView> => {
    const now = (await (await a.api(LEADER, `/api/v1/intros/${introId}/session`)).json()) as SessionView;
    return act(a, now.session.status === 'running' ? 'pause' : 'resume');
  };
  /**
   * Toggles the session on A until a change made there shows on `stream`, then once more: that one must come by
   * pub/sub. One read stays pending across attempts, and events that are not the awaited one (a late one, the resync
   * a stream sends when its instance's subscription comes back) are skipped, so the reads never fall one behind.
   */
  const changesReach = async (stream: OpenStream): Promise<boolean> => {
    const read = () => {
      const event = stream.nextEvent();
      event.catch(() => undefined); // the last read is left pending when the stream is cut
      return event;
    };
    let pending = read();
    const sees = async (expected: string, withinMs: number): Promise<boolean> => {
      const deadline = Date.now() + withinMs;
      for (let left = withinMs; left > 0; left = deadline - Date.now()) {
        const next = await Promise.race([pending, new Promise<undefined>((r) => setTimeout(() => r(undefined), left))]);
        if (next === undefined) return false;
        pending = read();
        if (next.id === expected) return true;
      }
      return false;
    };
    for (let attempt = 0; attempt < 50; attempt++) {
      if (await sees(String(sessionTag(await toggle())), 400)) return sees(String(sessionTag(await toggle())), 5_000);
    }
    return false;
  };
  const act = async (instance: TestApp, action: string): Promise<SessionView> => {
    const response = await instance.api(LEADER, `/api/v1/intros/${introId}/session`, { body: { action } });
    expect(response.status).toBe(200);
    return (await response.json()) as SessionView;
  };

  beforeAll(async () => {
    [azurite, redis] = await Promise.all([startAzurite(dirs.make()), startRedis()]);
    const config = { ...sharedConfig(), redisUrl: redis.url };
    [a, b] = await Promise.all([startTestApp({}, { config }), startTestApp({}, { config })]);
    const meeting = `redis-${Date.now()}`;
    const created = await a.api(LEADER, `/api/v1/meetings/${meeting}/intro`, { body: {} });
    introId = ((await created.json()) as { intro: { id: string } }).intro.id;
    expect((await b.api(MEMBER, `/api/v1/meetings/${meeting}/intro`, { body: {} })).status).toBe(200);
  }, 60_000);

  afterAll(async () => {
    for (const stream of open) stream.close();
    await Promise.all([a?.stop(), b?.stop()]);
    await Promise.all([azurite?.stop(), redis?.stop()]);
    dirs.removeAll();
  });

  it('a stream held on instance B sees a Next made on instance A', async () => {
    const member = await streamOn(b);
    expect((await member.nextEvent()).event).toBe('session');
    const started = await act(a, 'start');
    expect((await member.nextEvent()).id).toBe(String(sessionTag(started)));
    const moved = await act(a, 'next');
    const pushed = await member.nextEvent();
    expect(pushed.id).toBe(String(sessionTag(moved)));
    expect((JSON.parse(pushed.data) as SessionView).session).toEqual(moved.session);
  });

  it('without Redis, streams end and are refused (panels poll); once it is back, changes flow again', async () => {
    const member = await streamOn(b);
    await member.nextEvent();
    await redis.stop();
    await expect(member.nextEvent()).rejects.toThrow();
    const refused = await b.api(MEMBER, `/api/v1/intros/${introId}/session/events`);
    expect(refused.status).toBe(503);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('streamUnavailable');
    // The poll still answers from the store.
    expect((await b.api(MEMBER, `/api/v1/intros/${introId}/session`)).status).toBe(200);

    await redis.restart();
    const again = await streamOnceSharing(b);
    await again.nextEvent();
    // Instance A's publisher reconnects on its own schedule; a change made once both are back reaches B.
    expect(await changesReach(again)).toBe(true);
  }, 60_000);

  it('an instance started while Redis is away serves (its panels poll) and shares changes once Redis answers', async () => {
    await redis.stop();
    const c = await startTestApp({}, { config: { ...sharedConfig(), redisUrl: redis.url } });
    try {
      expect((await c.api(MEMBER, `/api/v1/intros/${introId}/session`)).status).toBe(200);
      expect((await c.api(MEMBER, `/api/v1/intros/${introId}/session/events`)).status).toBe(503);
      await redis.restart();
      const member = await streamOnceSharing(c);
      await member.nextEvent();
      expect(await changesReach(member)).toBe(true);
    } finally {
      await c.stop();
    }
  }, 60_000);
});
