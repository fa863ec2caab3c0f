import { CardFactory, MessageFactory, type Activity, type TurnContext } from 'botbuilder';
import type { AdaptiveCard } from './cards/card';

/** A message carrying one Adaptive Card, with optional text before it. */
export function cardMessage(card: AdaptiveCard, text?: string): Partial<Activity> {
  return MessageFactory.attachment(CardFactory.adaptiveCard(card), text);
}

/** Sends one Adaptive Card in the turn's conversation. */
export async function sendCard(context: TurnContext, card: AdaptiveCard, text?: string): Promise<void> {
  await context.sendActivity(cardMessage(card, text));
}
