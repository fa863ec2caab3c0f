import type { IntroId, TenantId } from '../domain/ids';
import type { Intro } from '../domain/intro';
import { fail, ok, type Result } from '../domain/result';
import type { IntroStore } from './ports';

/** How many times a change is re-read and retried before giving up on concurrent writers. */
const MAX_INTRO_WRITE_TRIES = 4;

/** An intro after a change, and whether this call wrote it. */
interface ChangedIntro {
  readonly intro: Intro;
  readonly changed: boolean;
}

/**
 * Applies `change` to a fresh read of the intro and writes it only if nobody wrote meanwhile, re-reading and
 * re-applying on a conflict; `change` returns undefined to leave the intro as it is.
 */
export async function changeIntro(
  intros: IntroStore,
  tenantId: TenantId,
  id: IntroId,
  change: (current: Intro) => Intro | undefined,
): Promise<Result<ChangedIntro, 'notFound' | 'versionConflict'>> {
  for (let attempt = 0; attempt < MAX_INTRO_WRITE_TRIES; attempt++) {
    const current = await intros.getVersioned(tenantId, id);
    if (!current) break;
    const next = change(current.value);
    if (!next) return ok({ intro: current.value, changed: false });
    const saved = await intros.update(next, current.version);
    if (saved.ok) return ok({ intro: saved.value.value, changed: true });
    if (!saved.current) break;
  }
  const gone = (await intros.getVersioned(tenantId, id)) === undefined;
  return gone
    ? fail('notFound', 'This intro 1:1 no longer exists.')
    : fail('versionConflict', 'The intro 1:1 changed meanwhile; reload it and try again.');
}
