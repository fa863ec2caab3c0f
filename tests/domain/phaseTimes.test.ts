import { phaseTimes } from '../../src/domain/history';
import type { IntroId, TenantId, UserId } from '../../src/domain/ids';
import type { Intro } from '../../src/domain/intro';
import { buildRecap } from '../../src/domain/recap';
import { applyAction, NOT_STARTED, type Session, type SessionAction } from '../../src/domain/session';
import { giveSpareMinutes } from '../../src/domain/sessionPlan';

const MIN = 60_000;
const intro: Intro = {
  id: 'aaaaaaaa-0000-4000-8000-000000000001' as IntroId,
  tenantId: 't' as TenantId,
  leader: { id: 'l' as UserId, name: 'Avery Leader' },
  member: { id: 'm' as UserId, name: 'Sam Member' },
  scheduledStart: '2025-03-04T10:00:00.000Z',
  durationMinutes: 45,
  setting: 'teamsCall',
  status: 'done',
  createdAt: '2025-03-01T09:00:00.000Z',
};

/** Plays steps on a 45-minute intro: an action or a gift of spare minutes, each at a minute from the start. */
function play(steps: readonly (readonly [number, SessionAction | 'giveSpare'])[]): Session {
  return steps.reduce<Session>((session, [minute, step]) => {
    const at = minute * MIN;
    const next = step === 'giveSpare' ? giveSpareMinutes(session, at, 45) : applyAction(session, step, at);
    if (!next.ok) throw new Error(`${step} at ${minute} min: ${next.error.message}`);
    return next.value;
  }, NOT_STARTED);
}

describe('planned and actual time per phase agree everywhere (History, the recap)', () => {
  test.each<[string, Session, number, readonly number[], readonly number[]]>([
    ['not started: the duration’s split, nothing spent', NOT_STARTED, 0, [15, 20, 10], [0, 0, 0]],
    [
      'planned includes minutes given from one phase to the next',
      play([
        [0, 'start'],
        [5, 'next'],
        [5, 'giveSpare'],
        [30, 'end'],
      ]),
      30,
      [5, 30, 10],
      [5, 25, 0],
    ],
    [
      'actual adds up every visit to a phase',
      play([
        [0, 'start'],
        [10, 'next'],
        [20, 'previous'],
        [23, 'next'],
        [33, 'next'],
        [40, 'end'],
      ]),
      40,
      [15, 20, 10],
      [13, 20, 7],
    ],
    [
      'a running phase counts up to now',
      play([
        [0, 'start'],
        [4, 'next'],
        [6, 'previous'],
      ]),
      9,
      [15, 20, 10],
      [7, 2, 0],
    ],
  ])('%s', (_, session, nowMinutes, planned, actual) => {
    const now = nowMinutes * MIN;
    const rows = phaseTimes(session, 45, now);
    expect(rows.map((row) => row.plannedMs / MIN)).toEqual(planned);
    expect(rows.map((row) => row.actualMs / MIN)).toEqual(actual);
    const recap = buildRecap(intro, session, undefined, now);
    expect(recap.phases.map((phase) => phase.plannedMinutes)).toEqual(planned);
    expect(recap.phases.map((phase) => phase.actualMinutes)).toEqual(actual);
  });

  test('rows carry each phase’s id and title', () => {
    expect(phaseTimes(NOT_STARTED, 45, 0).map((row) => [row.phase, row.title])).toEqual([
      ['goals', 'Goals'],
      ['pullFeedback', "How it's going"],
      ['pushFeedback', 'Feedback'],
    ]);
  });
});
