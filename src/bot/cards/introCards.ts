import type { CalendarEntry, PrepBrief } from '../../app/ports';
import { buildAgenda } from '../../domain/agenda';
import { SETTING_LABELS, type Intro } from '../../domain/intro';
import { escapeMarkdown as md } from '../../domain/markdown';
import { OPENING } from '../../domain/method';
import { formatInZone } from '../../domain/schedule';
import { HORIZONS, type FollowUp, type Goal } from '../../domain/notes';
import { phaseHeading } from './agendaCard';
import {
  adaptiveCard,
  bullets,
  commandButton,
  heading,
  linkButton,
  text,
  type AdaptiveCard,
  type CardElement,
} from './card';

/** "Tue, 3 Jun 2025, 14:30 (Europe/Paris)", or a note that no time is set. */
export function whenLabel(intro: Intro, timeZone: string): string {
  return intro.scheduledStart ? formatInZone(Date.parse(intro.scheduledStart), timeZone) : 'no time set';
}

function facts(intro: Intro, timeZone: string): CardElement {
  return {
    type: 'FactSet',
    facts: [
      { title: 'With', value: intro.member ? md(intro.member.name) : 'someone to be confirmed' },
      { title: 'When', value: whenLabel(intro, timeZone) },
      { title: 'Length', value: `${intro.durationMinutes} minutes` },
      { title: 'Setting', value: SETTING_LABELS[intro.setting] },
    ],
  };
}

/** Confirms a scheduled intro, with the invite or Teams meeting link. */
export function confirmationCard(intro: Intro, entry: CalendarEntry, timeZone: string): AdaptiveCard {
  const actions: CardElement[] = [];
  if (entry.joinUrl) actions.push(linkButton('Join the Teams meeting', entry.joinUrl));
  if (entry.inviteUrl) actions.push(linkButton('Add to calendar (.ics)', entry.inviteUrl));
  actions.push(commandButton('Show the agenda', `agenda ${intro.durationMinutes}`));
  return adaptiveCard(
    [
      heading('Intro 1:1 scheduled'),
      facts(intro, timeZone),
      text(
        entry.joinUrl
          ? entry.tabPinned
            ? 'The Teams meeting is on your calendar with the person invited; the app is in the meeting chat.'
            : 'The Teams meeting is on your calendar with the person invited. I could not pin the Intro 1:1 tab in the meeting chat: open the meeting, select + and add Intro 1:1.'
          : 'Send them the invite, or add it to your calendar. I will send you a prep card 15 minutes before.',
        { isSubtle: true },
      ),
    ],
    actions,
  );
}

function goalLines(goals: readonly Goal[]): string[] {
  return goals.map((goal) => `${md(goal.text)} _(${goal.horizon} term)_`);
}

function followUpLines(followUps: readonly FollowUp[]): string[] {
  return followUps.map(
    (f) =>
      `${md(f.text)} — ${f.owner === 'leader' ? 'you' : 'them'}${f.due ? `, due ${md(f.due)}` : ''}${f.done ? ' ✓' : ''}`,
  );
}

/** A titled bullet list, or nothing when the list is empty. */
export function section(title: string, lines: readonly string[]): CardElement[] {
  return lines.length === 0 ? [] : [text(title, { weight: 'Bolder' }), bullets(lines, { spacing: 'None' })];
}

/**
 * Where "Run it now" leads: the personal tab's in-person run view for the intro, through a Teams deep link
 * (`subEntityId` "run:<id>") when `historyBase` is one, else the tab's page with `&run=<id>` (local runs).
 */
export function runItNowUrl(historyBase: string, introId: string): string {
  return historyBase.startsWith('https://teams.microsoft.com/')
    ? `${historyBase}?context=${encodeURIComponent(JSON.stringify({ subEntityId: `run:${introId}` }))}`
    : `${historyBase}${historyBase.includes('?') ? '&' : '?'}run=${encodeURIComponent(introId)}`;
}

/**
 * The leader's prep card: agenda with minutes, questions, tips, and what they noted last time with this person;
 * for an intro over coffee, lunch or in a meeting room, "Run it now" opens the run view (given `historyBase`).
 */
export function prepCard(prep: PrepBrief, timeZone: string, historyBase?: string): AdaptiveCard {
  const inPerson = prep.intro.setting !== 'teamsCall' && historyBase !== undefined;
  const agenda = buildAgenda(prep.intro.durationMinutes);
  return adaptiveCard(
    [
      heading(`Prepare: intro 1:1 with ${prep.intro.member ? md(prep.intro.member.name) : 'your colleague'}`),
      facts(prep.intro, timeZone),
      text('Opening', { weight: 'Bolder' }),
      bullets(OPENING, { spacing: 'None' }),
      ...agenda.items.flatMap((item, index) => [
        text(phaseHeading(item, index), { weight: 'Bolder', separator: true }),
        bullets(item.prompts, { spacing: 'None' }),
        text(`Tips: ${item.tips.join(' ')}`, { isSubtle: true, size: 'Small' }),
      ]),
      ...(prep.previousGoals.length > 0
        ? [text('From your last intro with them', { weight: 'Bolder', separator: true })]
        : []),
      ...HORIZONS.flatMap((horizon) =>
        section(`Goals — ${horizon} term`, goalLines(prep.previousGoals.filter((goal) => goal.horizon === horizon))),
      ),
      ...section('Open follow-ups', followUpLines(prep.openFollowUps)),
    ],
    [
      ...(inPerson ? [linkButton('Run it now', runItNowUrl(historyBase, prep.intro.id))] : []),
      commandButton('Full agenda', `agenda ${prep.intro.durationMinutes}`),
    ],
  );
}

/** The member's heads-up: what the conversation is for, with no expectations set. */
export function headsUpCard(intro: Intro, timeZone: string): AdaptiveCard {
  return adaptiveCard([
    heading(`${md(intro.leader.name)} would like to get to know you`),
    facts({ ...intro, member: { id: intro.leader.id, name: intro.leader.name } }, timeZone),
    text(
      'This is a relaxed conversation to get to know each other: your goals, how it is going for you, and some feedback. It is not a status update or a review.',
    ),
    text('There is nothing to prepare. Come as you are.', { isSubtle: true }),
  ]);
}

/** Tells the leader that a message could not reach someone, and what to do. */
export function unreachableCard(personName: string, purpose: string): AdaptiveCard {
  return adaptiveCard([
    heading(`I couldn't reach ${md(personName)}`),
    text(
      `I could not send ${purpose}: ${md(personName)} has not opened a chat with me in Teams yet. Let them know yourself, or ask them to install Intro 1:1.`,
    ),
  ]);
}

export { followUpLines, goalLines };
