import type { ClockView, PhaseClock } from '../../../src/domain/session';
import { formatClock } from './format';

/** How urgent a phase's time is: on time, nearly or a little over (warning), well over (danger). */
type Urgency = 'normal' | 'warning' | 'danger';

/** Overrun beyond which the colour turns from warning to danger. */
const DANGER_OVERRUN_MS = 2 * 60_000;

/** The urgency of a phase's clock. */
export function urgencyOf(clock: Pick<PhaseClock, 'remainingMs' | 'overrunMs'>): Urgency {
  if (clock.overrunMs > DANGER_OVERRUN_MS) return 'danger';
  if (clock.overrunMs > 0 || clock.remainingMs <= 60_000) return 'warning';
  return 'normal';
}

/** "12:34 left" or "2:10 over": the time always in words, never in colour alone. */
export function timeLeftText(clock: Pick<PhaseClock, 'remainingMs' | 'overrunMs'>): string {
  return clock.overrunMs > 0 ? `${formatClock(clock.overrunMs)} over` : `${formatClock(clock.remainingMs)} left`;
}

/** The current phase's clock, when the session has started. */
export function currentPhase(clock: ClockView): PhaseClock | undefined {
  return clock.status === 'notStarted' ? undefined : clock.phases.find((phase) => phase.phase === clock.phase);
}

/** A gentle cue to show, or undefined: the phase runs over, or five minutes are left in total. */
export function cueFor(clock: ClockView): string | undefined {
  if (clock.status !== 'running' && clock.status !== 'paused') return undefined;
  const phase = currentPhase(clock);
  if (phase && phase.overrunMs > 0) return 'This phase is over its time. Wrap up when it feels right, then move on.';
  if (clock.total.remainingMs <= 5 * 60_000 && clock.total.remainingMs > 0)
    return 'About 5 minutes left in total: time to agree follow-ups.';
  if (clock.total.overrunMs > 0) return 'The conversation is over its planned time.';
  return undefined;
}
