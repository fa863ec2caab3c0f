import type { Intro } from '../../../src/domain/intro';
import { makeIntro, newMeeting, newTenant, newUser } from '../fixtures';
import { secondInstance, type Harness } from './harness';

/** IntroStore under concurrent writers: version-checked updates, one intro per meeting, indexes that survive. */
export function describeIntroConcurrencyContract(h: Harness): void {
  describe('intros written concurrently', () => {
    it('applies only one of several updates made from the same version, the others get the current copy', async () => {
      const { intros } = h().store;
      const other = (await secondInstance(h)).intros;
      const intro = makeIntro({ tenantId: newTenant(), memberId: null });
      await intros.create(intro);
      const joiners = [newUser(), newUser(), newUser(), newUser()];
      const outcomes = await Promise.all(
        joiners.map((id, i) =>
          (i % 2 === 0 ? intros : other).update({ ...intro, member: { id, name: `Joiner ${i}` } }, 1),
        ),
      );
      const won = outcomes.filter((outcome) => outcome.ok);
      expect(won).toHaveLength(1);
      const stored = await intros.getVersioned(intro.tenantId, intro.id);
      expect(stored?.version).toBe(2);
      for (const lost of outcomes.filter((outcome) => !outcome.ok))
        expect(lost).toEqual({ ok: false, current: stored });
      expect(await intros.update({ ...intro, status: 'ready' }, 1)).toEqual({ ok: false, current: stored });
    });

    it('keeps the intro listed and findable by meeting while updates race', async () => {
      const { intros } = h().store;
      const other = (await secondInstance(h)).intros;
      const tenantId = newTenant();
      const meetingId = newMeeting();
      const intro = makeIntro({ tenantId, meeting: { meetingId } });
      await intros.create(intro);
      for (let round = 1; round <= 3; round++) {
        const statuses = ['ready', 'inProgress', 'done', 'ready', 'inProgress', 'done'] as const;
        await Promise.all(
          statuses.map((status, i) => (i % 2 === 0 ? intros : other).update({ ...intro, status }, round)),
        );
        // A late writer still holding the version every racer started from loses without touching the indexes.
        expect((await other.update({ ...intro, status: 'cancelled' }, round)).ok).toBe(false);
        const current = await intros.get(tenantId, intro.id);
        expect(current?.status).not.toBe('cancelled');
        expect((await intros.listForUser(tenantId, intro.leader.id, { limit: 5 })).items).toEqual([current]);
        expect((await intros.listForUser(tenantId, intro.member!.id, { limit: 5 })).items).toEqual([current]);
        expect(await intros.findByMeeting(tenantId, meetingId)).toEqual(current);
      }
    });

    it('stores one intro per meeting when two are created for it at once', async () => {
      const { intros } = h().store;
      const other = (await secondInstance(h)).intros;
      const tenantId = newTenant();
      const meetingId = newMeeting();
      const both = [makeIntro({ tenantId, meeting: { meetingId } }), makeIntro({ tenantId, meeting: { meetingId } })];
      const outcomes = await Promise.all([intros.create(both[0]!), other.create(both[1]!)]);
      expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
      const loserIndex = outcomes.findIndex((outcome) => !outcome.ok);
      expect(outcomes[loserIndex]).toMatchObject({ ok: false, error: { code: 'meetingTaken' } });
      const winner = both[1 - loserIndex]!;
      const loser = both[loserIndex]!;
      expect(await intros.findByMeeting(tenantId, meetingId)).toEqual(winner);
      expect(await intros.get(tenantId, loser.id)).toBeUndefined();
      expect((await intros.listForUser(tenantId, loser.leader.id, { limit: 5 })).items).toEqual([]);
      // An intro in another tenant may use the same meeting id.
      expect((await intros.create(makeIntro({ tenantId: newTenant(), meeting: { meetingId } }))).ok).toBe(true);
    });

    it('frees a meeting once its intro is deleted or moved to another meeting', async () => {
      const { intros } = h().store;
      const tenantId = newTenant();
      const meetingId = newMeeting();
      const first = makeIntro({ tenantId, meeting: { meetingId } });
      await intros.create(first);
      await intros.delete(tenantId, first.id);
      const second = makeIntro({ tenantId, meeting: { meetingId } });
      expect((await intros.create(second)).ok).toBe(true);
      const moved: Intro = { ...second, meeting: { meetingId: newMeeting() } };
      expect((await intros.update(moved, 1)).ok).toBe(true);
      expect(await intros.findByMeeting(tenantId, meetingId)).toBeUndefined();
      const third = makeIntro({ tenantId, meeting: { meetingId } });
      expect((await intros.create(third)).ok).toBe(true);
      expect(await intros.findByMeeting(tenantId, meetingId)).toEqual(third);
      expect(await intros.findByMeeting(tenantId, moved.meeting!.meetingId!)).toEqual(moved);
    });
  });
}
