import type { Request, Response } from 'restify';
import { routedPath, urlOf } from './requestUrl';

/**
 * The hosts Teams documents for tabs (Teams, Outlook, Microsoft 365, old and new domains), plus the app itself:
 * the only pages allowed to frame the tab.
 */
const FRAME_ANCESTORS = [
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

/**
 * Sets the headers every answer carries, before any route runs so no route can forget them: `nosniff` everywhere,
 * `no-store` on everything but the tab's static files, and a CSP that lets only Teams hosts frame any page. A target
 * that is not a URL is answered 400 here; returns false then.
 */
export function setSecurityHeaders(req: Request, res: Response): boolean {
  const url = urlOf(req);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  if (!url) {
    res.setHeader('Cache-Control', 'no-store');
    res.send(400, { error: { code: 'invalidUrl', message: 'The request target is not a valid URL.' } });
    return false;
  }
  // Opt-out, not opt-in: only the tab's static files may be cached, and the CSP is on every answer, so no spelling
  // of a path can reach a page or private data without them.
  res.setHeader('Content-Security-Policy', TAB_CSP);
  if (!routedPath(url.pathname).startsWith('/tab/')) res.setHeader('Cache-Control', 'no-store');
  return true;
}
