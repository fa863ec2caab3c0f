import type { Intro } from '../../domain/intro';
import { escapeMarkdown as md } from '../../domain/markdown';
import { HORIZONS } from '../../domain/notes';
import { PHASE_TITLES } from '../../domain/phases';
import type { Recap, SharedRecap } from '../../domain/recap';
import { adaptiveCard, heading, linkButton, text, type AdaptiveCard, type CardElement } from './card';
import { followUpLines, goalLines, section } from './introCards';

/** The verb of the recap card's share button. */
export const SHARE_VERB = 'shareRecap';

function phaseTable(recap: Recap): CardElement {
  return {
    type: 'FactSet',
    facts: recap.phases.map((phase) => ({
      title: PHASE_TITLES[phase.phase],
      value: `${phase.actualMinutes} of ${phase.plannedMinutes} min`,
    })),
  };
}

function shareForm(recap: Recap): CardElement[] {
  if (!recap.intro.member) return [];
  return [
    text(`Share with ${md(recap.intro.member.name)}`, { weight: 'Bolder', separator: true }),
    text('Only what you tick is sent to their personal chat. Your notes are never shared.', {
      isSubtle: true,
      spacing: 'None',
    }),
    { type: 'Input.Toggle', id: 'shareGoals', title: 'Their goals', value: 'true', valueOn: 'true', valueOff: 'false' },
    {
      type: 'Input.Toggle',
      id: 'shareFollowUps',
      title: 'Follow-ups',
      value: 'true',
      valueOn: 'true',
      valueOff: 'false',
    },
  ];
}

/** The leader's private recap: time per phase, goals by horizon, issues, feedback, follow-ups; share and history. */
export function recapCard(recap: Recap, historyUrl: string): AdaptiveCard {
  const goalsByHorizon = HORIZONS.flatMap((horizon) =>
    section(`Goals — ${horizon} term`, goalLines(recap.goals[horizon])),
  );
  const actions: CardElement[] = [];
  if (recap.intro.member) {
    actions.push({ type: 'Action.Submit', title: 'Share', data: { verb: SHARE_VERB, introId: recap.intro.id } });
  }
  actions.push(linkButton('Open history', historyUrl));
  return adaptiveCard(
    [
      heading(`Recap: intro 1:1 with ${recap.intro.member ? md(recap.intro.member.name) : 'your colleague'}`),
      text('Only you can see this.', { isSubtle: true, spacing: 'None' }),
      text('Time per phase (actual of planned)', { weight: 'Bolder' }),
      phaseTable(recap),
      ...goalsByHorizon,
      ...section(
        'Issues they raised',
        recap.issues.map((issue) => `${md(issue.text)}${issue.paraphrased ? ' _(paraphrased and confirmed)_' : ''}`),
      ),
      ...section(
        'Feedback you gave',
        recap.feedback.map((item) => `${item.kind === 'celebratory' ? '🎉' : '🔧'} ${md(item.text)}`),
      ),
      ...section('Follow-ups', followUpLines(recap.followUps)),
      ...(recap.goals.short.length + recap.goals.medium.length + recap.goals.long.length + recap.followUps.length === 0
        ? [text('No goals or follow-ups were noted.', { isSubtle: true })]
        : []),
      ...shareForm(recap),
    ],
    actions,
  );
}

/** What the member receives when the leader shares part of a recap. */
export function sharedRecapCard(shared: SharedRecap): AdaptiveCard {
  return adaptiveCard([
    heading(`${md(shared.intro.leader.name)} shared notes from your intro 1:1`),
    ...(shared.goals ? section('Your goals', goalLines(shared.goals)) : []),
    ...(shared.followUps ? section('Follow-ups', followUpLines(shared.followUps)) : []),
    ...((shared.goals?.length ?? 0) + (shared.followUps?.length ?? 0) === 0
      ? [text('Nothing was noted in these parts yet.', { isSubtle: true })]
      : []),
  ]);
}

/** The latest intros, each with a link to the personal tab. */
export function historyCard(
  intros: readonly Intro[],
  tabUrl: (intro?: Intro) => string,
  label: (intro: Intro) => string,
): AdaptiveCard {
  if (intros.length === 0) {
    return adaptiveCard([heading('Your intro 1:1s'), text('None yet. Type "schedule" to plan one.')]);
  }
  return adaptiveCard(
    [
      heading('Your intro 1:1s'),
      ...intros.map((intro) => ({
        type: 'Container',
        separator: true,
        selectAction: { type: 'Action.OpenUrl', url: tabUrl(intro) },
        items: [text(label(intro))],
      })),
    ],
    [linkButton('Open history', tabUrl())],
  );
}
