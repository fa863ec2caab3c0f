import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Server } from 'restify';
import type { UseCaseDeps } from './app/deps';
import { botUseCases, httpUseCases } from './app/edges';
import { withParsedIntros } from './app/parsedIntros';
import { withSessionChanges } from './app/sessionChanges';
import { JOB_KINDS, type FlowDeps } from './app/flowDeps';
import type { Clock } from './app/ports';
import { runHeadsUpMember, runPrepLeader } from './app/prep';
import { createLocalIssuer, type LocalIssuer } from './auth/localIssuer';
import { tokenVerifierFor } from './auth/verifierFor';
import { allowedConversations } from './bot/allowedConversations';
import { botThread } from './botThread';
import { graphCalendar } from './calendar/graphCalendar';
import { graphFreeBusy } from './calendar/graphFreeBusy';
import { introInvite } from './calendar/ics';
import { verifyInvite } from './calendar/inviteLinks';
import { localCalendar } from './calendar/localCalendar';
import { createSigner, resolveSigningKey } from './crypto/signer';
import type { Signer } from './app/ports';
import { systemClock } from './clock';
import { ConfigError, loadConfig, type Config } from './config';
import { keyWrapperFor } from './crypto/keyWrapperFor';
import type { IntroId } from './domain/ids';
import { announceClose, createHttpServer } from './http/server';
import { sessionStreams } from './http/sessionStreams';
import { createJobRunner } from './jobs/jobRunner';
import { createLogger, type Logger } from './log';
import { memoryChanges } from './live/memoryChanges';
import { redisChanges } from './live/redisChanges';
import { openTableStore, storageAccountName } from './store/azure-tables/openTableStore';
import { openSqliteStore } from './store/sqlite/openSqliteStore';
import { databaseFile } from './store/sqlite/sqliteFile';

/** A started app: where it listens and how to stop it. */
export interface RunningApp {
  readonly url: string;
  readonly server: Server;
  readonly localIssuer?: LocalIssuer;
  /** Claims and runs the due jobs now (the poller does the same every JOB_POLL_MS). */
  runDueJobs(): Promise<number>;
  /** Stops taking requests, lets those in flight finish for up to `graceMs`, then cuts the rest and closes the store. */
  stop(graceMs?: number): Promise<void>;
}

/** Options for embedding the app (tests, tools). */
export interface StartOptions {
  readonly logger?: Logger;
  /** Where the built tab is; defaults to tab/dist in the package. */
  readonly tabDir?: string;
  /** Time source; tests pass a controllable one. */
  readonly clock?: Clock;
  /** Overrides JOB_POLL_MS; 0 turns the poller off (tests call `runDueJobs`). */
  readonly jobPollMs?: number;
}

/**
 * Closes the listener and idle keep-alive sockets at once; requests in flight get `graceMs`, then their sockets are
 * cut, so a stalled upload or a chatty keep-alive client cannot hold the process open.
 */
async function closeServer(server: Server, graceMs: number): Promise<void> {
  const http = server.server;
  // Keep-alive clients still sending get their answer with `Connection: close`, then must reconnect elsewhere.
  announceClose(server);
  const closed = new Promise<void>((resolve) => http.close(() => resolve()));
  http.closeIdleConnections();
  const deadline = setTimeout(() => http.closeAllConnections(), graceMs);
  await closed;
  clearTimeout(deadline);
}

/** Waits for `work`, but no longer than `ms`. */
async function within(work: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
  await Promise.race([work, deadline]);
  clearTimeout(timer);
}

/** Where the app is reached, fixed before anything is wired; with PORT=0 the port is filled in once bound. */
interface Addresses {
  /** The listener's own address, e.g. http://127.0.0.1:3978. */
  readonly origin: () => string;
  /** The one public URL every link, invite and issuer uses: https://BOT_DOMAIN when set, else the origin. */
  readonly publicUrl: () => string;
  /** Records the port the listener was given. */
  readonly bound: (port: number) => void;
}

function addressesOf(config: Config): Addresses {
  let port = config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const origin = () => `http://${host}:${port}`;
  const publicUrl = () => (config.domain ? `https://${config.domain}` : origin());
  return { origin, publicUrl, bound: (bound) => void (port = bound) };
}

const packageRoot = path.resolve(__dirname, __dirname.includes(`${path.sep}dist${path.sep}`) ? '../..' : '..');

/** The one store (every record kind, team plans included, on one connection or account), upgraded before use. */
async function openStores(config: Config, logger: Logger) {
  const keys = keyWrapperFor(config.keys, config.dataDir);
  const store = config.storageConnectionString
    ? await openTableStore(config.storageConnectionString, 'intro', { keys })
    : openSqliteStore(config.dataDir, { keys, log: logger });
  logger.info(
    config.storageConnectionString
      ? `Store: Azure Table Storage account ${storageAccountName(config.storageConnectionString)}`
      : `Store: SQLite database ${databaseFile(config.dataDir)}`,
  );
  const sealed = await store.upgrade();
  if (sealed > 0) logger.info({ sealed }, 'Sealed notes written before encryption at rest');
  return { store, teamPlans: store.teamPlans, close: () => store.close() };
}

/**
 * Session changes: fanned out in this process alone, or shared with the other instances through Redis (REDIS_URL).
 * `lost` runs when the other instances' changes stop arriving.
 */
async function sessionChangesOf(config: Config, logger: Logger, lost: () => void) {
  const local = memoryChanges();
  if (!config.redisUrl) return { changes: local, sharing: () => true, close: async () => undefined };
  const shared = redisChanges(config.redisUrl, local, {
    lost: () => {
      logger.warn('Session changes from other instances stopped arriving: panels poll until Redis is back');
      lost();
    },
    warn: (message, err) => logger.warn({ err }, message),
  });
  logger.info('Session changes: shared with other instances through Redis');
  return { changes: shared, sharing: shared.sharing, close: shared.close };
}

/** The calendar: Graph when configured, else a signed .ics invite. */
function calendarOf(config: Config, logger: Logger, signer: Signer, publicUrl: () => string) {
  return config.graph
    ? graphCalendar({
        ...config.graph,
        teamsAppId: config.teamsAppId,
        contentUrl: () => `${publicUrl()}/tab/index.html?view=meeting`,
        onWarning: (message, err) => logger.warn({ err }, message),
      })
    : localCalendar(signer, publicUrl);
}

/** Listens on PORT and HOST; a slow client cannot hold a socket: headers within 10 s, the whole request within 30 s. */
async function listen(server: Server, config: Config): Promise<number> {
  server.server.headersTimeout = 10_000;
  server.server.requestTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });
  return (server.address() as AddressInfo).port;
}

/** The composition root, top to bottom: addresses, adapters, use cases, edges (bot, HTTP), then listen. */
export async function startApp(config: Config, options: StartOptions = {}): Promise<RunningApp> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const clock = options.clock ?? systemClock;
  const { origin, publicUrl, bound } = addressesOf(config);

  // Adapters: stores, sign-in, the Bot Framework connection, the calendar.
  const { store, teamPlans, close } = await openStores(config, logger);
  const localIssuer =
    config.auth.mode === 'local' ? await createLocalIssuer(publicUrl, config.auth.clientId) : undefined;
  const verifyToken = tokenVerifierFor(config, localIssuer);
  // The bot runs in a thread of its own (see src/botThread.ts); its notifier and roster are usable from here on.
  const bot = botThread();
  // Every proactive send and roster question reads references through this, so one stored before the allow-list
  // existed (or by a forged activity) is never posted to.
  const conversations = allowedConversations(store.conversations, config.serviceUrls);
  const signingKey = resolveSigningKey(config.signingSecret, config.dataDir);
  const signer = createSigner(signingKey);
  const freeBusy = config.graph && graphFreeBusy(config.graph);

  // Session changes and the streams that carry them; streams here would miss other instances' changes while Redis
  // is down, so they end (their panels poll) and new ones wait for it.
  const streams = sessionStreams();
  const live = await sessionChangesOf(config, logger, () => streams.endAll());
  const changes = live.changes;

  // Use cases and the flows behind the bot and the jobs; intros read through one parsed-intro cache, and every write
  // that can change a session tells its streams.
  const intros = withParsedIntros(withSessionChanges(store.intros, changes));
  const useCases: UseCaseDeps = {
    intros,
    notes: store.notes,
    conversations,
    teamPlans,
    clock,
    roster: bot.roster,
    requireConfirmedParticipant: config.requireConfirmedParticipant,
    newIntroId: () => randomUUID() as IntroId,
  };
  const flows: FlowDeps = {
    ...useCases,
    jobs: store.jobs,
    conversations,
    calendar: calendarOf(config, logger, signer, publicUrl),
    notifier: bot.notifier,
  };
  const jobs = createJobRunner({
    jobs: store.jobs,
    clock,
    logger: logger.child({ component: 'jobs' }),
    intervalMs: options.jobPollMs ?? config.jobPollMs,
    handlers: {
      [JOB_KINDS.prepLeader]: (payload) => runPrepLeader(flows, payload),
      [JOB_KINDS.headsUpMember]: (payload) => runHeadsUpMember(flows, payload),
    },
  });

  // Edges: the bot, then the HTTP server that carries it, the API, the tab and the invites.
  const botStarted = bot.start({
    settings: {
      bot: config.bot,
      serviceUrls: config.serviceUrls,
      allowNonGuidIds: config.mode === 'local',
      teamsAppId: config.teamsAppId,
      publicUrl: publicUrl(),
      signingKey,
    },
    useCases: botUseCases({ flows, teams: { teamPlans, freeBusy } }),
    storage: store.botStorage,
    conversations,
    logger,
    clock: options.clock,
  });
  // A bot thread that cannot start stops the app, leaving no store or Redis connection open behind it.
  await botStarted.catch(async (err: unknown) => {
    await Promise.allSettled([close(), live.close()]);
    throw err;
  });
  const forHttp = httpUseCases({ useCases, notifier: flows.notifier, teams: { ...flows, teamPlans, freeBusy } });
  const server = createHttpServer({
    useCases: forHttp,
    live: { changes, streams, sharing: live.sharing },
    verifyToken,
    health: store.health,
    logger,
    localIssuer,
    tabDir: options.tabDir ?? path.join(packageRoot, 'tab', 'dist'),
    bot: { mode: config.bot.mode, ...bot.activities },
    invites: {
      inviteIntro: forHttp.inviteIntro,
      now: forHttp.now,
      verify: (link, nowMs) => verifyInvite(signer, link, nowMs),
      render: (intro, stampMs) => introInvite(intro, new URL(publicUrl()).hostname, stampMs),
    },
  });

  // Listen, then start the job poller.
  try {
    bound(await listen(server, config));
  } catch (err) {
    await bot.stop();
    await Promise.allSettled([close(), live.close()]);
    throw err;
  }
  bot.bound(publicUrl());
  jobs.start();
  return {
    url: origin(),
    server,
    localIssuer,
    runDueJobs: () => jobs.runDueJobs(),
    stop: async (graceMs = config.shutdownGraceMs) => {
      // Streams end first (their clients reconnect elsewhere or poll): they would hold the server for the whole grace.
      streams.closeAll();
      // Jobs and requests wind down side by side, and neither may hold the process past the grace period.
      await Promise.all([within(jobs.stop(), graceMs), closeServer(server, graceMs)]);
      // The bot thread goes before the store it reads and writes through this thread.
      await bot.stop();
      await Promise.all([close(), live.close()]);
    },
  };
}

/** What the operator reads first: the mode, what is reachable, and where the data is. */
function printWelcome(app: RunningApp, config: Config): void {
  const data = config.storageConnectionString
    ? `Azure Table Storage account ${storageAccountName(config.storageConnectionString)}`
    : databaseFile(config.dataDir);
  const lines =
    config.mode === 'local'
      ? [
          `Intro 1:1 is running in LOCAL mode (no deployment setting present): listening on ${config.host} only,`,
          '  with a local sign-in for this machine and an unauthenticated bot endpoint. Data in ' + data + '.',
          `  Local preview:  ${app.url}/tab/preview.html   (the side panel as leader and member)`,
          `  Bot endpoint:   ${app.url}/api/messages   (chat with it: npm run playground)`,
        ]
      : [
          `Intro 1:1 is running in DEPLOYMENT mode on ${config.host}:${new URL(app.url).port}. Data in ${data}.`,
          config.auth.mode === 'entra'
            ? `  API: Entra ID sign-in for ${config.auth.clientId}.`
            : '  API: CLOSED (every call 401): set AAD_APP_CLIENT_ID and AAD_APP_OAUTH_AUTHORITY.',
          config.bot.mode === 'authenticated'
            ? `  Bot endpoint: Bot Framework authentication for ${config.bot.id}.`
            : '  Bot endpoint: CLOSED (every activity 401): set BOT_ID and BOT_PASSWORD.',
        ];
  lines.push(`  Health:         ${app.url}/healthz   ${app.url}/readyz`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const app = await startApp(config);
  printWelcome(app, config);
  const shutdown = () => void app.stop().then(() => process.exit(0));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    // A store or data directory that cannot be used is an operator's fix: its message says which and what to do.
    const known = ['StoreStartError', 'PrivatePathError'].includes((error as Error).name);
    process.stderr.write(
      `Intro 1:1 failed to start: ${known ? (error as Error).message : ((error as Error).stack ?? String(error))}\n`,
    );
    process.exit(1);
  });
}
