import type { Session } from '../../../src/domain/session';
import { makeIntro, newTenant } from '../fixtures';
import type { Harness } from './harness';

const running = (startedAt: number): Session => ({
  status: 'running',
  phase: 0,
  startedAt,
  segmentStartedAt: startedAt,
  spentMs: [0, 0, 0],
});
const paused: Session = { status: 'paused', phase: 1, startedAt: 1, pausedAt: 9, spentMs: [5, 3, 0] };

/** IntroStore sessions: versioned, conditional writes per tenant. */
export function describeSessionContract(h: Harness): void {
  describe('sessions', () => {
    it('is notStarted at version 0 until written', async () => {
      const intro = makeIntro({ tenantId: newTenant() });
      await h().store.intros.create(intro);
      expect(await h().store.intros.getSession(intro.tenantId, intro.id)).toEqual({
        value: { status: 'notStarted' },
        version: 0,
      });
    });

    it('writes only at the expected version and returns the current copy otherwise', async () => {
      const { intros } = h().store;
      const intro = makeIntro({ tenantId: newTenant() });
      await intros.create(intro);
      const { tenantId, id } = intro;
      expect(await intros.saveSession(tenantId, id, running(1), 0)).toEqual({
        ok: true,
        value: { value: running(1), version: 1 },
      });
      expect(await intros.saveSession(tenantId, id, running(2), 0)).toEqual({
        ok: false,
        current: { value: running(1), version: 1 },
      });
      expect(await intros.saveSession(tenantId, id, paused, 1)).toEqual({
        ok: true,
        value: { value: paused, version: 2 },
      });
      expect(await intros.saveSession(tenantId, id, running(3), 1)).toEqual({
        ok: false,
        current: { value: paused, version: 2 },
      });
      expect(await intros.getSession(tenantId, id)).toEqual({ value: paused, version: 2 });
    });

    it('reports no current copy when a version is expected but nothing is stored', async () => {
      const intro = makeIntro({ tenantId: newTenant() });
      await h().store.intros.create(intro);
      expect(await h().store.intros.saveSession(intro.tenantId, intro.id, running(1), 3)).toEqual({
        ok: false,
        current: undefined,
      });
    });

    it('lets exactly one of two writers at the same version win', async () => {
      const intro = makeIntro({ tenantId: newTenant() });
      await h().store.intros.create(intro);
      const writes = [running(10), running(20)].map((s) =>
        h().store.intros.saveSession(intro.tenantId, intro.id, s, 0),
      );
      const outcomes = await Promise.all(writes);
      expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
      expect((await h().store.intros.getSession(intro.tenantId, intro.id)).version).toBe(1);
    });

    it('keeps sessions of the same intro id apart across tenants', async () => {
      const intro = makeIntro({ tenantId: newTenant() });
      await h().store.intros.create(intro);
      await h().store.intros.saveSession(intro.tenantId, intro.id, running(1), 0);
      expect((await h().store.intros.getSession(newTenant(), intro.id)).version).toBe(0);
    });
  });
}
