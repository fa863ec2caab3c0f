import type { NotesView } from '../contract';
import type { IntroId } from '../domain/ids';
import { emptyNotesBody, type Notes, type NotesBody } from '../domain/notes';
import { ok, type Result } from '../domain/result';
import type { Caller } from './caller';
import type { UseCaseDeps } from './deps';
import { loadParticipantIntro } from './introViews';

function toView(notes: Notes): NotesView {
  const { tenantId: _tenant, authorId: _author, ...view } = notes;
  return view;
}

/** The caller's own notes on an intro they take part in; version 0 and empty when none are saved. */
export async function getMyNotes(
  deps: UseCaseDeps,
  caller: Caller,
  introId: IntroId,
): Promise<Result<NotesView, 'notFound'>> {
  const found = await loadParticipantIntro(deps.intros, caller, introId);
  if (!found.ok) return found;
  const notes = await deps.notes.get({ tenantId: caller.tenantId, introId, authorId: caller.userId });
  return ok(notes ? toView(notes) : { introId, version: 0, updatedAt: '', ...emptyNotesBody() });
}

/** Saves the caller's notes if `ifVersion` is still current; otherwise returns the newer copy so nothing is lost. */
export async function saveMyNotes(
  deps: UseCaseDeps,
  caller: Caller,
  introId: IntroId,
  body: NotesBody,
  ifVersion: number,
): Promise<
  Result<NotesView, 'notFound'> | { ok: false; error: { code: 'versionConflict'; message: string }; current: NotesView }
> {
  const found = await loadParticipantIntro(deps.intros, caller, introId);
  if (!found.ok) return found;
  const key = { tenantId: caller.tenantId, introId, authorId: caller.userId };
  const saved = await deps.notes.save(key, body, ifVersion, new Date(deps.clock.now()).toISOString());
  if (saved.ok) return ok(toView(saved.value.value));
  const current = saved.current
    ? toView(saved.current.value)
    : { introId, version: 0, updatedAt: '', ...emptyNotesBody() };
  return {
    ok: false,
    error: { code: 'versionConflict', message: 'These notes were changed on another device.' },
    current,
  };
}
