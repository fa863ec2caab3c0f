import type { TurnContext } from 'botbuilder';
import type { Caller } from '../app/caller';
import type { BotUseCases } from '../app/edges';
import type { ScheduleError, ScheduleRequest, Scheduled } from '../app/scheduling';
import type { IntroId } from '../domain/ids';
import type { Intro } from '../domain/intro';
import { escapeMarkdown as md } from '../domain/markdown';
import { fail, type Result } from '../domain/result';
import type { AdaptiveCard } from './cards/card';
import { whenLabel } from './cards/introCards';
import { derivedGuid } from '../derivedGuid';
import { cardMessage } from './send';

/** The intro a schedule card creates: its id derives from the card's signed stamp, so one card schedules once. */
export function cardIntroId(sig: string): IntroId {
  return derivedGuid(`scheduleCard|${sig}`) as IntroId;
}

/** What the bot says when a schedule card that already scheduled an intro is submitted again. */
export function alreadyUsedText(intro: Intro, timeZone: string): string {
  const who = intro.member ? md(intro.member.name) : 'your colleague';
  return `That card was already used: your intro 1:1 with ${who} (${whenLabel(intro, timeZone)}) is scheduled, and nothing new was created. Type "schedule" to plan another.`;
}

/**
 * Schedules the card's intro under the card's own id; a second press that raced the first to the store is
 * reported as `alreadyUsed` instead of failing the turn.
 */
export async function scheduleOnce(
  useCases: BotUseCases,
  caller: Caller,
  request: ScheduleRequest,
  introId: IntroId,
): Promise<Result<Scheduled, ScheduleError | 'alreadyUsed'>> {
  try {
    return await useCases.scheduleIntro(caller, request, introId);
  } catch (error) {
    if (!(await useCases.findIntro(caller.tenantId, introId))) throw error;
    return fail('alreadyUsed', 'That card was already used, and nothing new was created.');
  }
}

/** Turns the submitted card (the activity replied to) into `card`; sends it as a new message when it cannot. */
export async function replaceSubmittedCard(context: TurnContext, card: AdaptiveCard): Promise<void> {
  const message = cardMessage(card);
  const cardId = context.activity.replyToId;
  if (cardId) {
    try {
      await context.updateActivity({ ...message, id: cardId });
      return;
    } catch {
      // Clients that cannot update a message (or a card already gone) still get the confirmation.
    }
  }
  await context.sendActivity(message);
}
