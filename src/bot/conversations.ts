import { ActivityTypes, TurnContext, type Activity } from 'botbuilder';
import type { Logger } from 'pino';
import type { ConversationStore } from '../app/ports';
import { parseTenantId, parseUserId } from '../domain/ids';
import { tenantOf } from './identity';

/** True when the activity says the bot itself was just added (installed) to the conversation. */
export function isBotAdded(activity: Partial<Activity>): boolean {
  const botId = activity.recipient?.id;
  return botId !== undefined && (activity.membersAdded ?? []).some((member) => member.id === botId);
}

function isPersonal(activity: Partial<Activity>): boolean {
  return activity.conversation?.conversationType === 'personal';
}

/** Whether this activity should refresh the stored conversation reference: a personal install or message. */
export function shouldRemember(activity: Partial<Activity>): boolean {
  if (!isPersonal(activity)) return false;
  return (
    activity.type === ActivityTypes.Message ||
    (activity.type === ActivityTypes.ConversationUpdate && isBotAdded(activity))
  );
}

/**
 * Saves where the bot can reach this user proactively: only personal chats (never a team or group chat,
 * so private messages never land there), keyed by tenant and Entra user, skipped when either is unknown.
 */
export async function rememberConversation(
  context: TurnContext,
  store: ConversationStore,
  logger: Logger,
): Promise<void> {
  const activity = context.activity;
  if (!shouldRemember(activity)) return;
  const tenantId = parseTenantId(tenantOf(activity));
  const userId = parseUserId(activity.from?.aadObjectId);
  if (!tenantId || !userId) {
    logger.debug('conversation reference not saved: no tenant or Entra user id');
    return;
  }
  const reference = JSON.parse(JSON.stringify(TurnContext.getConversationReference(activity))) as Record<
    string,
    unknown
  >;
  // Kept with the reference so proactive cards show times in the person's own zone.
  if (activity.localTimezone) reference.localTimezone = activity.localTimezone;
  await store.save(tenantId, userId, reference);
}
