import { parentPort, workerData } from 'node:worker_threads';
import pino from 'pino';
import type { Storage } from 'botbuilder';
import type { BotUseCases } from './app/edges';
import type { ConversationStore } from './app/ports';
import { activityAuthentication } from './bot/activityAuth';
import { createAdapter, createBot } from './bot/createBot';
import { botMeetingRoster } from './bot/meetingRoster';
import { botNotifier } from './bot/notifier';
import { runActivity } from './bot/runActivity';
import { setTurnLogger } from './bot/turnLogger';
import { CONVERSATION_CALLS, STORAGE_CALLS, type BotThreadSettings } from './botThread';
import { createSigner } from './crypto/signer';
import type { Intro } from './domain/intro';
import { remoteObject, rpcPeer, servedObject, type Served, type ThreadPort } from './threads/rpc';

/*
 * The bot thread: teams-ai, botbuilder, the adapter and the cards, in a V8 heap of their own so the API's garbage
 * collections never mark them (they are ~80 % of the app's heap at rest). Everything it stores or decides goes to
 * the main thread's use cases and stores; the main thread asks it to run activities and to reach people.
 */

const settings = workerData as BotThreadSettings;
let publicUrl = settings.publicUrl;
const served: Record<string, Served[string]> = {};
// The main thread's clock when tests move it by hand: its time comes with every message it sends.
let mainNow = settings.now;
const peer = rpcPeer(parentPort as unknown as ThreadPort, {
  serve: served,
  stamped: mainNow === undefined ? undefined : (now) => void (mainNow = now),
});

/** Lines go to the main thread's logger, which writes them with its own. */
const logger = pino(
  { level: settings.logLevel, base: undefined, timestamp: false, serializers: { err: pino.stdSerializers.err } },
  { write: (line: string) => peer.tell('log', line) },
);

/** Link to the personal history tab (a Teams deep link when the app id is known), optionally to one intro. */
function historyUrl(intro?: Intro): string {
  if (settings.teamsAppId) {
    const base = `https://teams.microsoft.com/l/entity/${settings.teamsAppId}/history`;
    return intro ? `${base}?context=${encodeURIComponent(JSON.stringify({ subEntityId: intro.id }))}` : base;
  }
  return `${publicUrl}/tab/index.html?view=history${intro ? `&intro=${intro.id}` : ''}`;
}

const auth =
  settings.bot.mode === 'authenticated'
    ? { botId: settings.bot.id, botPassword: settings.bot.password, botTenantId: settings.bot.tenantId }
    : {};
const adapter = createAdapter(auth);
const conversations = remoteObject<ConversationStore>(peer, 'conversations', CONVERSATION_CALLS);
const useCases = {
  ...remoteObject<BotUseCases>(peer, 'useCases', settings.useCaseNames as (keyof BotUseCases & string)[]),
  now: () => mainNow ?? Date.now(),
  maxPerDay: settings.maxPerDay,
};
const bot = createBot({
  storage: remoteObject<Storage>(peer, 'storage', STORAGE_CALLS),
  conversations,
  logger,
  auth,
  adapter,
  publicUrl: () => publicUrl,
  flows: {
    useCases,
    conversations,
    signer: createSigner(Buffer.from(settings.signingKey)),
    logger,
    allowNonGuidIds: settings.allowNonGuidIds,
    historyUrl,
    teams: { botAppId: auth.botId },
  },
});
const run = runActivity({
  serviceUrls: settings.serviceUrls,
  adapter,
  run: async (context, requestLogger) => {
    setTurnLogger(context, requestLogger.child({ turnId: context.activity.id }));
    await bot.app.run(context);
  },
});
const reach = { adapter, botAppId: auth.botId, conversations, logger };

Object.assign(served, {
  publicUrl: (url: string) => void (publicUrl = url),
  authenticate: activityAuthentication(settings.bot),
  /** `bindings` are the HTTP request logger's (its request id), so the turn's lines carry them. */
  activity: (body: unknown, authorization: string, bindings: pino.Bindings) =>
    run(body, authorization, logger.child(bindings)),
  ...servedObject('notifier', botNotifier({ ...reach, historyUrl }), ['notify']),
  ...servedObject('roster', botMeetingRoster(reach), ['isParticipant', 'organizer']),
});
peer.tell('ready');
