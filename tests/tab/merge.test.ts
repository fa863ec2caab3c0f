import { emptyNotesBody, type NotesBody } from '../../src/domain/notes';
import { CONFLICT_MARKER, mergeNotes } from '../../tab/src/notes/merge';
import { bestSample, sampleOffset } from '../../tab/src/sync/clockOffset';
import { pendingStore } from '../../tab/src/notes/pendingStore';

const body = (goals: string, items: NotesBody['goals'] = []): NotesBody => ({
  ...emptyNotesBody(),
  text: { ...emptyNotesBody().text, goals },
  goals: items,
});

describe('three-way notes merge', () => {
  it.each([
    ['only here changed', 'a', 'a+local', 'a', 'a+local'],
    ['only there changed', 'a', 'a', 'a+remote', 'a+remote'],
    ['both made the same change', 'a', 'b', 'b', 'b'],
  ])('%s: takes that side', (_name, base, local, remote, expected) => {
    const merged = mergeNotes(body(base), body(local), body(remote));
    expect(merged.body.text.goals).toBe(expected);
    expect(merged.conflicts).toEqual([]);
  });

  it('keeps both texts, marked, when both sides changed, and names the field', () => {
    const merged = mergeNotes(body('a'), body('typed here'), body('typed there'));
    expect(merged.body.text.goals).toBe(`typed here\n\n${CONFLICT_MARKER}\ntyped there`);
    expect(merged.conflicts).toEqual(['goals']);
  });

  it('unions items by id, keeps the local edit of the same id and respects deletions', () => {
    const base = [
      { id: 'g1', text: 'Learn Go', horizon: 'short' as const },
      { id: 'g2', text: 'Lead a team', horizon: 'long' as const },
    ];
    const local = [{ id: 'g1', text: 'Learn Go well', horizon: 'short' as const }];
    const remote = [
      { id: 'g1', text: 'Learn Go', horizon: 'medium' as const },
      { id: 'g2', text: 'Lead a team', horizon: 'long' as const },
      { id: 'g3', text: 'Speak Spanish', horizon: 'medium' as const },
    ];
    const merged = mergeNotes(body('', base), body('', local), body('', remote));
    expect(merged.body.goals.map((goal) => `${goal.id}:${goal.text}`)).toEqual([
      'g1:Learn Go well',
      'g3:Speak Spanish',
    ]);
  });
});

describe('clock offset', () => {
  it('assumes the server stamped its time halfway through the round trip', () => {
    expect(sampleOffset(10_500, 1_000, 1_200)).toEqual({ offsetMs: 9_400, rttMs: 200 });
  });

  it('keeps the sample with the smallest round trip', () => {
    const precise = { offsetMs: 100, rttMs: 20 };
    expect(bestSample(precise, { offsetMs: 400, rttMs: 600 })).toBe(precise);
    expect(bestSample({ offsetMs: 400, rttMs: 600 }, precise)).toBe(precise);
    expect(bestSample(undefined, precise)).toBe(precise);
  });
});

describe('pending-edit store', () => {
  const memory = () => {
    const map = new Map<string, string>();
    return {
      getItem: (key: string) => map.get(key) ?? null,
      setItem: (key: string, value: string) => void map.set(key, value),
      removeItem: (key: string) => void map.delete(key),
    };
  };

  it('keeps edits per tenant, user and intro, and ignores unreadable entries', () => {
    const storage = memory();
    const mine = pendingStore(storage, { tenantId: 't', userId: 'u1', introId: 'i' });
    const theirs = pendingStore(storage, { tenantId: 't', userId: 'u2', introId: 'i' });
    mine.save({ base: body('a'), baseVersion: 3, local: body('a+b') });
    expect(mine.load()?.local.text.goals).toBe('a+b');
    expect(theirs.load()).toBeUndefined();
    storage.setItem('intro11.pendingNotes.v1:t:u2:i', '{not json');
    expect(theirs.load()).toBeUndefined();
    mine.clear();
    expect(mine.load()).toBeUndefined();
  });
});
