import { Application, TeamsAdapter, type TurnState } from '@microsoft/teams-ai';
import { ActivityTypes, ConfigurationServiceClientCredentialFactory, type Storage } from 'botbuilder';
import type { Logger } from 'pino';
import type { ConversationStore } from '../app/ports';
import { rememberConversation } from './conversations';
import { handleMembersAdded, handleMessage, handleTurnError } from './handlers';
import { turnLogger } from './turnLogger';
import { SCHEDULE_VERB } from './cards/scheduleCard';
import { SHARE_VERB } from './cards/recapCard';
import { createFlowHandlers, type BotFlowDeps } from './flowHandlers';
import { TEAM_PLAN_VERB } from './cards/teamPlanCard';
import { TEAM_NEWCOMER_VERB, TEAM_PICK_VERB } from './cards/teamCards';

/** Bot Framework credentials; without `botId` authentication is off (local playground and tests only). */
interface BotAuth {
  readonly botId?: string;
  readonly botPassword?: string;
  readonly botTenantId?: string;
}

/** What the bot needs from the composition root. */
interface BotDeps {
  /** botbuilder Storage for teams-ai turn state. */
  readonly storage: Storage;
  /** Where conversation references are kept: personal chats for proactive messages, meeting chats and teams. */
  readonly conversations: ConversationStore;
  /** Base logger; each turn logs through a child tagged with its activity id (see `setTurnLogger`). */
  readonly logger: Logger;
  readonly auth: BotAuth;
  /** Public base URL of this server, e.g. http://localhost:3978, for links to the tab. */
  readonly publicUrl: () => string;
  /** The adapter to use (the composition root shares it with the notifier); created from `auth` when absent. */
  readonly adapter?: TeamsAdapter;
  /** Schedule, prep, recap, history, share and meeting events; without them those commands answer with help. */
  readonly flows?: BotFlowDeps;
}

/** Builds the Teams adapter: authenticated with the bot's credentials, or with authentication off without a bot id. */
export function createAdapter(auth: BotAuth): TeamsAdapter {
  if (!auth.botId) return new TeamsAdapter({}, new ConfigurationServiceClientCredentialFactory({}));
  const settings = {
    MicrosoftAppId: auth.botId,
    MicrosoftAppPassword: auth.botPassword,
    MicrosoftAppTenantId: auth.botTenantId,
    MicrosoftAppType: auth.botTenantId ? 'SingleTenant' : 'MultiTenant',
  };
  return new TeamsAdapter(settings, new ConfigurationServiceClientCredentialFactory(settings));
}

/** Builds the Intro 1:1 bot; mount it with `adapter.process(req, res, (context) => app.run(context))`. */
export function createBot(deps: BotDeps): { adapter: TeamsAdapter; app: Application<TurnState> } {
  const adapter = deps.adapter ?? createAdapter(deps.auth);
  const app = new Application<TurnState>({
    adapter,
    storage: deps.storage,
    botAppId: deps.auth.botId,
    // Replies are immediate; a typing indicator would only add traffic.
    startTypingTimer: false,
  });
  const allowNonGuidIds = deps.flows?.allowNonGuidIds ?? false;
  app.turn('beforeTurn', async (context) => {
    await rememberConversation(context, deps.conversations, turnLogger(context, deps.logger), allowNonGuidIds);
    return true;
  });
  const flows = deps.flows && createFlowHandlers(deps.flows);
  const welcome = handleMembersAdded(deps.publicUrl);
  app.conversationUpdate('membersAdded', async (context) => {
    await flows?.teamMembersAdded(context);
    await welcome(context);
  });
  if (flows) {
    app.activity(ActivityTypes.InstallationUpdate, (context) => flows.teamInstalled(context));
    app.adaptiveCards.actionSubmit(TEAM_PLAN_VERB, (context) => flows.teamConfirm(context));
    app.adaptiveCards.actionSubmit(TEAM_PICK_VERB, (context) => flows.teamPick(context));
    app.adaptiveCards.actionSubmit(TEAM_NEWCOMER_VERB, (context) => flows.teamNewcomer(context));
    // Card submissions are messages too: their routes go before the message route.
    app.adaptiveCards.actionSubmit(SCHEDULE_VERB, (context) => flows.scheduleSubmit(context));
    app.adaptiveCards.actionSubmit(SHARE_VERB, (context) => flows.shareSubmit(context));
    app.meetings.start((context) => flows.meetingStart(context));
    app.meetings.end((context) => flows.meetingEnd(context));
  }
  app.activity(ActivityTypes.Message, handleMessage(flows && ((context, name) => flows[name](context))));
  // Invokes no route handles (Teams sends several a bot may ignore) get a plain 200, not botbuilder's 501.
  app.activity(ActivityTypes.Invoke, async (context) => {
    await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body: {} } });
  });
  app.error(handleTurnError(deps.logger));
  return { adapter, app };
}
