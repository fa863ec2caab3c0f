import type { Confirmed } from '../../app/teamPlan';
import { escapeMarkdown as md } from '../../domain/markdown';
import { epochToZoned, formatInZone } from '../../domain/schedule';
import type { PlanItem, TeamPlan } from '../../domain/teamPlan';
import { adaptiveCard, commandButton, heading, text, type AdaptiveCard, type CardElement } from './card';

/** Bumped whenever the plan card's inputs change; older cards are refused as stale. */
export const TEAM_PLAN_CARD_VERSION = 1;
/** The verb the plan card confirms with. */
export const TEAM_PLAN_VERB = 'teamPlanConfirm';
/** Rows a plan card shows at most (Teams cards have a size limit); the rest wait for the next card. */
const MAX_PLAN_ROWS = 30;

/** What a plan card was issued with; signed so its submission cannot be altered or replayed for another plan. */
export interface PlanStamp {
  readonly teamId: string;
  readonly round: number;
  readonly issuedAt: number;
  /** The member ids of the rows, in order. */
  readonly members: readonly string[];
  readonly sig: string;
}

/** The people of a plan the card shows: proposed, with a time. */
export function planRows(plan: TeamPlan): PlanItem[] {
  return plan.items.filter((item) => item.state === 'proposed' && item.startMs !== undefined).slice(0, MAX_PLAN_ROWS);
}

function row(item: PlanItem, zone: string): CardElement {
  const id = item.member.id;
  const when = epochToZoned(item.startMs ?? 0, zone);
  const name = md(item.member.name);
  return {
    type: 'Container',
    separator: true,
    items: [
      text(`**${name}** — ${formatInZone(item.startMs ?? 0, zone)}, ${item.durationMinutes} min`),
      { type: 'Input.Toggle', id: `keep.${id}`, title: `Plan an intro with ${name}`, value: 'true' },
      {
        type: 'ColumnSet',
        columns: [
          {
            type: 'Column',
            width: 'stretch',
            items: [{ type: 'Input.Date', id: `date.${id}`, label: 'Date', value: when.date }],
          },
          {
            type: 'Column',
            width: 'stretch',
            items: [{ type: 'Input.Time', id: `time.${id}`, label: 'Time', value: when.time }],
          },
          {
            type: 'Column',
            width: 'stretch',
            items: [
              {
                type: 'Input.ChoiceSet',
                id: `length.${id}`,
                label: 'Length',
                style: 'compact',
                value: String(item.durationMinutes),
                choices: ['30', '45', '60'].map((m) => ({ title: `${m} min`, value: m })),
              },
            ],
          },
        ],
      },
    ],
  };
}

/** The names of people the plan found no time for, or who wait for a later card. */
function waiting(plan: TeamPlan, shown: number): CardElement[] {
  const rest = plan.items.filter((item) => item.state === 'proposed').slice(shown);
  if (rest.length === 0) return [];
  const names = rest.slice(0, 40).map((item) => md(item.member.name));
  const more = rest.length > names.length ? ` and ${rest.length - names.length} more` : '';
  return [
    text(
      `Not in this round (no time left in the next two weeks): ${names.join(', ')}${more}. Confirm this round, then type "meet my team" again for them.`,
      {
        isSubtle: true,
        wrap: true,
      },
    ),
  ];
}

/** The private plan card: one row per person with a proposed time and length; drop, change, then confirm once. */
export function teamPlanCard(plan: TeamPlan, stamp: PlanStamp, maxPerDay: number, notice?: string): AdaptiveCard {
  const rows = planRows(plan);
  const zone = plan.timeZone;
  return adaptiveCard(
    [
      heading(`Meet ${md(plan.teamName)}: your intro plan`, 'Large'),
      ...(notice ? [text(`⚠ ${notice}`, { color: 'Attention', weight: 'Bolder' })] : []),
      text(
        `One intro 1:1 with each person, within both people's working hours, at most ${maxPerDay} a day and never back to back. Times are in ${zone}. Untick anyone you do not want to meet now, change a time or the length, then confirm once.`,
      ),
      ...rows.map((item) => row(item, zone)),
      ...waiting(plan, rows.length),
      text('Only you see this plan. Each person gets a heads-up when their intro is scheduled.', {
        isSubtle: true,
        size: 'Small',
      }),
    ],
    rows.length === 0
      ? [commandButton('See progress', 'team')]
      : [
          {
            type: 'Action.Submit',
            title: `Confirm ${rows.length} intro${rows.length === 1 ? '' : 's'}`,
            style: 'positive',
            data: { verb: TEAM_PLAN_VERB, cardVersion: TEAM_PLAN_CARD_VERSION, ...stamp },
          },
        ],
  );
}

/** What confirming did: each scheduled intro with its invite or meeting link, moved times, failures. */
export function planConfirmedCard(confirmed: Confirmed): AdaptiveCard {
  const zone = confirmed.plan.timeZone;
  const lines = confirmed.scheduled.map(({ intro, entry }) => {
    const link = entry.joinUrl
      ? ` · [Join the Teams meeting](${entry.joinUrl})`
      : entry.inviteUrl
        ? ` · [Add to calendar (.ics)](${entry.inviteUrl})`
        : '';
    const when = formatInZone(Date.parse(intro.scheduledStart ?? ''), zone);
    return text(`**${md(intro.member?.name ?? 'someone')}** — ${when}, ${intro.durationMinutes} min${link}`);
  });
  const moved = confirmed.moved.map((item) => md(item.member.name));
  const failed = confirmed.failed.map((f) => `${md(f.member.name)}: ${f.message}`);
  const count = confirmed.scheduled.length;
  return adaptiveCard(
    [
      heading(`${count} intro 1:1${count === 1 ? '' : 's'} scheduled with ${md(confirmed.plan.teamName)}`),
      ...lines,
      ...(moved.length > 0
        ? [text(`These times became busy, so I proposed new ones: ${moved.join(', ')}. See the new plan below.`)]
        : []),
      ...(failed.length > 0 ? [text(`Not scheduled: ${failed.join('; ')}`, { color: 'Attention' })] : []),
      text('Each person gets a heads-up, and you get a prep card before each intro.', { isSubtle: true }),
    ],
    [commandButton('See progress', 'team')],
  );
}
