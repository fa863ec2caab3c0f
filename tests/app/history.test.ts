import { carriedForward, lastGoalsWith, listHistory, searchHistory } from '../../src/app/history';
import { deleteAllMyData, deleteMyNotes, exportEntries } from '../../src/app/historyData';
import type { TenantId } from '../../src/domain/ids';
import { callerOf, historyWorld, KIM, LEAD, SAM, seedIntro, seedNotes, TENANT } from './historyFixture';

async function world() {
  const { store, deps } = historyWorld();
  const older = await seedIntro(deps, LEAD, SAM, 1);
  const newer = await seedIntro(deps, LEAD, SAM, 20);
  const withKim = await seedIntro(deps, LEAD, KIM, 10);
  await seedNotes(deps, older, LEAD, {
    goals: [{ id: 'g0', text: 'Learn the codebase', horizon: 'short' }],
    followUps: [
      { id: 'f0', text: 'Pair on the billing module', owner: 'leader', done: false },
      { id: 'f1', text: 'Send the handbook', owner: 'leader', done: true },
    ],
  });
  await seedNotes(deps, newer, LEAD, {
    text: { prep: '', goals: 'Wants to present at the summit', pullFeedback: '', pushFeedback: '' },
    goals: [{ id: 'g1', text: 'Speak at the summit', horizon: 'medium' }],
    followUps: [{ id: 'f2', text: 'Find a speaking coach', owner: 'member', done: false }],
  });
  await seedNotes(deps, newer, SAM, {
    text: { prep: 'SECRET of Sam: summit nerves', goals: '', pullFeedback: '', pushFeedback: '' },
  });
  await seedNotes(deps, withKim, LEAD, { issues: [{ id: 'i1', text: 'Summit travel budget', paraphrased: false }] });
  await store.conversations.save(TENANT, LEAD.id, { conversation: { id: 'c' } });
  return { store, deps, older, newer, withKim };
}

describe('history use cases', () => {
  test('lists newest first with follow-up counts from the caller’s own notes only', async () => {
    const { deps, newer, withKim, older } = await world();
    const page = await listHistory(deps, callerOf(LEAD), { limit: 2 });
    expect(page.items.map((item) => item.intro.id)).toEqual([newer.id, withKim.id]);
    expect(page.items[0]).toMatchObject({
      role: 'leader',
      other: SAM,
      followUps: { open: 1, done: 0 },
      hasNotes: true,
    });
    const next = await listHistory(deps, callerOf(LEAD), { limit: 2, cursor: page.nextCursor! });
    expect(next.items.map((item) => item.intro.id)).toEqual([older.id]);
    expect(next.nextCursor).toBeUndefined();
    const sam = await listHistory(deps, callerOf(SAM), { limit: 10 });
    expect(sam.items.map((item) => [item.role, item.other?.name, item.hasNotes])).toEqual([
      ['member', 'Avery Leader', true],
      ['member', 'Avery Leader', false],
    ]);
  });

  test('search reads only the caller’s notes, and filters by person and follow-up state', async () => {
    const { deps, newer, withKim, older } = await world();
    const lead = callerOf(LEAD);
    const summit = await searchHistory(deps, lead, { q: 'summit' });
    expect(summit.items.map((item) => item.intro.id)).toEqual([newer.id, withKim.id]);
    expect(summit.items[0]?.snippets[0]).toEqual({ where: 'Goals notes', text: 'Wants to present at the summit' });
    expect((await searchHistory(deps, lead, { q: 'nerves' })).items).toEqual([]);
    expect((await searchHistory(deps, callerOf(SAM), { q: 'nerves' })).items.map((i) => i.intro.id)).toEqual([
      newer.id,
    ]);
    expect((await searchHistory(deps, lead, { q: 'summit', person: KIM.id })).items.map((i) => i.intro.id)).toEqual([
      withKim.id,
    ]);
    expect((await searchHistory(deps, lead, { followUps: 'done' })).items.map((i) => i.intro.id)).toEqual([older.id]);
    expect((await searchHistory(deps, lead, { followUps: 'open' })).items.map((i) => i.intro.id)).toEqual([
      newer.id,
      older.id,
    ]);
    expect((await searchHistory(deps, lead, { person: SAM.id })).items.map((i) => i.intro.id)).toEqual([
      newer.id,
      older.id,
    ]);
    expect(
      (await searchHistory(deps, callerOf(KIM, 'ffffffff-0000-4000-8000-000000000000' as TenantId), { q: 'summit' }))
        .items,
    ).toEqual([]);
  });

  test('carries last time’s goals and every open follow-up forward, from the leader’s notes only', async () => {
    const { deps, newer, older } = await world();
    const carried = await carriedForward(deps, callerOf(LEAD), SAM.id);
    expect(carried.from).toEqual({ introId: newer.id, date: newer.scheduledStart });
    expect(carried.goals.map((goal) => goal.text)).toEqual(['Speak at the summit']);
    expect(carried.openFollowUps.map((item) => [item.text, item.introId])).toEqual([
      ['Find a speaking coach', newer.id],
      ['Pair on the billing module', older.id],
    ]);
    const preparingNewer = await carriedForward(deps, callerOf(LEAD), SAM.id, { exclude: newer.id });
    expect(preparingNewer.goals.map((goal) => goal.text)).toEqual(['Learn the codebase']);
    expect(await lastGoalsWith(deps, callerOf(LEAD), KIM.id)).toEqual([]);
    expect(await carriedForward(deps, callerOf(SAM), LEAD.id)).toEqual({ goals: [], openFollowUps: [] });
  });

  test('exports each intro with the caller’s own notes', async () => {
    const { deps, newer } = await world();
    const entries = await exportEntries(deps, callerOf(SAM));
    expect(entries.map((entry) => [entry.intro.id, entry.role, entry.notes?.text.prep])).toEqual([
      [newer.id, 'member', 'SECRET of Sam: summit nerves'],
      [expect.any(String), 'member', undefined],
    ]);
  });

  test('deleting one intro’s notes removes only the caller’s notes there', async () => {
    const { deps, newer, withKim } = await world();
    expect((await deleteMyNotes(deps, callerOf(SAM), newer.id)).ok).toBe(true);
    expect(await deps.notes.get({ tenantId: newer.tenantId, introId: newer.id, authorId: SAM.id })).toBeUndefined();
    expect(await deps.notes.get({ tenantId: newer.tenantId, introId: newer.id, authorId: LEAD.id })).toBeDefined();
    expect(await deleteMyNotes(deps, callerOf(SAM), withKim.id)).toMatchObject({
      ok: false,
      error: { code: 'notFound' },
    });
  });

  // Changed with the privacy fix: `newer` has Sam's notes, so it now stays for Sam with the leader anonymised
  // (it used to be deleted with Sam's notes); the other two led intros are still deleted.
  test('deleting all data removes the led intros, sessions, notes and the bot’s conversation reference', async () => {
    const { deps, store, newer } = await world();
    const running = { status: 'running', phase: 0, startedAt: 1, segmentStartedAt: 1, spentMs: [0, 0, 0] } as const;
    expect((await store.intros.saveSession(newer.tenantId, newer.id, running, 0)).ok).toBe(true);
    await deps.intros.create({
      ...newer,
      id: '99999999-0000-4000-8000-000000000009' as typeof newer.id,
      leader: KIM,
      member: LEAD,
    });
    await seedNotes(deps, { ...newer, id: '99999999-0000-4000-8000-000000000009' as typeof newer.id }, LEAD, {
      goals: [{ id: 'x', text: 'x', horizon: 'long' }],
    });
    const plan = (leader: typeof LEAD) => ({
      tenantId: TENANT,
      teamId: '19:team@thread.tacv2',
      teamName: 'Platform',
      leader,
      round: 1,
      timeZone: 'UTC',
      items: [{ member: SAM, state: 'proposed' as const, startMs: 1_750_000_000_000, durationMinutes: 45 }],
      createdAt: '2025-06-01T08:00:00.000Z',
    });
    await deps.teamPlans.savePlan(plan(LEAD), 0);
    await deps.teamPlans.savePlan(plan(KIM), 0);
    expect(await deleteAllMyData(deps, callerOf(LEAD))).toEqual({ introsDeleted: 2, introsAnonymised: 1 });
    // The plans the leader made (names from a roster) go with their data; another leader's stay.
    expect(await deps.teamPlans.plansForLeader(TENANT, LEAD.id)).toEqual([]);
    expect(await deps.teamPlans.plansForLeader(TENANT, KIM.id)).toHaveLength(1);
    expect(await store.notes.listByAuthor(newer.tenantId, LEAD.id)).toEqual([]);
    expect((await store.intros.get(newer.tenantId, newer.id))?.leader.name).toBe('(deleted user)');
    expect((await store.intros.getSession(newer.tenantId, newer.id)).version).toBe(1);
    expect(await store.conversations.get(newer.tenantId, LEAD.id)).toBeUndefined();
    const left = await store.intros.listForUser(newer.tenantId, LEAD.id, { limit: 10 });
    expect(left.items.map((intro) => intro.leader.name)).toEqual(['Kim Other']);
  });
});
