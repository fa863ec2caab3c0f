import type { SessionView } from '../domain/api';
import type { IntroId } from '../domain/ids';
import type { Intro, IntroStatus } from '../domain/intro';
import { fail, ok, type Result } from '../domain/result';
import { applyAction, type SessionAction } from '../domain/session';
import type { Caller } from './caller';
import type { UseCaseDeps } from './deps';
import { changeIntro } from './introUpdates';
import { loadParticipantIntro, sessionView, sessionViewOf } from './introViews';

/** The shared session clock, for either participant. */
export async function getSession(
  deps: UseCaseDeps,
  caller: Caller,
  id: IntroId,
): Promise<Result<SessionView, 'notFound'>> {
  const found = await loadParticipantIntro(deps.intros, caller, id);
  if (!found.ok) return found;
  return ok(await sessionView(deps.intros, deps.clock, found.value.intro));
}

const STATUS_AFTER: Partial<Record<SessionAction, IntroStatus>> = { start: 'inProgress', end: 'done' };
const withStatus = (intro: Intro, status: IntroStatus): Intro | undefined =>
  intro.status === status ? undefined : { ...intro, status };

/**
 * Applies the leader's action to the session clock. With `ifVersion`, refuses when the session moved on
 * meanwhile; without it, applies the action to the current state (retrying once on a concurrent write).
 */
export async function actOnSession(
  deps: UseCaseDeps,
  caller: Caller,
  id: IntroId,
  action: SessionAction,
  ifVersion?: number,
): Promise<Result<SessionView, 'notFound' | 'forbidden' | 'invalidTransition' | 'versionConflict'>> {
  const found = await loadParticipantIntro(deps.intros, caller, id);
  if (!found.ok) return found;
  const { intro, role } = found.value;
  if (role !== 'leader') return fail('forbidden', 'Only the leader of this intro 1:1 can change its timer.');
  for (let attempt = 0; attempt < 2; attempt++) {
    const current = await deps.intros.getSession(intro.tenantId, intro.id);
    if (ifVersion !== undefined && current.version !== ifVersion) {
      return fail('versionConflict', 'The session changed meanwhile; reload it and try again.');
    }
    const next = applyAction(current.value, action, deps.clock.now());
    if (!next.ok) return next;
    const saved = await deps.intros.saveSession(intro.tenantId, intro.id, next.value, current.version);
    if (saved.ok) {
      const status = STATUS_AFTER[action];
      // The status changes on a fresh read: the copy read before the loop may miss a member who joined meanwhile.
      if (status) await changeIntro(deps.intros, intro.tenantId, intro.id, (now) => withStatus(now, status));
      return ok(sessionViewOf(intro, saved.value, deps.clock.now()));
    }
    if (ifVersion !== undefined) break;
  }
  return fail('versionConflict', 'The session changed meanwhile; reload it and try again.');
}
