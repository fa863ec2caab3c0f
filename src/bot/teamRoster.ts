import { TeamsInfo, type Activity, type ChannelAccount, type TurnContext } from 'botbuilder';
import type { BotUseCases } from '../app/edges';
import type { InstalledTeam, RosterMember, TeamRoster } from '../app/ports';
import type { UserId } from '../domain/ids';
import { parseUserId, type TenantId } from '../domain/ids';
import { fail, ok } from '../domain/result';
import type { Logger } from '../log';
import { isInstall } from './conversations';
import { derivedGuid } from '../derivedGuid';

/** The team an activity comes from (channel messages and team events carry it in channel data; only events name it). */
export function teamOf(activity: Partial<Activity>): { id: string; name?: string } | undefined {
  const team = (activity.channelData as { team?: { id?: unknown; name?: unknown } } | undefined)?.team;
  if (typeof team?.id !== 'string' || team.id === '') return undefined;
  return typeof team.name === 'string' && team.name.trim() !== '' ? { id: team.id, name: team.name } : { id: team.id };
}

/** A Teams account's Entra id (mapped to a derived GUID for non-GUID test ids when allowed). */
export function entraIdOf(account: Partial<ChannelAccount>, allowNonGuid: boolean): UserId | undefined {
  const raw = account.aadObjectId;
  const id = parseUserId(raw);
  if (id || !allowNonGuid || typeof raw !== 'string' || raw === '') return id;
  return derivedGuid(`user|${raw}`) as UserId;
}

/** The team roster through Bot Framework (`GET {serviceUrl}v3/conversations/{teamId}/pagedmembers`), 500 a page. */
export function contextRoster(context: TurnContext, allowNonGuid: boolean, logger: Logger): TeamRoster {
  return {
    members: async (teamId, cursor) => {
      try {
        const page = await TeamsInfo.getPagedTeamMembers(context, teamId, 500, cursor);
        const items: RosterMember[] = [];
        for (const member of page.members ?? []) {
          const id = entraIdOf(member, allowNonGuid);
          if (id) items.push({ id, name: member.name?.trim() || 'A colleague' });
        }
        return ok(page.continuationToken ? { items, nextCursor: page.continuationToken } : { items });
      } catch (err) {
        logger.warn({ err }, 'team roster: could not read the team members');
        return fail('unavailable', 'I could not read the team’s members right now. Please try again in a moment.');
      }
    },
  };
}

/**
 * Records the team when the bot is installed in one (a team `installationUpdate` adding the app, or the
 * `conversationUpdate` adding the bot), or, with `fromChannel`, when someone talks to it in one of the team's
 * channels (an install the bot missed).
 */
export async function recordTeamInstall(
  context: TurnContext,
  teams: Pick<BotUseCases, 'getTeam' | 'recordTeam'>,
  now: number,
  tenantId: TenantId | undefined,
  fromChannel = false,
): Promise<InstalledTeam | undefined> {
  const activity = context.activity;
  const team = teamOf(activity);
  if (!team || !tenantId || !(fromChannel || isInstall(activity)) || !activity.serviceUrl) return undefined;
  // A channel message names no team: keep the name (and install time) the install event gave.
  const known = await teams.getTeam(tenantId, team.id);
  const installed: InstalledTeam = {
    teamId: team.id,
    name: team.name ?? known?.name ?? 'your team',
    serviceUrl: activity.serviceUrl,
    installedAt: fromChannel && known ? known.installedAt : new Date(now).toISOString(),
  };
  await teams.recordTeam(tenantId, installed);
  return installed;
}
