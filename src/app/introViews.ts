import type { IntroView, SessionView } from '../contract';
import { buildAgenda } from '../domain/agenda';
import type { IntroId, TenantId } from '../domain/ids';
import { roleOf, type Intro } from '../domain/intro';
import { fail, ok, type Result } from '../domain/result';
import type { Caller } from './caller';
import type { Session } from '../domain/session';
import type { Clock, IntroStore, Versioned } from './ports';

/** Parsed intros per store, each with the version it was read at; the oldest go first past the cap. */
const parsedIntros = new WeakMap<IntroStore, Map<string, Versioned<Intro>>>();
const MAX_PARSED_INTROS = 5_000;

/**
 * The intro as stored now. Every call reads its version; only a changed or unseen intro is read and parsed whole
 * (the 1 s session poll and each notes save would otherwise decode the same document again and again).
 */
export async function currentIntro(intros: IntroStore, tenantId: TenantId, id: IntroId): Promise<Intro | undefined> {
  const cache = parsedIntros.get(intros) ?? new Map<string, Versioned<Intro>>();
  parsedIntros.set(intros, cache);
  const key = `${tenantId}|${id}`;
  const version = await intros.getVersion(tenantId, id);
  const hit = cache.get(key);
  if (version !== undefined && hit?.version === version) return hit.value;
  cache.delete(key);
  const fresh = version === undefined ? undefined : await intros.getVersioned(tenantId, id);
  if (!fresh) return undefined;
  if (cache.size >= MAX_PARSED_INTROS) cache.delete(cache.keys().next().value as string);
  cache.set(key, fresh);
  return fresh.value;
}

/**
 * Deletes an intro and forgets its parsed copy: a re-created intro with the same id starts again at version 1, and a
 * deleted person's names should not stay in memory.
 */
export async function deleteIntro(intros: IntroStore, tenantId: TenantId, id: IntroId): Promise<void> {
  await intros.delete(tenantId, id);
  parsedIntros.get(intros)?.delete(`${tenantId}|${id}`);
}

/** Loads an intro the caller takes part in; anyone else learns nothing, not even that it exists. */
export async function loadParticipantIntro(
  intros: IntroStore,
  caller: Caller,
  id: IntroId,
): Promise<Result<{ intro: Intro; role: 'leader' | 'member' }, 'notFound'>> {
  const intro = await currentIntro(intros, caller.tenantId, id);
  const role = intro && roleOf(intro, caller.userId);
  if (!intro || !role) return fail('notFound', 'No intro 1:1 with that id is shared with you.');
  return ok({ intro, role });
}

/** A stored session as the API returns it, with who leads and any pending role switch, stamped at `now`. */
export function sessionViewOf(intro: Intro, stored: Versioned<Session>, now: number): SessionView {
  return {
    session: stored.value,
    version: stored.version,
    serverNow: now,
    leaderId: intro.leader.id,
    ...(intro.roleSwitch ? { roleSwitch: intro.roleSwitch } : {}),
    ...(intro.roleChanges ? { roleChanges: intro.roleChanges } : {}),
  };
}

/** The session as the API returns it, stamped with the server's time. */
export async function sessionView(intros: IntroStore, clock: Clock, intro: Intro): Promise<SessionView> {
  return sessionViewOf(intro, await intros.getSession(intro.tenantId, intro.id), clock.now());
}

/** The intro as one participant sees it. */
export async function introView(
  intros: IntroStore,
  clock: Clock,
  intro: Intro,
  role: 'leader' | 'member',
): Promise<IntroView> {
  return { intro, role, agenda: buildAgenda(intro.durationMinutes), session: await sessionView(intros, clock, intro) };
}
