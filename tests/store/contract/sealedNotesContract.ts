import type { NotesKey } from '../../../src/app/ports';
import { NotesUnreadableError } from '../../../src/store/notesCodec';
import { at, newIntroId, newTenant, newUser, notesBody } from '../fixtures';
import { secondInstance, type Harness } from './harness';

const keyOf = (): NotesKey => ({ tenantId: newTenant(), introId: newIntroId(), authorId: newUser() });
const marker = () => `marker${Math.random().toString(36).slice(2)}`;
const plainDoc = (tag: string, updatedAt: string) => JSON.stringify({ v: 1, body: notesBody(tag), updatedAt });

/** Notes at rest: sealed per author, bound to tenant, author and intro, shredded with the author's key. */
export function describeSealedNotesContract(h: Harness): void {
  describe('notes sealed at rest', () => {
    it('stores no note text in clear, only a sealed document', async () => {
      const key = keyOf();
      const tag = marker();
      await h().store.notes.save(key, notesBody(tag), 0, at(1));
      const doc = await h().raw.read(key);
      expect(doc).toBeDefined();
      expect(doc).not.toContain(tag);
      expect(JSON.parse(doc!)).toMatchObject({ v: 2, alg: 'A256GCM', updatedAt: at(1) });
      expect((await h().store.notes.get(key))?.text.goals).toBe(`goals ${tag}`);
    });

    it('gives each author their own data key, created on their first write', async () => {
      const { notes, dataKeys } = h().store;
      const a = keyOf();
      const b = { ...a, authorId: newUser() };
      expect(await dataKeys.get(a.tenantId, a.authorId)).toBeUndefined();
      await notes.save(a, notesBody('a'), 0, at(1));
      await notes.save(b, notesBody('b'), 0, at(1));
      const [keyA, keyB] = [await dataKeys.get(a.tenantId, a.authorId), await dataKeys.get(b.tenantId, b.authorId)];
      expect(keyA && keyB && Buffer.from(keyA.wrapped).equals(Buffer.from(keyB.wrapped))).toBe(false);
      expect(await dataKeys.get(newTenant(), a.authorId)).toBeUndefined();
    });

    it('refuses a record copied to another intro or another author, with a clear error', async () => {
      const { notes } = h().store;
      const from = keyOf();
      const otherIntro = { ...from, introId: newIntroId() };
      const otherAuthor = { ...from, authorId: newUser() };
      await notes.save(from, notesBody('secret'), 0, at(1));
      await notes.save(otherAuthor, notesBody('theirs'), 0, at(1));
      const doc = (await h().raw.read(from))!;
      await h().raw.write(otherIntro, doc, 1, at(1));
      await h().raw.write(otherAuthor, doc, 2, at(2));
      await expect(notes.get(otherIntro)).rejects.toThrow(NotesUnreadableError);
      await expect(notes.get(otherAuthor)).rejects.toThrow(NotesUnreadableError);
      expect((await notes.get(from))?.text.goals).toBe('goals secret');
    });

    it('creates one data key when two instances write an author’s first notes at once', async () => {
      const other = await secondInstance(h);
      const a = keyOf();
      const a2 = { ...a, introId: newIntroId() };
      await Promise.all([
        h().store.notes.save(a, notesBody('one'), 0, at(1)),
        other.notes.save(a2, notesBody('two'), 0, at(1)),
      ]);
      for (const instance of [h().store, other]) {
        const listed = await instance.notes.listByAuthor(a.tenantId, a.authorId);
        expect(listed.map((n) => n.text.goals).sort()).toEqual(['goals one', 'goals two']);
      }
    });

    it('writes nothing with a key shredded on another instance, though this one still holds it in memory', async () => {
      const other = await secondInstance(h);
      const first = keyOf();
      const racing = { ...first, introId: newIntroId() };
      await h().store.notes.save(first, notesBody('kept a moment'), 0, at(1)); // this instance now holds the key
      await other.notes.deleteAllByAuthor(first.tenantId, first.authorId);
      const saved = await h().store.notes.save(racing, notesBody('late'), 0, at(2));
      expect(saved).toEqual({ ok: false, current: undefined });
      expect(await h().raw.read(racing)).toBeUndefined();
      expect(await other.notes.listByAuthor(first.tenantId, first.authorId)).toEqual([]);
      // The next save starts afresh with a new key, and opens on both instances.
      expect((await h().store.notes.save(racing, notesBody('afresh'), 0, at(3))).ok).toBe(true);
      expect((await other.notes.get(racing))?.text.goals).toBe('goals afresh');
    });

    it('never deletes a row it did not write when its cached key turns out stale', async () => {
      const other = await secondInstance(h);
      const earlier = keyOf();
      const shared = { ...earlier, introId: newIntroId() };
      await h().store.notes.save(earlier, notesBody('before'), 0, at(1)); // this instance now holds the first key
      await other.notes.deleteAllByAuthor(earlier.tenantId, earlier.authorId);
      expect((await other.notes.save(shared, notesBody('on the other'), 0, at(2))).ok).toBe(true); // a new key
      // Sealed with the shredded key first, refused, then sealed again with the new one: the row is there and opens.
      const saved = await h().store.notes.save(shared, notesBody('here'), 1, at(3));
      expect(saved.ok).toBe(true);
      expect((await other.notes.get(shared))?.text.goals).toBe('goals here');
    });

    it('destroys the author’s data key on delete-all: a restored copy no longer opens', async () => {
      const { notes, dataKeys } = h().store;
      const key = keyOf();
      await notes.save(key, notesBody('gone'), 0, at(1));
      const copy = (await h().raw.read(key))!;
      await notes.deleteAllByAuthor(key.tenantId, key.authorId);
      expect(await dataKeys.get(key.tenantId, key.authorId)).toBeUndefined();
      await h().raw.write(key, copy, 1, at(1));
      await expect(notes.get(key)).rejects.toThrow(NotesUnreadableError);
      await notes.delete(key);
      expect((await notes.save(key, notesBody('again'), 0, at(2))).ok).toBe(true);
      expect((await (await secondInstance(h)).notes.get(key))?.text.goals).toBe('goals again');
    });

    it('reads plain notes from earlier versions, and seals them in place on upgrade', async () => {
      const key = keyOf();
      const tag = marker();
      await h().raw.write(key, plainDoc(tag, at(3)), 4, at(3));
      const before = await h().store.notes.get(key);
      expect(before).toMatchObject({ version: 4, updatedAt: at(3), text: { goals: `goals ${tag}` } });
      expect(await h().store.upgrade()).toBeGreaterThanOrEqual(1);
      expect(await h().raw.read(key)).not.toContain(tag);
      expect(await h().store.notes.get(key)).toEqual(before);
      expect(await h().store.upgrade()).toBe(0);
    });
  });
}
