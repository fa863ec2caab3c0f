import { applyAction, NOT_STARTED, viewAt, type Session, type SessionAction } from '../../src/domain/session';
import { giveSpareMinutes, planDuration, spareMinutes } from '../../src/domain/sessionPlan';
import { sessionSchema } from '../../src/domain/session.schema';

const MIN = 60_000;

/** A fake clock the tests move by hand. */
function fakeClock(start = 1_700_000_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

function run(steps: ReadonlyArray<[SessionAction, number]>, clock = fakeClock()): Session {
  let session = NOT_STARTED;
  for (const [action, waitBefore] of steps) {
    clock.advance(waitBefore);
    const next = applyAction(session, action, clock.now());
    if (!next.ok) throw new Error(next.error.message);
    session = next.value;
  }
  return session;
}

describe('session clock transitions', () => {
  it.each<[Session['status'], SessionAction, boolean]>([
    ['notStarted', 'start', true],
    ['notStarted', 'pause', false],
    ['notStarted', 'next', false],
    ['notStarted', 'end', false],
    ['running', 'start', false],
    ['running', 'pause', true],
    ['running', 'resume', false],
    ['running', 'next', true],
    ['running', 'previous', false],
    ['running', 'end', true],
    ['paused', 'resume', true],
    ['paused', 'pause', false],
    ['paused', 'next', true],
    ['paused', 'end', true],
    ['ended', 'start', false],
    ['ended', 'resume', false],
    ['ended', 'next', false],
  ])('from %s, %s is allowed: %p', (status, action, allowed) => {
    const setup: Record<Session['status'], ReadonlyArray<[SessionAction, number]>> = {
      notStarted: [],
      running: [['start', 0]],
      paused: [
        ['start', 0],
        ['pause', MIN],
      ],
      ended: [
        ['start', 0],
        ['end', MIN],
      ],
    };
    const session = run(setup[status]);
    const result = applyAction(session, action, 1_800_000_000_000);
    expect(result.ok).toBe(allowed);
    if (!result.ok) expect(result.error.code).toBe('invalidTransition');
  });

  it('cannot go before the first phase or past the last', () => {
    const atLast = run([
      ['start', 0],
      ['next', MIN],
      ['next', MIN],
    ]);
    expect(applyAction(atLast, 'next', 0).ok).toBe(false);
    expect(applyAction(run([['start', 0]]), 'previous', 0).ok).toBe(false);
  });
});

describe('session clock derived times', () => {
  it('derives remaining time from timestamps, not from ticks', () => {
    const clock = fakeClock();
    const session = run([['start', 0]], clock);
    clock.advance(5 * MIN);
    const view = viewAt(session, 45, clock.now());
    expect(view.phase).toBe('goals');
    expect(view.phases[0]).toMatchObject({
      plannedMs: 15 * MIN,
      spentMs: 5 * MIN,
      remainingMs: 10 * MIN,
      overrunMs: 0,
    });
    expect(view.total).toMatchObject({ plannedMs: 45 * MIN, remainingMs: 40 * MIN });
  });

  it('does not count paused time', () => {
    const clock = fakeClock();
    const session = run(
      [
        ['start', 0],
        ['pause', 4 * MIN],
      ],
      clock,
    );
    clock.advance(30 * MIN);
    expect(viewAt(session, 45, clock.now()).phases[0].spentMs).toBe(4 * MIN);
    const resumed = applyAction(session, 'resume', clock.now());
    if (!resumed.ok) throw new Error('resume');
    clock.advance(MIN);
    expect(viewAt(resumed.value, 45, clock.now()).phases[0].spentMs).toBe(5 * MIN);
  });

  it('reports overrun per phase and in total', () => {
    const clock = fakeClock();
    const session = run(
      [
        ['start', 0],
        ['next', 18 * MIN],
      ],
      clock,
    );
    clock.advance(25 * MIN);
    const view = viewAt(session, 45, clock.now());
    expect(view.phases[0]).toMatchObject({ spentMs: 18 * MIN, remainingMs: 0, overrunMs: 3 * MIN });
    expect(view.phases[1]).toMatchObject({ spentMs: 25 * MIN, overrunMs: 5 * MIN });
    expect(view.total).toMatchObject({ spentMs: 43 * MIN, remainingMs: 2 * MIN, overrunMs: 0 });
    clock.advance(10 * MIN);
    expect(viewAt(session, 45, clock.now()).total.overrunMs).toBe(8 * MIN);
  });

  it('keeps time per phase when going back and forth', () => {
    const session = run([
      ['start', 0],
      ['next', 10 * MIN],
      ['previous', 3 * MIN],
      ['next', 2 * MIN],
      ['end', MIN],
    ]);
    expect(session.status).toBe('ended');
    const view = viewAt(session, 30, 0);
    expect(view.phases.map((p) => p.spentMs)).toEqual([12 * MIN, 4 * MIN, 0]);
    expect(view.phases.map((p) => p.plannedMs)).toEqual([10 * MIN, 13 * MIN, 7 * MIN]);
  });

  it('freezes once ended', () => {
    const clock = fakeClock();
    const session = run(
      [
        ['start', 0],
        ['end', 7 * MIN],
      ],
      clock,
    );
    expect(viewAt(session, 60, clock.now() + 99 * MIN).total.spentMs).toBe(7 * MIN);
  });

  it('round-trips through its schema and refuses a malformed one', () => {
    const session = run([
      ['start', 0],
      ['pause', MIN],
    ]);
    expect(sessionSchema.parse(JSON.parse(JSON.stringify(session)))).toEqual(session);
    expect(sessionSchema.safeParse({ status: 'running', phase: 3 }).success).toBe(false);
  });
});

describe('session plan: length before Start and spare minutes', () => {
  it.each<[number, boolean, readonly number[] | string]>([
    [30, true, [10, 13, 7]],
    [45, true, [15, 20, 10]],
    [60, true, [20, 27, 13]],
    [29, false, 'durationTooShort'],
    [61, false, 'durationTooLong'],
    [42.5, false, 'durationNotWhole'],
  ])('planning %p minutes before Start is allowed: %p', (minutes, allowed, expected) => {
    const result = planDuration(NOT_STARTED, minutes);
    expect(result.ok).toBe(allowed);
    if (result.ok) {
      expect(result.value.plan).toEqual(expected);
      // The plan rides along once started and decides the times, whatever the intro's duration says.
      const started = applyAction(result.value, 'start', 0);
      if (!started.ok) throw new Error('start');
      expect(viewAt(started.value, 45, 0).total.plannedMs).toBe(minutes * MIN);
    } else expect(result.error.code).toBe(expected);
  });

  it.each<[Session['status']]>([['running'], ['paused'], ['ended']])('refuses a new length once %s', (status) => {
    const steps: Record<string, ReadonlyArray<[SessionAction, number]>> = {
      running: [['start', 0]],
      paused: [
        ['start', 0],
        ['pause', MIN],
      ],
      ended: [
        ['start', 0],
        ['end', MIN],
      ],
    };
    const result = planDuration(run(steps[status] ?? []), 30);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('invalidTransition');
  });

  it.each<[string, number, number, readonly number[] | undefined]>([
    ['goals ended 5:30 early: 5 whole minutes move on', 9.5 * MIN, 5, [10, 25, 10]],
    ['goals ended 40 s early: nothing whole to give', 14 * MIN + 20_000, 0, undefined],
    ['goals ran over: nothing to give', 17 * MIN, 0, undefined],
  ])('%s', (_, goalsTook, spare, plan) => {
    const clock = fakeClock();
    const session = run(
      [
        ['start', 0],
        ['next', goalsTook],
      ],
      clock,
    );
    clock.advance(2 * MIN);
    expect(spareMinutes(session, clock.now(), 45)).toBe(spare);
    const given = giveSpareMinutes(session, clock.now(), 45);
    expect(given.ok).toBe(plan !== undefined);
    if (!given.ok) return;
    expect(given.value.plan).toEqual(plan);
    const view = viewAt(given.value, 45, clock.now());
    // The finished phase keeps the time it took; the total plan does not change.
    expect(view.phases[0].spentMs).toBe(goalsTook);
    expect(view.total.plannedMs).toBe(45 * MIN);
    expect(view.phases[1].remainingMs).toBe((25 - 2) * MIN);
    // Given once: nothing is left to give again.
    expect(giveSpareMinutes(given.value, clock.now(), 45).ok).toBe(false);
  });

  it('has nothing to give in the first phase or before Start', () => {
    expect(giveSpareMinutes(NOT_STARTED, 0, 45).ok).toBe(false);
    expect(giveSpareMinutes(run([['start', 0]]), MIN, 45).ok).toBe(false);
  });

  it('keeps the plan through pause, resume and end, and through its schema', () => {
    const planned = planDuration(NOT_STARTED, 30);
    if (!planned.ok) throw new Error('plan');
    let session: Session = planned.value;
    for (const action of ['start', 'pause', 'resume', 'next', 'end'] as const) {
      const next = applyAction(session, action, MIN);
      if (!next.ok) throw new Error(action);
      session = next.value;
    }
    expect(session.plan).toEqual([10, 13, 7]);
    expect(sessionSchema.parse(JSON.parse(JSON.stringify(session)))).toEqual(session);
  });
});
