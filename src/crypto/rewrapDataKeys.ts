import { randomBytes } from 'node:crypto';
import type { DataKeyStore, KeyWrapper } from '../app/ports';
import { KEY_BYTES } from './aesGcm';

/**
 * After a KEK rotation: rewraps every data key not yet wrapped by the wrapper's current KEK (unwrapping with the KEK
 * each key names). Notes are not re-encrypted; their data keys stay the same. Returns how many keys were rewrapped.
 */
export async function rewrapDataKeys(keys: DataKeyStore, wrapper: KeyWrapper): Promise<number> {
  const currentKekId = (await wrapper.wrap(randomBytes(KEY_BYTES))).kekId;
  let rewrapped = 0;
  for (const { tenantId, authorId, key } of await keys.list()) {
    if (key.kekId === currentKekId) continue;
    const next = await wrapper.wrap(await wrapper.unwrap(key));
    // A key deleted or rewrapped meanwhile by another instance is left as it is.
    if (await keys.replace(tenantId, authorId, key, next)) rewrapped += 1;
  }
  return rewrapped;
}
