import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import path from 'node:path';
import type { Signer } from '../app/ports';
import { createOnce, ensurePrivateDir, makePrivate } from './privateFiles';

/**
 * The app's HMAC key: from a configured secret when there is one (every instance derives the same key), else a
 * random key kept in DATA_DIR (0600), created once and shared by every instance on that directory.
 */
export function resolveSigningKey(secret: string | undefined, dataDir: string): Buffer {
  if (secret) return createHash('sha256').update(`intro-1on1 signing key|${secret}`).digest();
  const file = path.join(dataDir, 'signing.key');
  ensurePrivateDir(dataDir);
  makePrivate(file);
  const stored = createOnce(file, () => Buffer.from(randomBytes(32).toString('base64')));
  return Buffer.from(stored.toString('utf8'), 'base64');
}

/** An HMAC-SHA256 `Signer`; signatures are base64url. */
export function createSigner(key: Buffer): Signer {
  const sign = (value: string) => createHmac('sha256', key).update(value).digest('base64url');
  return {
    sign,
    verify: (value, signature) => {
      const expected = Buffer.from(sign(value));
      const given = Buffer.from(signature);
      return expected.length === given.length && timingSafeEqual(expected, given);
    },
  };
}
