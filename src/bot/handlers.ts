import type { Activity, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { buildAgenda } from '../domain/agenda';
import { DEFAULT_MINUTES, validateDuration } from '../domain/intro';
import { assertNever } from '../domain/result';
import { agendaCard } from './cards/agendaCard';
import { helpCard } from './cards/helpCard';
import { welcomeCard } from './cards/welcomeCard';
import { parseCommand, type Command, type FlowCommand } from './commands';
import { isBotAdded } from './conversations';
import { sendCard } from './send';
import { turnLogger } from './turnLogger';

/** What the user sees when a turn fails. */
export const APOLOGY = 'Sorry, something went wrong on my side. Please try again in a moment.';

async function sendAgenda(context: TurnContext, minutes: number | undefined): Promise<void> {
  const duration = validateDuration(minutes ?? DEFAULT_MINUTES);
  if (!duration.ok) {
    await context.sendActivity(duration.error.message);
    return;
  }
  await sendCard(context, agendaCard(buildAgenda(duration.value)));
}

/** Runs a flow command (schedule, prep, recap, history). */
type FlowRunner = (context: TurnContext, name: FlowCommand) => Promise<void>;

/** The reply to a card submission the bot does not recognise. */
export const UNREADABLE_CARD = 'Sorry, I could not read that card. Type "help" to see what I can do.';

/**
 * What the user typed, or the command a card button carries: Teams turns a `messageBack` button into text, while
 * other clients (the Agents Playground) submit the button's data as the activity's value.
 */
function commandTextOf(activity: Partial<Activity>): string | undefined {
  if (activity.text) return activity.text;
  const value = activity.value as { msteams?: { type?: unknown; text?: unknown } } | undefined;
  const button = value?.msteams;
  return button?.type === 'messageBack' && typeof button.text === 'string' ? button.text : undefined;
}

/** Answers a personal or group message: agenda, help, flow commands, and help for anything else. */
export function handleMessage(runFlow?: FlowRunner) {
  return async (context: TurnContext): Promise<void> => {
    const text = commandTextOf(context.activity);
    if (!text && context.activity.value !== undefined) {
      await context.sendActivity(UNREADABLE_CARD);
      return;
    }
    const command = parseCommand(text);
    if (command.kind === 'flow' && runFlow) return runFlow(context, command.name);
    return answerCommand(context, command);
  };
}

async function answerCommand(context: TurnContext, command: Command): Promise<void> {
  switch (command.kind) {
    case 'flow':
    case 'help':
      return sendCard(context, helpCard());
    case 'agenda':
      return sendAgenda(context, command.minutes);
    case 'unknown':
      return sendCard(
        context,
        helpCard(),
        command.text === '' ? undefined : "I didn't get that. Here is what I can do:",
      );
    default:
      return assertNever(command);
  }
}

/** Sends the welcome card when the bot itself is among the members just added. */
export function handleMembersAdded(publicUrl: () => string) {
  return async (context: TurnContext): Promise<void> => {
    const inPersonalChat = context.activity.conversation?.conversationType === 'personal';
    if (isBotAdded(context.activity)) await sendCard(context, welcomeCard(publicUrl(), inPersonalChat));
  };
}

/** Logs a failed turn once, with its stack, and apologises to the user; never rethrows, so the bot keeps running. */
export function handleTurnError(base: Logger) {
  return async (context: TurnContext, error: Error): Promise<void> => {
    const logger = turnLogger(context, base);
    logger.error({ err: error }, 'bot turn failed');
    try {
      await context.sendActivity(APOLOGY);
    } catch (sendError) {
      logger.warn({ err: sendError }, 'could not send the apology');
    }
  };
}
