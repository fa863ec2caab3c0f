import { InvalidCursorError } from '../../../src/app/ports';
import type { Intro } from '../../../src/domain/intro';
import { at, makeIntro, newMeeting, newTenant, newUser, notesBody } from '../fixtures';
import type { Harness } from './harness';

const sortKey = (i: Intro) => [Date.parse(i.scheduledStart ?? i.createdAt), i.id] as const;
const newestFirst = (a: Intro, b: Intro) => {
  const [sa, ia] = sortKey(a);
  const [sb, ib] = sortKey(b);
  return sb - sa || (ib < ia ? -1 : ib > ia ? 1 : 0);
};

/** IntroStore: create, update, get, findByMeeting, listForUser paging and tenant isolation. */
export function describeIntroContract(h: Harness): void {
  describe('intros', () => {
    it('gets back what was created, only within its tenant', async () => {
      const { intros } = h().store;
      const intro = makeIntro({ tenantId: newTenant(), scheduledStart: at(60), meeting: { joinUrl: 'https://x/y' } });
      await intros.create(intro);
      expect(await intros.get(intro.tenantId, intro.id)).toEqual(intro);
      expect(await intros.get(newTenant(), intro.id)).toBeUndefined();
      expect(await intros.get(intro.tenantId, makeIntro({ tenantId: intro.tenantId }).id)).toBeUndefined();
    });

    it('reads the version alone: 1 when created, one more per update, none elsewhere or once deleted', async () => {
      const { intros } = h().store;
      const intro = makeIntro({ tenantId: newTenant() });
      expect(await intros.getVersion(intro.tenantId, intro.id)).toBeUndefined();
      await intros.create(intro);
      expect(await intros.getVersion(intro.tenantId, intro.id)).toBe(1);
      expect(await intros.update({ ...intro, status: 'ready' }, 1)).toMatchObject({ ok: true });
      expect(await intros.getVersion(intro.tenantId, intro.id)).toBe(2);
      expect(await intros.getVersion(newTenant(), intro.id)).toBeUndefined();
      await intros.delete(intro.tenantId, intro.id);
      expect(await intros.getVersion(intro.tenantId, intro.id)).toBeUndefined();
    });

    it('refuses to create an intro twice and to update one that does not exist', async () => {
      const { intros } = h().store;
      const intro = makeIntro({ tenantId: newTenant() });
      await intros.create(intro);
      await expect(intros.create(intro)).rejects.toThrow(/already exists/);
      expect(await intros.update(makeIntro({ tenantId: intro.tenantId }), 1)).toEqual({
        ok: false,
        current: undefined,
      });
    });

    it('updates status, member and meeting, and finds the intro by its meeting', async () => {
      const { intros } = h().store;
      const tenantId = newTenant();
      const intro = makeIntro({ tenantId, memberId: null });
      await intros.create(intro);
      const meetingId = newMeeting();
      const updated: Intro = {
        ...intro,
        status: 'ready',
        member: { id: newUser(), name: 'Max' },
        meeting: { meetingId },
      };
      expect(await intros.getVersioned(tenantId, intro.id)).toEqual({ value: intro, version: 1 });
      expect(await intros.update(updated, 1)).toEqual({ ok: true, value: { value: updated, version: 2 } });
      expect(await intros.get(tenantId, intro.id)).toEqual(updated);
      expect(await intros.getVersioned(tenantId, intro.id)).toEqual({ value: updated, version: 2 });
      expect(await intros.findByMeeting(tenantId, meetingId)).toEqual(updated);
      expect(await intros.findByMeeting(newTenant(), meetingId)).toBeUndefined();
      expect(await intros.findByMeeting(tenantId, newMeeting())).toBeUndefined();
      expect((await intros.listForUser(tenantId, updated.member!.id, { limit: 5 })).items).toEqual([updated]);
    });

    it('lists intros the user leads or attends, newest first by scheduled start else creation', async () => {
      const { intros } = h().store;
      const tenantId = newTenant();
      const me = newUser();
      const mine = [
        makeIntro({ tenantId, leaderId: me, scheduledStart: at(300), createdAt: at(0) }),
        makeIntro({ tenantId, memberId: me, createdAt: at(200) }),
        makeIntro({ tenantId, memberId: me, scheduledStart: at(100), createdAt: at(500) }),
        makeIntro({ tenantId, leaderId: me, memberId: null, createdAt: at(400) }),
      ];
      const others = [makeIntro({ tenantId }), makeIntro({ tenantId: newTenant(), leaderId: me })];
      for (const intro of [...mine, ...others]) await intros.create(intro);
      const page = await intros.listForUser(tenantId, me, { limit: 10 });
      expect(page.items.map((i) => i.createdAt)).toEqual([at(400), at(0), at(200), at(500)]);
      expect(page.nextCursor).toBeUndefined();
      expect((await intros.listForUser(tenantId, newUser(), { limit: 10 })).items).toEqual([]);
    });

    it('refuses a cursor it did not make with InvalidCursorError (the caller’s mistake, not a store fault)', async () => {
      const { intros } = h().store;
      for (const cursor of ['bm9wZQ', 'not base64 at all', Buffer.from('[1]').toString('base64url')]) {
        await expect(intros.listForUser(newTenant(), newUser(), { limit: 5, cursor })).rejects.toBeInstanceOf(
          InvalidCursorError,
        );
      }
    });

    it('pages with an opaque cursor, ties broken by id, without gaps or repeats', async () => {
      const { intros } = h().store;
      const tenantId = newTenant();
      const me = newUser();
      const all = Array.from({ length: 25 }, (_, i) =>
        i % 2 === 0
          ? makeIntro({ tenantId, leaderId: me, scheduledStart: at(i % 5) })
          : makeIntro({ tenantId, memberId: me, createdAt: at(i % 7) }),
      );
      for (const intro of all) await intros.create(intro);
      const pages: Intro[][] = [];
      let cursor: string | undefined;
      do {
        const page = await intros.listForUser(tenantId, me, { limit: 10, ...(cursor ? { cursor } : {}) });
        pages.push([...page.items]);
        cursor = page.nextCursor;
      } while (cursor !== undefined && pages.length < 10);
      expect(pages.map((p) => p.length)).toEqual([10, 10, 5]);
      expect(pages.flat()).toEqual([...all].sort(newestFirst));
    });

    it('gives no next cursor when the last page is exactly full', async () => {
      const { intros } = h().store;
      const tenantId = newTenant();
      const me = newUser();
      for (let i = 0; i < 4; i++) await intros.create(makeIntro({ tenantId, leaderId: me, createdAt: at(i) }));
      const first = await intros.listForUser(tenantId, me, { limit: 2 });
      expect(first.nextCursor).toEqual(expect.any(String));
      const second = await intros.listForUser(tenantId, me, { limit: 2, cursor: first.nextCursor! });
      expect(second.items.map((i) => i.createdAt)).toEqual([at(1), at(0)]);
      expect(second.nextCursor).toBeUndefined();
    });

    it('deletes an intro with its session and everyone’s notes on it, and nothing else', async () => {
      const { intros, notes } = h().store;
      const tenantId = newTenant();
      const intro = makeIntro({ tenantId });
      const kept = makeIntro({ tenantId, leaderId: intro.leader.id });
      await intros.create(intro);
      await intros.create(kept);
      const session = { status: 'running', phase: 0, startedAt: 1, segmentStartedAt: 1, spentMs: [0, 0, 0] } as const;
      await intros.saveSession(tenantId, intro.id, session, 0);
      await intros.saveSession(tenantId, kept.id, session, 0);
      const authors = [intro.leader.id, intro.member!.id];
      for (const authorId of authors) {
        await notes.save({ tenantId, introId: intro.id, authorId }, notesBody('x'), 0, at(1));
      }
      await notes.save({ tenantId, introId: kept.id, authorId: intro.leader.id }, notesBody('k'), 0, at(2));
      await intros.delete(tenantId, intro.id);
      expect(await intros.get(tenantId, intro.id)).toBeUndefined();
      expect(await intros.getSession(tenantId, intro.id)).toEqual({ value: { status: 'notStarted' }, version: 0 });
      for (const authorId of authors)
        expect(await notes.get({ tenantId, introId: intro.id, authorId })).toBeUndefined();
      expect(await intros.get(tenantId, kept.id)).toEqual(kept);
      expect((await intros.getSession(tenantId, kept.id)).version).toBe(1);
      expect((await notes.listByAuthor(tenantId, intro.leader.id)).map((n) => n.introId)).toEqual([kept.id]);
      expect((await intros.listForUser(tenantId, intro.leader.id, { limit: 5 })).items).toEqual([kept]);
    });
  });
}
