import type { IntroId } from '../domain/ids';
import { emptyNotesBody, type Notes, type NotesBody } from '../domain/notes';
import { fail, ok, type Result } from '../domain/result';
import type { Caller } from './caller';
import type { UseCaseDeps } from './deps';
import { loadParticipantIntro, NOT_SHARED } from './participantIntro';

type NotesKey = Pick<Notes, 'tenantId' | 'introId' | 'authorId'>;

/** Notes before their author writes anything: version 0, never saved. */
const unsaved = (key: NotesKey): Notes => ({ ...key, version: 0, updatedAt: '', ...emptyNotesBody() });

/** The caller's own notes on an intro they take part in; version 0 and empty when none are saved. */
export async function getMyNotes(
  deps: UseCaseDeps,
  caller: Caller,
  introId: IntroId,
): Promise<Result<Notes, 'notFound'>> {
  const found = await loadParticipantIntro(deps.intros, caller, introId);
  if (!found.ok) return found;
  const key = { tenantId: caller.tenantId, introId, authorId: caller.userId };
  return ok((await deps.notes.get(key)) ?? unsaved(key));
}

/**
 * Saves the caller's notes if `ifVersion` is still current and they take part in the intro (checked with the write
 * itself: see `saveAsParticipant`); otherwise returns the newer copy so nothing is lost.
 */
export async function saveMyNotes(
  deps: UseCaseDeps,
  caller: Caller,
  introId: IntroId,
  body: NotesBody,
  ifVersion: number,
): Promise<
  Result<Notes, 'notFound'> | { ok: false; error: { code: 'versionConflict'; message: string }; current: Notes }
> {
  const key = { tenantId: caller.tenantId, introId, authorId: caller.userId };
  const saved = await deps.notes.saveAsParticipant(key, body, ifVersion, new Date(deps.clock.now()).toISOString());
  if ('notParticipant' in saved) return fail('notFound', NOT_SHARED);
  if (saved.ok) return ok(saved.value.value);
  return {
    ok: false,
    error: { code: 'versionConflict', message: 'These notes were changed on another device.' },
    current: saved.current?.value ?? unsaved(key),
  };
}
