import type { Worker } from 'node:worker_threads';
import type { Storage } from 'botbuilder';
import type { BotUseCases } from './app/edges';
import type { Clock, ConversationStore, MeetingRoster, Notifier } from './app/ports';
import type { BotConfig, ServiceUrlPolicy } from './config';
import type { BotActivities, Restarting } from './http/routes/messages';
import { fail } from './domain/result';
import type { Logger } from './log';
import { READY_WITHIN_MS, restartDelayMs, startLimit, startWorker } from './botThreadStart';
import { rpcPeer, servedObject, type RpcPeer, type Served } from './threads/rpc';

/** What the bot thread is started with (structured-cloned into it): settings, never stores or functions. */
export interface BotThreadSettings {
  readonly bot: BotConfig;
  readonly serviceUrls: ServiceUrlPolicy;
  readonly allowNonGuidIds: boolean;
  readonly teamsAppId?: string;
  /** The app's public base URL, for links to the tab; told again once the listener has its port (`bound`). */
  readonly publicUrl: string;
  /** The HMAC key that signs card stamps (the same as the main thread's). */
  readonly signingKey: Uint8Array;
  readonly logLevel: string;
  /** The bot use cases served from the main thread, by name. */
  readonly useCaseNames: readonly string[];
  readonly maxPerDay: number;
  /** The main thread's clock at start, when the bot must follow it (a test clock) rather than read the system's. */
  readonly now?: number;
}

/** The turn-state store's and the conversation references' methods the bot thread calls, named once for both ends. */
export const STORAGE_CALLS = ['read', 'write', 'delete'] as const;
export const CONVERSATION_CALLS = ['save', 'get', 'delete', 'anyInTenant'] as const;

/** What the bot thread reaches in the main thread. */
interface BotThreadDeps {
  readonly settings: Omit<BotThreadSettings, 'useCaseNames' | 'maxPerDay' | 'now' | 'logLevel'>;
  readonly useCases: BotUseCases;
  readonly storage: Storage;
  readonly conversations: ConversationStore;
  readonly logger: Logger;
  /** A clock tests move by hand, which the bot then follows; the system clock when absent. */
  readonly clock?: Clock;
  /** How long each thread (the first and every restart) may take to be ready; `READY_WITHIN_MS` when absent. */
  readonly readyWithinMs?: number;
}

/** The bot, running in its own thread, as the HTTP edge, the use cases and the jobs reach it. */
interface BotThread {
  readonly activities: Omit<BotActivities, 'mode'>;
  readonly notifier: Notifier;
  readonly roster: MeetingRoster;
  /** Ends the thread; calls still waiting fail. */
  stop(): Promise<void>;
}

/** A worker thread's log line, written with the main thread's logger (its level, serializers and destination). */
function relog(logger: Logger, line: string): void {
  const { level, msg, ...fields } = JSON.parse(line) as { level: number; msg?: string } & Record<string, unknown>;
  // The request bindings the turn was given start with the root logger's own, which it adds again.
  for (const key of Object.keys(logger.bindings())) delete fields[key];
  const label = logger.levels.labels[level] ?? 'info';
  (logger[label as 'info'] as (obj: object, msg?: string) => void).call(logger, fields, msg);
}

/** The error of a call the bot thread could not take: it was down, or died before answering. */
function threadDown(message: string): Error {
  return Object.assign(new Error(message), { name: 'BotThreadDown' });
}

/**
 * The bot in a worker thread, wired in two steps: its notifier, roster and activities exist at once (the use cases
 * that need them are built before the thread can be given those use cases), and `start` starts the thread and
 * waits until it is ready (it fails if the thread fails first, or is not ready within `readyWithinMs`). Should a
 * thread that was ready die, the calls waiting on it fail, the notifier answers `unreachable`, the roster `unknown` and
 * activities `botRestarting` meanwhile, and a new thread starts a second later, then ever later while it keeps dying
 * (a new thread that is not ready in time is ended, and counts as another death).
 */
export function botThread(): BotThread & {
  start(deps: BotThreadDeps): Promise<void>;
  /** The public base URL once the listener has its port (with PORT=0 it is not known at start). */
  bound(publicUrl: string): void;
} {
  const current: { worker?: Worker; peer?: RpcPeer; publicUrl?: string; logger?: Logger } = {};
  /** Whether a thread has been ready once: only then is one started again after it dies. */
  let started = false;
  let stopping = false;
  let deaths = 0;
  let restart: NodeJS.Timeout | undefined;
  /** When the next thread starts (or started: it may be loading now); undefined while one is up or none will be. */
  let restartAt: number | undefined;

  const spawn = (deps: BotThreadDeps, serve: Served, settings: BotThreadSettings): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      const publicUrl = current.publicUrl ?? settings.publicUrl;
      const worker = startWorker({ ...settings, publicUrl, now: deps.clock?.now() });
      worker.unref();
      current.worker = worker;
      const limit = startLimit(worker, deps.readyWithinMs ?? READY_WITHIN_MS, deps.logger);
      const clock = deps.clock;
      const peer = rpcPeer(worker, {
        serve: {
          ...serve,
          ready: () => {
            // Too late: the thread is being ended, so it must neither take calls nor count as started.
            if (limit.late()) return;
            limit.clear();
            started = true;
            deaths = 0;
            restartAt = undefined;
            current.peer = peer;
            // The listener may have its port since this thread was started with the address known then.
            if (current.publicUrl && current.publicUrl !== publicUrl) peer.tell('publicUrl', current.publicUrl);
            resolve();
          },
        },
        stamp: clock && (() => clock.now()),
      });
      worker.on('error', (err) => {
        deps.logger.error({ err }, 'the bot thread failed');
        reject(err);
      });
      worker.once('exit', (code) => {
        limit.clear();
        if (current.peer === peer) current.peer = undefined;
        peer.close(threadDown('The bot thread stopped.'));
        reject(limit.late() ?? new Error(`The bot thread exited (code ${code}) before it was ready.`));
        if (!stopping && started) startAgain(deps, serve, settings);
      });
    });
  /** After a death, starts a thread again once the back-off has passed; one that fails to start is another death. */
  const startAgain = (deps: BotThreadDeps, serve: Served, settings: BotThreadSettings) => {
    const delay = restartDelayMs(deaths);
    deaths += 1;
    restartAt = Date.now() + delay;
    deps.logger.error(`the bot thread stopped: the bot is unavailable until it starts again in ${delay / 1000} s`);
    restart = setTimeout(() => void spawn(deps, serve, settings).catch(() => undefined), delay);
    restart.unref();
  };

  const call =
    (name: string) =>
    (...args: unknown[]): Promise<never> =>
      current.peer
        ? (current.peer.call(name, ...args) as Promise<never>)
        : Promise.reject(threadDown('The bot thread is not running.'));
  /**
   * What a call answers when the thread is down or dies meanwhile: as if Teams could not be reached. Any other
   * failure (a store call the thread made) is thrown as it was, so a job is retried as before.
   */
  const orElse =
    <A extends unknown[], R>(name: string, fallback: R) =>
    (...args: A): Promise<R> =>
      call(name)(...args).catch((err: Error) => {
        if (err.name !== 'BotThreadDown') throw err;
        current.logger?.warn({ err }, `the bot thread could not answer ${name}`);
        return fallback;
      });
  /** What the HTTP edge hears while no thread runs and a new one is on its way; undefined otherwise. */
  const restarting = (): Restarting | undefined => {
    if (current.peer || restartAt === undefined) return undefined;
    const message = 'The bot is starting again after a failure; send the activity again once Retry-After has passed.';
    return { ok: false, error: { code: 'botRestarting', message, retryAfterMs: Math.max(0, restartAt - Date.now()) } };
  };
  /** A call that has no side effects (the token check) is also answered so when its thread dies under it. */
  const orRestarting = <R>(answer: Promise<R>): Promise<R | Restarting> =>
    answer.catch((err: Error) => {
      const down = err.name === 'BotThreadDown' ? restarting() : undefined;
      if (!down) throw err;
      return down;
    });
  return {
    activities: {
      authenticate: (header, body) => orRestarting(call('authenticate')(header, body)),
      // A turn may act (post, save) before its thread dies: only one that reached no thread is answered "send it
      // again"; one cut off midway fails as before (500), so a retry cannot run it twice.
      runActivity: async (body, authorization, logger) =>
        restarting() ?? call('activity')(body, authorization, logger.bindings()),
    },
    notifier: { notify: orElse('notifier.notify', fail('unreachable', 'The bot could not send this message now.')) },
    roster: {
      isParticipant: orElse('roster.isParticipant', 'unknown' as const),
      organizer: orElse('roster.organizer', undefined),
    },
    start: async (deps) => {
      current.logger = deps.logger;
      const useCaseNames = Object.keys(deps.useCases).filter(
        (name) => name !== 'now' && typeof deps.useCases[name as keyof BotUseCases] === 'function',
      );
      const serve = {
        ...servedObject('useCases', deps.useCases as unknown as Record<string, () => unknown>, useCaseNames),
        ...servedObject('storage', deps.storage, STORAGE_CALLS),
        ...servedObject('conversations', deps.conversations, CONVERSATION_CALLS),
        log: (line: string) => relog(deps.logger, line),
      };
      const settings = {
        ...deps.settings,
        useCaseNames,
        maxPerDay: deps.useCases.maxPerDay,
        logLevel: deps.logger.level,
      };
      await spawn(deps, serve, settings);
    },
    bound: (publicUrl) => {
      current.publicUrl = publicUrl;
      current.peer?.tell('publicUrl', publicUrl);
    },
    stop: async () => {
      stopping = true;
      restartAt = undefined;
      clearTimeout(restart);
      await current.worker?.terminate();
    },
  };
}
