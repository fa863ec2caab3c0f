import type { Request, Response } from 'restify';
import type { Caller } from '../app/caller';
import type { PreconditionHeader } from '../contract';
import type { HttpUseCases } from '../app/edges';
import type { StoreHealth } from '../app/ports';
import type { TokenVerifier } from '../auth/tokenVerifier';
import type { Logger } from '../log';
import { fail, ok, type Result } from '../domain/result';
import { failureOfThrown, sendFailure } from './errors';

/** What the HTTP edge needs, wired in src/index.ts. */
export interface HttpDeps {
  /** The use cases this edge calls, bound to their dependencies. */
  readonly useCases: HttpUseCases;
  readonly verifyToken: TokenVerifier;
  readonly health: StoreHealth;
  readonly logger: Logger;
}

/** The one answer to any missing, malformed or refused token. */
const SIGN_IN = { code: 'unauthorized', message: 'Sign in: send Authorization: Bearer <Teams SSO token>.' } as const;

/** A request with its own logger, tagged with the request id. */
export type LoggedRequest = Request & { logger: Logger };

/** A handler for a route that needs a signed-in caller. */
type AuthedHandler = (req: LoggedRequest, res: Response, caller: Caller) => Promise<void>;

/** Wraps a route: authenticates the bearer token, then runs the handler; unexpected errors are logged once, here. */
export function authed(deps: HttpDeps, handler: AuthedHandler) {
  return async (req: Request, res: Response): Promise<void> => {
    const log = (req as LoggedRequest).logger;
    try {
      const match = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '');
      const verified = match?.[1] ? await deps.verifyToken(match[1]) : undefined;
      if (!verified?.ok) {
        // The reason is for the operator only: it would tell a forger which check their token failed.
        log.info({ reason: verified?.error.message ?? 'no bearer token' }, 'token refused');
        sendFailure(res, SIGN_IN);
        return;
      }
      await handler(req as LoggedRequest, res, verified.value);
    } catch (err) {
      const expected = failureOfThrown(err);
      if (expected) {
        log.warn({ err }, 'request refused: the store refuses writes');
        if (!res.headersSent) sendFailure(res, expected);
        return;
      }
      log.error({ err }, 'request failed');
      if (!res.headersSent) {
        res.send(500, {
          error: { code: 'internal', message: `Something went wrong on our side (request ${req.id()}).` },
        });
      }
    }
  };
}

// Exactly one entity-tag as the server writes it ("<n>"), strong or weak (a proxy may weaken it): nothing else.
const SERVER_TAG = /^(?:W\/)?"(0|[1-9]\d{0,15})"$/;

/**
 * Reads If-Match or If-None-Match strictly: absent → no condition (undefined); one entity-tag of the server's form
 * `"<n>"` (or `W/"<n>"`) → n; anything else (`*`, a list, a bare number, another tag) → `invalidPrecondition`.
 */
export function preconditionHeader(
  req: Request,
  name: PreconditionHeader,
): Result<number | undefined, 'invalidPrecondition'> {
  const raw = req.headers[name.toLowerCase()];
  if (raw === undefined) return ok(undefined);
  const match = typeof raw === 'string' ? SERVER_TAG.exec(raw.trim()) : null;
  const tag = match?.[1] === undefined ? Number.NaN : Number(match[1]);
  if (!Number.isSafeInteger(tag)) {
    return fail('invalidPrecondition', `${name} must be one entity-tag as the server sent it, e.g. "3".`, name);
  }
  return ok(tag);
}

/** The ETag for a version. */
export function etag(version: number): string {
  return `"${version}"`;
}
