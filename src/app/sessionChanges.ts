import type { IntroStore, SessionChanges } from './ports';

/**
 * The intro store telling `changes` of every write that can change what a session stream shows: the session itself
 * (leader's actions, in-person replays, a meeting's end), the intro (who leads, a role switch, its length or status),
 * and a delete. Published after the write succeeded, so a listener that rereads finds it; wired once in the
 * composition root, so no use case can change a session without its streams hearing of it.
 */
export function withSessionChanges(intros: IntroStore, changes: SessionChanges): IntroStore {
  return {
    ...intros,
    saveSession: async (tenantId, introId, session, expectedVersion) => {
      const saved = await intros.saveSession(tenantId, introId, session, expectedVersion);
      if (saved.ok) changes.publish({ tenantId, introId });
      return saved;
    },
    update: async (intro, expectedVersion) => {
      const updated = await intros.update(intro, expectedVersion);
      if (updated.ok) changes.publish({ tenantId: intro.tenantId, introId: intro.id });
      return updated;
    },
    delete: async (tenantId, introId) => {
      await intros.delete(tenantId, introId);
      changes.publish({ tenantId, introId });
    },
  };
}
