import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import restify, { type Request, type Response, type Server } from 'restify';
import type { LocalIssuer } from '../auth/localIssuer';
import { apiRoutes, type ApiDeps } from './api';
import type { HttpDeps, LoggedRequest } from './context';
import { setSecurityHeaders } from './headers';
import { addressedToLoopback } from './loopbackHost';
import { urlOf } from './requestUrl';
import { healthRoutes } from './routes/health';
import { inviteRoutes, type InviteDeps } from './routes/invites';
import { localAuthRoutes } from './routes/localAuth';
import { messagesRoute, type BotActivities } from './routes/messages';
import { tabRoutes } from './routes/tab';

/** Everything the HTTP server serves. */
interface ServerParts extends ApiDeps {
  /** The bot, as POST /api/messages takes its activities. */
  readonly bot: BotActivities;
  readonly tabDir: string;
  /** Present only when running without Entra ID. */
  readonly localIssuer?: LocalIssuer;
  /** Serves signed .ics invite links. */
  readonly invites: InviteDeps;
}

/**
 * What every request gets before any route runs, in one step (each step of restify's chain costs a tick): its id and
 * logger, the security headers, and in local mode the loopback-only check. A request refused here gets no route.
 */
function beforeRoutes(server: Server, deps: HttpDeps, localOnly: boolean): void {
  server.pre((req, res, next) => {
    const header = req.headers['x-request-id'];
    const reqId = typeof header === 'string' && /^[\w-]{1,64}$/.test(header) ? header : randomUUID();
    (req as LoggedRequest).logger = deps.logger.child({ reqId });
    res.setHeader('X-Request-Id', reqId);
    if (!setSecurityHeaders(req, res)) return next(false);
    if (localOnly && !addressedToLoopback(req, res)) return next(false);
    return next();
  });
}

function requestLogging(server: Server): void {
  server.on('after', (req: Request, res: Response) => {
    // The path only: a query string can carry a signature (invite links) that must never reach the logs.
    const url = urlOf(req)?.pathname ?? '(not a URL)';
    // Probes, and the 1 s session poll's "nothing changed" (20 000 lines/s at 10 000 meetings), only at debug.
    const quiet = url === '/healthz' || url === '/readyz' || res.statusCode === 304;
    (req as LoggedRequest).logger[quiet ? 'debug' : 'info'](
      { method: req.method, url, status: res.statusCode, ms: Date.now() - req.time() },
      'request',
    );
  });
  // restify's own errors (unknown route, wrong method) get the API's error shape too.
  server.on(
    'restifyError',
    (_req: Request, _res: Response, err: Error & { body?: { code?: string } }, callback: () => void) => {
      Object.assign(err, { toJSON: () => ({ error: { code: err.body?.code ?? err.name, message: err.message } }) });
      return callback();
    },
  );
}

const closers = new WeakMap<Server, () => void>();

/**
 * Tracks the answers not yet sent, so `announceClose` can mark them. A `pre` handler would be too late for a
 * request already past it when shutdown begins, and those are the slow ones most likely answered after it.
 */
function closeAwareAnswers(server: Server): void {
  const pending = new Set<ServerResponse>();
  let closing = false;
  const mark = (res: ServerResponse) => {
    if (!res.headersSent) res.setHeader('Connection', 'close');
  };
  server.server.on('request', (_req: IncomingMessage, res: ServerResponse) => {
    if (closing) mark(res);
    pending.add(res);
    res.once('close', () => pending.delete(res));
  });
  closers.set(server, () => {
    closing = true;
    pending.forEach(mark);
  });
}

/**
 * From now on every answer, in flight or still to come on a kept-alive connection, says `Connection: close`, so
 * its client reconnects elsewhere instead of reusing a socket that is about to be cut.
 */
export function announceClose(server: Server): void {
  closers.get(server)?.();
}

/** Builds the restify server with every route; listening is up to the caller. */
export function createHttpServer(parts: ServerParts): Server {
  const server = restify.createServer({ name: 'intro-1on1', handleUncaughtExceptions: false });
  closeAwareAnswers(server);
  beforeRoutes(server, parts, Boolean(parts.localIssuer));
  requestLogging(server);
  healthRoutes(server, parts);
  messagesRoute(server, parts.bot);
  apiRoutes(server, parts);
  if (parts.localIssuer) localAuthRoutes(server, parts.localIssuer);
  tabRoutes(server, parts.tabDir, Boolean(parts.localIssuer));
  inviteRoutes(server, parts.invites);
  return server;
}
