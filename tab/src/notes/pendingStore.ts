import type { NotesBody } from '../../../src/domain/notes';

/** The part of `localStorage` the pending-edit store uses. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Edits not yet confirmed by the server, with the synced copy they started from. */
export interface PendingEdits {
  readonly base: NotesBody;
  readonly baseVersion: number;
  readonly local: NotesBody;
}

/** Who owns the notes: pending edits are kept per tenant, user and intro so people sharing a device never mix. */
export interface NotesOwner {
  readonly tenantId: string;
  readonly userId: string;
  readonly introId: string;
}

/** The storage key for one owner's pending edits. */
export function pendingKey(owner: NotesOwner): string {
  return `intro11.pendingNotes.v1:${owner.tenantId}:${owner.userId}:${owner.introId}`;
}

/** Reads and writes pending edits, ignoring storage that is full, disabled or holds something unreadable. */
export function pendingStore(storage: KeyValueStorage | undefined, owner: NotesOwner) {
  const key = pendingKey(owner);
  return {
    load(): PendingEdits | undefined {
      try {
        const raw = storage?.getItem(key);
        const parsed = raw ? (JSON.parse(raw) as Partial<PendingEdits>) : undefined;
        return parsed?.base && parsed.local && typeof parsed.baseVersion === 'number'
          ? (parsed as PendingEdits)
          : undefined;
      } catch {
        return undefined;
      }
    },
    save(edits: PendingEdits): boolean {
      try {
        storage?.setItem(key, JSON.stringify(edits));
        return storage !== undefined;
      } catch {
        return false;
      }
    },
    clear(): void {
      try {
        storage?.removeItem(key);
      } catch {
        // Nothing to clear when storage is unavailable.
      }
    },
  };
}

/** A pending-edit store for one owner. */
export type PendingStore = ReturnType<typeof pendingStore>;
