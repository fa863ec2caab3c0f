import type { InstalledTeam } from '../../app/ports';
import type { NewcomerNudge, TeamProgress } from '../../app/teamProgress';
import { escapeMarkdown as md } from '../../domain/markdown';
import { formatInZone } from '../../domain/schedule';
import { adaptiveCard, commandButton, heading, text, type AdaptiveCard, type CardElement } from './card';

/** The verb of a team choice in personal chat. */
export const TEAM_PICK_VERB = 'teamPlanPick';
/** The verb of the newcomer nudge's action: opens the schedule card prefilled. */
export const TEAM_NEWCOMER_VERB = 'teamNewcomer';

/**
 * Which team to plan, offered in personal chat: the teams the bot is in that the person belongs to; when there is
 * none, whether the bot is in no team at all (`installedAnywhere` false) or only in teams without them.
 */
export function teamChoiceCard(teams: readonly InstalledTeam[], installedAnywhere: boolean): AdaptiveCard {
  if (teams.length === 0) {
    const where = installedAnywhere ? 'any team you belong to' : 'any team yet';
    return adaptiveCard([
      heading('Meet my team'),
      text(
        `I am not installed in ${where}. Add Intro 1:1 to your team, then type "meet my team" here or @mention me in the team.`,
      ),
    ]);
  }
  return adaptiveCard(
    [heading('Meet my team'), text('Which team do you want to plan intro 1:1s with? The plan comes here, privately.')],
    teams.slice(0, 6).map((team) => ({
      type: 'Action.Submit',
      title: team.name,
      data: { verb: TEAM_PICK_VERB, teamId: team.teamId },
    })),
  );
}

function progressRow(progress: TeamProgress): CardElement {
  const next = progress.next
    ? `${md(progress.next.member.name)}, ${formatInZone(progress.next.startMs, progress.timeZone)}`
    : 'none planned';
  return {
    type: 'Container',
    separator: true,
    items: [
      text(`**${md(progress.teamName)}**`),
      {
        type: 'FactSet',
        facts: [
          { title: 'Met', value: String(progress.met) },
          { title: 'Scheduled', value: String(progress.scheduled) },
          { title: 'Not yet scheduled', value: String(progress.notScheduled) },
          { title: 'Next intro', value: next },
        ],
      },
    ],
  };
}

/** Each planned team's progress. */
export function teamProgressCard(teams: readonly TeamProgress[]): AdaptiveCard {
  if (teams.length === 0) {
    return adaptiveCard(
      [heading('Your teams'), text('You have not planned intros with a team yet.')],
      [commandButton('Meet my team', 'meet my team')],
    );
  }
  return adaptiveCard(
    [heading('Your teams'), ...teams.map(progressRow)],
    [commandButton('Meet my team', 'meet my team')],
  );
}

/** The leader's private nudge when someone joins a planned team, with one action to schedule the intro. */
export function newcomerCard(nudge: NewcomerNudge): AdaptiveCard {
  const name = md(nudge.newcomer.name);
  const when = nudge.startMs === undefined ? undefined : formatInZone(nudge.startMs, nudge.timeZone);
  return adaptiveCard(
    [
      heading(`${name} joined ${md(nudge.teamName)}`),
      text(
        when
          ? `Welcome them with an intro 1:1: ${when} fits both of you (${nudge.durationMinutes} minutes).`
          : 'Welcome them with an intro 1:1: pick a time that suits you both.',
      ),
    ],
    [
      {
        type: 'Action.Submit',
        title: `Schedule an intro with ${nudge.newcomer.name}`,
        data: {
          verb: TEAM_NEWCOMER_VERB,
          memberId: nudge.newcomer.id,
          name: nudge.newcomer.name,
          ...(nudge.startMs === undefined ? {} : { startMs: nudge.startMs }),
          timeZone: nudge.timeZone,
        },
      },
    ],
  );
}
