import { emptyNotesBody, type NotesBody } from '../../../src/domain/notes';
import { CONFLICT_MARKER, mergeItems, mergeNotes } from '../../../tab/src/notes/merge';
import { bestSample, sampleOffset } from '../../../tab/src/live/session/clockOffset';
import { clearPending, pendingIntroIds, pendingStore } from '../../../tab/src/notes/pendingStore';
import { memoryStorage } from './notesFakes';

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

  it("unions items by id, takes each side's change to an item and respects deletions", () => {
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
    // g1 changed on both sides: this device's copy is kept and the conflict reported; g2 deleted here stays deleted.
    expect(merged.body.goals.map((goal) => `${goal.id}:${goal.text}:${goal.horizon}`)).toEqual([
      'g1:Learn Go well:short',
      'g3:Speak Spanish:medium',
    ]);
    expect(merged.itemConflicts).toEqual(['goals']);
  });
});

describe('three-way item merge', () => {
  const item = (id: string, text: string) => ({ id, text });
  const run = (base: string[], local: string[], remote: string[]) => {
    const list = (texts: string[]) => texts.map((text) => item(text.split('=')[0]!, text));
    const merged = mergeItems(list(base), list(local), list(remote));
    return { items: merged.items.map((entry) => entry.text), conflict: merged.conflict };
  };

  it.each([
    ['untouched here, changed there: takes theirs', ['a=1'], ['a=1'], ['a=2'], ['a=2'], false],
    ['changed here, untouched there: keeps ours', ['a=1'], ['a=2'], ['a=1'], ['a=2'], false],
    ['same change on both sides', ['a=1'], ['a=2'], ['a=2'], ['a=2'], false],
    ['different changes on both sides: keeps ours, reports it', ['a=1'], ['a=2'], ['a=3'], ['a=2'], true],
    ['deleted there, untouched here: deleted', ['a=1', 'b=1'], ['a=1', 'b=1'], ['b=1'], ['b=1'], false],
    ['deleted here, untouched there: deleted', ['a=1', 'b=1'], ['b=1'], ['a=1', 'b=1'], ['b=1'], false],
    ['deleted there, changed here: keeps the change', ['a=1'], ['a=2'], [], ['a=2'], false],
    ['deleted here, changed there: keeps the change', ['a=1'], [], ['a=2'], ['a=2'], false],
    ['deleted on both sides', ['a=1'], [], [], [], false],
    ['added on each side: both, ours first', [], ['a=1'], ['b=1'], ['a=1', 'b=1'], false],
  ])('%s', (_name, base, local, remote, items, conflict) => {
    expect(run(base, local, remote)).toEqual({ items, conflict });
  });

  it("keeps this device order and takes the other side's copy in place", () => {
    expect(run(['a=1', 'b=1'], ['b=1', 'a=1', 'c=1'], ['a=2', 'b=1', 'd=1']).items).toEqual([
      'b=1',
      'a=2',
      'c=1',
      'd=1',
    ]);
  });

  it("takes a follow-up marked done in History over the side panel's untouched copy", () => {
    const open = { id: 'f1', text: 'Send slides', owner: 'leader' as const, done: false };
    const done = { ...open, done: true };
    const merged = mergeNotes(
      { ...body('a'), followUps: [open] },
      { ...body('a, typed here'), followUps: [open] },
      { ...body('a'), followUps: [done] },
    );
    expect(merged.body.followUps).toEqual([done]);
    expect(merged.body.text.goals).toBe('a, typed here');
    expect(merged.itemConflicts).toEqual([]);
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

  it('clears only when what is kept is what was sent', () => {
    const mine = pendingStore(memory(), { tenantId: 't', userId: 'u1', introId: 'i' });
    mine.save({ base: body('a'), baseVersion: 3, local: body('newer') });
    expect(mine.clearIfSent(body('older'))).toBe(false);
    expect(mine.load()?.local).toEqual(body('newer'));
    expect(mine.clearIfSent(body('newer'))).toBe(true);
    expect(mine.load()).toBeUndefined();
  });

  it("lists and clears one person's kept edits, for one intro or all, leaving other people's", () => {
    const storage = memoryStorage();
    const keep = (userId: string, introId: string) =>
      pendingStore(storage, { tenantId: 't', userId, introId }).save({
        base: body(''),
        baseVersion: 0,
        local: body('x'),
      });
    keep('u1', 'i1');
    keep('u1', 'i2');
    keep('u1', 'i3');
    keep('u2', 'i1');
    storage.setItem('unrelated', 'stays');
    expect(pendingIntroIds(storage, { tenantId: 't', userId: 'u1' }).sort()).toEqual(['i1', 'i2', 'i3']);
    clearPending(storage, { tenantId: 't', userId: 'u1' }, 'i2');
    expect(pendingIntroIds(storage, { tenantId: 't', userId: 'u1' }).sort()).toEqual(['i1', 'i3']);
    clearPending(storage, { tenantId: 't', userId: 'u1' });
    expect([...storage.map.keys()].sort()).toEqual(['intro11.pendingNotes.v1:t:u2:i1', 'unrelated']);
  });
});
