import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
import type { KeyWrapper, WrappedKey } from '../app/ports';
import { KEY_BYTES, openBytes, sealBytes } from './aesGcm';
import { createOnce, ensurePrivateDir, makePrivate } from './privateFiles';

/** The local key-encryption key's file inside DATA_DIR. */
export const KEK_FILE = 'notes-kek.key';
const ALG = 'A256GCM';

const kekIdOf = (kek: Uint8Array) => `local:${createHash('sha256').update(kek).digest('hex').slice(0, 16)}`;
const aadOf = (kekId: string) => Buffer.from(`intro-notes data key|${kekId}`, 'utf8');

/**
 * Wraps data keys with AES-256-GCM under local KEKs: the first wraps, any of them unwraps (older ones stay listed
 * after a rotation until every data key is rewrapped).
 */
export function localKeyWrapper(keks: readonly Uint8Array[]): KeyWrapper {
  const [current] = keks;
  if (!current || keks.some((kek) => kek.length !== KEY_BYTES)) {
    throw new RangeError(`A local key-encryption key is ${KEY_BYTES} random bytes.`);
  }
  const byId = new Map(keks.map((kek) => [kekIdOf(kek), kek] as const));
  const currentId = kekIdOf(current);
  return {
    wrap: async (dataKey) => ({ kekId: currentId, alg: ALG, wrapped: sealBytes(current, dataKey, aadOf(currentId)) }),
    unwrap: async (wrapped: WrappedKey) => {
      const kek = byId.get(wrapped.kekId);
      if (!kek || wrapped.alg !== ALG) {
        throw new Error(
          `Data key was wrapped by ${wrapped.kekId} (${wrapped.alg}), which this instance does not hold.`,
        );
      }
      return new Uint8Array(openBytes(kek, wrapped.wrapped, aadOf(wrapped.kekId)));
    },
  };
}

/** Parses NOTES_KEK: base64 of 32 bytes, or several comma-separated, the current one first. */
function parseKeks(secret: string): Buffer[] {
  return secret.split(',').map((part) => Buffer.from(part.trim(), 'base64'));
}

/** The local KEKs: from the configured secret, else `DATA_DIR/notes-kek.key` (created 0600 on first use). */
export function loadLocalKeks(options: { readonly secret?: string; readonly dataDir: string }): Buffer[] {
  if (options.secret) return parseKeks(options.secret);
  ensurePrivateDir(options.dataDir);
  const file = path.join(options.dataDir, KEK_FILE);
  makePrivate(file);
  return [createOnce(file, () => randomBytes(KEY_BYTES))];
}
