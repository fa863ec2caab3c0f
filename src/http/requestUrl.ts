/**
 * The request target as a URL, or undefined when it is not one (e.g. `GET //[`): never throws, because a throw in a
 * pre handler or an `after` listener is an uncaught exception that stops the process.
 */
function requestUrl(target: string | undefined): URL | undefined {
  try {
    return new URL(target ?? '/', 'http://x');
  } catch {
    return undefined;
  }
}

/** The parsed target, kept on the request itself: a WeakMap entry per request was garbage collection's work. */
const PARSED = Symbol('parsedTarget');

type Parsed = { readonly target: string | undefined; readonly url: URL | undefined };

/** `requestUrl` of a request's target, parsed once per request (the security headers and the request log both read it). */
export function urlOf(req: { readonly url?: string }): URL | undefined {
  const holder = req as { readonly url?: string; [PARSED]?: Parsed };
  const seen = holder[PARSED];
  if (seen && seen.target === req.url) return seen.url;
  const url = requestUrl(req.url);
  holder[PARSED] = { target: req.url, url };
  return url;
}

/** A path as the router and file system read it: percent-decoded (`/%61pi` is `/api`), in lower case. */
export function routedPath(pathname: string): string {
  try {
    return decodeURIComponent(pathname).toLowerCase();
  } catch {
    return pathname.toLowerCase();
  }
}
