import type { Persona } from './personas';

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

/**
 * A fresh development token for a persona from the local server. Not cached: the tab caches its token and asks
 * again only after a 401 (e.g. the local server restarted with a new signing key), so each ask needs a new one.
 */
export function devToken(persona: Persona): Promise<string> {
  return fetchToken(persona);
}
