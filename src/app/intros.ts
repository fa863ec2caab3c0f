import type { IntroList, IntroView } from '../contract';
import type { IntroId } from '../domain/ids';
import { ok, type Result } from '../domain/result';
import type { Caller } from './caller';
import type { UseCaseDeps } from './deps';
import { introView, loadParticipantIntro } from './introViews';

/** Intros the caller leads or attends, newest first. */
export async function listMyIntros(
  deps: UseCaseDeps,
  caller: Caller,
  page: { limit: number; cursor?: string },
): Promise<IntroList> {
  const { items, nextCursor } = await deps.intros.listForUser(caller.tenantId, caller.userId, page);
  return nextCursor ? { items, nextCursor } : { items };
}

/** One intro the caller takes part in, with its agenda and session. */
export async function getIntro(deps: UseCaseDeps, caller: Caller, id: IntroId): Promise<Result<IntroView, 'notFound'>> {
  const found = await loadParticipantIntro(deps.intros, caller, id);
  if (!found.ok) return found;
  return ok(await introView(deps.intros, deps.clock, found.value.intro, found.value.role));
}
