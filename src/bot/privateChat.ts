import type { Activity, ConversationReference, TurnContext } from 'botbuilder';
import type { CloudAdapter } from 'botbuilder';
import type { ConversationStore } from '../app/ports';
import type { TenantId, UserId } from '../domain/ids';

/** Who to reach privately: their Entra id and, when known, their Teams account id (29:…). */
interface PrivateRecipient {
  readonly tenantId: TenantId;
  readonly userId: UserId;
  readonly teamsId?: string;
}

/**
 * Sends an activity to a person's personal chat with the bot, and only there: through the stored reference when
 * there is one, else by creating the 1:1 conversation (`POST {serviceUrl}v3/conversations`). False when neither works.
 */
export async function sendPrivately(
  context: TurnContext,
  conversations: ConversationStore,
  botAppId: string | undefined,
  to: PrivateRecipient,
  message: Partial<Activity>,
): Promise<boolean> {
  const adapter = context.adapter as CloudAdapter;
  const reference = await conversations.get(to.tenantId, to.userId);
  const conversation = reference?.conversation as { conversationType?: string } | undefined;
  if (reference && conversation?.conversationType === 'personal') {
    await adapter.continueConversationAsync(botAppId ?? '', reference as Partial<ConversationReference>, (proactive) =>
      proactive.sendActivity(message).then(() => undefined),
    );
    return true;
  }
  const serviceUrl = context.activity.serviceUrl;
  if (!to.teamsId || !serviceUrl) return false;
  const parameters = {
    isGroup: false,
    bot: context.activity.recipient,
    members: [{ id: to.teamsId, name: '' }],
    tenantId: to.tenantId,
    channelData: { tenant: { id: to.tenantId } },
    activity: undefined as unknown as Activity,
  };
  await adapter.createConversationAsync(
    botAppId ?? '',
    'msteams',
    serviceUrl,
    undefined as unknown as string,
    parameters,
    (created) => created.sendActivity(message).then(() => undefined),
  );
  return true;
}
