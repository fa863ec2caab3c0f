import type { Request, Response, Server } from 'restify';
import type { BotConfig } from '../../config';
import type { ApiErrorCode } from '../../contract';
import { fail, ok, type Failure, type Result } from '../../domain/result';
import type { Logger } from '../../log';
import { readJson } from '../body';
import type { LoggedRequest } from '../context';
import { sendFailure } from '../errors';

/** The bot thread is down until a new one is ready, expected in `retryAfterMs` (0 when one is loading now). */
interface BotRestarting extends Failure<'botRestarting'> {
  readonly retryAfterMs: number;
}

/** What the bot answers, instead of what was asked, while its thread is restarting. */
export interface Restarting {
  readonly ok: false;
  readonly error: BotRestarting;
}

/** What the bot hands this route (wired in src/index.ts): how it trusts callers, and how it runs an activity. */
export interface BotActivities {
  /** 'off' refuses every activity; 'authenticated' requires a Bot Framework bearer token; 'local' trusts loopback. */
  readonly mode: BotConfig['mode'];
  /** Checks the bearer token against the body; a failure's message is the reason, for the log. */
  readonly authenticate: (header: string, body: unknown) => Promise<Result<void, 'unauthorized'> | Restarting>;
  /**
   * Validates the body as an activity and runs its turn (the adapter checks `authorization` again), answering with
   * the status and body to send; a malformed one runs nothing.
   */
  readonly runActivity: (
    body: unknown,
    authorization: string,
    logger: Logger,
  ) => Promise<Result<{ readonly status: number; readonly body?: unknown }, 'invalidActivity'> | Restarting>;
}

type Admission = Result<unknown, 'unauthorized' | 'invalidJson' | 'tooLarge' | 'unsupportedMediaType'> | Restarting;

const UNAUTHORIZED = 'This endpoint accepts only activities from the Bot Framework Service.';
const BOT_FAILED = { code: 'internal', message: 'The bot could not handle this activity.' } as const;

/**
 * Authentication comes before anything reads the body: without a configured bot in a deployment every request is
 * refused; with one, a request without a bearer token is refused unread, and the token is checked against the body
 * before any bot code sees it.
 */
async function admit(bot: BotActivities, req: LoggedRequest): Promise<Admission> {
  if (bot.mode === 'off') return fail('unauthorized', UNAUTHORIZED);
  const header = req.headers.authorization ?? '';
  if (bot.mode === 'authenticated' && !/^Bearer \S+$/i.test(header)) return fail('unauthorized', UNAUTHORIZED);
  // Browsers always say where a request comes from and the Bot Framework Service never does: refusing both an
  // Origin and a non-JSON body keeps any web page a developer visits from posting activities to a local bot.
  if (req.headers.origin !== undefined) return fail('unauthorized', UNAUTHORIZED);
  if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
    return fail('unsupportedMediaType', 'Send the activity as application/json.');
  }
  const body = await readJson(req);
  const authenticated = await bot.authenticate(header, body.ok ? body.value : undefined);
  // The bot thread checks tokens: while it restarts, a token is neither accepted nor refused.
  if (!authenticated.ok && authenticated.error.code === 'botRestarting') return authenticated;
  if (!authenticated.ok) {
    req.logger.info({ reason: authenticated.error.message }, 'bot activity refused');
    return fail('unauthorized', UNAUTHORIZED);
  }
  return body.ok ? ok(body.value) : body;
}

/**
 * Sends a failure with its status; while the bot restarts, 503 with the whole seconds until its next thread starts (at
 * least 1; it may still be loading then), for a sender that honours Retry-After. That code is the bot endpoint's own,
 * like `internal`, not /api/v1's.
 */
function sendBotFailure(res: Response, failure: Failure<ApiErrorCode> | BotRestarting): void {
  if (failure.code !== 'botRestarting') return sendFailure(res, failure);
  res.header('Retry-After', String(Math.max(1, Math.ceil(failure.retryAfterMs / 1000))));
  res.send(503, { error: { code: failure.code, message: failure.message } });
}

/**
 * POST /api/messages, the Bot Framework endpoint: malformed activities get 400 naming the field, never 500; what
 * passes every check before the bot's own gets 503 while the bot thread is restarting; a turn that throws is logged
 * and answered 500 if nothing was sent yet.
 */
export function messagesRoute(server: Server, bot: BotActivities): void {
  server.post('/api/messages', async (req: Request, res: Response) => {
    const logged = req as LoggedRequest;
    try {
      const admitted = await admit(bot, logged);
      if (!admitted.ok) return sendBotFailure(res, admitted.error);
      const ran = await bot.runActivity(admitted.value, req.headers.authorization ?? '', logged.logger);
      if (!ran.ok) return sendBotFailure(res, ran.error);
      res.status(ran.value.status);
      if (ran.value.body === undefined) res.end();
      else res.send(ran.value.body);
    } catch (err) {
      logged.logger.error({ err }, 'bot turn failed');
      if (!res.headersSent) res.send(500, { error: BOT_FAILED });
    }
  });
}
