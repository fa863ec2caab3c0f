import type { NotesBody } from '../../../src/domain/notes';
import { keysAfter, type KeyValueStorage } from '../shared/deviceStorage';

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

const PREFIX = 'intro11.pendingNotes.v1:';

/** The storage key for one owner's pending edits. */
export function pendingKey(owner: NotesOwner): string {
  return `${PREFIX}${owner.tenantId}:${owner.userId}:${owner.introId}`;
}

/** The intro ids with pending edits kept for one person, read from the storage keys. */
export function pendingIntroIds(storage: KeyValueStorage | undefined, person: Omit<NotesOwner, 'introId'>): string[] {
  return keysAfter(storage, `${PREFIX}${person.tenantId}:${person.userId}:`);
}

/** Removes one person's pending edits: for one intro, or for all of them (after deleting notes or all data). */
export function clearPending(
  storage: KeyValueStorage | undefined,
  person: Omit<NotesOwner, 'introId'>,
  introId?: string,
) {
  const ids = introId === undefined ? pendingIntroIds(storage, person) : [introId];
  for (const id of ids) pendingStore(storage, { ...person, introId: id }).clear();
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Reads and writes pending edits, ignoring storage that is full, disabled or holds something unreadable. */
export function pendingStore(storage: KeyValueStorage | undefined, owner: NotesOwner) {
  const key = pendingKey(owner);
  const load = (): PendingEdits | undefined => {
    try {
      const raw = storage?.getItem(key);
      const parsed = raw ? (JSON.parse(raw) as Partial<PendingEdits>) : undefined;
      return parsed?.base && parsed.local && typeof parsed.baseVersion === 'number'
        ? (parsed as PendingEdits)
        : undefined;
    } catch {
      return undefined;
    }
  };
  const clear = (): void => {
    try {
      storage?.removeItem(key);
    } catch {
      // Nothing to clear when storage is unavailable.
    }
  };
  return {
    /** The storage key, to match `storage` events from another surface. */
    key,
    load,
    save(edits: PendingEdits): boolean {
      try {
        storage?.setItem(key, JSON.stringify(edits));
        return storage !== undefined;
      } catch {
        return false;
      }
    },
    clear,
    /** Clears the edits only if what is kept is what was sent: another surface may have added edits since. */
    clearIfSent(sent: NotesBody): boolean {
      const kept = load();
      if (kept && !sameJson(kept.local, sent)) return false;
      clear();
      return true;
    },
  };
}

/** A pending-edit store for one owner. */
export type PendingStore = ReturnType<typeof pendingStore>;
