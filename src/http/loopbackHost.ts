import type { Request, Response } from 'restify';
import { isLoopbackHost } from '../config';

/** The host name in a Host header (`localhost:3978` → `localhost`, `[::1]:3978` → `[::1]`), or undefined. */
function hostnameOf(header: string | undefined): string | undefined {
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::\d{1,5})?$/i.exec(header ?? '');
  return match?.[1]?.toLowerCase();
}

/**
 * Local mode only: answers only requests addressed to a loopback name (returns false after refusing any other). A web
 * page whose DNS name is rebound to 127.0.0.1 would otherwise be same-origin with the local sign-in, mint a token for
 * anyone and read their notes.
 */
export function addressedToLoopback(req: Request, res: Response): boolean {
  const host = hostnameOf(req.headers.host);
  if (host && isLoopbackHost(host)) return true;
  res.setHeader('Cache-Control', 'no-store');
  res.send(421, {
    error: { code: 'misdirectedRequest', message: 'Local mode answers only requests addressed to localhost.' },
  });
  return false;
}
