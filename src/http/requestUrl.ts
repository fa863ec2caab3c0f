/**
 * The request target as a URL, or undefined when it is not one (e.g. `GET //[`): never throws, because a throw in a
 * pre handler or an `after` listener is an uncaught exception that stops the process.
 */
export function requestUrl(target: string | undefined): URL | undefined {
  try {
    return new URL(target ?? '/', 'http://x');
  } catch {
    return undefined;
  }
}

/** A path as the router and file system read it: percent-decoded (`/%61pi` is `/api`), in lower case. */
export function routedPath(pathname: string): string {
  try {
    return decodeURIComponent(pathname).toLowerCase();
  } catch {
    return pathname.toLowerCase();
  }
}
