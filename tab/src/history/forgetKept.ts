import type { Me } from '../../../src/contract';
import type { ApiClient } from '../shared/api/client';
import type { KeyValueStorage } from '../shared/deviceStorage';
import { clearPending } from '../notes/pendingStore';
import { clearCachedViews } from '../inPerson/viewCache';
import { clearQueued } from '../live/session/actionQueue';

/**
 * The client History uses: deleting notes (or all data) also removes the copies this device keeps unsent, so they
 * cannot bring deleted notes back; deleting all data also drops queued in-person actions and cached intros.
 */
export function withDeviceCleanup(api: ApiClient, storage: KeyValueStorage | undefined): ApiClient {
  let me: Promise<Me> | undefined;
  async function forget(introId?: string): Promise<void> {
    if (!storage) return;
    me ??= api.me();
    const who = await me.catch(() => undefined);
    if (!who) {
      me = undefined;
      return;
    }
    const person = { tenantId: who.tenantId, userId: who.userId };
    clearPending(storage, person, introId);
    if (introId !== undefined) return;
    clearQueued(storage, person);
    clearCachedViews(storage, person);
  }
  return {
    ...api,
    async deleteNotes(introId) {
      await api.deleteNotes(introId);
      await forget(introId);
    },
    async deleteMyData() {
      await api.deleteMyData();
      await forget();
    },
  };
}
