import { createHash } from 'node:crypto';

/**
 * A stable GUID derived from a string: stands for people known only by a name, email or non-GUID test id. Shared by
 * both edges (the bot and the in-person API), so the same person gets the same id from either.
 */
export function derivedGuid(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  // Version nibble 8 ("custom", RFC 9562) and the RFC variant, so it never equals a random v4 Entra id.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
