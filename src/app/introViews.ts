import type { IntroView, SessionView } from '../contract';
import { buildAgenda } from '../domain/agenda';
import type { IntroId } from '../domain/ids';
import { roleOf, type Intro } from '../domain/intro';
import { fail, ok, type Result } from '../domain/result';
import type { Caller } from './caller';
import type { Session } from '../domain/session';
import type { Clock, IntroStore, Versioned } from './ports';

/** Loads an intro the caller takes part in; anyone else learns nothing, not even that it exists. */
export async function loadParticipantIntro(
  intros: IntroStore,
  caller: Caller,
  id: IntroId,
): Promise<Result<{ intro: Intro; role: 'leader' | 'member' }, 'notFound'>> {
  const intro = await intros.get(caller.tenantId, id);
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
