import type { SaveStatus } from './notesSync';

/** The words of the save status line (the status a person sees, never colour alone). */
export function statusText(status: SaveStatus): string {
  switch (status) {
    case 'loading':
      return 'Loading your notes…';
    case 'idle':
      return 'Private to you';
    case 'pending':
    case 'saving':
      return 'Saving…';
    case 'saved':
      return 'Saved';
    case 'offline':
      return 'Offline — kept on this device';
    case 'notStored':
      return 'Not saved — the server cannot store it yet; kept on this device';
    case 'signInNeeded':
      return 'Not saved — sign in needed; kept on this device';
    case 'invalid':
      return 'Not saved — too long';
    case 'error':
      return 'Not saved';
  }
}

/** A new id for a structured item, unique enough across one person's devices. */
export function newItemId(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}
