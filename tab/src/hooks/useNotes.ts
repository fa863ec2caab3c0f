import { useCallback, useEffect, useRef, useState } from 'react';
import type { NotesBody } from '../../../src/domain/notes';
import type { ApiClient } from '../api/client';
import { NotesSync, type NotesSyncState } from '../notes/notesSync';
import { pendingStore, type NotesOwner } from '../notes/pendingStore';
import { emptyNotesBody } from '../../../src/domain/notes';

/** One person's notes on an intro, autosaved. */
export interface NotesHandle {
  readonly state: NotesSyncState;
  readonly edit: (update: (body: NotesBody) => NotesBody) => void;
}

function browserStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** Loads and autosaves the caller's notes for an intro; unsent edits are kept in this browser's storage. */
export function useNotes(api: ApiClient, owner: NotesOwner): NotesHandle {
  const [state, setState] = useState<NotesSyncState>({ status: 'loading', body: emptyNotesBody(), conflicts: [] });
  const sync = useRef<NotesSync | undefined>(undefined);
  const { tenantId, userId, introId } = owner;

  useEffect(() => {
    const store = pendingStore(browserStorage(), { tenantId, userId, introId });
    const current = new NotesSync({ api, introId, store, onChange: setState });
    sync.current = current;
    void current.start();
    const online = () => void current.flush();
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('online', online);
      current.dispose();
    };
  }, [api, tenantId, userId, introId]);

  const edit = useCallback((update: (body: NotesBody) => NotesBody) => {
    setState((previous) => {
      const body = update(previous.body);
      queueMicrotask(() => sync.current?.edit(body));
      return { ...previous, body };
    });
  }, []);

  return { state, edit };
}
