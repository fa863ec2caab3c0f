import { hash } from 'node:crypto';
import type { Caller } from '../app/caller';

/** Most verdicts kept; the oldest go first. Each entry is ~200 bytes, so the cache stays under a few MB. */
const MAX_ENTRIES = 10_000;
/** A cached verdict ends this long before the token does, so a token is never accepted at its expiry's edge. */
const EXPIRY_MARGIN_MS = 30_000;

/** Accepted tokens by their SHA-256 (never the token itself), each until shortly before it expires. */
interface VerifiedTokenCache {
  get(token: string): Caller | undefined;
  remember(token: string, caller: Caller, expiresAtMs: number): void;
}

/** Creates a bounded cache of accepted tokens; only successes go in, so a refused token is always checked again. */
export function verifiedTokenCache(now: () => number): VerifiedTokenCache {
  const entries = new Map<string, { caller: Caller; until: number }>();
  const keyOf = (token: string) => hash('sha256', token, 'base64url');
  return {
    get: (token) => {
      const key = keyOf(token);
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.until <= now()) {
        entries.delete(key);
        return undefined;
      }
      return entry.caller;
    },
    remember: (token, caller, expiresAtMs) => {
      const until = expiresAtMs - EXPIRY_MARGIN_MS;
      if (until <= now()) return;
      if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
      entries.set(keyOf(token), { caller, until });
    },
  };
}
