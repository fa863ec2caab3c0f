import type { Notification } from '../../src/app/ports';
import { changeSession } from '../../src/app/sessions';
import { ok } from '../../src/domain/result';
import { callerOf, historyWorld, LEAD, SAM, seedIntro, seedNotes } from './historyFixture';

/** The world's deps with a notifier that records what it sends. */
function world() {
  const { deps } = historyWorld();
  const sent: { userId: string; message: Notification }[] = [];
  const notifier = {
    notify: async (_tenant: string, userId: string, message: Notification) => {
      sent.push({ userId, message });
      return ok(undefined);
    },
  };
  return { deps: { ...deps, notifier }, sent };
}

describe('End from a panel or the in-person run view', () => {
  it("sends the leader's private recap once, from the leader's notes, once", async () => {
    const { deps, sent } = world();
    const intro = await seedIntro(deps, LEAD, SAM, 20);
    await seedNotes(deps, intro, LEAD, { goals: [{ id: 'g', text: 'Lead the migration', horizon: 'long' }] });
    for (const action of ['start', 'end'] as const) {
      expect((await changeSession(deps, callerOf(LEAD), intro.id, { action })).ok).toBe(true);
    }
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ userId: LEAD.id, message: { kind: 'recap', recap: { intro: { id: intro.id } } } });
    expect(JSON.stringify(sent[0]?.message)).toContain('Lead the migration');

    // A second End is refused and sends nothing.
    expect((await changeSession(deps, callerOf(LEAD), intro.id, { action: 'end' })).ok).toBe(false);
    expect(sent).toHaveLength(1);
  });

  it('sends nothing for other actions, or without a notifier', async () => {
    const { deps, sent } = world();
    const intro = await seedIntro(deps, LEAD, SAM, 21);
    await changeSession(deps, callerOf(LEAD), intro.id, { action: 'start' });
    await changeSession(deps, callerOf(LEAD), intro.id, { action: 'next' });
    expect(sent).toHaveLength(0);
    const { notifier: _unused, ...quiet } = deps;
    expect((await changeSession(quiet, callerOf(LEAD), intro.id, { action: 'end' })).ok).toBe(true);
    expect(sent).toHaveLength(0);
  });
});
