import type { ServiceUrlPolicy } from '../config';
import { isLoopbackHost } from '../config';

/**
 * Whether the bot may post to (and remember) this `serviceUrl`: https on an allowed host (or a subdomain of one) in
 * deployment; http or https on loopback in local mode. Anything unparsable is refused.
 */
export function isAllowedServiceUrl(policy: ServiceUrlPolicy, value: unknown): boolean {
  if (typeof value !== 'string' || value.length > 2048) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  const host = url.hostname.toLowerCase();
  switch (policy.mode) {
    case 'loopback':
      return (url.protocol === 'http:' || url.protocol === 'https:') && isLoopbackHost(host);
    case 'hosts':
      return (
        url.protocol === 'https:' && policy.hosts.some((allowed) => host === allowed || host.endsWith(`.${allowed}`))
      );
  }
}
