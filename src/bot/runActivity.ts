import type { TeamsAdapter } from '@microsoft/teams-ai';
import type { Activity, Request, Response, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { ServiceUrlPolicy } from '../config';
import { fail, ok, type Result } from '../domain/result';
import { activitySchema, firstField } from './activity.schema';
import { isAllowedServiceUrl } from './serviceUrls';

/** What running an activity needs: where the bot may post, the adapter, and the turn itself. */
interface RunActivityDeps {
  readonly serviceUrls: ServiceUrlPolicy;
  readonly adapter: TeamsAdapter;
  /** Runs the turn; `logger` is the request's, tagged with its request id. */
  readonly run: (context: TurnContext, logger: Logger) => Promise<void>;
}

/**
 * Validates an authenticated request's body as an activity and runs its turn, answering through `res`; a malformed
 * activity, or one from a service the bot does not talk to, is a failure naming the field, and no bot code runs.
 */
type RunActivity = (
  body: unknown,
  req: Request,
  res: Response,
  logger: Logger,
) => Promise<Result<void, 'invalidActivity'>>;

function parseActivity(body: unknown, serviceUrls: ServiceUrlPolicy): Result<Activity, 'invalidActivity'> {
  const parsed = activitySchema.safeParse(body);
  if (!parsed.success) {
    const field = firstField(parsed.error);
    const reason = parsed.error.issues[0]?.message ?? 'invalid';
    return fail('invalidActivity', `${field}: not a valid Bot Framework activity (${reason}).`, field);
  }
  if (!isAllowedServiceUrl(serviceUrls, parsed.data.serviceUrl)) {
    return fail('invalidActivity', 'serviceUrl: not a Bot Framework service this bot talks to.', 'serviceUrl');
  }
  return ok(parsed.data as unknown as Activity);
}

/** The bot's side of POST /api/messages: an activity in, one teams-ai turn run. */
export function runActivity(deps: RunActivityDeps): RunActivity {
  return async (body, req, res, logger) => {
    const activity = parseActivity(body, deps.serviceUrls);
    if (!activity.ok) return activity;
    await deps.adapter.process(Object.assign(req, { body: activity.value }), res, (context) =>
      deps.run(context, logger),
    );
    return ok(undefined);
  };
}
