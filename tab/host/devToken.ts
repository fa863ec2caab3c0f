import type { Persona } from './personas';

const TOKEN_TTL_MS = 5 * 60_000;
const cache = new Map<string, { token: Promise<string>; until: number }>();

async function fetchToken(persona: Persona): Promise<string> {
  const response = await fetch('/dev/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ oid: persona.oid, tid: persona.tid, name: persona.name }),
  });
  if (!response.ok) {
    throw new Error(`POST /dev/token answered ${response.status}; the simulator needs the server running locally.`);
  }
  const body = (await response.json()) as { token?: unknown };
  if (typeof body.token !== 'string') throw new Error('POST /dev/token did not return a token.');
  return body.token;
}

/** A development token for a persona from the local server, cached for a few minutes as Teams caches SSO tokens. */
export function devToken(persona: Persona): Promise<string> {
  const cached = cache.get(persona.oid);
  if (cached && cached.until > Date.now()) return cached.token;
  const token = fetchToken(persona);
  cache.set(persona.oid, { token, until: Date.now() + TOKEN_TTL_MS });
  token.catch(() => cache.delete(persona.oid));
  return token;
}
