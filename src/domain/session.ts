import { allocateMinutes } from './agenda';
import { PHASES, type PhaseId, type PhaseIndex } from './phases';
import { assertNever, fail, ok, type Result } from './result';

/** Milliseconds spent in each phase, in phase order, not counting a running segment. */
type PhaseTimes = readonly [number, number, number];

/** Whole minutes planned per phase, in phase order; absent, the intro's duration decides. */
type PhasePlan = readonly [number, number, number];

/**
 * The shared session clock of one intro. Only timestamps are stored; what is
 * elapsed, remaining or overrun is derived from them and the current time.
 */
export type Session = (
  | { readonly status: 'notStarted' }
  | {
      readonly status: 'running';
      readonly phase: PhaseIndex;
      readonly startedAt: number;
      /** When the current phase last started or resumed. */
      readonly segmentStartedAt: number;
      readonly spentMs: PhaseTimes;
    }
  | {
      readonly status: 'paused';
      readonly phase: PhaseIndex;
      readonly startedAt: number;
      readonly pausedAt: number;
      readonly spentMs: PhaseTimes;
    }
  | {
      readonly status: 'ended';
      readonly phase: PhaseIndex;
      readonly startedAt: number;
      readonly endedAt: number;
      readonly spentMs: PhaseTimes;
    }
) & { readonly plan?: PhasePlan };

/** A leader's action on the clock. */
export const SESSION_ACTIONS = ['start', 'pause', 'resume', 'next', 'previous', 'end'] as const;
/** A leader's action on the clock. */
export type SessionAction = (typeof SESSION_ACTIONS)[number];

/** The session before the leader starts it. */
export const NOT_STARTED: Session = { status: 'notStarted' };

const ZERO: PhaseTimes = [0, 0, 0];

function withSegment(times: PhaseTimes, phase: PhaseIndex, ms: number): PhaseTimes {
  const next: [number, number, number] = [times[0], times[1], times[2]];
  next[phase] += Math.max(0, ms);
  return next;
}

/** Time spent per phase up to `now`, including the running segment. */
export function spentAt(session: Session, now: number): PhaseTimes {
  switch (session.status) {
    case 'notStarted':
      return ZERO;
    case 'running':
      return withSegment(session.spentMs, session.phase, now - session.segmentStartedAt);
    case 'paused':
    case 'ended':
      return session.spentMs;
    default:
      return assertNever(session);
  }
}

/** The stored plan as a spreadable part, so every transition keeps it. */
const keepPlan = (session: Session) => (session.plan ? { plan: session.plan } : {});

function refuse(action: SessionAction, session: Session) {
  return fail('invalidTransition', `Cannot ${action} a session that is ${session.status}.`);
}

function moveTo(session: Session & { status: 'running' | 'paused' }, phase: PhaseIndex, now: number): Session {
  const spentMs = spentAt(session, now);
  return session.status === 'running'
    ? { ...session, phase, spentMs, segmentStartedAt: now }
    : { ...session, phase, spentMs };
}

/** Applies a leader's action at `now`; refuses one that makes no sense in the current state. */
export function applyAction(
  session: Session,
  action: SessionAction,
  now: number,
): Result<Session, 'invalidTransition'> {
  switch (action) {
    case 'start':
      if (session.status !== 'notStarted') return refuse(action, session);
      return ok({
        status: 'running',
        phase: 0,
        startedAt: now,
        segmentStartedAt: now,
        spentMs: ZERO,
        ...keepPlan(session),
      });
    case 'pause':
      if (session.status !== 'running') return refuse(action, session);
      return ok({
        status: 'paused',
        phase: session.phase,
        startedAt: session.startedAt,
        pausedAt: now,
        spentMs: spentAt(session, now),
        ...keepPlan(session),
      });
    case 'resume':
      if (session.status !== 'paused') return refuse(action, session);
      return ok({
        status: 'running',
        phase: session.phase,
        startedAt: session.startedAt,
        segmentStartedAt: now,
        spentMs: session.spentMs,
        ...keepPlan(session),
      });
    case 'next':
      if ((session.status !== 'running' && session.status !== 'paused') || session.phase === 2)
        return refuse(action, session);
      return ok(moveTo(session, (session.phase + 1) as PhaseIndex, now));
    case 'previous':
      if ((session.status !== 'running' && session.status !== 'paused') || session.phase === 0)
        return refuse(action, session);
      return ok(moveTo(session, (session.phase - 1) as PhaseIndex, now));
    case 'end':
      if (session.status !== 'running' && session.status !== 'paused') return refuse(action, session);
      return ok({
        status: 'ended',
        phase: session.phase,
        startedAt: session.startedAt,
        endedAt: now,
        spentMs: spentAt(session, now),
        ...keepPlan(session),
      });
    default:
      return assertNever(action);
  }
}

/** The minutes planned per phase: the stored plan, else the duration's split. */
export function planOf(session: Session, durationMinutes: number): PhasePlan {
  if (session.plan) return session.plan;
  const minutes = allocateMinutes(durationMinutes);
  return [minutes.goals, minutes.pullFeedback, minutes.pushFeedback];
}

/** Planned and spent time for one phase, derived at one instant. */
export interface PhaseClock {
  readonly phase: PhaseId;
  readonly plannedMs: number;
  readonly spentMs: number;
  /** Never negative; zero once the phase is over its time. */
  readonly remainingMs: number;
  /** Never negative; how far the phase is past its time. */
  readonly overrunMs: number;
}

/** Everything a timer shows, derived from a session, its duration and the current time. */
export interface ClockView {
  readonly status: Session['status'];
  readonly phase: PhaseId | undefined;
  readonly phases: readonly [PhaseClock, PhaseClock, PhaseClock];
  readonly total: Omit<PhaseClock, 'phase'>;
}

function clockOf(plannedMs: number, spentMs: number) {
  return {
    plannedMs,
    spentMs,
    remainingMs: Math.max(0, plannedMs - spentMs),
    overrunMs: Math.max(0, spentMs - plannedMs),
  };
}

/** Derives remaining and overrun per phase and in total at `now`. */
export function viewAt(session: Session, durationMinutes: number, now: number): ClockView {
  const plan = planOf(session, durationMinutes);
  const spent = spentAt(session, now);
  const phase = (index: PhaseIndex): PhaseClock => ({
    phase: PHASES[index],
    ...clockOf(plan[index] * 60_000, spent[index]),
  });
  return {
    status: session.status,
    phase: session.status === 'notStarted' ? undefined : PHASES[session.phase],
    phases: [phase(0), phase(1), phase(2)],
    total: clockOf((plan[0] + plan[1] + plan[2]) * 60_000, spent[0] + spent[1] + spent[2]),
  };
}
