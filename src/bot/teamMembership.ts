import { TeamsInfo, type ChannelAccount, type TeamsChannelAccount, type TurnContext } from 'botbuilder';
import type { Caller } from '../app/caller';
import { escapeMarkdown as md } from '../domain/markdown';
import { fail, ok, type Result } from '../domain/result';
import { statusOf } from './connectorErrors';
import { callerOf } from './identity';

/** What Teams says about one account in a team. */
type TeamLookup =
  | { readonly kind: 'member'; readonly account: TeamsChannelAccount }
  | { readonly kind: 'notMember' }
  | { readonly kind: 'unavailable' };

/** Said to an account Teams knows without a Microsoft Entra id (intros, plans and notes are kept under it). */
export const NO_ENTRA_ID =
  'Your Teams account has no work or school (Microsoft Entra) id, and intros are kept under that id, so I can’t plan them for this account. Sign in to Teams with your work or school account and ask again.';
/** Said when Teams could not answer who is in a team (not a refusal). */
export const MEMBERS_UNAVAILABLE = 'I could not check this team’s members right now. Please try again in a moment.';
/** Said to someone Teams does not list in the team (a shared channel lets outsiders post). */
export const NOT_A_MEMBER = 'Only members of this team can plan intros with it.';

/** Said to a guest: intros are scheduled on the host organization's calendars, which a guest has no place in. */
export function guestReply(teamName: string | undefined): string {
  return `You are a guest in ${teamName ? md(teamName) : 'this team'}: intros are scheduled on this organization’s calendars, so a guest can’t plan them. A member of the team can plan an intro with you.`;
}

/**
 * Looks an account up in a team (`GET v3/conversations/{teamId}/members/{id}`) by its Teams account id first, which
 * Teams answers for every account (guests, the Agents Playground's users), then by its Entra object id. Only 404s
 * mean "not a member"; any other failure is `unavailable`.
 */
export async function lookUpMember(
  context: TurnContext,
  teamId: string,
  who: Partial<ChannelAccount>,
): Promise<TeamLookup> {
  const ids = [...new Set([who.id, who.aadObjectId])].filter((id): id is string => typeof id === 'string' && id !== '');
  let failed = false;
  for (const id of ids) {
    try {
      return { kind: 'member', account: await TeamsInfo.getTeamMember(context, teamId, id) };
    } catch (err) {
      if (statusOf(err) !== 404) failed = true;
    }
  }
  return failed ? { kind: 'unavailable' } : { kind: 'notMember' };
}

/** The caller as a team member who may plan with the team, or the sentence that says why not. */
export function plannerOf(
  context: TurnContext,
  teamName: string | undefined,
  lookup: TeamLookup,
  allowNonGuid: boolean,
): Result<Caller, 'refused'> {
  switch (lookup.kind) {
    case 'unavailable':
      return fail('refused', MEMBERS_UNAVAILABLE);
    case 'notMember':
      return fail('refused', NOT_A_MEMBER);
    case 'member': {
      if (lookup.account.userRole === 'guest') return fail('refused', guestReply(teamName));
      const from = context.activity.from;
      // The roster knows the Entra id when the activity leaves it out.
      const aadObjectId = from?.aadObjectId || lookup.account.aadObjectId;
      const caller = callerOf({ ...context.activity, from: { ...from, aadObjectId } as ChannelAccount }, allowNonGuid);
      return caller ? ok(caller) : fail('refused', NO_ENTRA_ID);
    }
  }
}
