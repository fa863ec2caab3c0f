import { applyAction, NOT_STARTED, type Session, type SessionAction } from '../../src/domain/session';
import { actionTime, AT_FUTURE_SKEW_MS, AT_MAX_AGE_MS, lastRecordedAt } from '../../src/domain/sessionTime';

const MIN = 60_000;
const T0 = 1_700_000_000_000;

/** A fake clock the tests move by hand. */
function fakeClock(start = T0) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

/** Applies actions, each after a wait, on a fake clock; returns the session and the clock. */
function run(steps: ReadonlyArray<[SessionAction, number]>) {
  const clock = fakeClock();
  let session: Session = NOT_STARTED;
  for (const [action, waitBefore] of steps) {
    clock.advance(waitBefore);
    const next = applyAction(session, action, clock.now());
    if (!next.ok) throw new Error(next.error.message);
    session = next.value;
  }
  return { session, clock };
}

describe('the last recorded change of a session', () => {
  it.each<[string, ReadonlyArray<[SessionAction, number]>, number | undefined]>([
    ['not started', [], undefined],
    ['just started', [['start', 0]], T0],
    [
      'after a Next',
      [
        ['start', 0],
        ['next', 5 * MIN],
      ],
      T0 + 5 * MIN,
    ],
    [
      'paused',
      [
        ['start', 0],
        ['pause', 2 * MIN],
      ],
      T0 + 2 * MIN,
    ],
    [
      'resumed',
      [
        ['start', 0],
        ['pause', 2 * MIN],
        ['resume', MIN],
      ],
      T0 + 3 * MIN,
    ],
    [
      'ended',
      [
        ['start', 0],
        ['end', 7 * MIN],
      ],
      T0 + 7 * MIN,
    ],
  ])('%s', (_name, steps, expected) => {
    expect(lastRecordedAt(run(steps).session)).toBe(expected);
  });
});

describe('when an action a device kept offline applies', () => {
  const started = () => run([['start', 0]]);
  it.each<[string, (now: number) => number | undefined, number | 'refused']>([
    ['no `at`: now', () => undefined, 0],
    ['a minute ago', (now) => now - MIN, -MIN],
    ['just within the future skew: clamped to now', (now) => now + AT_FUTURE_SKEW_MS, 0],
    ['beyond the future skew', (now) => now + AT_FUTURE_SKEW_MS + 1, 'refused'],
    ['before the session started', () => T0 - 1, 'refused'],
    ['exactly at the last change (a replay whose answer was lost)', () => T0, 'refused'],
    ['a millisecond after the last change', () => T0 + 1, -10 * MIN + 1],
  ])('%s', (_name, atOf, expected) => {
    const { session, clock } = started();
    clock.advance(10 * MIN);
    const result = actionTime(session, clock.now(), atOf(clock.now()));
    if (expected === 'refused') {
      expect(result).toMatchObject({ ok: false, error: { code: 'invalidTime', field: 'at' } });
    } else {
      expect(result).toEqual({ ok: true, value: clock.now() + expected });
    }
  });

  it('refuses an action stamped before the intro existed, even on a session not started', () => {
    const now = T0 + MIN;
    expect(actionTime(NOT_STARTED, now, T0 - 1, T0)).toMatchObject({ ok: false, error: { code: 'invalidTime' } });
    expect(actionTime(NOT_STARTED, now, T0, T0)).toEqual({ ok: true, value: T0 });
  });

  it('refuses an action kept for over 12 hours, even on a session not started', () => {
    const now = T0 + AT_MAX_AGE_MS + MIN;
    expect(actionTime(NOT_STARTED, now, now - AT_MAX_AGE_MS - 1)).toMatchObject({ ok: false });
    expect(actionTime(NOT_STARTED, now, now - AT_MAX_AGE_MS)).toEqual({ ok: true, value: now - AT_MAX_AGE_MS });
  });

  it('a Next pressed offline counts the phase up to the moment it was pressed, not the reconnect', () => {
    const { session, clock } = started();
    clock.advance(4 * MIN); // Next pressed offline here…
    const pressedAt = clock.now();
    clock.advance(3 * MIN); // …and sent three minutes later.
    const at = actionTime(session, clock.now(), pressedAt);
    if (!at.ok) throw new Error(at.error.message);
    const next = applyAction(session, 'next', at.value);
    expect(next).toMatchObject({
      ok: true,
      value: { phase: 1, segmentStartedAt: pressedAt, spentMs: [4 * MIN, 0, 0] },
    });
  });
});
