import type { TeamsAdapter } from '@microsoft/teams-ai';
import { TeamsInfo, type ConversationReference } from 'botbuilder';
import type { ConversationStore, MeetingRoster } from '../app/ports';
import type { Logger } from '../log';

/** What the Bot Framework roster needs: the bot's adapter and where it already reaches people. */
export interface BotMeetingRosterDeps {
  readonly adapter: TeamsAdapter;
  readonly botAppId?: string;
  readonly conversations: ConversationStore;
  readonly logger: Logger;
}

/** The HTTP status of a failed connector call, when it has one. */
function statusOf(error: unknown): number | undefined {
  const failed = error as { statusCode?: unknown; response?: { status?: unknown } } | undefined;
  const status = failed?.statusCode ?? failed?.response?.status;
  return typeof status === 'number' ? status : undefined;
}

/**
 * Asks Teams whether a person is in a meeting (`GET {serviceUrl}/v1/meetings/{meetingId}/participants/{aadObjectId}`,
 * as `TeamsInfo.getMeetingParticipant`), through a conversation reference the bot already holds in that tenant, so
 * the service URL and credentials are the bot's own. Not found is `no`; no reference or any other failure is `unknown`.
 */
export function botMeetingRoster(deps: BotMeetingRosterDeps): MeetingRoster {
  return {
    isParticipant: async (tenantId, meetingId, userId) => {
      const reference =
        (await deps.conversations.get(tenantId, userId)) ?? (await deps.conversations.anyInTenant(tenantId));
      if (typeof reference?.serviceUrl !== 'string') {
        deps.logger.warn({ tenantId }, 'meeting roster: the bot knows no conversation in this tenant yet');
        return 'unknown';
      }
      // The call's outcome is kept here, not thrown out of the turn: the bot's turn error handler would swallow it.
      let outcome: { participant: unknown } | { err: unknown } = { participant: undefined };
      try {
        await deps.adapter.continueConversationAsync(
          deps.botAppId ?? '',
          reference as Partial<ConversationReference>,
          async (context) => {
            try {
              outcome = { participant: await TeamsInfo.getMeetingParticipant(context, meetingId, userId, tenantId) };
            } catch (err) {
              outcome = { err };
            }
          },
        );
      } catch (err) {
        outcome = { err };
      }
      if ('participant' in outcome) return outcome.participant ? 'yes' : 'unknown';
      const status = statusOf(outcome.err);
      if (status === 404) return 'no';
      deps.logger.warn({ err: outcome.err, status }, 'meeting roster: could not ask Teams about a meeting participant');
      return 'unknown';
    },
  };
}
