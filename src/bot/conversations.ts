import { ActivityTypes, TurnContext, type Activity } from 'botbuilder';
import type { Logger } from 'pino';
import type { ConversationStore } from '../app/ports';
import { sharedConversationKey } from './conversationKeys';
import { callerOf, senderZoneOf, tenantIdOf } from './identity';

/** True when the activity says the bot itself was just added (installed) to the conversation. */
export function isBotAdded(activity: Partial<Activity>): boolean {
  const botId = activity.recipient?.id;
  return botId !== undefined && (activity.membersAdded ?? []).some((member) => member.id === botId);
}

/** True when the app was just installed here: the bot added to the conversation, or an `installationUpdate` add. */
export function isInstall(activity: Partial<Activity>): boolean {
  if (activity.type === ActivityTypes.InstallationUpdate) return /^add(-upgrade)?$/.test(activity.action ?? '');
  return activity.type === ActivityTypes.ConversationUpdate && isBotAdded(activity);
}

function isPersonal(activity: Partial<Activity>): boolean {
  return activity.conversation?.conversationType === 'personal';
}

/** A meeting's chat (where a side panel is added) or a team's channel: a conversation no one person owns. */
function isMeetingOrTeam(activity: Partial<Activity>): boolean {
  const conversation = activity.conversation;
  const channelData = activity.channelData as { meeting?: { id?: unknown }; team?: { id?: unknown } } | undefined;
  if (conversation?.conversationType === 'channel') return typeof channelData?.team?.id === 'string';
  if (conversation?.conversationType !== 'groupChat') return false;
  return typeof channelData?.meeting?.id === 'string' || /^19:meeting_/.test(conversation.id ?? '');
}

/** Whether this activity should refresh the stored conversation reference: a personal install or message. */
function shouldRemember(activity: Partial<Activity>): boolean {
  if (!isPersonal(activity)) return false;
  return activity.type === ActivityTypes.Message || isInstall(activity);
}

function referenceOf(activity: Partial<Activity>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(TurnContext.getConversationReference(activity))) as Record<string, unknown>;
}

/**
 * Saves where the bot can reach people: a person's personal chat (install or message), keyed by tenant and Entra
 * user, with their time zone; and, when the app is added to a meeting chat or a team, that conversation under its own
 * key and without who added it, so Teams can be asked about a meeting before anyone opens a personal chat. Private
 * messages only ever go to personal references. Skipped when the tenant or user is unknown; the store wrapper
 * (`allowedConversations`) keeps only allowed `serviceUrl`s.
 */
export async function rememberConversation(
  context: TurnContext,
  store: ConversationStore,
  logger: Logger,
  allowNonGuid = false,
): Promise<void> {
  const activity = context.activity;
  if (isInstall(activity) && isMeetingOrTeam(activity)) {
    const tenantId = tenantIdOf(activity, allowNonGuid);
    const conversationId = activity.conversation?.id;
    if (!tenantId || !conversationId) return;
    const { user: _installer, ...reference } = referenceOf(activity);
    await store.save(tenantId, sharedConversationKey(conversationId), reference);
    return;
  }
  if (!shouldRemember(activity)) return;
  const caller = callerOf(activity, allowNonGuid);
  if (!caller) {
    logger.debug('conversation reference not saved: no tenant or Entra user id');
    return;
  }
  const reference = referenceOf(activity);
  // Kept with the reference so proactive cards show times in the person's own zone.
  const zone = senderZoneOf(activity);
  if (zone) reference.localTimezone = zone;
  await store.save(caller.tenantId, caller.userId, reference);
}
