import { derivedGuid } from '../derivedGuid';
import { parseUserId, type UserId } from '../domain/ids';

// Kept apart from ./conversations (which needs botbuilder) so the API's thread can check keys without loading it.

/**
 * The key a meeting chat's or team's reference is stored under: derived from the conversation (a custom-version GUID
 * never equal to an Entra id), so it never stands in for a person's personal chat.
 */
export function sharedConversationKey(conversationId: string): UserId {
  return derivedGuid(`conversation|${conversationId}`) as UserId;
}

/** The key a stored reference lives under: its person's Entra id for a personal chat, else its conversation's key. */
export function storedKeyOf(reference: Readonly<Record<string, unknown>>): UserId | undefined {
  const conversation = reference['conversation'] as { id?: unknown; conversationType?: unknown } | undefined;
  if (conversation?.conversationType !== 'personal' && typeof conversation?.id === 'string') {
    return sharedConversationKey(conversation.id);
  }
  return parseUserId((reference['user'] as { aadObjectId?: unknown } | undefined)?.aadObjectId);
}
