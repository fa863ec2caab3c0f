import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Server } from 'restify';
import type { UseCaseDeps } from './app/deps';
import type { Clock } from './app/ports';
import { createLocalIssuer, type LocalIssuer } from './auth/localIssuer';
import { createTokenVerifier } from './auth/tokenVerifier';
import { createAdapter, createBot } from './bot/createBot';
import { botMeetingRoster } from './bot/meetingRoster';
import { botNotifier } from './bot/notifier';
import { graphCalendar } from './calendar/graphCalendar';
import { introInvite } from './calendar/ics';
import { createSigner, verifyInvite } from './calendar/inviteLinks';
import { localCalendar } from './calendar/localCalendar';
import { resolveSigningKey } from './calendar/signingKey';
import { JOB_KINDS, type FlowDeps } from './app/flowDeps';
import { runHeadsUpMember, runPrepLeader } from './app/prep';
import type { Intro } from './domain/intro';
import { inviteRoutes } from './http/routes/invites';
import { createJobRunner } from './jobs/jobRunner';
import { setTurnLogger } from './bot/turnLogger';
import { systemClock } from './clock';
import { ConfigError, loadConfig, type Config } from './config';
import { keyWrapperFor } from './crypto/keyWrapperFor';
import type { IntroId } from './domain/ids';
import type { LoggedRequest } from './http/context';
import { createHttpServer } from './http/server';
import { createLogger, type Logger } from './log';
import { openTableStore } from './store/azure-tables/openTableStore';
import { openSqliteStore } from './store/sqlite/openSqliteStore';

/** A started app: where it listens and how to stop it. */
export interface RunningApp {
  readonly url: string;
  readonly server: Server;
  readonly localIssuer?: LocalIssuer;
  /** Claims and runs the due jobs now (the poller does the same every JOB_POLL_MS). */
  runDueJobs(): Promise<number>;
  stop(): Promise<void>;
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

/** Link to the personal history tab (a Teams deep link when the app id is known), optionally to one intro. */
function historyLink(config: Config, publicUrl: () => string) {
  return (intro?: Intro): string => {
    if (config.teamsAppId) {
      const base = `https://teams.microsoft.com/l/entity/${config.teamsAppId}/history`;
      return intro ? `${base}?context=${encodeURIComponent(JSON.stringify({ subEntityId: intro.id }))}` : base;
    }
    return `${publicUrl()}/tab/index.html?view=history${intro ? `&intro=${intro.id}` : ''}`;
  };
}

const packageRoot = path.resolve(__dirname, __dirname.includes(`${path.sep}dist${path.sep}`) ? '../..' : '..');

/** The composition root: wires config, store, auth, bot and HTTP, then listens. */
export async function startApp(config: Config, options: StartOptions = {}): Promise<RunningApp> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const keys = keyWrapperFor(config.keys, config.dataDir);
  const store = config.storageConnectionString
    ? await openTableStore(config.storageConnectionString, 'intro', { keys })
    : openSqliteStore(config.dataDir, { keys });
  const sealed = await store.upgrade();
  if (sealed > 0) logger.info({ sealed }, 'Sealed notes written before encryption at rest');
  let origin = `http://localhost:${config.port}`;
  const localIssuer =
    config.auth.mode === 'local' ? await createLocalIssuer(() => origin, config.auth.clientId) : undefined;
  const verifyToken = createTokenVerifier(
    config.auth.mode === 'entra'
      ? {
          authority: config.auth.authority,
          clientId: config.auth.clientId,
          domain: config.domain,
          tenantId: config.auth.tenantId,
        }
      : { authority: () => localIssuer!.authority(), clientId: config.auth.clientId },
  );
  const auth = { botId: config.bot.id, botPassword: config.bot.password, botTenantId: config.bot.tenantId };
  const adapter = createAdapter(auth);
  const useCases: UseCaseDeps = {
    intros: store.intros,
    notes: store.notes,
    conversations: store.conversations,
    clock: options.clock ?? systemClock,
    roster: botMeetingRoster({ adapter, botAppId: config.bot.id, conversations: store.conversations, logger }),
    requireConfirmedParticipant: config.requireConfirmedParticipant,
    newIntroId: () => randomUUID() as IntroId,
  };
  const publicUrl = () => (config.domain ? `https://${config.domain}` : origin);
  const signer = createSigner(resolveSigningKey(config.signingSecret, config.dataDir));
  const historyUrl = historyLink(config, publicUrl);
  const flows: FlowDeps = {
    ...useCases,
    jobs: store.jobs,
    conversations: store.conversations,
    calendar: config.graph
      ? graphCalendar({
          ...config.graph,
          teamsAppId: config.teamsAppId,
          contentUrl: () => `${publicUrl()}/tab/index.html?view=meeting`,
          onWarning: (message, err) => logger.warn({ err }, message),
        })
      : localCalendar(signer, publicUrl),
    notifier: botNotifier({ adapter, botAppId: config.bot.id, conversations: store.conversations, logger, historyUrl }),
  };
  const bot = createBot({
    storage: store.botStorage,
    conversations: store.conversations,
    logger,
    auth,
    adapter,
    publicUrl: publicUrl(),
    flows: { flows, signer, logger, allowNonGuidIds: config.env !== 'production', historyUrl },
  });
  const jobs = createJobRunner({
    jobs: store.jobs,
    clock: useCases.clock,
    logger: logger.child({ component: 'jobs' }),
    intervalMs: options.jobPollMs ?? config.jobPollMs,
    handlers: {
      [JOB_KINDS.prepLeader]: (payload) => runPrepLeader(flows, payload),
      [JOB_KINDS.headsUpMember]: (payload) => runHeadsUpMember(flows, payload),
    },
  });
  const server = createHttpServer({
    useCases,
    verifyToken,
    health: store.health,
    logger,
    localIssuer,
    tabDir: options.tabDir ?? path.join(packageRoot, 'tab', 'dist'),
    handleActivity: async (req, res) => {
      await bot.adapter.process(req, res, async (context) => {
        setTurnLogger(context, (req as LoggedRequest).logger.child({ turnId: context.activity.id }));
        await bot.app.run(context);
      });
    },
  });
  inviteRoutes(server, {
    intros: store.intros,
    clock: useCases.clock,
    verify: (link, nowMs) => verifyInvite(signer, link, nowMs),
    render: (intro, stampMs) => introInvite(intro, new URL(publicUrl()).hostname, stampMs),
  });
  await new Promise<void>((resolve) => server.listen(config.port, resolve));
  origin = `http://localhost:${(server.address() as AddressInfo).port}`;
  jobs.start();
  return {
    url: origin,
    server,
    localIssuer,
    runDueJobs: () => jobs.runDueJobs(),
    stop: async () => {
      await jobs.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      store.close();
    },
  };
}

function printWelcome(app: RunningApp, config: Config): void {
  const lines = [
    `Intro 1:1 is running (${config.env}, data in ${config.storageConnectionString ? 'Azure Table Storage' : path.resolve(config.dataDir)}).`,
    `  Bot endpoint:   ${app.url}/api/messages   (chat with it: npm run playground)`,
    `  Health:         ${app.url}/healthz   ${app.url}/readyz`,
  ];
  if (app.localIssuer)
    lines.push(`  Local preview:  ${app.url}/tab/preview.html   (the side panel as leader and member)`);
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
    process.stderr.write(`Intro 1:1 failed to start: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  });
}
