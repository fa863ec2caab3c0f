import type { TurnContext } from 'botbuilder';
import type { Caller } from '../app/caller';
import { callerOf } from './identity';
import { PERSONAL_ONLY } from './replies';

/** What the guard needs: whether non-GUID ids pass (Agents Playground), and what to say to a sender without one. */
interface PersonalOnlySettings {
  readonly allowNonGuidIds: boolean;
  readonly noIdentity: string;
}

/**
 * Runs `action` for the identified sender in their personal chat with the bot, and nowhere else: notes, recaps,
 * goals and plans never land in a group. Elsewhere it answers with one sentence (PERSONAL_ONLY) and does nothing.
 */
export function personalOnly(
  settings: PersonalOnlySettings,
  action: (context: TurnContext, caller: Caller) => Promise<void>,
): (context: TurnContext) => Promise<void> {
  return async (context) => {
    if (context.activity.conversation?.conversationType !== 'personal') {
      await context.sendActivity(PERSONAL_ONLY);
      return;
    }
    const caller = callerOf(context.activity, settings.allowNonGuidIds);
    if (!caller) {
      await context.sendActivity(settings.noIdentity);
      return;
    }
    await action(context, caller);
  };
}
