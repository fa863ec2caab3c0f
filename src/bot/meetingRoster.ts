import type { TeamsAdapter } from '@microsoft/teams-ai';
import { TeamsInfo, type ConversationReference, type TurnContext } from 'botbuilder';
import type { ConversationStore, MeetingRoster } from '../app/ports';
import { parseUserId, type MeetingKey, type TenantId, type UserId } from '../domain/ids';
import type { Person } from '../domain/intro';
import type { Logger } from '../log';
import { statusOf } from './connectorErrors';

/** What the Bot Framework roster needs: the bot's adapter and where it already reaches people. */
interface BotMeetingRosterDeps {
  readonly adapter: TeamsAdapter;
  readonly botAppId?: string;
  readonly conversations: ConversationStore;
  readonly logger: Logger;
}

/** What a question to Teams gave: its answer, the connector's failure, or no conversation to ask through. */
type Asked<T> = { readonly answer: T } | { readonly err: unknown } | { readonly noReference: true };

/**
 * Asks Teams through a conversation reference the bot already holds in the tenant (the person's own, else any), so
 * the service URL and credentials are the bot's own.
 */
async function askTeams<T>(
  deps: BotMeetingRosterDeps,
  tenantId: TenantId,
  userId: UserId | undefined,
  question: (context: TurnContext) => Promise<T>,
): Promise<Asked<T>> {
  const reference =
    (userId && (await deps.conversations.get(tenantId, userId))) || (await deps.conversations.anyInTenant(tenantId));
  if (typeof reference?.serviceUrl !== 'string') {
    deps.logger.warn({ tenantId }, 'meeting roster: the bot knows no conversation in this tenant yet');
    return { noReference: true };
  }
  // The call's outcome is kept here, not thrown out of the turn: the bot's turn error handler would swallow it.
  let outcome: Asked<T> = { err: new Error('Teams was not asked') };
  try {
    await deps.adapter.continueConversationAsync(
      deps.botAppId ?? '',
      reference as Partial<ConversationReference>,
      async (context) => {
        try {
          outcome = { answer: await question(context) };
        } catch (err) {
          outcome = { err };
        }
      },
    );
  } catch (err) {
    outcome = { err };
  }
  return outcome;
}

/** The organizer of a meeting (`GET v1/meetings/{id}`), named from their participant record when they take part. */
async function organizerOf(context: TurnContext, meetingId: MeetingKey, tenantId: TenantId) {
  const info = await TeamsInfo.getMeetingInfo(context, meetingId);
  const organizerId = parseUserId(info.organizer?.aadObjectId);
  if (!organizerId) return undefined;
  const participant = await TeamsInfo.getMeetingParticipant(context, meetingId, organizerId, tenantId);
  const name = participant.user?.name?.trim();
  const person: Person = { id: organizerId, name: name || 'The meeting organizer' };
  return person;
}

/**
 * Asks Teams whether a person is in a meeting (`GET {serviceUrl}/v1/meetings/{meetingId}/participants/{aadObjectId}`,
 * as `TeamsInfo.getMeetingParticipant`) and who organizes it (`TeamsInfo.getMeetingInfo`). Not found is `no`; no
 * reference or any other failure is `unknown` (and no organizer).
 */
export function botMeetingRoster(deps: BotMeetingRosterDeps): MeetingRoster {
  return {
    isParticipant: async (tenantId, meetingId, userId) => {
      const asked = await askTeams(deps, tenantId, userId, (context) =>
        TeamsInfo.getMeetingParticipant(context, meetingId, userId, tenantId),
      );
      if ('noReference' in asked) return 'unknown';
      if ('answer' in asked) return asked.answer ? 'yes' : 'unknown';
      const status = statusOf(asked.err);
      if (status === 404) return 'no';
      deps.logger.warn({ err: asked.err, status }, 'meeting roster: could not ask Teams about a meeting participant');
      return 'unknown';
    },
    organizer: async (tenantId, meetingId) => {
      const asked = await askTeams(deps, tenantId, undefined, (context) => organizerOf(context, meetingId, tenantId));
      if ('answer' in asked) return asked.answer;
      if ('err' in asked && statusOf(asked.err) !== 404) {
        deps.logger.warn({ err: asked.err, status: statusOf(asked.err) }, 'meeting roster: no organizer from Teams');
      }
      return undefined;
    },
  };
}
