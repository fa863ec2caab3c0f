import { emptyNotesBody, type NoteText, type NotesBody } from '../../../src/domain/notes';
import type { ApiClient } from '../shared/api/client';
import type { ItemListKey } from './merge';
import type { PendingStore } from './pendingStore';

/** What the save status line says. */
export type SaveStatus =
  'loading' | 'idle' | 'pending' | 'saving' | 'saved' | 'offline' | 'notStored' | 'signInNeeded' | 'invalid' | 'error';

/** What the notes editor shows. */
export interface NotesSyncState {
  readonly status: SaveStatus;
  /** True until the saved notes first arrive: the editor should not take input yet. */
  readonly loading: boolean;
  readonly body: NotesBody;
  readonly message?: string;
  /** Texts changed on two devices at once; both versions were kept, marked. */
  readonly conflicts: readonly (keyof NoteText)[];
  /** Lists where one item was changed on two devices at once; this device's copy was kept. */
  readonly itemConflicts: readonly ItemListKey[];
}

/** What the notes sync needs. */
export interface NotesSyncOptions {
  readonly api: Pick<ApiClient, 'getNotes' | 'saveNotes'>;
  readonly introId: string;
  readonly store: PendingStore;
  readonly onChange: (state: NotesSyncState) => void;
  readonly debounceMs?: number;
  readonly maxBackoffMs?: number;
  /** How long to wait before trying again when the person must sign in (default a minute). */
  readonly signInRetryMs?: number;
}

/** The initial state of a notes editor. */
export const LOADING_STATE: NotesSyncState = {
  status: 'loading',
  loading: true,
  body: emptyNotesBody(),
  conflicts: [],
  itemConflicts: [],
};
