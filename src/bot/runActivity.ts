import type { TeamsAdapter } from '@microsoft/teams-ai';
import type { Activity, Response, TurnContext } from 'botbuilder';
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

/** What the Bot Framework Service gets back for an activity: its status and, for an invoke, a body. */
interface ActivityAnswer {
  readonly status: number;
  readonly body?: unknown;
}

/**
 * Validates an authenticated request's body as an activity and runs its turn (`authorization` is the request's
 * header, which the adapter checks again); a malformed activity, or one from a service the bot does not talk to, is a
 * failure naming the field, and no bot code runs.
 */
type RunActivity = (
  body: unknown,
  authorization: string,
  logger: Logger,
) => Promise<Result<ActivityAnswer, 'invalidActivity'>>;

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

/** A response that keeps what the adapter answers, to send it from the HTTP edge (in another thread). */
function answerHolder() {
  const answer: { status: number; body?: unknown } = { status: 200 };
  const res: Response = {
    socket: undefined,
    status: (code: number) => void (answer.status = code),
    header: () => undefined,
    send: (body: unknown) => void (answer.body = body),
    end: () => undefined,
  };
  return { res, answer };
}

/** The bot's side of POST /api/messages: an activity in, one teams-ai turn run, the adapter's answer out. */
export function runActivity(deps: RunActivityDeps): RunActivity {
  return async (body, authorization, logger) => {
    const activity = parseActivity(body, deps.serviceUrls);
    if (!activity.ok) return activity;
    const { res, answer } = answerHolder();
    const req = {
      method: 'POST',
      headers: { authorization },
      body: activity.value as unknown as Record<string, unknown>,
    };
    await deps.adapter.process(req, res, (context) => deps.run(context, logger));
    return ok(answer);
  };
}
