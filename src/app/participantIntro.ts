import type { IntroId } from '../domain/ids';
import { roleOf, type Intro } from '../domain/intro';
import { fail, ok, type Result } from '../domain/result';
import type { Session } from '../domain/session';
import type { Caller } from './caller';
import type { Clock, IntroStore, Versioned } from './ports';

/** A stored session read at `now`, with the intro it belongs to (who leads, any pending role switch). */
export interface IntroSession {
  readonly intro: Intro;
  readonly session: Versioned<Session>;
  readonly now: number;
}

/** An intro as one participant sees it: their role, and its session read at `now`. */
export interface ParticipantIntro extends IntroSession {
  readonly role: 'leader' | 'member';
}

/** What anyone who does not take part in an intro is told: nothing, not even that it exists. */
export const NOT_SHARED = 'No intro 1:1 with that id is shared with you.';

/** Loads an intro the caller takes part in; anyone else learns nothing, not even that it exists. */
export async function loadParticipantIntro(
  intros: IntroStore,
  caller: Caller,
  id: IntroId,
): Promise<Result<{ intro: Intro; role: 'leader' | 'member' }, 'notFound'>> {
  const intro = await intros.get(caller.tenantId, id);
  const role = intro && roleOf(intro, caller.userId);
  if (!intro || !role) return fail('notFound', NOT_SHARED);
  return ok({ intro, role });
}

/** The intro's stored session, read now. */
export async function readSession(intros: IntroStore, clock: Clock, intro: Intro): Promise<IntroSession> {
  const session = await intros.getSession(intro.tenantId, intro.id);
  return { intro, session, now: clock.now() };
}

/** The intro with its session, as one participant sees it. */
export async function readParticipantIntro(
  intros: IntroStore,
  clock: Clock,
  intro: Intro,
  role: 'leader' | 'member',
): Promise<ParticipantIntro> {
  return { ...(await readSession(intros, clock, intro)), role };
}
