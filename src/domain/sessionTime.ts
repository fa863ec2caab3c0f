import { assertNever, fail, ok, type Result } from './result';
import type { Session } from './session';

/** How far past the server's now a client's `at` may be: its clock estimate is off by up to half a round trip. */
export const AT_FUTURE_SKEW_MS = 5_000;
/** How old an action kept on a device may be when it finally reaches the server. */
export const AT_MAX_AGE_MS = 12 * 60 * 60_000;

/** The last instant the session's timestamps recorded; undefined before Start. */
export function lastRecordedAt(session: Session): number | undefined {
  switch (session.status) {
    case 'notStarted':
      return undefined;
    case 'running':
      return Math.max(session.startedAt, session.segmentStartedAt);
    case 'paused':
      return session.pausedAt;
    case 'ended':
      return session.endedAt;
    default:
      return assertNever(session);
  }
}

/**
 * When an action happens: `now`, or the `at` a device recorded it (on the server's clock) while it was offline,
 * accepted only if it is not in the future beyond a small skew, not older than 12 hours, not before `notBefore` (the
 * intro's creation) and after the session's last recorded change, so the timestamps stay in order.
 */
export function actionTime(
  session: Session,
  now: number,
  at?: number,
  notBefore = Number.NEGATIVE_INFINITY,
): Result<number, 'invalidTime'> {
  if (at === undefined) return ok(now);
  if (at < notBefore) {
    return fail('invalidTime', 'That action is stamped before the intro 1:1 existed; it was not applied.', 'at');
  }
  if (at > now + AT_FUTURE_SKEW_MS) {
    return fail('invalidTime', 'That action is stamped in the future; check the device clock.', 'at');
  }
  if (at < now - AT_MAX_AGE_MS) {
    return fail('invalidTime', 'That action was kept on the device for over 12 hours; it was not applied.', 'at');
  }
  const last = lastRecordedAt(session);
  // Equal counts as before: an action replayed after its answer was lost must not apply twice.
  if (last !== undefined && at <= last) {
    return fail('invalidTime', 'That action is stamped before the session last changed; it was not applied.', 'at');
  }
  return ok(Math.min(at, now));
}
