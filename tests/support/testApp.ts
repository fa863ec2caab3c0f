import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../../src/config';
import { createLogger, type Logger } from '../../src/log';
import type { Clock } from '../../src/app/ports';
import { startApp, type RunningApp } from '../../src/index';

/** A test identity: the claims a token carries. */
export interface TestUser {
  readonly oid: string;
  readonly tid: string;
  readonly name: string;
}

export const TENANT = '7a5b1c2d-0000-4000-8000-0000000000aa';
export const OTHER_TENANT = '7a5b1c2d-0000-4000-8000-0000000000bb';
export const LEADER: TestUser = { oid: '11111111-1111-4111-8111-111111111111', tid: TENANT, name: 'Avery Leader' };
export const MEMBER: TestUser = { oid: '22222222-2222-4222-8222-222222222222', tid: TENANT, name: 'Sam Member' };
export const OUTSIDER: TestUser = { oid: '33333333-3333-4333-8333-333333333333', tid: TENANT, name: 'Olu Outsider' };
/** Same object id as the leader, another tenant: must see nothing of the leader's data. */
export const FOREIGN: TestUser = { oid: LEADER.oid, tid: OTHER_TENANT, name: 'Avery Elsewhere' };

/** The whole app, started in-process on a free port with a temporary data directory. */
export interface TestApp {
  readonly baseUrl: string;
  readonly dataDir: string;
  /** The running app; replaced by `restart()`. */
  readonly app: RunningApp;
  mintToken(user: TestUser): Promise<string>;
  /** fetch against the app with a bearer token for `user` and JSON bodies. */
  api(
    user: TestUser,
    route: string,
    init?: { method?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<Response>;
  /** Stops the server (an API outage) until `start()`; the data directory is kept. */
  pause(): Promise<void>;
  /** Starts it again on the same port and data (new local signing key, as after a real restart). */
  resume(): Promise<void>;
  stop(): Promise<void>;
}

/** Options for the app under test. */
export interface TestAppOptions {
  readonly clock?: Clock;
  /** Where the app logs; silent (or TEST_LOG_LEVEL) by default. */
  readonly logger?: Logger;
  /** Job poll interval; 0 (the default here) leaves jobs to `app.runDueJobs()`. */
  readonly jobPollMs?: number;
  /**
   * Parts of the parsed config to replace, for a local-mode app that talks to a stub (Graph) or a scale-out store
   * (Azurite): the environment would switch those to deployment mode, which has no local sign-in.
   */
  readonly config?: Partial<Config>;
}

/** A clock tests move by hand. */
export interface ManualClock extends Clock {
  set(epochMs: number): void;
  advance(ms: number): void;
}

/** A controllable clock starting at `start`. */
export function manualClock(start: number): ManualClock {
  let now = start;
  return {
    now: () => now,
    set: (epochMs) => {
      now = epochMs;
    },
    advance: (ms) => {
      now += ms;
    },
  };
}

/** Starts the app on its embedded defaults (SQLite, local issuer), with `env` on top. */
export async function startTestApp(env: Record<string, string> = {}, options: TestAppOptions = {}): Promise<TestApp> {
  const dataDir = env['DATA_DIR'] ?? mkdtempSync(path.join(os.tmpdir(), 'intro-test-'));
  const logger = options.logger ?? createLogger(process.env['TEST_LOG_LEVEL'] ?? 'silent');
  const start = (port: string) =>
    startApp(
      {
        ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env, PORT: port, DATA_DIR: dataDir }),
        ...options.config,
      },
      {
        logger,
        clock: options.clock,
        jobPollMs: options.jobPollMs ?? 0,
      },
    );
  let app = await start(env['PORT'] ?? '0');
  const port = new URL(app.url).port;
  let running = true;
  const mintToken = async (user: TestUser) => {
    if (!app.localIssuer) throw new Error('startTestApp: tokens can be minted only with the local issuer.');
    return app.localIssuer.mint(user);
  };
  return {
    baseUrl: app.url,
    dataDir,
    get app() {
      return app;
    },
    mintToken,
    pause: async () => {
      if (running) await app.stop();
      running = false;
    },
    resume: async () => {
      if (!running) app = await start(port);
      running = true;
    },
    api: async (user, route, init = {}) => {
      const headers: Record<string, string> = { authorization: `Bearer ${await mintToken(user)}`, ...init.headers };
      if (init.body !== undefined) headers['content-type'] = 'application/json';
      return fetch(`${app.url}${route}`, {
        method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
        headers,
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      });
    },
    stop: async () => {
      if (running) await app.stop();
      running = false;
      if (!env['DATA_DIR']) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
