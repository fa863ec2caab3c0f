import type { NotesKey } from '../../../src/app/ports';
import type { UserId } from '../../../src/domain/ids';
import { at, largeNotesBody, makeIntro, newIntroId, newTenant, newUser, notesBody } from '../fixtures';
import type { Harness } from './harness';

const keyOf = (over: Partial<NotesKey> = {}): NotesKey => ({
  tenantId: newTenant(),
  introId: newIntroId(),
  authorId: newUser(),
  ...over,
});

/** NotesStore: versioned private notes, addressed by author, isolated by tenant. */
export function describeNotesContract(h: Harness): void {
  describe('notes', () => {
    it('saves at version 0, then only at the stored version', async () => {
      const { notes } = h().store;
      const key = keyOf();
      expect(await notes.get(key)).toBeUndefined();
      const first = await notes.save(key, notesBody('a'), 0, at(1));
      const saved = { ...notesBody('a'), ...key, version: 1, updatedAt: at(1) };
      expect(first).toEqual({ ok: true, value: { value: saved, version: 1 } });
      expect(await notes.save(key, notesBody('b'), 0, at(2))).toEqual({
        ok: false,
        current: { value: saved, version: 1 },
      });
      const second = await notes.save(key, notesBody('c'), 1, at(3));
      expect(second.ok && second.value.value).toEqual({ ...notesBody('c'), ...key, version: 2, updatedAt: at(3) });
      expect(await notes.save(key, notesBody('d'), 1, at(4))).toMatchObject({ ok: false, current: { version: 2 } });
      expect(await notes.get(key)).toEqual({ ...notesBody('c'), ...key, version: 2, updatedAt: at(3) });
      expect(await notes.save(keyOf(), notesBody('e'), 2, at(5))).toEqual({ ok: false, current: undefined });
    });

    it('answers saves made at once as if each came alone: the first at a version lands, the other is refused', async () => {
      const { notes } = h().store;
      const key = keyOf();
      const others = [keyOf(), keyOf({ tenantId: key.tenantId }), keyOf({ authorId: key.authorId })];
      const [first, second, ...rest] = await Promise.all([
        notes.save(key, notesBody('one'), 0, at(1)),
        notes.save(key, notesBody('two'), 0, at(2)),
        ...others.map((other) => notes.save(other, notesBody('other'), 0, at(3))),
      ]);
      const outcomes = [first, second];
      const landed = outcomes.filter((saved) => saved.ok);
      expect(landed).toHaveLength(1);
      const refused = outcomes.find((saved) => !saved.ok);
      expect(refused).toEqual({ ok: false, current: landed[0]!.ok && landed[0]!.value });
      expect(rest.every((saved) => saved.ok)).toBe(true);
      for (const other of others) expect((await notes.get(other))?.text.goals).toBe('goals other');
      // And the next save at the stored version lands.
      expect((await notes.save(key, notesBody('three'), 1, at(4))).ok).toBe(true);
    });

    it('keeps each author’s notes private to that author and tenant', async () => {
      const { notes } = h().store;
      const mine = keyOf();
      await notes.save(mine, notesBody('mine'), 0, at(1));
      expect(await notes.get({ ...mine, authorId: newUser() })).toBeUndefined();
      expect(await notes.get({ ...mine, tenantId: newTenant() })).toBeUndefined();
      expect(await notes.listByAuthor(newTenant(), mine.authorId)).toEqual([]);
      const other = { ...mine, authorId: newUser() };
      await notes.save(other, notesBody('theirs'), 0, at(2));
      expect((await notes.listByAuthor(mine.tenantId, mine.authorId)).map((n) => n.text.goals)).toEqual(['goals mine']);
    });

    it('lists one author’s notes newest first by updatedAt', async () => {
      const { notes } = h().store;
      const base = keyOf();
      const times = [at(5), at(1), at(9), at(3)];
      for (const time of times) await notes.save({ ...base, introId: newIntroId() }, notesBody(time), 0, time);
      const listed = await notes.listByAuthor(base.tenantId, base.authorId);
      expect(listed.map((n) => n.updatedAt)).toEqual([at(9), at(5), at(3), at(1)]);
      expect(listed.every((n) => n.authorId === base.authorId && n.tenantId === base.tenantId)).toBe(true);
    });

    it('round-trips notes near the largest size (~100 KB)', async () => {
      const key = keyOf();
      const body = largeNotesBody();
      expect((await h().store.notes.save(key, body, 0, at(1))).ok).toBe(true);
      expect(await h().store.notes.get(key)).toEqual({ ...body, ...key, version: 1, updatedAt: at(1) });
      expect((await h().store.notes.save(key, notesBody('small'), 1, at(2))).ok).toBe(true);
      expect((await h().store.notes.get(key))?.text.prep).toBe('');
    });

    it('deletes one notes document, or all of an author’s in one tenant', async () => {
      const { notes } = h().store;
      const a = keyOf();
      const a2 = { ...a, introId: newIntroId() };
      const b = { ...a, authorId: newUser() };
      const elsewhere = { ...a, tenantId: newTenant() };
      for (const key of [a, a2, b, elsewhere]) await notes.save(key, notesBody('x'), 0, at(1));
      await notes.delete(a);
      expect(await notes.get(a)).toBeUndefined();
      expect(await notes.get(a2)).toBeDefined();
      await notes.deleteAllByAuthor(a.tenantId, a.authorId);
      expect(await notes.listByAuthor(a.tenantId, a.authorId)).toEqual([]);
      expect(await notes.get(b)).toBeDefined();
      expect(await notes.get(elsewhere)).toBeDefined();
    });

    it('saves as a participant whoever takes part now: no member yet, then one, roles switched, then another', async () => {
      const { notes, intros } = h().store;
      const tenantId = newTenant();
      const intro = makeIntro({ tenantId, memberId: null });
      await intros.create(intro);
      const leader = intro.leader;
      const first = { id: newUser(), name: 'First Member' };
      const second = { id: newUser(), name: 'Second Member' };
      const as = (authorId: UserId): NotesKey => ({ tenantId, introId: intro.id, authorId });
      const refused = { ok: false, notParticipant: true };
      const becomes = async (change: Partial<typeof intro>) => {
        const stored = (await intros.getVersioned(tenantId, intro.id))!;
        expect((await intros.update({ ...stored.value, ...change }, stored.version)).ok).toBe(true);
      };
      expect(await notes.saveAsParticipant(as(leader.id), notesBody('lead'), 0, at(1))).toMatchObject({ ok: true });
      expect(await notes.saveAsParticipant(as(first.id), notesBody('early'), 0, at(1))).toEqual(refused);
      await becomes({ member: first });
      expect(await notes.saveAsParticipant(as(first.id), notesBody('joined'), 0, at(2))).toMatchObject({ ok: true });
      // The member takes the lead: both still take part, each in the other's role.
      await becomes({ leader: first, member: leader });
      expect(await notes.saveAsParticipant(as(first.id), notesBody('leads'), 1, at(3))).toMatchObject({ ok: true });
      expect(await notes.saveAsParticipant(as(leader.id), notesBody('attends'), 1, at(3))).toMatchObject({ ok: true });
      // Someone else attends instead: the one who left can save no more, the newcomer can.
      await becomes({ member: second });
      expect(await notes.saveAsParticipant(as(leader.id), notesBody('gone'), 2, at(4))).toEqual(refused);
      expect(await notes.saveAsParticipant(as(second.id), notesBody('new'), 0, at(4))).toMatchObject({ ok: true });
      expect((await notes.get(as(leader.id)))?.text.goals).toBe('goals attends');
    });

    it('saves as a participant only while the author leads or attends the intro', async () => {
      const { notes, intros } = h().store;
      const tenantId = newTenant();
      const intro = makeIntro({ tenantId });
      await intros.create(intro);
      const as = (authorId: UserId, introId = intro.id): NotesKey => ({ tenantId, introId, authorId });
      const leader = as(intro.leader.id);
      const member = as(intro.member!.id);
      const refused = { ok: false, notParticipant: true };
      expect(await notes.saveAsParticipant(leader, notesBody('l'), 0, at(1))).toMatchObject({ ok: true });
      expect(await notes.saveAsParticipant(member, notesBody('m'), 0, at(1))).toMatchObject({ ok: true });
      // The version check still holds for a participant.
      expect(await notes.saveAsParticipant(leader, notesBody('x'), 0, at(2))).toMatchObject({
        ok: false,
        current: { version: 1 },
      });
      // Someone else, the right people in another tenant, or an intro that is not there: refused, nothing written,
      // and no data key made for whoever has none.
      const { dataKeys } = h().store;
      for (const key of [as(newUser()), { ...leader, tenantId: newTenant() }, as(intro.leader.id, newIntroId())]) {
        expect(await notes.saveAsParticipant(key, notesBody('s'), 0, at(3))).toEqual(refused);
        expect(await notes.get(key)).toBeUndefined();
      }
      for (const key of [as(newUser()), { ...leader, tenantId: newTenant() }]) {
        expect(await notes.saveAsParticipant(key, notesBody('s'), 0, at(3))).toEqual(refused);
        expect(await dataKeys.get(key.tenantId, key.authorId)).toBeUndefined();
      }
      // Once the intro is deleted (with everyone's notes on it), no save brings notes back.
      await intros.delete(tenantId, intro.id);
      expect(await notes.saveAsParticipant(leader, notesBody('late'), 1, at(4))).toEqual(refused);
      expect(await notes.saveAsParticipant(member, notesBody('late'), 0, at(4))).toEqual(refused);
      expect(await notes.get(leader)).toBeUndefined();
      expect(await notes.get(member)).toBeUndefined();
    });
  });
}
