import { useCallback, useEffect, useRef, useState } from 'react';
import type { IntroView, NotesView } from '../../../src/contract';
import { setFollowUpDone } from '../../../src/domain/history';
import type { NotesBody } from '../../../src/domain/notes';
import { ApiError, type ApiClient } from '../shared/api/client';

/** What the detail view shows. */
type IntroDetailState =
  | { readonly status: 'loading' }
  | { readonly status: 'deleted' }
  | { readonly status: 'error'; readonly message: string }
  | { readonly status: 'ready'; readonly view: IntroView; readonly notes: NotesView; readonly saveError?: string };

function bodyOf(notes: NotesView): NotesBody {
  const { text, goals, issues, feedback, followUps } = notes;
  return { text, goals, issues, feedback, followUps };
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Loads one intro with the caller's notes, and marks follow-ups done (reapplying on a newer copy after 412);
 * `onSaved` hears of every saved copy so the list can follow without a reload.
 */
export function useIntroDetail(api: ApiClient, introId: string, onSaved?: (notes: NotesView) => void) {
  const [state, setState] = useState<IntroDetailState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // Saves in flight: while one runs, the stored notes are not yet what the screen shows.
  const [saving, setSaving] = useState(0);
  const saved = useRef(onSaved);
  saved.current = onSaved;

  useEffect(() => {
    let alive = true;
    setState({ status: 'loading' });
    Promise.all([api.getIntro(introId), api.getNotes(introId)]).then(
      ([view, notes]) => alive && setState({ status: 'ready', view, notes }),
      (error: unknown) => {
        if (!alive) return;
        if (error instanceof ApiError && error.status === 404) setState({ status: 'deleted' });
        else setState({ status: 'error', message: messageOf(error) });
      },
    );
    return () => {
      alive = false;
    };
  }, [api, introId, attempt]);

  const setDone = useCallback(
    async (followUpId: string, done: boolean) => {
      if (state.status !== 'ready') return;
      let notes = state.notes;
      setState({ ...state, notes: setFollowUpDone(notes, followUpId, done), saveError: undefined });
      setSaving((count) => count + 1);
      try {
        for (let tries = 0; tries < 3; tries++) {
          const outcome = await api.saveNotes(introId, setFollowUpDone(bodyOf(notes), followUpId, done), notes.version);
          if (outcome.ok) {
            saved.current?.(outcome.view);
            return setState({ ...state, notes: outcome.view });
          }
          notes = outcome.current; // Changed elsewhere: take the newer copy and apply the change to it.
        }
        setState({ ...state, notes, saveError: 'These notes keep changing elsewhere. Reload and try again.' });
      } catch (error) {
        setState({ ...state, saveError: messageOf(error) });
      } finally {
        setSaving((count) => count - 1);
      }
    },
    [api, introId, state],
  );

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, setDone, retry, saving: saving > 0 };
}
