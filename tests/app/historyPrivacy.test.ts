import { listHistory, MAX_SEARCH_RESULTS, searchHistory } from '../../src/app/history';
import { deleteAllMyData, exportEntries } from '../../src/app/historyData';
import type { IntroId } from '../../src/domain/ids';
import { createIntro } from '../../src/domain/intro';
import { emptyNotesBody } from '../../src/domain/notes';
import { callerOf, historyWorld, LEAD, SAM, seedIntro, seedNotes, TENANT } from './historyFixture';

describe('deleting all one’s data keeps other people’s notes', () => {
  test('a leader deleting everything leaves the member’s notes and history, and removes the leader', async () => {
    const { deps, store } = historyWorld();
    const shared = await seedIntro(deps, LEAD, SAM, 3);
    const alone = await seedIntro(deps, LEAD, SAM, 4);
    await seedNotes(deps, shared, LEAD, { issues: [{ id: 'i', text: 'Leader private', paraphrased: false }] });
    await seedNotes(deps, shared, SAM, { issues: [{ id: 'i', text: 'Sam private', paraphrased: false }] });
    await seedNotes(deps, alone, LEAD, { issues: [{ id: 'i', text: 'Only the leader', paraphrased: false }] });
    await store.intros.saveSession(TENANT, alone.id, { status: 'notStarted' }, 0);

    expect(await deleteAllMyData(deps, callerOf(LEAD))).toEqual({ introsDeleted: 1, introsAnonymised: 1 });

    const key = (introId: IntroId, authorId = LEAD.id) => ({ tenantId: TENANT, introId, authorId });
    expect(await store.notes.get(key(shared.id))).toBeUndefined();
    expect(await store.notes.get(key(alone.id))).toBeUndefined();
    expect((await store.notes.get(key(shared.id, SAM.id)))?.issues[0]?.text).toBe('Sam private');
    expect(await store.intros.get(TENANT, alone.id)).toBeUndefined();
    expect((await store.intros.getSession(TENANT, alone.id)).version).toBe(0);
    const kept = await store.intros.get(TENANT, shared.id);
    expect(kept).toMatchObject({ status: 'cancelled', member: SAM, leader: { name: '(deleted user)' } });
    expect(JSON.stringify(kept)).not.toContain(LEAD.id);
    expect(JSON.stringify(kept)).not.toContain(LEAD.name);
    expect((await listHistory(deps, callerOf(LEAD), { limit: 10 })).items).toEqual([]);
    const samSees = await exportEntries(deps, callerOf(SAM));
    expect(samSees.map((entry) => [entry.intro.id, entry.role, entry.notes?.issues[0]?.text])).toEqual([
      [shared.id, 'member', 'Sam private'],
    ]);
  });

  test('an intro that already happened stays done for the member', async () => {
    const { deps, store } = historyWorld();
    const intro = await seedIntro(deps, LEAD, SAM, 5);
    const stored = await store.intros.getVersioned(TENANT, intro.id);
    expect((await store.intros.update({ ...intro, status: 'done' }, stored!.version)).ok).toBe(true);
    await seedNotes(deps, intro, SAM, { issues: [{ id: 'i', text: 'mine', paraphrased: false }] });
    await deleteAllMyData(deps, callerOf(LEAD));
    expect((await store.intros.get(TENANT, intro.id))?.status).toBe('done');
  });
});

describe('search with more matches than it returns', () => {
  test('returns the newest intros first, not the most recently edited notes', async () => {
    const { deps } = historyWorld();
    const count = MAX_SEARCH_RESULTS + 5;
    const dates: string[] = [];
    for (let i = 0; i < count; i++) {
      const at = new Date(Date.UTC(2025, 0, 1 + i, 10)).toISOString();
      dates.push(at);
      const made = createIntro({
        id: deps.newIntroId(),
        tenantId: TENANT,
        leader: LEAD,
        member: SAM,
        scheduledStart: at,
        createdAt: at,
      });
      if (!made.ok) throw new Error(made.error.message);
      await deps.intros.create(made.value);
      // The oldest intro has the most recently edited notes.
      const edited = new Date(Date.UTC(2025, 5, 1) - i * 60_000).toISOString();
      const body = { ...emptyNotesBody(), issues: [{ id: 'i', text: `budget ${i}`, paraphrased: false }] };
      await deps.notes.saveAsParticipant(
        { tenantId: TENANT, introId: made.value.id, authorId: LEAD.id },
        body,
        0,
        edited,
      );
    }
    const found = await searchHistory(deps, callerOf(LEAD), { q: 'budget' });
    expect(found.truncated).toBe(true);
    expect(found.items.map((item) => item.intro.scheduledStart)).toEqual(dates.reverse().slice(0, MAX_SEARCH_RESULTS));
    const few = await searchHistory(deps, callerOf(LEAD), { q: `budget ${count - 1}` });
    expect(few.truncated).toBe(false);
  });
});
