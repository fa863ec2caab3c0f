import { nextPrep } from '../../src/app/nextIntro';
import type { UseCaseDeps } from '../../src/app/deps';
import type { FlowDeps } from '../../src/app/flowDeps';
import type { Calendar, JobStore } from '../../src/app/ports';
import { switchIntroRoles } from '../../src/app/roleSwitch';
import { latestRecap, shareRecap } from '../../src/app/recap';
import { changeSession } from '../../src/app/sessions';
import { fail, ok } from '../../src/domain/result';
import { callerOf, historyWorld, KIM, LEAD, SAM, seedIntro, seedIntroAt } from './historyFixture';

/** The flows' deps over the world's store; the member is reachable or not. Nothing here schedules. */
function flowsOf(deps: UseCaseDeps, reachable = true): FlowDeps {
  return {
    ...deps,
    // Never reached by these use cases: a call would fail the test.
    jobs: {} as JobStore,
    calendar: {} as Calendar,
    notifier: { notify: async () => (reachable ? ok(undefined) : fail('unreachable', 'no chat')) },
  };
}

describe('latestRecap', () => {
  it('answers noneLed to someone who only ever joined as the member', async () => {
    const { deps } = historyWorld();
    await seedIntro(deps, SAM, LEAD, 20);
    const recap = await latestRecap(flowsOf(deps), callerOf(LEAD));
    expect(recap).toMatchObject({ ok: false, error: { code: 'noneLed' } });
  });

  it('answers notHeld, with the intro, until the session starts; then the recap', async () => {
    const { deps } = historyWorld();
    const intro = await seedIntro(deps, LEAD, SAM, 20);
    const flows = flowsOf(deps);
    const before = await latestRecap(flows, callerOf(LEAD));
    expect(before).toMatchObject({ ok: false, error: { code: 'notHeld', intro: { id: intro.id } } });

    await changeSession(deps, callerOf(LEAD), intro.id, { action: 'start' });
    const after = await latestRecap(flows, callerOf(LEAD));
    expect(after).toMatchObject({ ok: true, value: { intro: { id: intro.id } } });
  });
});

describe('nextPrep', () => {
  it('answers noneComing when the caller leads nothing still to come', async () => {
    const { deps } = historyWorld();
    await seedIntro(deps, LEAD, SAM, 20);
    await seedIntroAt(deps, SAM, LEAD, '2025-06-02T09:00:00.000Z');
    const brief = await nextPrep(flowsOf(deps), callerOf(LEAD));
    expect(brief).toMatchObject({ ok: false, error: { code: 'noneComing' } });
  });

  it('briefs the soonest intro the caller leads that has not started', async () => {
    const { deps } = historyWorld();
    await seedIntro(deps, LEAD, KIM, 20);
    await seedIntroAt(deps, LEAD, KIM, '2025-06-09T09:00:00.000Z');
    const soonest = await seedIntroAt(deps, LEAD, SAM, '2025-06-03T09:00:00.000Z');
    await seedIntroAt(deps, SAM, LEAD, '2025-06-02T09:00:00.000Z');
    const brief = await nextPrep(flowsOf(deps), callerOf(LEAD));
    expect(brief).toMatchObject({ ok: true, value: { intro: { id: soonest.id } } });
  });
});

describe('shareRecap', () => {
  it('refuses with a code for each reason, naming the member it cannot reach', async () => {
    const { deps } = historyWorld();
    const intro = await seedIntro(deps, LEAD, SAM, 20);
    const unreachable = flowsOf(deps, false);
    expect(await shareRecap(unreachable, callerOf(SAM), intro.id, ['goals'])).toMatchObject({
      ok: false,
      error: { code: 'notFound' },
    });
    expect(await shareRecap(unreachable, callerOf(LEAD), intro.id, [])).toMatchObject({
      ok: false,
      error: { code: 'nothingChosen' },
    });
    expect(await shareRecap(unreachable, callerOf(LEAD), intro.id, ['goals'])).toMatchObject({
      ok: false,
      error: { code: 'unreachable', memberName: SAM.name },
    });
    expect((await deps.intros.get(intro.tenantId, intro.id))?.sharedWithMember).toBeUndefined();
    const reachable = flowsOf(deps);
    const sent = await shareRecap(reachable, callerOf(LEAD), intro.id, ['goals']);
    const shared = { at: new Date(deps.clock.now()).toISOString(), parts: ['goals'] };
    expect(sent).toEqual(ok({ memberName: SAM.name, shared }));
    // The intro keeps when and what was sent.
    expect((await deps.intros.get(intro.tenantId, intro.id))?.sharedWithMember).toEqual(shared);
  });

  it('answers sent once the card is delivered, even when the store then fails to keep the mark', async () => {
    const { deps } = historyWorld();
    const intro = await seedIntro(deps, LEAD, SAM, 20);
    let delivered = 0;
    const flows = {
      ...flowsOf(deps),
      intros: { ...deps.intros, update: () => Promise.reject(new Error('disk I/O error')) },
      notifier: { notify: async () => ((delivered += 1), ok(undefined)) },
    };
    const sent = await shareRecap(flows, callerOf(LEAD), intro.id, ['goals']);
    expect(sent).toMatchObject({ ok: true, value: { memberName: SAM.name, shared: { parts: ['goals'] } } });
    expect(delivered).toBe(1);
  });

  it('forgets the mark when the roles swap: it would say the new leader sent what the old one did', async () => {
    const { deps } = historyWorld();
    const intro = await seedIntro(deps, LEAD, SAM, 20);
    await shareRecap(flowsOf(deps), callerOf(LEAD), intro.id, ['goals']);
    expect((await deps.intros.get(intro.tenantId, intro.id))?.sharedWithMember).toBeDefined();
    expect((await switchIntroRoles(deps, callerOf(LEAD), intro.id, 'request')).ok).toBe(true);
    expect((await switchIntroRoles(deps, callerOf(SAM), intro.id, 'accept')).ok).toBe(true);
    const swapped = await deps.intros.get(intro.tenantId, intro.id);
    expect(swapped?.leader.id).toBe(SAM.id);
    expect(swapped?.sharedWithMember).toBeUndefined();
  });
});
