import type { IntroId } from '../domain/ids';
import { roleOf, switchRoles, type RoleSwitchAction } from '../domain/intro';
import { fail, ok, type Failure, type Result } from '../domain/result';
import type { Caller } from './caller';
import type { UseCaseDeps } from './deps';
import { changeIntro } from './introUpdates';
import { loadParticipantIntro, NOT_SHARED, readParticipantIntro, type ParticipantIntro } from './participantIntro';

/** Why a role-switch step is refused. */
type RoleSwitchFailure = 'notFound' | 'forbidden' | 'invalidTransition' | 'versionConflict';

/**
 * One step of handing over the lead: the leader requests or cancels, the member accepts (leader and member swap in
 * one conditional write) or declines. Refused once the session has ended, or while nobody has joined.
 */
export async function switchIntroRoles(
  deps: UseCaseDeps,
  caller: Caller,
  id: IntroId,
  action: RoleSwitchAction,
): Promise<Result<ParticipantIntro, RoleSwitchFailure>> {
  const found = await loadParticipantIntro(deps.intros, caller, id);
  if (!found.ok) return found;
  const { intro } = found.value;
  const session = await deps.intros.getSession(intro.tenantId, intro.id);
  if (session.value.status === 'ended' || intro.status === 'done' || intro.status === 'cancelled') {
    return fail('invalidTransition', 'This intro 1:1 has ended: the roles can no longer change.');
  }
  const now = new Date(deps.clock.now()).toISOString();
  let refused: Failure<'forbidden' | 'invalidTransition'> | undefined;
  const changed = await changeIntro(deps.intros, intro.tenantId, intro.id, (current) => {
    const next = switchRoles(current, caller.userId, action, now);
    refused = next.ok ? undefined : next.error;
    return next.ok ? next.value : undefined;
  });
  if (refused) return { ok: false, error: refused };
  if (!changed.ok) return changed;
  const role = roleOf(changed.value.intro, caller.userId);
  if (!role) return fail('notFound', NOT_SHARED);
  return ok(await readParticipantIntro(deps.intros, deps.clock, changed.value.intro, role));
}
