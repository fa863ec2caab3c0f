import { useCallback, useEffect, useRef, useState } from 'react';
import type { NotesBody } from '../../../src/domain/notes';
import type { ApiClient } from '../shared/api/client';
import { LOADING_STATE, NotesSync, type NotesSyncState } from './notesSync';
import { flushOtherIntros } from './otherIntros';
import { watchPage } from './pageEvents';
import { pendingStore, type NotesOwner } from './pendingStore';
import { browserStorage } from '../shared/deviceStorage';

/** One person's notes on an intro, autosaved. */
export interface NotesHandle {
  /** `state.loading` is true until the saved notes arrive: disable inputs until then. */
  readonly state: NotesSyncState;
  readonly edit: (update: (body: NotesBody) => NotesBody) => void;
}

/**
 * Loads and autosaves the caller's notes for an intro; unsent edits are kept in this browser's storage, sent when
 * the panel closes or the page is hidden, and edits left for the caller's other intros are sent too.
 */
export function useNotes(api: ApiClient, owner: NotesOwner): NotesHandle {
  const [state, setState] = useState<NotesSyncState>(LOADING_STATE);
  const sync = useRef<NotesSync | undefined>(undefined);
  const { tenantId, userId, introId } = owner;

  useEffect(() => {
    const storage = browserStorage();
    const store = pendingStore(storage, { tenantId, userId, introId });
    const current = new NotesSync({ api, introId, store, onChange: setState });
    sync.current = current;
    void current.start().then(() => flushOtherIntros(api, storage, { tenantId, userId, introId }));
    const unwatch = watchPage(current, window, document, store.key);
    return () => {
      unwatch();
      current.dispose();
    };
  }, [api, tenantId, userId, introId]);

  // The sync holds the latest copy and reports it through onChange: no side effect inside a state updater.
  const edit = useCallback((update: (body: NotesBody) => NotesBody) => sync.current?.update(update), []);

  return { state, edit };
}
