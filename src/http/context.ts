import type { Request, Response } from 'restify';
import type { Caller } from '../app/caller';
import type { UseCaseDeps } from '../app/deps';
import type { StoreHealth } from '../app/ports';
import type { TokenVerifier } from '../auth/tokenVerifier';
import type { Logger } from '../log';
import { sendFailure } from './errors';

/** What the HTTP edge needs, wired in src/index.ts. */
export interface HttpDeps {
  readonly useCases: UseCaseDeps;
  readonly verifyToken: TokenVerifier;
  readonly health: StoreHealth;
  readonly logger: Logger;
}

/** The one answer to any missing, malformed or refused token. */
const SIGN_IN = { code: 'unauthorized', message: 'Sign in: send Authorization: Bearer <Teams SSO token>.' } as const;

/** A request with its own logger, tagged with the request id. */
export type LoggedRequest = Request & { logger: Logger };

/** A handler for a route that needs a signed-in caller. */
export type AuthedHandler = (req: LoggedRequest, res: Response, caller: Caller) => Promise<void>;

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
      log.error({ err }, 'request failed');
      if (!res.headersSent) {
        res.send(500, {
          error: { code: 'internal', message: `Something went wrong on our side (request ${req.id()}).` },
        });
      }
    }
  };
}

/** Reads a quoted or bare version number from If-Match / If-None-Match; undefined when absent or unreadable. */
export function versionHeader(value: string | string[] | undefined): number | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  const match = /^\s*(?:W\/)?"?(\d{1,15})"?\s*$/.exec(raw ?? '');
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/** The ETag for a version. */
export function etag(version: number): string {
  return `"${version}"`;
}
