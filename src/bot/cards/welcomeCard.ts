import { DEFAULT_MINUTES, MAX_MINUTES, MIN_MINUTES } from '../../domain/intro';
import { METHOD_SUMMARY } from '../../domain/method';
import { PHASE_TITLES } from '../../domain/phases';
import { adaptiveCard, bullets, commandButton, heading, linkButton, text, type AdaptiveCard } from './card';

/** The card the bot sends when it is installed: the method in a few lines and the commands to start with. */
export function welcomeCard(publicUrl: string): AdaptiveCard {
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
      text('Your notes are private: only you can read them, and I send them only here, in our personal chat.', {
        isSubtle: true,
      }),
    ],
    [
      commandButton('Schedule an intro', 'schedule'),
      commandButton('Show the agenda', 'agenda'),
      commandButton('What can you do?', 'help'),
      linkButton('Privacy', `${publicUrl}/tab/index.html?view=history#privacy`),
    ],
  );
}
