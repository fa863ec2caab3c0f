import { listHistory, searchHistory } from '../../src/app/history';
import { deleteMyNotes, exportEntries } from '../../src/app/historyData';
import type { UseCaseDeps } from '../../src/app/deps';
import type { Intro } from '../../src/domain/intro';
import type { Session } from '../../src/domain/session';
import { callerOf, historyWorld, LEAD, SAM, seedIntro, seedNotes, TENANT } from './historyFixture';

const NOW = Date.parse('2025-06-01T12:00:00Z');

/** Stores an intro as done (e.g. its meeting ended), with the given member and session. */
async function doneIntro(deps: UseCaseDeps, day: number, session: Session, joined = true): Promise<Intro> {
  const seeded = await seedIntro(deps, LEAD, SAM, day);
  const { member: _member, ...withoutMember } = seeded;
  const done: Intro = { ...(joined ? seeded : withoutMember), status: 'done' };
  expect((await deps.intros.update(done, (await deps.intros.getVersioned(TENANT, done.id))!.version)).ok).toBe(true);
  if (session.status !== 'notStarted')
    expect((await deps.intros.saveSession(TENANT, done.id, session, 0)).ok).toBe(true);
  return done;
}

const ended = (spentMs: readonly [number, number, number]): Session => ({
  status: 'ended',
  phase: 2,
  startedAt: NOW - 3_600_000,
  endedAt: NOW - 600_000,
  spentMs,
});

describe('a truthful status and time for each intro', () => {
  test('only an intro held with the member is done; list and export agree, with the time spent in ms', async () => {
    const { deps } = historyWorld();
    const held = await doneIntro(deps, 3, ended([900_000, 636_000, 60_000]));
    const notHeld = await doneIntro(deps, 2, { status: 'notStarted' });
    const alone = await doneIntro(deps, 1, ended([120_000, 0, 0]), false);
    const page = await listHistory(deps, callerOf(LEAD), { limit: 10 });
    const byId = new Map(page.items.map((item) => [item.intro.id, item]));
    expect(byId.get(held.id)).toMatchObject({ status: 'done', spentMs: 1_596_000 });
    expect(byId.get(notHeld.id)?.status).toBe('notHeld');
    expect(byId.get(notHeld.id)).not.toHaveProperty('spentMs');
    expect(byId.get(alone.id)).toMatchObject({ status: 'endedBeforeJoined', spentMs: 120_000 });
    const exported = await exportEntries(deps, callerOf(LEAD));
    expect(exported.map((entry) => [entry.intro.id, entry.status, entry.spentMs])).toEqual([
      [held.id, 'done', 1_596_000],
      [notHeld.id, 'notHeld', undefined],
      [alone.id, 'endedBeforeJoined', 120_000],
    ]);
  });

  test('a running session counts the time up to now', async () => {
    const { deps } = historyWorld();
    const intro = await seedIntro(deps, LEAD, SAM, 5);
    const running: Session = {
      status: 'running',
      phase: 1,
      startedAt: NOW - 120_000,
      segmentStartedAt: NOW - 30_000,
      spentMs: [90_000, 0, 0],
    };
    await deps.intros.saveSession(TENANT, intro.id, running, 0);
    const [item] = (await listHistory(deps, callerOf(LEAD), { limit: 10 })).items;
    expect(item?.spentMs).toBe(120_000);
  });
});

describe('after deleting one intro’s notes', () => {
  test('the intro stays (it is also the other person’s) and says it has no notes, in the list and every search', async () => {
    const { deps } = historyWorld();
    const intro = await seedIntro(deps, LEAD, SAM, 7);
    await seedNotes(deps, intro, LEAD, {
      goals: [{ id: 'g', text: 'Ship the onboarding guide', horizon: 'short' }],
      followUps: [{ id: 'f', text: 'Book the workshop', owner: 'leader', done: false }],
    });
    await seedNotes(deps, intro, SAM, { goals: [{ id: 'g', text: 'Sam’s own goal', horizon: 'long' }] });
    const lead = callerOf(LEAD);
    expect((await searchHistory(deps, lead, { q: 'onboarding' })).items).toHaveLength(1);

    expect((await deleteMyNotes(deps, lead, intro.id)).ok).toBe(true);

    const [listed] = (await listHistory(deps, lead, { limit: 10 })).items;
    expect(listed).toMatchObject({ hasNotes: false, followUps: { open: 0, done: 0 } });
    const [byPerson] = (await searchHistory(deps, lead, { person: SAM.id })).items;
    expect(byPerson).toMatchObject({ hasNotes: false, snippets: [] });
    expect((await searchHistory(deps, lead, { q: 'onboarding' })).items).toEqual([]);
    expect((await searchHistory(deps, lead, { followUps: 'open' })).items).toEqual([]);
    const [exported] = await exportEntries(deps, lead);
    expect(exported).not.toHaveProperty('notes');
    const [samSees] = (await listHistory(deps, callerOf(SAM), { limit: 10 })).items;
    expect(samSees).toMatchObject({ hasNotes: true });
  });
});
