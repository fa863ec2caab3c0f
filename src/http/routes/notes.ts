import { etag } from '../context';
import type { RouteHandler } from '../route';
import { notesView } from '../views/notes';

/** GET /intros/:id/notes: the caller's own notes, with their version as ETag. */
export const getNotesRoute: RouteHandler<'getNotes'> = async ({ res, caller, params, fail }, deps) => {
  const result = await deps.useCases.getMyNotes(caller, params.id);
  if (!result.ok) return fail(result.error);
  res.header('ETag', etag(result.value.version));
  res.send(200, notesView(result.value));
};

/** PUT /intros/:id/notes: saves the caller's notes over the version they edited (If-Match), or 412 with the newer. */
export const saveNotesRoute: RouteHandler<'saveNotes'> = async ({ res, caller, params, body, header, fail }, deps) => {
  const ifMatch = header('If-Match');
  if (!ifMatch.ok) return fail(ifMatch.error);
  if (ifMatch.value === undefined) {
    return fail({
      code: 'preconditionRequired',
      message: 'Send If-Match with the version you edited ("0" for new notes).',
    });
  }
  const notes = await body();
  if (!notes.ok) return fail(notes.error);
  const result = await deps.useCases.saveMyNotes(caller, params.id, notes.value, ifMatch.value);
  if (!result.ok) return fail(result.error, 'current' in result ? { current: notesView(result.current) } : {});
  res.header('ETag', etag(result.value.version));
  res.send(200, notesView(result.value));
};

/** DELETE /intros/:id/notes: deletes the caller's notes on that intro. */
export const deleteNotesRoute: RouteHandler<'deleteNotes'> = async ({ res, caller, params, fail }, deps) => {
  const result = await deps.useCases.deleteMyNotes(caller, params.id);
  if (!result.ok) return fail(result.error);
  res.send(204);
};
