import type { TurnContext } from 'botbuilder';
import type { Logger } from 'pino';

const TURN_LOGGER = Symbol('introOneOnOne.turnLogger');

/** Gives a turn its own logger (e.g. one carrying the HTTP request id); call it before `app.run(context)`. */
export function setTurnLogger(context: TurnContext, logger: Logger): void {
  context.turnState.set(TURN_LOGGER, logger);
}

/** The turn's logger: the one set with `setTurnLogger`, else a child of `base` tagged with the activity id. */
export function turnLogger(context: TurnContext, base: Logger): Logger {
  const existing = context.turnState.get(TURN_LOGGER) as Logger | undefined;
  if (existing) return existing;
  const logger = base.child({ turnId: context.activity?.id, activityType: context.activity?.type });
  setTurnLogger(context, logger);
  return logger;
}
