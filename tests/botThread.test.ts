import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import type { BotUseCases } from '../src/app/edges';
import { botThread } from '../src/botThread';
import type { MeetingKey, TenantId, UserId } from '../src/domain/ids';
import { TENANT_ID, USER } from './support/activities';

const root = path.resolve(__dirname, '..');

/**
 * Run in a process of its own (jest's module registry would hide what Node loads): starts the app, has its bot run
 * an invoke, lists the bot libraries loaded in the main thread, then ends the bot thread as a crash would and runs
 * the invoke again at once, and then until it is answered again (the thread starts again after a second).
 */
const SCRIPT = `
const { startApp } = require('./src/index.ts');
const { loadConfig } = require('./src/config.ts');
const { baseActivity } = require('./tests/support/activities.ts');
(async () => {
  let worker;
  process.on('worker', (started) => (worker = started));
  const app = await startApp(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PORT: '0', DATA_DIR: process.env.DATA_DIR }));
  const invoke = async () => {
    const activity = { ...baseActivity('http://127.0.0.1:9', 'invoke'), name: 'intro/unknown' };
    const res = await fetch(app.url + '/api/messages', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    return res.status;
  };
  const first = await invoke();
  const loaded = Object.keys(require.cache).filter((file) => /node_modules[\\\\/](@microsoft[\\\\/]teams-ai|botbuilder)/.test(file));
  await worker.terminate();
  const whileDown = await invoke();
  let afterRestart = whileDown;
  for (const deadline = Date.now() + 20000; afterRestart !== 200 && Date.now() < deadline; ) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    afterRestart = await invoke();
  }
  await app.stop();
  process.stdout.write(JSON.stringify({ first, loaded, whileDown, afterRestart }));
})();
`;

describe('the bot in its own thread', () => {
  it('keeps teams-ai and botbuilder out of the API’s heap, and starts again after the thread dies', () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'intro-bot-thread-'));
    try {
      const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', SCRIPT], {
        cwd: root,
        env: { ...process.env, DATA_DIR: dataDir },
        encoding: 'utf8',
        timeout: 60_000,
      });
      if (!run.stdout) throw new Error(`the app did not report: ${run.stderr}`);
      const report = JSON.parse(run.stdout) as Record<string, unknown>;
      expect(report).toEqual({ first: 200, loaded: [], whileDown: 500, afterRestart: 200 });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('starting the bot thread', () => {
  const silentStore = { read: async () => ({}), write: async () => undefined, delete: async () => undefined };
  const noConversations = {
    save: async () => undefined,
    get: async () => undefined,
    delete: async () => undefined,
    anyInTenant: async () => undefined,
  };

  it('fails when the thread cannot start, starts no other, and answers for Teams meanwhile', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
    const thread = botThread();
    const started = thread.start({
      // No signing key: the thread throws while it loads.
      settings: {
        bot: { mode: 'local' },
        serviceUrls: { mode: 'loopback' },
        allowNonGuidIds: true,
        publicUrl: 'http://127.0.0.1:1',
        signingKey: undefined as unknown as Uint8Array,
      },
      useCases: { maxPerDay: 3, now: () => 0 } as unknown as BotUseCases,
      storage: silentStore,
      conversations: noConversations,
      logger,
    });
    await expect(started).rejects.toThrow();
    // The thread's exit follows its error at once; a restart would be announced then.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(lines.filter((line) => line.includes('the bot thread failed'))).toHaveLength(1);
    expect(lines.filter((line) => line.includes('starts again'))).toEqual([]);
    const tenant = TENANT_ID as TenantId;
    const user = USER.aadObjectId as UserId;
    await expect(thread.notifier.notify(tenant, user, { kind: 'unreachable' } as never)).resolves.toMatchObject({
      ok: false,
      error: { code: 'unreachable' },
    });
    await expect(thread.roster.isParticipant(tenant, 'm' as MeetingKey, user)).resolves.toBe('unknown');
    await thread.stop();
  });

  it('passes on a failure that is not the thread’s, so a job is retried as before', async () => {
    const thread = botThread();
    await thread.start({
      settings: {
        bot: { mode: 'local' },
        serviceUrls: { mode: 'loopback' },
        allowNonGuidIds: true,
        publicUrl: 'http://127.0.0.1:1',
        signingKey: new Uint8Array(32),
      },
      useCases: { maxPerDay: 3, now: () => 0 } as unknown as BotUseCases,
      storage: silentStore,
      conversations: {
        ...noConversations,
        get: async () => {
          throw new Error('the store is down');
        },
      },
      logger: pino({ level: 'silent' }),
    });
    try {
      const notified = thread.notifier.notify(
        TENANT_ID as TenantId,
        USER.aadObjectId as UserId,
        {
          kind: 'unreachable',
        } as never,
      );
      await expect(notified).rejects.toThrow('the store is down');
    } finally {
      await thread.stop();
    }
  });
});
