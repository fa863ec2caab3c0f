import type { NotesOwner } from './pendingStore';
import { pendingIntroIds, pendingStore } from './pendingStore';
import type { KeyValueStorage } from '../shared/deviceStorage';
import { NotesSync, type NotesSyncOptions } from './notesSync';

const started = new Set<string>();

/**
 * Sends edits this device still keeps for one person's other intros (say a panel closed offline), one intro at a
 * time, merging with the server's copy as the editor would. Runs once per person per page.
 */
export async function flushOtherIntros(
  api: NotesSyncOptions['api'],
  storage: KeyValueStorage | undefined,
  owner: NotesOwner,
): Promise<void> {
  const person = `${owner.tenantId}:${owner.userId}`;
  if (started.has(person)) return;
  started.add(person);
  for (const introId of pendingIntroIds(storage, owner).filter((id) => id !== owner.introId)) {
    const store = pendingStore(storage, { ...owner, introId });
    const sync = new NotesSync({ api, introId, store, onChange: () => undefined });
    try {
      await sync.start();
    } finally {
      sync.stop();
    }
  }
}

/** Forgets which people were handled (for tests). */
export function resetOtherIntros(): void {
  started.clear();
}
