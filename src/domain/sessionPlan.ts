import { allocateMinutes } from './agenda';
import { validateDuration, type DurationError } from './intro';
import type { PhaseIndex } from './phases';
import { fail, ok, type Result } from './result';
import { planOf, spentAt, type Session } from './session';

/** Whole minutes the phase before the current one left unused, which the leader may give to the current one. */
export function spareMinutes(session: Session, now: number, durationMinutes: number): number {
  if ((session.status !== 'running' && session.status !== 'paused') || session.phase === 0) return 0;
  const before = (session.phase - 1) as PhaseIndex;
  const unused = planOf(session, durationMinutes)[before] * 60_000 - spentAt(session, now)[before];
  return Math.max(0, Math.floor(unused / 60_000));
}

/** Moves the previous phase's spare whole minutes to the current phase at `now`; the total stays the same. */
export function giveSpareMinutes(
  session: Session,
  now: number,
  durationMinutes: number,
): Result<Session, 'invalidTransition'> {
  const spare = spareMinutes(session, now, durationMinutes);
  if (spare < 1 || (session.status !== 'running' && session.status !== 'paused')) {
    return fail('invalidTransition', 'The previous phase has no spare minute to give.');
  }
  const plan: [number, number, number] = [...planOf(session, durationMinutes)];
  plan[session.phase - 1] = (plan[session.phase - 1] ?? 0) - spare;
  plan[session.phase] += spare;
  return ok({ ...session, plan });
}

/** Plans a not-yet-started session for a new duration (30–60 minutes). */
export function planDuration(session: Session, minutes: number): Result<Session, 'invalidTransition' | DurationError> {
  if (session.status !== 'notStarted') {
    return fail('invalidTransition', 'The length can only change before the intro starts.');
  }
  const valid = validateDuration(minutes);
  if (!valid.ok) return valid;
  const split = allocateMinutes(valid.value);
  return ok({ status: 'notStarted', plan: [split.goals, split.pullFeedback, split.pushFeedback] });
}
