import type { ChannelAccount, TurnContext } from 'botbuilder';
import { newcomerCard } from './cards/teamCards';
import { tenantIdOf } from './identity';
import { sendPrivately } from './privateChat';
import { cardMessage } from './send';
import type { TeamFlowDeps } from './teamFlow';
import { lookUpMember } from './teamMembership';
import { entraIdOf, recordTeamInstall, teamOf } from './teamRoster';

/** Team events: the app installed in a team, and newcomers who bring the leaders who planned that team a nudge. */
export function createTeamEvents(deps: TeamFlowDeps) {
  const install = (context: TurnContext) =>
    recordTeamInstall(context, deps.useCases, deps.useCases.now(), tenantIdOf(context.activity, deps.allowNonGuidIds));

  /** Sends each leader who planned the team a private nudge about one newcomer. */
  const nudgeLeaders = async (context: TurnContext, teamId: string, added: ChannelAccount) => {
    const tenantId = tenantIdOf(context.activity, deps.allowNonGuidIds);
    const lookup = await lookUpMember(context, teamId, added);
    const account = lookup.kind === 'member' ? lookup.account : added;
    const id = entraIdOf(account, deps.allowNonGuidIds) ?? entraIdOf(added, deps.allowNonGuidIds);
    if (!id || !tenantId) return;
    const newcomer = { id, name: account.name?.trim() || 'A new colleague' };
    for (const nudge of await deps.useCases.newcomerJoined(tenantId, teamId, newcomer)) {
      const leader = await lookUpMember(context, teamId, { aadObjectId: nudge.leader.id });
      const teamsId = leader.kind === 'member' ? leader.account.id : undefined;
      const to = { tenantId, userId: nudge.leader.id, teamsId };
      const message = cardMessage(newcomerCard(nudge));
      const sent = await sendPrivately(context, deps.conversations, deps.teams.botAppId, to, message);
      if (!sent) deps.logger.info('newcomer nudge: a leader was not reachable');
    }
  };

  return {
    /** An `installationUpdate`: records the team when the app is added to one. */
    installed: async (context: TurnContext) => void (await install(context)),
    /** A team conversationUpdate: records an install, or nudges the leaders who planned that team about newcomers. */
    membersAdded: async (context: TurnContext) => {
      if (await install(context)) return;
      const team = teamOf(context.activity);
      const event = (context.activity.channelData as { eventType?: unknown } | undefined)?.eventType;
      if (!team || event !== 'teamMemberAdded') return;
      for (const added of context.activity.membersAdded ?? []) await nudgeLeaders(context, team.id, added);
    },
  };
}
