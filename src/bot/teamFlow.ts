import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { Caller } from '../app/caller';
import type { BotUseCases } from '../app/edges';
import type { ConversationStore, InstalledTeam } from '../app/ports';
import type { Signer } from '../app/ports';
import { epochToZoned, isTimeZone } from '../domain/schedule';
import type { TeamPlan } from '../domain/teamPlan';
import type { Logger } from '../log';
import type { AdaptiveCard } from './cards/card';
import { teamChoiceCard, teamProgressCard } from './cards/teamCards';
import { planConfirmedCard, planRows, teamPlanCard } from './cards/teamPlanCard';
import { callerOf, tenantIdOf } from './identity';
import { personalOnly } from './personalOnly';
import { sendPrivately } from './privateChat';
import { CONFIRM_PLAN_REPLIES, replyTo, TEAM_PLAN_REPLIES } from './replies';
import { sendScheduleCard, zoneOf } from './scheduleFlow';
import { cardMessage } from './send';
import { issuePlanStamp, readPlanSubmit } from './teamPlanSubmit';
import { lookUpMember, MEMBERS_UNAVAILABLE, NO_ENTRA_ID, plannerOf } from './teamMembership';
import { contextRoster, recordTeamInstall, teamOf } from './teamRoster';

/** What "meet my team" needs from the composition root. */
export interface TeamFlowSettings {
  readonly botAppId?: string;
}

/** Everything the team flow uses. */
export interface TeamFlowDeps {
  readonly useCases: BotUseCases;
  /** Where the bot reaches the leader privately. */
  readonly conversations: ConversationStore;
  readonly signer: Signer;
  readonly logger: Logger;
  readonly allowNonGuidIds: boolean;
  readonly teams: TeamFlowSettings;
}

/** What the bot says in a channel: only that a plan was sent privately. */
export const SENT_PRIVATELY = 'I sent you an intro plan in our personal chat. Only you can see it.';
const ELSEWHERE = 'I plan team intros from a team channel (mention me there) or in our personal chat.';

const card = (content: AdaptiveCard) => cardMessage(content);

/** The "meet my team" flow: plans, their confirmation, progress, and the newcomer card's button. */
export function createTeamFlow(deps: TeamFlowDeps) {
  const useCases = deps.useCases;
  const planCard = (caller: Caller, plan: TeamPlan, notice?: string) =>
    card(teamPlanCard(plan, issuePlanStamp(deps.signer, caller, plan, useCases.now()), useCases.maxPerDay, notice));

  const makePlan = async (context: TurnContext, caller: Caller, team: { id: string; name: string }, zone: string) => {
    const roster = contextRoster(context, deps.allowNonGuidIds, deps.logger);
    return useCases.planTeam(caller, { teamId: team.id, teamName: team.name }, roster, zone);
  };

  const personal = (action: (context: TurnContext, caller: Caller) => Promise<void>) =>
    personalOnly({ allowNonGuidIds: deps.allowNonGuidIds, noIdentity: NO_ENTRA_ID }, action);

  /** "meet my team" in a channel: the plan goes to the leader's personal chat; the channel hears only that. */
  const inChannel = async (context: TurnContext) => {
    const team = teamOf(context.activity);
    if (!team) return void (await context.sendActivity(ELSEWHERE));
    // A shared channel lets people outside the host team post: only the team's own members get its roster.
    // A channel message names no team: the install event did.
    const tenantId = tenantIdOf(context.activity, deps.allowNonGuidIds);
    const name = team.name ?? (tenantId && (await useCases.getTeam(tenantId, team.id)))?.name;
    const lookup = await lookUpMember(context, team.id, context.activity.from ?? {});
    const planner = plannerOf(context, name, lookup, deps.allowNonGuidIds);
    if (!planner.ok) return void (await context.sendActivity(planner.error.message));
    const caller = planner.value;
    const installed = await recordTeamInstall(context, useCases, useCases.now(), caller.tenantId, true);
    const stored = (await useCases.conversationOf(caller.tenantId, caller.userId))?.localTimezone;
    const zone = typeof stored === 'string' && isTimeZone(stored) ? stored : zoneOf(context);
    const plan = await makePlan(context, caller, { id: team.id, name: installed?.name ?? name ?? 'your team' }, zone);
    if (!plan.ok) return void (await context.sendActivity(replyTo(TEAM_PLAN_REPLIES, plan.error)));
    const to = { tenantId: caller.tenantId, userId: caller.userId, teamsId: context.activity.from?.id };
    const sent = await sendPrivately(
      context,
      deps.conversations,
      deps.teams.botAppId,
      to,
      planCard(caller, plan.value),
    );
    await context.sendActivity(
      sent ? SENT_PRIVATELY : 'Open a personal chat with me, then ask again: plans are private.',
    );
  };

  /**
   * "meet my team" in personal chat: the teams the bot was installed in, checked against each roster, so "not
   * installed in any team you belong to" is said only when Teams answered for every one of them.
   */
  const offerTeams = async (context: TurnContext, caller: Caller) => {
    const installed = await useCases.listTeams(caller.tenantId);
    const teams: InstalledTeam[] = [];
    let unavailable = false;
    let refusal: string | undefined;
    for (const team of installed) {
      const lookup = await lookUpMember(context, team.teamId, context.activity.from ?? {});
      const planner = plannerOf(context, team.name, lookup, deps.allowNonGuidIds);
      if (planner.ok) teams.push(team);
      else if (lookup.kind === 'unavailable') unavailable = true;
      else if (lookup.kind === 'member') refusal = planner.error.message;
    }
    const instead = unavailable ? MEMBERS_UNAVAILABLE : refusal;
    if (teams.length === 0 && instead) return void (await context.sendActivity(instead));
    await context.sendActivity(card(teamChoiceCard(teams, installed.length > 0)));
  };

  return {
    meet: async (context: TurnContext) => {
      const type = context.activity.conversation?.conversationType;
      if (type === 'channel') return inChannel(context);
      if (type !== 'personal') return void (await context.sendActivity(ELSEWHERE));
      const caller = callerOf(context.activity, deps.allowNonGuidIds);
      if (!caller) return void (await context.sendActivity(NO_ENTRA_ID));
      await offerTeams(context, caller);
    },
    pick: personal(async (context, caller) => {
      const teamId = z.object({ teamId: z.string().min(1).max(200) }).safeParse(context.activity.value);
      const team = teamId.success ? await useCases.getTeam(caller.tenantId, teamId.data.teamId) : undefined;
      if (!team) {
        return void (await context.sendActivity('I could not find that team. Type "meet my team" to choose again.'));
      }
      const lookup = await lookUpMember(context, team.teamId, context.activity.from ?? {});
      const planner = plannerOf(context, team.name, lookup, deps.allowNonGuidIds);
      if (!planner.ok) return void (await context.sendActivity(planner.error.message));
      const plan = await makePlan(context, caller, { id: team.teamId, name: team.name }, zoneOf(context));
      await context.sendActivity(plan.ok ? planCard(caller, plan.value) : replyTo(TEAM_PLAN_REPLIES, plan.error));
    }),
    confirm: personal(async (context, caller) => {
      const read = readPlanSubmit(deps.signer, caller, context.activity.value, useCases.now());
      if (!read.ok) return void (await context.sendActivity(read.error.message));
      const { submit, edits } = read.value;
      const confirmed = await useCases.confirmPlan(caller, submit.teamId, submit.round, edits);
      if (!confirmed.ok) return void (await context.sendActivity(replyTo(CONFIRM_PLAN_REPLIES, confirmed.error)));
      await context.sendActivity(card(planConfirmedCard(confirmed.value)));
      if (confirmed.value.moved.length > 0 && planRows(confirmed.value.plan).length > 0) {
        await context.sendActivity(
          planCard(caller, confirmed.value.plan, 'Some times became busy: here are new ones.'),
        );
      }
    }),
    progress: personal(async (context, caller) => {
      await context.sendActivity(card(teamProgressCard(await useCases.teamProgress(caller))));
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
      const when = epochToZoned(data.data.startMs ?? useCases.now() + 24 * 3_600_000, zone);
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
  };
}
