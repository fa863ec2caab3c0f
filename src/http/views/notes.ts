import type { NotesView } from '../../contract';
import type { Notes } from '../../domain/notes';

/** The caller's notes as the API answers them: whose they are and where they are kept stay on the server. */
export function notesView(notes: Notes): NotesView {
  const { tenantId: _tenant, authorId: _author, ...view } = notes;
  return view;
}
