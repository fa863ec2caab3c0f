import type { IntroId } from '../domain/ids';
import type { Intro, IntroStatus } from '../domain/intro';
import { fail, ok, type Result } from '../domain/result';
import type { DurationError } from '../domain/intro';
import { applyAction, type Session, type SessionAction } from '../domain/session';
import { giveSpareMinutes, planDuration } from '../domain/sessionPlan';
import { actionTime } from '../domain/sessionTime';
import type { Caller } from './caller';
import type { UseCaseDeps } from './deps';
import type { Notifier } from './ports';
import { buildRecap } from '../domain/recap';
import { sessionTag } from '../domain/sessionTag';
import { changeIntro } from './introUpdates';
import { loadParticipantIntro, readSession, type IntroSession } from './participantIntro';

/**
 * What the leader asks of the session: a clock action (`at` when a device recorded it offline), spare minutes to the
 * current phase, or a new length before Start.
 */
type SessionRequest =
  | { readonly action: SessionAction; readonly at?: number | undefined }
  | { readonly action: 'giveSpare'; readonly at?: number | undefined }
  | { readonly action: 'setDuration'; readonly minutes: number };

/** The use cases' dependencies, with where the leader's private recap goes once End marks the intro done. */
type SessionDeps = UseCaseDeps & { readonly notifier?: Notifier };

/** Sends the leader's private recap (from the leader's own notes); a failed send never undoes the End. */
async function sendRecap(deps: SessionDeps, intro: Intro): Promise<void> {
  if (!deps.notifier) return;
  const [session, notes] = await Promise.all([
    deps.intros.getSession(intro.tenantId, intro.id),
    deps.notes.get({ tenantId: intro.tenantId, introId: intro.id, authorId: intro.leader.id }),
  ]);
  const recap = buildRecap(intro, session.value, notes, deps.clock.now());
  await deps.notifier.notify(intro.tenantId, intro.leader.id, { kind: 'recap', recap }).catch(() => undefined);
}

/** The shared session clock, for either participant. */
export async function getSession(
  deps: UseCaseDeps,
  caller: Caller,
  id: IntroId,
): Promise<Result<IntroSession, 'notFound'>> {
  const found = await loadParticipantIntro(deps.intros, caller, id);
  if (!found.ok) return found;
  return ok(await readSession(deps.intros, deps.clock, found.value.intro));
}

const STATUS_AFTER: Partial<Record<SessionRequest['action'], IntroStatus>> = {
  start: 'inProgress',
  end: 'done',
};
const withStatus = (intro: Intro, status: IntroStatus): Intro | undefined =>
  intro.status === status ? undefined : { ...intro, status };

type SessionFailure =
  'notFound' | 'forbidden' | 'invalidTransition' | 'invalidTime' | 'versionConflict' | DurationError;

/** The session after a request at `now`, or why the request makes no sense now. */
function nextSession(
  session: Session,
  request: SessionRequest,
  intro: Intro,
  now: number,
): Result<Session, 'invalidTransition' | 'invalidTime' | DurationError> {
  if (request.action === 'setDuration') return planDuration(session, request.minutes);
  // An action a device kept while offline (in person only: a meeting has no offline queue) applies when it was
  // recorded there, within bounds.
  if (request.at !== undefined && intro.setting === 'teamsCall') {
    return fail('invalidTime', 'Only an intro held in person takes actions stamped on a device.', 'at');
  }
  const at = actionTime(session, now, request.at, Date.parse(intro.createdAt));
  if (!at.ok) return at;
  return request.action === 'giveSpare'
    ? giveSpareMinutes(session, at.value, intro.durationMinutes)
    : applyAction(session, request.action, at.value);
}

/** What else changes on the intro once a request is saved: its status, or its length. */
function introAfter(intro: Intro, request: SessionRequest): Intro | undefined {
  if (request.action === 'setDuration') {
    return intro.durationMinutes === request.minutes ? undefined : { ...intro, durationMinutes: request.minutes };
  }
  const status = STATUS_AFTER[request.action];
  return status ? withStatus(intro, status) : undefined;
}

/** Applies the leader's clock action; see `changeSession`. */
export function actOnSession(
  deps: SessionDeps,
  caller: Caller,
  id: IntroId,
  action: SessionAction,
  ifTag?: number,
): Promise<Result<IntroSession, SessionFailure>> {
  return changeSession(deps, caller, id, { action }, ifTag);
}

/**
 * Applies the leader's request to the session (a clock action, spare minutes, a length before Start). With
 * `ifTag` (the session ETag: version and role changes), refuses when the session moved on meanwhile; without it, applies the request to the current state
 * (retrying once on a concurrent write).
 */
export async function changeSession(
  deps: SessionDeps,
  caller: Caller,
  id: IntroId,
  request: SessionRequest,
  ifTag?: number,
): Promise<Result<IntroSession, SessionFailure>> {
  const found = await loadParticipantIntro(deps.intros, caller, id);
  if (!found.ok) return found;
  const { intro, role } = found.value;
  if (role !== 'leader') return fail('forbidden', 'Only the leader of this intro 1:1 can change its timer.');
  for (let attempt = 0; attempt < 2; attempt++) {
    const current = await deps.intros.getSession(intro.tenantId, intro.id);
    if (ifTag !== undefined && sessionTag({ version: current.version, roleChanges: intro.roleChanges }) !== ifTag) {
      return fail('versionConflict', 'The session changed meanwhile; reload it and try again.');
    }
    const next = nextSession(current.value, request, intro, deps.clock.now());
    if (!next.ok) return next;
    const saved = await deps.intros.saveSession(intro.tenantId, intro.id, next.value, current.version);
    if (saved.ok) {
      // The intro changes on a fresh read: the copy read before the loop may miss a member who joined meanwhile.
      const changed = await changeIntro(deps.intros, intro.tenantId, intro.id, (now) => introAfter(now, request));
      // Only the call that marked the intro done sends the recap, so the meeting's end event cannot send it twice.
      if (changed.ok && changed.value.changed && changed.value.intro.status === 'done') {
        await sendRecap(deps, changed.value.intro);
      }
      // Who leads as the store has it now, not as it was before this request.
      return ok({ intro: changed.ok ? changed.value.intro : intro, session: saved.value, now: deps.clock.now() });
    }
    if (ifTag !== undefined) break;
  }
  return fail('versionConflict', 'The session changed meanwhile; reload it and try again.');
}
