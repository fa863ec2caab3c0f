import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The app's HMAC key: from a configured secret when there is one (every instance derives the same key), else a
 * random key kept in DATA_DIR, created once and shared by every instance on that directory.
 */
export function resolveSigningKey(secret: string | undefined, dataDir: string): Buffer {
  if (secret) return createHash('sha256').update(`intro-1on1 signing key|${secret}`).digest();
  const file = path.join(dataDir, 'signing.key');
  mkdirSync(dataDir, { recursive: true });
  const temp = `${file}.${randomUUID()}`;
  writeFileSync(temp, randomBytes(32).toString('base64'), { mode: 0o600 });
  try {
    // link() is atomic and fails when the file exists, so concurrent instances agree on the first key.
    linkSync(temp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(temp);
  }
  return Buffer.from(readFileSync(file, 'utf8'), 'base64');
}
