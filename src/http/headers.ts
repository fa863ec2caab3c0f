import type { Server } from 'restify';
import { requestUrl } from './requestUrl';

/**
 * The hosts Teams documents for tabs (Teams, Outlook, Microsoft 365, old and new domains), plus the app itself:
 * the only pages allowed to frame the tab.
 */
export const FRAME_ANCESTORS = [
  "'self'",
  'teams.microsoft.com',
  '*.teams.microsoft.com',
  '*.cloud.microsoft',
  '*.microsoft365.com',
  '*.office.com',
  'outlook.office.com',
  'outlook.office365.com',
] as const;

const TAB_CSP = `frame-ancestors ${FRAME_ANCESTORS.join(' ')}`;

/** True for answers that can carry private data: the API, sign-in, invites and the bot. */
function isPrivate(pathname: string): boolean {
  return /^\/(api|dev|local-auth|invites)(\/|$)/.test(pathname);
}

/**
 * Headers on every answer, set before any route runs so no route can forget them: `nosniff` everywhere,
 * `no-store` on everything that can carry private data, and a CSP that lets only Teams hosts frame the tab.
 */
export function securityHeaders(server: Server): void {
  server.pre((req, res, next) => {
    const url = requestUrl(req.url);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    if (!url) {
      res.setHeader('Cache-Control', 'no-store');
      res.send(400, { error: { code: 'invalidUrl', message: 'The request target is not a valid URL.' } });
      return next(false);
    }
    const pathname = url.pathname;
    if (isPrivate(pathname)) res.setHeader('Cache-Control', 'no-store');
    if (pathname === '/' || pathname.startsWith('/tab')) res.setHeader('Content-Security-Policy', TAB_CSP);
    return next();
  });
}
