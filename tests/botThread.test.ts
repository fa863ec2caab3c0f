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
 * Runs `script` in a process of its own, where it can see what Node loads and the threads it starts (jest's module
 * registry and process object hide both), and returns what the script wrote as JSON.
 */
function runScript(script: string, env: Record<string, string> = {}): Record<string, unknown> {
  const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (!run.stdout) throw new Error(`the script did not report: ${run.stderr}`);
  return JSON.parse(run.stdout) as Record<string, unknown>;
}

/**
 * Starts the app, has its bot run an invoke, lists the bot libraries loaded in the main thread, then ends the bot
 * thread as a crash would: the invoke again at once, and what admission refuses, then the invoke until it is answered
 * again (the thread starts again after a second).
 */
const SCRIPT = `
const { startApp } = require('./src/index.ts');
const { loadConfig } = require('./src/config.ts');
const { baseActivity } = require('./tests/support/activities.ts');
(async () => {
  let worker;
  process.on('worker', (started) => (worker = started));
  const app = await startApp(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PORT: '0', DATA_DIR: process.env.DATA_DIR }));
  const activity = { ...baseActivity('http://127.0.0.1:9', 'invoke'), name: 'intro/unknown' };
  const post = (headers = {}) =>
    fetch(app.url + '/api/messages', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(activity),
    });
  const invoke = async () => (await post()).status;
  const first = await invoke();
  const loaded = Object.keys(require.cache).filter((file) => /node_modules[\\\\/](@microsoft[\\\\/]teams-ai|botbuilder)/.test(file));
  await worker.terminate();
  const down = await post();
  const whileDown = { status: down.status, retryAfter: down.headers.get('retry-after'), body: await down.json() };
  const refusedWhileDown = [
    (await post({ origin: 'https://evil.example.com' })).status,
    (await post({ 'content-type': 'text/plain' })).status,
  ];
  let afterRestart = down.status;
  for (const deadline = Date.now() + 20000; afterRestart !== 200 && Date.now() < deadline; ) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    afterRestart = await invoke();
  }
  await app.stop();
  process.stdout.write(JSON.stringify({ first, loaded, whileDown, refusedWhileDown, afterRestart }));
})();
`;

describe('the bot in its own thread', () => {
  it('keeps teams-ai and botbuilder out of the API’s heap, answers 503 until it is back, and starts again', () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'intro-bot-thread-'));
    try {
      expect(runScript(SCRIPT, { DATA_DIR: dataDir })).toEqual({
        first: 200,
        loaded: [],
        // The thread starts again a second after its first death.
        whileDown: {
          status: 503,
          retryAfter: '1',
          body: { error: { code: 'botRestarting', message: expect.stringContaining('starting again') } },
        },
        // Admission is unchanged: what it refuses is refused as before, not told to come back.
        refusedWhileDown: [401, 415],
        afterRestart: 200,
      });
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

/**
 * Starts bot threads with start limits no thread can meet (loading teams-ai alone takes longer than 50 ms): a first
 * start, then a restart of a thread that was ready once and is ended as a crash would end it.
 */
const LIMIT_SCRIPT = `
const pino = require('pino');
const { botThread } = require('./src/botThread.ts');
(async () => {
  const workers = [];
  // Only the bot's threads count. Node also announces esbuild's, which tsx starts to compile what this script
  // requires (announced on the next tick, so before this listener), and tsx's loader hooks' (an InternalWorker).
  await new Promise((resolve) => setImmediate(resolve));
  process.on('worker', (started) => started.constructor.name === 'Worker' && workers.push(started));
  const lines = [];
  const logger = pino({ level: 'info' }, { write: (line) => void lines.push(JSON.parse(line)) });
  const messages = () => lines.splice(0).map((line) => line.msg);
  const deps = (readyWithinMs) => ({
    settings: { bot: { mode: 'local' }, serviceUrls: { mode: 'loopback' }, allowNonGuidIds: true,
      publicUrl: 'http://127.0.0.1:1', signingKey: new Uint8Array(32) },
    useCases: { maxPerDay: 3, now: () => 0 },
    storage: { read: async () => ({}), write: async () => undefined, delete: async () => undefined },
    conversations: { save: async () => undefined, get: async () => undefined, delete: async () => undefined,
      anyInTenant: async () => undefined },
    logger,
    readyWithinMs,
  });
  const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  const slow = botThread();
  const startError = await slow.start(deps(50)).then(() => 'ready', (err) => err.message);
  const slowEnded = workers[0].threadId === -1;
  await wait(1500); // longer than the first restart's delay
  const first = { startError, slowEnded, threads: workers.length, logged: messages() };

  const thread = botThread();
  const restarts = deps(60000);
  await thread.start(restarts);
  restarts.readyWithinMs = 50; // from now on, as if the host had become too slow to load the bot in time
  await workers[1].terminate();
  for (const deadline = Date.now() + 20000; !lines.some((line) => / 2 s$/.test(line.msg)) && Date.now() < deadline; ) {
    await wait(20);
  }
  const activity = await thread.activities.runActivity({}, '', logger);
  await thread.stop();
  const restart = { threads: workers.length, restartedEnded: workers[2]?.threadId === -1, logged: messages(), activity };
  process.stdout.write(JSON.stringify({ first, restart }));
})();
`;

describe('the bot thread’s start limit', () => {
  const report = () => runScript(LIMIT_SCRIPT) as { first: unknown; restart: Record<string, unknown> };
  let limits: ReturnType<typeof report>;
  beforeAll(() => {
    limits = report();
  });

  it('fails a first start that is not ready in time, naming the limit, ends the thread and starts no other', () => {
    expect(limits.first).toEqual({
      startError: 'The bot thread was not ready within 0.05 s, so it was stopped.',
      slowEnded: true,
      threads: 1,
      logged: ['the bot thread was too slow to start'],
    });
  });

  it('ends a restarted thread that is not ready in time and counts it as another death', () => {
    const { activity, ...restart } = limits.restart;
    expect(restart).toEqual({
      threads: 3,
      restartedEnded: true,
      logged: [
        'the bot thread stopped: the bot is unavailable until it starts again in 1 s',
        'the bot thread was too slow to start',
        'the bot thread stopped: the bot is unavailable until it starts again in 2 s',
      ],
    });
    // Activities meanwhile are told when the next thread starts: the doubled delay, not the first one.
    expect(activity).toMatchObject({ ok: false, error: { code: 'botRestarting' } });
    const { retryAfterMs } = (activity as { error: { retryAfterMs: number } }).error;
    expect(retryAfterMs).toBeGreaterThan(1000);
    expect(retryAfterMs).toBeLessThanOrEqual(2000);
  });
});

/**
 * Runs a message turn whose state read never answers, ends the thread while the turn waits there, then sends another
 * activity while no thread runs.
 */
const MID_TURN_SCRIPT = `
const pino = require('pino');
const { botThread } = require('./src/botThread.ts');
const { baseActivity } = require('./tests/support/activities.ts');
(async () => {
  const workers = [];
  await new Promise((resolve) => setImmediate(resolve)); // see LIMIT_SCRIPT: only the bot's threads count
  process.on('worker', (started) => started.constructor.name === 'Worker' && workers.push(started));
  const logger = pino({ level: 'silent' });
  let turnWaits;
  const waiting = new Promise((resolve) => (turnWaits = resolve));
  const thread = botThread();
  await thread.start({
    settings: { bot: { mode: 'local' }, serviceUrls: { mode: 'loopback' }, allowNonGuidIds: true,
      publicUrl: 'http://127.0.0.1:1', signingKey: new Uint8Array(32) },
    useCases: { maxPerDay: 3, now: () => 0 },
    storage: {
      read: () => {
        turnWaits();
        return new Promise(() => undefined);
      },
      write: async () => undefined,
      delete: async () => undefined,
    },
    conversations: { save: async () => undefined, get: async () => undefined, delete: async () => undefined,
      anyInTenant: async () => undefined },
    logger,
  });
  const activity = { ...baseActivity('http://127.0.0.1:9', 'message'), text: 'hello' };
  const cutOff = thread.activities
    .runActivity(activity, '', logger)
    .then((answer) => ({ answer }), (err) => ({ error: err.message }));
  await waiting;
  await workers[0].terminate();
  const midTurn = await cutOff;
  const afterwards = await thread.activities.runActivity(activity, '', logger);
  await thread.stop();
  process.stdout.write(JSON.stringify({ midTurn, afterwards }));
})();
`;

describe('a turn cut off by its thread’s death', () => {
  it('fails as before (it may have acted already), while one that reaches no thread is told to come back', () => {
    const { midTurn, afterwards } = runScript(MID_TURN_SCRIPT);
    expect(midTurn).toEqual({ error: 'The bot thread stopped.' });
    expect(afterwards).toMatchObject({ ok: false, error: { code: 'botRestarting' } });
  });
});
