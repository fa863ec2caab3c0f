import type { IntroId } from '../domain/ids';
import type { Intro } from '../domain/intro';
import { ok, type Result } from '../domain/result';
import type { Caller } from './caller';
import type { UseCaseDeps } from './deps';
import { loadParticipantIntro, readParticipantIntro, type ParticipantIntro } from './participantIntro';
import type { Page } from './ports';

/** Intros the caller leads or attends, newest first. */
export async function listMyIntros(
  deps: UseCaseDeps,
  caller: Caller,
  page: { limit: number; cursor?: string },
): Promise<Page<Intro>> {
  return deps.intros.listForUser(caller.tenantId, caller.userId, page);
}

/** One intro the caller takes part in, with its agenda and session. */
export async function getIntro(
  deps: UseCaseDeps,
  caller: Caller,
  id: IntroId,
): Promise<Result<ParticipantIntro, 'notFound'>> {
  const found = await loadParticipantIntro(deps.intros, caller, id);
  if (!found.ok) return found;
  return ok(await readParticipantIntro(deps.intros, deps.clock, found.value.intro, found.value.role));
}
