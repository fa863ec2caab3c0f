import { Application, TeamsAdapter, type TurnState } from '@microsoft/teams-ai';
import { ActivityTypes, ConfigurationServiceClientCredentialFactory, type Storage } from 'botbuilder';
import type { Logger } from 'pino';
import type { ConversationStore } from '../app/ports';
import { rememberConversation } from './conversations';
import { handleMembersAdded, handleMessage, handleTurnError } from './handlers';
import { turnLogger } from './turnLogger';

/** Bot Framework credentials; without `botId` authentication is off (local playground and tests only). */
export interface BotAuth {
  readonly botId?: string;
  readonly botPassword?: string;
  readonly botTenantId?: string;
}

/** What the bot needs from the composition root. */
export interface BotDeps {
  /** botbuilder Storage for teams-ai turn state. */
  readonly storage: Storage;
  /** Where personal-chat conversation references are kept for proactive messages. */
  readonly conversations: ConversationStore;
  /** Base logger; each turn logs through a child tagged with its activity id (see `setTurnLogger`). */
  readonly logger: Logger;
  readonly auth: BotAuth;
  /** Public base URL of this server, e.g. http://localhost:3978, for links to the tab. */
  readonly publicUrl: string;
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
  const adapter = createAdapter(deps.auth);
  const app = new Application<TurnState>({
    adapter,
    storage: deps.storage,
    botAppId: deps.auth.botId,
    // Replies are immediate; a typing indicator would only add traffic.
    startTypingTimer: false,
  });
  app.turn('beforeTurn', async (context) => {
    await rememberConversation(context, deps.conversations, turnLogger(context, deps.logger));
    return true;
  });
  app.conversationUpdate('membersAdded', handleMembersAdded(deps.publicUrl));
  app.activity(ActivityTypes.Message, handleMessage);
  app.error(handleTurnError(deps.logger));
  return { adapter, app };
}
