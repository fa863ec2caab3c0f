import { DEFAULT_MINUTES, MAX_MINUTES, MIN_MINUTES } from '../../domain/intro';
import { METHOD_SUMMARY } from '../../domain/method';
import { PHASE_TITLES } from '../../domain/phases';
import { adaptiveCard, bullets, commandButton, heading, linkButton, text, type AdaptiveCard } from './card';

/** Where private things go, worded for where the welcome is read. */
function privacyText(inPersonalChat: boolean): string {
  return inPersonalChat
    ? 'Your notes are private: only you can read them, and I send them only here, in our personal chat.'
    : 'Your notes are private: only you can read them. I never post them here; prep cards and recaps go only to your personal chat with me.';
}

/**
 * The card the bot sends when it is installed: the method in a few lines and the commands to start with, worded for
 * a personal chat or for a group chat or team.
 */
export function welcomeCard(publicUrl: string, inPersonalChat = true): AdaptiveCard {
  return adaptiveCard(
    [
      heading('Welcome to Intro 1:1', 'Large'),
      text(METHOD_SUMMARY),
      bullets([
        `**${PHASE_TITLES.goals}**: what they want, big or small, near or far.`,
        `**${PHASE_TITLES.pullFeedback}**: listen to how it is going for them; don't defend or solve.`,
        `**${PHASE_TITLES.pushFeedback}**: what you have noticed, framed in their goals.`,
      ]),
      text(`Plan ${DEFAULT_MINUTES} minutes (anything from ${MIN_MINUTES} to ${MAX_MINUTES} works).`),
      text(privacyText(inPersonalChat), { isSubtle: true }),
    ],
    [
      // Scheduling happens in the personal chat only, so a group is not offered a button that would be refused.
      ...(inPersonalChat ? [commandButton('Schedule an intro', 'schedule')] : []),
      commandButton('Show the agenda', 'agenda'),
      commandButton('What can you do?', 'help'),
      linkButton('Privacy', `${publicUrl}/tab/index.html?view=history#privacy`),
    ],
  );
}
