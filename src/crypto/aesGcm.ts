import { createCipheriv, createDecipheriv, randomFillSync } from 'node:crypto';

const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Bytes of an AES-256 key. */
export const KEY_BYTES = 32;

/** Why a sealed value could not be opened: the wrong key, other additional data, or altered bytes. */
export class SealOpenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SealOpenError';
  }
}

// Random IVs drawn from one buffer filled 256 at a time: one call into the CSPRNG per 256 seals instead of one each
// (it was a tenth of a notes save). Every IV is still fresh random bytes, used once.
const IV_POOL = Buffer.alloc(IV_BYTES * 256);
let ivOffset = IV_POOL.length;

function nextIv(): Buffer {
  if (ivOffset === IV_POOL.length) {
    randomFillSync(IV_POOL);
    ivOffset = 0;
  }
  ivOffset += IV_BYTES;
  return Buffer.from(IV_POOL.subarray(ivOffset - IV_BYTES, ivOffset));
}

/** A Buffer over the same bytes as `bytes` (no copy), for Buffer's methods on any Uint8Array. */
export function bufferOf(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** AES-256-GCM: `iv | ciphertext | tag`, authenticated together with `aad`. */
export function sealBytes(key: Uint8Array, plaintext: Uint8Array, aad: Uint8Array): Buffer {
  if (key.length !== KEY_BYTES) throw new RangeError(`AES-256-GCM needs a ${KEY_BYTES}-byte key.`);
  const iv = nextIv();
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad);
  return Buffer.concat([iv, cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
}

/** Opens what `sealBytes` made; throws SealOpenError unless key, additional data and bytes all match. */
export function openBytes(key: Uint8Array, sealed: Uint8Array, aad: Uint8Array): Buffer {
  if (key.length !== KEY_BYTES) throw new RangeError(`AES-256-GCM needs a ${KEY_BYTES}-byte key.`);
  if (sealed.length < IV_BYTES + TAG_BYTES) throw new SealOpenError('Sealed value is too short.');
  const bytes = bufferOf(sealed);
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
  decipher.setAAD(aad);
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]);
  } catch {
    throw new SealOpenError('Sealed value does not open with this key and additional data.');
  }
}
