import type { IntroSession } from '../../src/app/participantIntro';
import { switchIntroRoles } from '../../src/app/roleSwitch';
import { actOnSession, getSession } from '../../src/app/sessions';
import { sessionTag } from '../../src/domain/sessionTag';
import type { RoleSwitchAction } from '../../src/domain/intro';
import { callerOf, historyWorld, KIM, LEAD, SAM, seedIntro } from './historyFixture';

/** The session ETag, from the version and the intro's role changes. */
const tagOf = ({ intro, session }: IntroSession) =>
  sessionTag({ version: session.version, roleChanges: intro.roleChanges });

async function world() {
  const { deps } = historyWorld();
  const intro = await seedIntro(deps, LEAD, SAM, 20);
  const act = (who: typeof LEAD, action: RoleSwitchAction) => switchIntroRoles(deps, callerOf(who), intro.id, action);
  const sessionFor = async (who: typeof LEAD) => {
    const view = await getSession(deps, callerOf(who), intro.id);
    if (!view.ok) throw new Error(view.error.message);
    return view.value;
  };
  return { deps, intro, act, sessionFor };
}

describe('handing over the lead', () => {
  test('the leader asks, the member sees the request in the session, accepts, and the two swap', async () => {
    const { act, sessionFor } = await world();
    const before = await sessionFor(SAM);
    const requested = await act(LEAD, 'request');
    expect(requested).toMatchObject({
      ok: true,
      value: { role: 'leader', intro: { roleSwitch: { requestedBy: LEAD.id } } },
    });
    const pending = await sessionFor(SAM);
    expect(pending.intro).toMatchObject({ leader: LEAD, roleSwitch: { requestedBy: LEAD.id } });
    expect(tagOf(pending)).toBeGreaterThan(tagOf(before));

    const accepted = await act(SAM, 'accept');
    expect(accepted).toMatchObject({ ok: true, value: { role: 'leader', intro: { leader: SAM, member: LEAD } } });
    const swapped = await sessionFor(LEAD);
    expect(swapped.intro.leader.id).toBe(SAM.id);
    expect(swapped.intro.roleSwitch).toBeUndefined();
    expect(tagOf(swapped)).toBeGreaterThan(tagOf(pending));
  });

  test.each<[string, typeof LEAD, RoleSwitchAction, string]>([
    ['the member cannot ask on the leader’s behalf', SAM, 'request', 'forbidden'],
    ['the member cannot cancel', SAM, 'cancel', 'forbidden'],
    ['the leader cannot accept their own request', LEAD, 'accept', 'forbidden'],
    ['the leader cannot decline', LEAD, 'decline', 'forbidden'],
    ['an outsider learns nothing', KIM, 'request', 'notFound'],
  ])('%s', async (_name, who, action, code) => {
    const { act } = await world();
    expect((await act(LEAD, 'request')).ok).toBe(true);
    expect(await act(who, action)).toMatchObject({ ok: false, error: { code } });
  });

  test('declining or cancelling clears the request; accepting a withdrawn request is refused', async () => {
    const { act, sessionFor } = await world();
    await act(LEAD, 'request');
    expect(await act(SAM, 'decline')).toMatchObject({ ok: true, value: { role: 'member' } });
    expect((await sessionFor(LEAD)).intro.roleSwitch).toBeUndefined();
    await act(LEAD, 'request');
    expect(await act(LEAD, 'cancel')).toMatchObject({ ok: true, value: { role: 'leader' } });
    expect(await act(SAM, 'accept')).toMatchObject({ ok: false, error: { code: 'invalidTransition' } });
    expect((await sessionFor(SAM)).intro.leader.id).toBe(LEAD.id);
  });

  test('refused with no member, and once the session has ended', async () => {
    const { deps, act, intro } = await world();
    const { member: _gone, ...alone } = intro;
    const stored = await deps.intros.getVersioned(intro.tenantId, intro.id);
    await deps.intros.update(alone, stored?.version ?? 0);
    expect(await act(LEAD, 'request')).toMatchObject({ ok: false, error: { code: 'invalidTransition' } });

    await deps.intros.update(intro, (stored?.version ?? 0) + 1);
    expect((await actOnSession(deps, callerOf(LEAD), intro.id, 'start')).ok).toBe(true);
    expect((await actOnSession(deps, callerOf(LEAD), intro.id, 'end')).ok).toBe(true);
    expect(await act(LEAD, 'request')).toMatchObject({
      ok: false,
      error: { code: 'invalidTransition', message: 'This intro 1:1 has ended: the roles can no longer change.' },
    });
  });
});
