import type { LatestRecapFailure, ShareRecapFailure } from '../app/recap';
import type { TeamPlanFailure, ConfirmPlanFailure } from '../app/teamPlan';
import type { Intro } from '../domain/intro';
import { escapeMarkdown as md } from '../domain/markdown';
import type { Failure } from '../domain/result';
import { whenLabel } from './cards/introCards';

/** The one reply to a private command (notes, recaps, goals, plans) asked for outside the personal chat. */
export const PERSONAL_ONLY = 'I only do that in our personal chat, to keep your notes and plans private.';

/** The reply to a private command from a sender who cannot be identified as an Entra user. */
export const NO_IDENTITY = 'I can only do that for a signed-in Teams user in a personal chat with me.';

/** One reply per failure code, given that code's failure and the data it carries; a new code must be mapped. */
type RepliesFor<E extends Failure> = {
  readonly [C in E['code']]: string | ((error: Extract<E, { readonly code: C }>) => string);
};

/** The bot's reply to a use case's failure, from that use case's map. */
export function replyTo<E extends Failure>(replies: RepliesFor<E>, error: E): string {
  const reply = replies[error.code as E['code']] as string | ((error: E) => string);
  return typeof reply === 'string' ? reply : reply(error);
}

/** What `recap` says about an intro whose session never started: nothing to recap or share yet. */
function notHeldText(intro: Intro, timeZone: string): string {
  const who = intro.member ? md(intro.member.name) : 'your colleague';
  const when = intro.scheduledStart ? ` (${whenLabel(intro, timeZone)})` : '';
  return `Your intro 1:1 with ${who}${when} has not been held yet, so there is nothing to recap or share. I will send your private recap here when it ends.`;
}

/** Replies to `recap` when there is no recap to show, in the caller's time zone. */
export const recapReplies = (timeZone: string) =>
  ({
    noneLed: 'You have not led an intro 1:1 yet. Type "schedule" to plan one.',
    notHeld: ({ intro }) => notHeldText(intro, timeZone),
  }) satisfies RepliesFor<LatestRecapFailure>;

/** Replies to `prep` when no intro is coming up. */
export const PREP_REPLIES = {
  noneComing: 'You have no intro 1:1 coming up. Type "schedule" to plan one.',
} satisfies RepliesFor<Failure<'noneComing'>>;

/** Replies to a refused "share my recap" card. */
export const SHARE_REPLIES = {
  notFound: 'That intro 1:1 is not one you led.',
  nothingChosen: 'Choose what to share: goals, follow-ups or both.',
  noMember: 'This intro 1:1 has no other participant to share with.',
  unreachable: ({ memberName }) =>
    `I can't reach ${md(memberName)} yet: they need to open a chat with me in Teams first. Nothing was sent.`,
} satisfies RepliesFor<ShareRecapFailure>;

/** Replies when a team plan could not be made. */
export const TEAM_PLAN_REPLIES = {
  unavailable: 'I could not read the team’s members right now. Please try again in a moment.',
  alone: 'I could not find anyone else in this team to meet.',
  versionConflict: 'Your plan changed meanwhile; please try again.',
} satisfies RepliesFor<TeamPlanFailure>;

/** Replies when a plan card could not be confirmed. */
export const CONFIRM_PLAN_REPLIES = {
  noPlan: 'I have no plan for that team. Type "meet my team" for one.',
  alreadyConfirmed: 'This plan was already confirmed: nothing was scheduled twice. Type "team" to see where you stand.',
} satisfies RepliesFor<ConfirmPlanFailure>;
