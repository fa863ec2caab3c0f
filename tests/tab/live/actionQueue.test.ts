import { NOT_STARTED, applyAction, type Session } from '../../../src/domain/session';
import {
  actionQueue,
  alreadyApplied,
  clearQueued,
  waitingText,
  withQueued,
} from '../../../tab/src/live/session/actionQueue';
import { peopleToMeet, runTarget, runnableInPerson } from '../../../tab/src/inPerson/people';
import type { Intro } from '../../../src/domain/intro';

const MIN = 60_000;
const T0 = 1_700_000_000_000;
const owner = { tenantId: 't', userId: 'u', introId: 'i' };

function memoryStorage() {
  const data = new Map<string, string>();
  return {
    getItem: (key: string) => data.get(key) ?? null,
    key: (index: number) => [...data.keys()][index] ?? null,
    get length() {
      return data.size;
    },
    setItem: (key: string, value: string) => void data.set(key, value),
    removeItem: (key: string) => void data.delete(key),
    data,
  };
}

function started(): Session {
  const result = applyAction(NOT_STARTED, 'start', T0);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('the queue of session actions kept on the device', () => {
  it('keeps actions in order across reloads and forgets them once sent', () => {
    const storage = memoryStorage();
    const queue = actionQueue(storage, owner);
    queue.push({ action: 'next', at: T0 + 5 * MIN });
    queue.push({ action: 'pause', at: T0 + 6 * MIN });
    expect(
      actionQueue(storage, owner)
        .list()
        .map((item) => item.action),
    ).toEqual(['next', 'pause']);
    expect(actionQueue(storage, { ...owner, userId: 'someone else' }).list()).toEqual([]);
    queue.shift();
    queue.shift();
    expect(storage.data.size).toBe(0);
  });

  it('forgets one person’s kept actions on every intro after Delete my data, and only theirs', () => {
    const storage = memoryStorage();
    actionQueue(storage, owner).push({ action: 'end', at: T0 });
    actionQueue(storage, { ...owner, introId: 'j' }).push({ action: 'start', at: T0 });
    actionQueue(storage, { ...owner, userId: 'v' }).push({ action: 'start', at: T0 });
    clearQueued(storage, owner);
    expect([...storage.data.keys()]).toEqual([actionQueue(storage, { ...owner, userId: 'v' }).key]);
  });

  it('reads unreadable storage as empty', () => {
    const storage = memoryStorage();
    storage.setItem(actionQueue(storage, owner).key, '{not json');
    expect(actionQueue(storage, owner).list()).toEqual([]);
  });

  it('shows queued actions applied at the times they were pressed, skipping what cannot apply', () => {
    const shown = withQueued(
      started(),
      [
        { action: 'next', at: T0 + 5 * MIN },
        { action: 'start', at: T0 + 6 * MIN },
        { action: 'pause', at: T0 + 7 * MIN },
      ],
      45,
      T0 + 10 * MIN,
    );
    expect(shown).toMatchObject({ status: 'paused', phase: 1, pausedAt: T0 + 7 * MIN, spentMs: [5 * MIN, 2 * MIN, 0] });
  });

  it('knows a kept action the server already applied (its answer lost offline), so it is not sent twice', () => {
    const next = applyAction(started(), 'next', T0 + 5 * MIN);
    if (!next.ok) throw new Error(next.error.message);
    expect(alreadyApplied(next.value, { action: 'next', at: T0 + 5 * MIN })).toBe(true);
    expect(alreadyApplied(next.value, { action: 'next', at: T0 + 6 * MIN })).toBe(false);
    expect(alreadyApplied(next.value, { action: 'setDuration', minutes: 30 })).toBe(false);
  });

  it.each([
    [0, true, 'Everything is saved.'],
    [0, false, 'Offline — everything you do is kept on this device.'],
    [1, false, 'Offline — 1 change waiting to be sent'],
    [2, false, 'Offline — 2 changes waiting to be sent'],
    [2, true, 'Sending 2 changes…'],
  ])('with %i waiting, online %p, the status says "%s"', (count, online, text) => {
    expect(waitingText(count, online)).toBe(text);
  });
});

describe('whom to meet and what to run, from the caller’s intros', () => {
  const person = (id: string, name: string) => ({ id: id as Intro['leader']['id'], name });
  const me = person('me', 'Me');
  const now = Date.parse('2026-11-30T09:00:00');
  const intro = (id: string, member: string, start: string, extra: Partial<Intro> = {}): Intro =>
    ({
      id,
      tenantId: 't',
      leader: me,
      member: person(member, member.toUpperCase()),
      scheduledStart: new Date(start).toISOString(),
      durationMinutes: 45,
      setting: 'coffee',
      status: 'scheduled',
      createdAt: '2026-11-01T00:00:00Z',
      ...extra,
    }) as Intro;

  it('puts today’s people first by time, then the rest, each once', () => {
    const intros = [
      intro('1', 'old', '2026-11-20T10:00:00'),
      intro('2', 'late', '2026-11-30T15:00:00'),
      intro('3', 'early', '2026-11-30T10:00:00', { setting: 'teamsCall' }),
      intro('4', 'old', '2026-11-10T10:00:00'),
    ];
    expect(peopleToMeet(intros, 'me', now).map((p) => p.id)).toEqual(['early', 'late', 'old']);
  });

  it('offers Run it now to the leader and Follow along to the other person, in person only', () => {
    const mine = intro('1', 'sam', '2026-11-30T10:00:00');
    const theirs = { ...intro('2', 'me', '2026-11-30T11:00:00'), leader: person('boss', 'Boss') } as Intro;
    const call = intro('3', 'sam', '2026-11-30T12:00:00', { setting: 'teamsCall' });
    const done = intro('4', 'sam', '2026-11-30T08:00:00', { status: 'done' });
    expect(runnableInPerson([call, theirs, done, mine], 'me').map((r) => [r.intro.id, r.role])).toEqual([
      ['1', 'leader'],
      ['2', 'member'],
    ]);
  });

  it('reads the intro to run from the deep link, refusing anything that is not an id', () => {
    expect(runTarget('run:abc-123', '')).toBe('abc-123');
    expect(runTarget(undefined, '?view=history&run=abc')).toBe('abc');
    expect(runTarget('abc', '')).toBeUndefined();
    expect(runTarget('run:../x', '')).toBeUndefined();
  });
});
