import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { Caller } from '../app/caller';
import type { MeetingEvent } from '../app/meetingEvents';
import type { ConversationStore } from '../app/ports';
import { parseMeetingKey, parseUserId } from '../domain/ids';
import { escapeMarkdown as md } from '../domain/markdown';
import { introIdSchema } from '../domain/ids.schema';
import type { Intro } from '../domain/intro';
import { SHAREABLE_PARTS, type ShareablePart } from '../domain/recap';
import { prepCard, whenLabel } from './cards/introCards';
import { historyCard, recapCard } from './cards/recapCard';
import { callerOf } from './identity';
import { NO_IDENTITY, PREP_REPLIES, recapReplies, replyTo, SHARE_REPLIES } from './replies';
import { personalOnly } from './personalOnly';
import { handleScheduleSubmit, sendScheduleCard, zoneOf, type ScheduleFlowDeps } from './scheduleFlow';
import { sendCard } from './send';
import { turnLogger } from './turnLogger';
import type { Logger } from '../log';
import { createTeamEvents } from './teamEvents';
import { createTeamFlow, type TeamFlowSettings } from './teamFlow';

/** What the bot's flows need from the composition root. */
export interface BotFlowDeps extends ScheduleFlowDeps {
  readonly logger: Logger;
  /** Where the bot reaches people privately (the bot is also the adapter that sends): never read for the use cases. */
  readonly conversations: ConversationStore;
  /** Accept non-GUID Teams ids (Agents Playground); never in production. */
  readonly allowNonGuidIds: boolean;
  /** Link to the personal history tab, or to one intro in it. */
  readonly historyUrl: (intro?: Intro) => string;
  /** "meet my team": plans, installed teams, free/busy. */
  readonly teams: TeamFlowSettings;
}

/** Runs `action` for the identified caller in their personal chat only. */
const withCaller = (deps: BotFlowDeps, action: (context: TurnContext, caller: Caller) => Promise<void>) =>
  personalOnly({ allowNonGuidIds: deps.allowNonGuidIds, noIdentity: NO_IDENTITY }, action);

const shareSchema = z
  .object({
    verb: z.literal('shareRecap'),
    introId: introIdSchema,
    shareGoals: z.enum(['true', 'false']).optional(),
    shareFollowUps: z.enum(['true', 'false']).optional(),
  })
  .strict();

function partsOf(data: z.infer<typeof shareSchema>): ShareablePart[] {
  const chosen = { goals: data.shareGoals !== 'false', followUps: data.shareFollowUps !== 'false' };
  return SHAREABLE_PARTS.filter((part) => chosen[part]);
}

function meetingEventOf(context: TurnContext, deps: BotFlowDeps): MeetingEvent | undefined {
  const caller = callerOf(context.activity, deps.allowNonGuidIds);
  const channelData = context.activity.channelData as { meeting?: { id?: unknown } } | undefined;
  const value = (context.activity.value ?? {}) as { JoinUrl?: unknown; StartTime?: unknown; Id?: unknown };
  const meetingId = parseMeetingKey(channelData?.meeting?.id ?? value.Id);
  const tenantId = caller?.tenantId;
  if (!meetingId || !tenantId) return undefined;
  return {
    tenantId,
    meetingId,
    ...(typeof value.JoinUrl === 'string' ? { joinUrl: value.JoinUrl } : {}),
    ...(typeof value.StartTime === 'string' ? { startTime: value.StartTime } : {}),
    ...(parseUserId(context.activity.from?.aadObjectId) ? { userId: caller.userId } : {}),
  };
}

/** The bot's flow handlers: commands, card submissions and meeting events. */
export function createFlowHandlers(deps: BotFlowDeps) {
  const flows = deps.useCases;
  const team = createTeamFlow(deps);
  const teamEvents = createTeamEvents(deps);
  return {
    meet: team.meet,
    team: team.progress,
    teamPick: team.pick,
    teamConfirm: team.confirm,
    teamNewcomer: team.newcomer,
    teamMembersAdded: teamEvents.membersAdded,
    teamInstalled: teamEvents.installed,
    schedule: withCaller(deps, (context, caller) => sendScheduleCard(context, deps, caller)),
    scheduleSubmit: withCaller(deps, (context, caller) =>
      handleScheduleSubmit(context, deps, caller, context.activity.value),
    ),
    prep: withCaller(deps, async (context, caller) => {
      const brief = await flows.nextPrep(caller);
      if (!brief.ok) return void (await context.sendActivity(replyTo(PREP_REPLIES, brief.error)));
      await sendCard(context, prepCard(brief.value, zoneOf(context), deps.historyUrl()));
    }),
    recap: withCaller(deps, async (context, caller) => {
      const recap = await flows.latestRecap(caller);
      if (!recap.ok) return void (await context.sendActivity(replyTo(recapReplies(zoneOf(context)), recap.error)));
      await sendCard(context, recapCard(recap.value, deps.historyUrl(recap.value.intro)));
    }),
    history: withCaller(deps, async (context, caller) => {
      const intros = await flows.recentIntros(caller, 5);
      const zone = zoneOf(context);
      const label = (intro: Intro) => {
        const other = intro.leader.id === caller.userId ? (intro.member?.name ?? 'someone') : intro.leader.name;
        return `**${md(other)}** — ${whenLabel(intro, zone)} · ${intro.status}`;
      };
      await sendCard(context, historyCard(intros, deps.historyUrl, label));
    }),
    shareSubmit: withCaller(deps, async (context, caller) => {
      const parsed = shareSchema.safeParse(context.activity.value);
      if (!parsed.success) {
        await context.sendActivity('I could not read that card. Type "recap" for a fresh one.');
        return;
      }
      const shared = await flows.shareRecap(caller, parsed.data.introId, partsOf(parsed.data));
      await context.sendActivity(
        shared.ok
          ? `Shared with ${md(shared.value.memberName)} in their personal chat.`
          : replyTo(SHARE_REPLIES, shared.error),
      );
    }),
    // Meeting events answer nothing in the meeting chat: the recap goes to the leader's personal chat only.
    meetingStart: async (context: TurnContext): Promise<void> => {
      const event = meetingEventOf(context, deps);
      const intro = event && (await flows.meetingStarted(event));
      turnLogger(context, deps.logger).info({ introId: intro?.id }, 'meeting started');
    },
    meetingEnd: async (context: TurnContext): Promise<void> => {
      const event = meetingEventOf(context, deps);
      const intro = event && (await flows.meetingEnded(event));
      turnLogger(context, deps.logger).info({ introId: intro?.id }, 'meeting ended');
    },
  };
}
