import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { Caller } from '../app/caller';
import type { FlowDeps } from '../app/flowDeps';
import type { FreeBusy, TeamPlanStore } from '../app/ports';
import { confirmPlan, planTeam } from '../app/teamPlan';
import type { TeamPlanDeps } from '../app/teamPlanSupport';
import { newcomerJoined, teamProgress } from '../app/teamProgress';
import type { Signer } from '../app/ports';
import { parseTenantId, type TenantId } from '../domain/ids';
import { epochToZoned, isTimeZone } from '../domain/schedule';
import type { TeamPlan } from '../domain/teamPlan';
import type { Logger } from '../log';
import type { AdaptiveCard } from './cards/card';
import { newcomerCard, teamChoiceCard, teamProgressCard } from './cards/teamCards';
import { planConfirmedCard, planRows, teamPlanCard } from './cards/teamPlanCard';
import { callerOf, tenantOf } from './identity';
import { derivedGuid } from '../derivedGuid';
import { sendPrivately } from './privateChat';
import { CONFIRM_PLAN_REPLIES, replyTo, TEAM_PLAN_REPLIES } from './replies';
import { sendScheduleCard, zoneOf } from './scheduleFlow';
import { cardMessage } from './send';
import { issuePlanStamp, readPlanSubmit } from './teamPlanSubmit';
import { contextRoster, entraIdOf, recordTeamInstall, teamMember, teamOf } from './teamRoster';

/** What "meet my team" needs from the composition root. */
export interface TeamFlowSettings {
  readonly teamPlans: TeamPlanStore;
  readonly freeBusy?: FreeBusy;
  readonly maxPerDay?: number;
  readonly botAppId?: string;
}

/** Everything the team flow uses. */
export interface TeamFlowDeps {
  readonly flows: FlowDeps;
  readonly signer: Signer;
  readonly logger: Logger;
  readonly allowNonGuidIds: boolean;
  readonly teams: TeamFlowSettings;
}

/** What the bot says in a channel: only that a plan was sent privately. */
export const SENT_PRIVATELY = 'I sent you an intro plan in our personal chat. Only you can see it.';
const ELSEWHERE = 'I plan team intros from a team channel (mention me there) or in our personal chat.';
const NO_IDENTITY = 'I can only do that for a signed-in Teams user.';
const PERSONAL_ONLY = 'I only do that in our personal chat, to keep your plans private.';

const card = (content: AdaptiveCard) => cardMessage(content);

function tenantIdOf(context: TurnContext, allowNonGuid: boolean): TenantId | undefined {
  const raw = tenantOf(context.activity);
  const parsed = parseTenantId(raw);
  if (parsed || !allowNonGuid || typeof raw !== 'string' || raw === '') return parsed;
  return derivedGuid(`tenant|${raw}`) as TenantId;
}

/** The "meet my team" flow: plans, confirmation, progress, installs and newcomers. */
export function createTeamFlow(deps: TeamFlowDeps) {
  const planDeps: TeamPlanDeps = { ...deps.flows, ...deps.teams };
  const maxPerDay = deps.teams.maxPerDay ?? 3;
  const planCard = (caller: Caller, plan: TeamPlan, notice?: string) =>
    card(teamPlanCard(plan, issuePlanStamp(deps.signer, caller, plan, deps.flows.clock.now()), maxPerDay, notice));

  const makePlan = async (context: TurnContext, caller: Caller, team: { id: string; name: string }, zone: string) => {
    const roster = contextRoster(context, deps.allowNonGuidIds, deps.logger);
    return planTeam(planDeps, caller, { teamId: team.id, teamName: team.name }, roster, zone);
  };

  const personal =
    (action: (context: TurnContext, caller: Caller) => Promise<void>) => async (context: TurnContext) => {
      const caller = callerOf(context.activity, deps.allowNonGuidIds);
      if (!caller) return void (await context.sendActivity(NO_IDENTITY));
      if (context.activity.conversation?.conversationType !== 'personal') {
        return void (await context.sendActivity(PERSONAL_ONLY));
      }
      await action(context, caller);
    };

  /** "meet my team" in a channel: the plan goes to the leader's personal chat; the channel hears only that. */
  const inChannel = async (context: TurnContext, caller: Caller) => {
    const team = teamOf(context.activity);
    if (!team) return void (await context.sendActivity(ELSEWHERE));
    // A shared channel lets people outside the host team post: only the team's own members get its roster.
    const me = context.activity.from?.aadObjectId ?? context.activity.from?.id ?? '';
    if (!(await teamMember(context, team.id, me))) {
      return void (await context.sendActivity('Only members of this team can plan intros with it.'));
    }
    await recordTeamInstall(context, deps.teams.teamPlans, deps.flows.clock.now(), caller.tenantId, true);
    const stored = (await deps.flows.conversations.get(caller.tenantId, caller.userId))?.localTimezone;
    const zone = typeof stored === 'string' && isTimeZone(stored) ? stored : zoneOf(context);
    const plan = await makePlan(context, caller, team, zone);
    if (!plan.ok) return void (await context.sendActivity(replyTo(TEAM_PLAN_REPLIES, plan.error)));
    const to = { tenantId: caller.tenantId, userId: caller.userId, teamsId: context.activity.from?.id };
    const sent = await sendPrivately(
      context,
      deps.flows.conversations,
      deps.teams.botAppId,
      to,
      planCard(caller, plan.value),
    );
    await context.sendActivity(
      sent ? SENT_PRIVATELY : 'Open a personal chat with me, then ask again: plans are private.',
    );
  };

  /** "meet my team" in personal chat: the teams the bot is in that the person belongs to. */
  const offerTeams = async (context: TurnContext, caller: Caller) => {
    const me = context.activity.from?.aadObjectId ?? context.activity.from?.id ?? '';
    const teams = [];
    for (const team of await deps.teams.teamPlans.listTeams(caller.tenantId)) {
      if (await teamMember(context, team.teamId, me)) teams.push(team);
    }
    await context.sendActivity(card(teamChoiceCard(teams)));
  };

  return {
    meet: async (context: TurnContext) => {
      const caller = callerOf(context.activity, deps.allowNonGuidIds);
      if (!caller) return void (await context.sendActivity(NO_IDENTITY));
      const type = context.activity.conversation?.conversationType;
      if (type === 'channel') return inChannel(context, caller);
      if (type === 'personal') return offerTeams(context, caller);
      await context.sendActivity(ELSEWHERE);
    },
    pick: personal(async (context, caller) => {
      const teamId = z.object({ teamId: z.string().min(1).max(200) }).safeParse(context.activity.value);
      const team = teamId.success ? await deps.teams.teamPlans.getTeam(caller.tenantId, teamId.data.teamId) : undefined;
      const me = context.activity.from?.aadObjectId ?? context.activity.from?.id ?? '';
      if (!team || !(await teamMember(context, team.teamId, me))) {
        return void (await context.sendActivity('I could not find that team. Type "meet my team" to choose again.'));
      }
      const plan = await makePlan(context, caller, { id: team.teamId, name: team.name }, zoneOf(context));
      await context.sendActivity(plan.ok ? planCard(caller, plan.value) : replyTo(TEAM_PLAN_REPLIES, plan.error));
    }),
    confirm: personal(async (context, caller) => {
      const read = readPlanSubmit(deps.signer, caller, context.activity.value, deps.flows.clock.now());
      if (!read.ok) return void (await context.sendActivity(read.error.message));
      const { submit, edits } = read.value;
      const confirmed = await confirmPlan(planDeps, caller, submit.teamId, submit.round, edits);
      if (!confirmed.ok) return void (await context.sendActivity(replyTo(CONFIRM_PLAN_REPLIES, confirmed.error)));
      await context.sendActivity(card(planConfirmedCard(confirmed.value)));
      if (confirmed.value.moved.length > 0 && planRows(confirmed.value.plan).length > 0) {
        await context.sendActivity(
          planCard(caller, confirmed.value.plan, 'Some times became busy: here are new ones.'),
        );
      }
    }),
    progress: personal(async (context, caller) => {
      await context.sendActivity(card(teamProgressCard(await teamProgress(planDeps, caller))));
    }),
    newcomer: personal(async (context, caller) => {
      const schema = z.object({
        memberId: z.string().uuid(),
        name: z.string().max(200),
        startMs: z.number().int().optional(),
        timeZone: z.string().max(64),
      });
      const data = schema.safeParse(context.activity.value);
      if (!data.success)
        return void (await context.sendActivity('I could not read that card. Type "schedule" to plan an intro.'));
      const zone = isTimeZone(data.data.timeZone) ? data.data.timeZone : zoneOf(context);
      const when = epochToZoned(data.data.startMs ?? deps.flows.clock.now() + 24 * 3_600_000, zone);
      const values = {
        person: data.data.memberId,
        personText: data.data.name,
        date: when.date,
        time: data.data.startMs ? when.time : '10:00',
        duration: '45',
        setting: 'teamsCall' as const,
      };
      await sendScheduleCard(context, deps, caller, { timeZone: zone, values });
    }),
    /** A team conversationUpdate: records an install, or nudges the leaders who planned that team about newcomers. */
    membersAdded: async (context: TurnContext) => {
      const tenantId = tenantIdOf(context, deps.allowNonGuidIds);
      if (await recordTeamInstall(context, deps.teams.teamPlans, deps.flows.clock.now(), tenantId)) return;
      const team = teamOf(context.activity);
      const event = (context.activity.channelData as { eventType?: unknown } | undefined)?.eventType;
      if (!team || !tenantId || event !== 'teamMemberAdded') return;
      for (const added of context.activity.membersAdded ?? []) {
        const account = (await teamMember(context, team.id, added.id)) ?? added;
        const id = entraIdOf(account, deps.allowNonGuidIds) ?? entraIdOf(added, deps.allowNonGuidIds);
        if (!id) continue;
        const newcomer = { id, name: account.name?.trim() || 'A new colleague' };
        for (const nudge of await newcomerJoined(planDeps, tenantId, team.id, newcomer)) {
          const leader = await teamMember(context, team.id, nudge.leader.id);
          const to = { tenantId, userId: nudge.leader.id, teamsId: leader?.id };
          const sent = await sendPrivately(
            context,
            deps.flows.conversations,
            deps.teams.botAppId,
            to,
            card(newcomerCard(nudge)),
          );
          if (!sent) deps.logger.info('newcomer nudge: a leader was not reachable');
        }
      }
    },
  };
}
