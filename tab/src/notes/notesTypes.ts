import type { NotesView } from '../../../src/contract';
import type { NotesBody } from '../../../src/domain/notes';
import type { PendingEdits } from './pendingStore';
import type { NotesSyncState } from './syncState';

/** The synced copy, the copy on this device, and whether the server has yet to confirm the latter. */
export interface NotesDoc {
  readonly base: NotesBody;
  readonly baseVersion: number;
  readonly local: NotesBody;
  readonly unsent: boolean;
  /** The unsent edits are another window's (picked up from this device's storage), not typed here. */
  readonly borrowed?: boolean;
}

/** What the sync is doing; every state carries the document, what the editor shows and the next backoff. */
export type NotesMachine = (
  | { readonly kind: 'unstarted' }
  /** Getting the saved notes. */
  | { readonly kind: 'loading' }
  /** Getting them failed; a retry may be scheduled (the timer loads again). */
  | { readonly kind: 'loadWait' }
  /** Loaded, nothing scheduled. */
  | { readonly kind: 'idle' }
  /** Loaded, a save is scheduled (after a pause in typing, or a retry). */
  | { readonly kind: 'waiting' }
  /** A save of `sent` is on its way; `then` is what follows it: settle, wait for the scheduled save, or save again. */
  | { readonly kind: 'saving'; readonly sent: NotesBody; readonly then: 'settle' | 'wait' | 'saveAgain' }
  /** Disposed: no timers and no state updates; a late confirmation still clears what this device kept. */
  | { readonly kind: 'stopped' }
) & { readonly doc: NotesDoc; readonly view: NotesSyncState; readonly backoffMs: number };

/** Why a request failed, as the sync sees it. */
export type Failure =
  | { readonly kind: 'signIn'; readonly message?: string }
  | { readonly kind: 'transient' }
  /** The server is up but its storage is full or read-only (507): it passes by itself, so the edits wait. */
  | { readonly kind: 'notStored'; readonly message: string }
  | { readonly kind: 'refused'; readonly message: string };

/** What happens to the sync: calls from the editor and the page, timers firing and answers from the API. */
export type NotesEvent =
  | { readonly type: 'start'; readonly kept?: PendingEdits }
  | { readonly type: 'loaded'; readonly view: NotesView; readonly kept?: PendingEdits }
  | { readonly type: 'loadFailed'; readonly failure: Failure }
  | { readonly type: 'edit'; readonly body: NotesBody }
  | { readonly type: 'flush'; readonly keepalive: boolean }
  | { readonly type: 'timer' }
  | { readonly type: 'saved'; readonly sent: NotesBody; readonly view: NotesView }
  | { readonly type: 'conflict'; readonly current: NotesView }
  | { readonly type: 'saveFailed'; readonly failure: Failure }
  /** Another surface kept edits under the same key. */
  | { readonly type: 'stored'; readonly kept?: PendingEdits }
  /** Closing: send unsent edits with keepalive, then stop. */
  | { readonly type: 'dispose' }
  | { readonly type: 'stop' };

/** What the I/O wrapper must do, as data. */
export type NotesEffect =
  | { readonly type: 'load' }
  | { readonly type: 'save'; readonly body: NotesBody; readonly baseVersion: number; readonly keepalive: boolean }
  /** A keepalive save on its own (the page is going away); clears what is kept if it is confirmed. */
  | {
      readonly type: 'sendDetached';
      readonly body: NotesBody;
      readonly baseVersion: number;
      readonly keepalive: boolean;
    }
  | { readonly type: 'keep'; readonly edits: PendingEdits }
  | { readonly type: 'clearIfSent'; readonly body: NotesBody }
  | { readonly type: 'clearKept' }
  | { readonly type: 'schedule'; readonly ms: number }
  | { readonly type: 'cancelTimer' };

/** Timings of the sync. */
export interface NotesTimings {
  readonly debounceMs: number;
  readonly maxBackoffMs: number;
  readonly signInRetryMs: number;
}

/** Autosave after 800 ms, retries up to every 5 s, a minute between tries when sign-in is needed. */
export const DEFAULT_TIMINGS: NotesTimings = { debounceMs: 800, maxBackoffMs: 5000, signInRetryMs: 60_000 };
