import type { TeamsAdapter } from '@microsoft/teams-ai';
import type { ConversationReference } from 'botbuilder';
import type { ConversationStore, Notification, Notifier } from '../app/ports';
import { isTimeZone } from '../domain/schedule';
import { fail, ok, assertNever } from '../domain/result';
import type { Logger } from '../log';
import type { Intro } from '../domain/intro';
import type { AdaptiveCard } from './cards/card';
import { headsUpCard, prepCard, unreachableCard } from './cards/introCards';
import { recapCard, sharedRecapCard } from './cards/recapCard';
import { sendCard } from './send';

/** Renders a notification as the card its recipient sees. */
function renderNotification(
  message: Notification,
  timeZone: string,
  historyUrl: (intro?: Intro) => string,
): AdaptiveCard {
  switch (message.kind) {
    case 'prep':
      return prepCard(message.prep, timeZone, historyUrl());
    case 'headsUp':
      return headsUpCard(message.intro, timeZone);
    case 'recap':
      return recapCard(message.recap, historyUrl(message.recap.intro));
    case 'shared':
      return sharedRecapCard(message.shared);
    case 'unreachable':
      return unreachableCard(message.personName, message.purpose);
    default:
      return assertNever(message);
  }
}

/** What the bot notifier needs. */
interface BotNotifierDeps {
  readonly adapter: TeamsAdapter;
  readonly botAppId?: string;
  readonly conversations: ConversationStore;
  readonly logger: Logger;
  readonly historyUrl: (intro?: Intro) => string;
}

/**
 * Sends notifications to a person's personal chat through the conversation reference saved there; a person
 * without one (never chatted with the bot) or a failed send is `unreachable`. Never posts to group or meeting chats.
 */
export function botNotifier(deps: BotNotifierDeps): Notifier {
  return {
    notify: async (tenantId, userId, message) => {
      const reference = await deps.conversations.get(tenantId, userId);
      const conversation = reference?.conversation as { conversationType?: string } | undefined;
      if (!reference || conversation?.conversationType !== 'personal') {
        return fail('unreachable', 'This person has not opened a personal chat with the bot.');
      }
      const zone = typeof reference.localTimezone === 'string' && isTimeZone(reference.localTimezone);
      const card = renderNotification(message, zone ? String(reference.localTimezone) : 'UTC', deps.historyUrl);
      try {
        await deps.adapter.continueConversationAsync(
          deps.botAppId ?? '',
          reference as Partial<ConversationReference>,
          async (context) => {
            await sendCard(context, card);
          },
        );
        return ok(undefined);
      } catch (err) {
        deps.logger.warn({ err, kind: message.kind }, 'proactive message failed');
        return fail('unreachable', 'The message could not be delivered.');
      }
    },
  };
}
