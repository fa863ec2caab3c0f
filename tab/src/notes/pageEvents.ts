import type { NotesSync } from './notesSync';

/** The document's part the page watcher uses. */
interface VisibilitySource extends EventTarget {
  readonly visibilityState: string;
}

/**
 * Sends unsent notes when the browser is online again and, with `keepalive`, when the page is hidden or goes away;
 * picks up edits another surface kept under `storageKey`. Returns a function that stops watching.
 */
export function watchPage(
  sync: Pick<NotesSync, 'flush' | 'adoptStored'>,
  win: EventTarget,
  doc: VisibilitySource | undefined,
  storageKey: string,
): () => void {
  const online = () => void sync.flush();
  const leaving = () => void sync.flush({ keepalive: true });
  const visibility = () => {
    if (doc?.visibilityState === 'hidden') leaving();
  };
  const storage = (event: Event) => {
    if ((event as Event & { readonly key?: string | null }).key === storageKey) sync.adoptStored();
  };
  win.addEventListener('online', online);
  win.addEventListener('pagehide', leaving);
  win.addEventListener('storage', storage);
  doc?.addEventListener('visibilitychange', visibility);
  return () => {
    win.removeEventListener('online', online);
    win.removeEventListener('pagehide', leaving);
    win.removeEventListener('storage', storage);
    doc?.removeEventListener('visibilitychange', visibility);
  };
}
