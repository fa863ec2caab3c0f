import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Why a private directory or file could not be made: names the path and what to do. */
class PrivatePathError extends Error {
  constructor(
    readonly path: string,
    cause: unknown,
  ) {
    const code = (cause as NodeJS.ErrnoException).code ?? String(cause);
    super(`Cannot use the data directory "${path}" (${code}): create it, or set DATA_DIR to a writable directory.`);
    this.name = 'PrivatePathError';
  }
}

/**
 * mkdir -p that fails instead of spinning: Node's recursive mkdirSync loops forever below /proc, where mkdir answers
 * ENOENT under a parent that exists. Creates each missing directory once, top down.
 */
function makeDirs(dir: string): void {
  const missing: string[] = [];
  for (let at = path.resolve(dir); !fs.existsSync(at); at = path.dirname(at)) {
    missing.unshift(at);
    if (path.dirname(at) === at) break;
  }
  for (const each of missing) {
    try {
      fs.mkdirSync(each, { mode: 0o700 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/** Creates `dir` (and missing parents) readable by this user only (0700); fails once, naming the path. */
export function ensurePrivateDir(dir: string): void {
  try {
    makeDirs(dir);
    fs.accessSync(dir, fs.constants.W_OK | fs.constants.X_OK);
    if (!fs.statSync(dir).isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
  } catch (error) {
    throw new PrivatePathError(dir, error);
  }
}

/**
 * Creates `file` with 0600 and the bytes `make()` gives, unless it exists; returns the stored bytes. Concurrent
 * callers (other instances on the same directory) all end up with the first file written.
 */
export function createOnce(file: string, make: () => Uint8Array): Buffer {
  if (!fs.existsSync(file)) {
    const temp = `${file}.${randomUUID()}`;
    fs.writeFileSync(temp, make(), { mode: 0o600 });
    try {
      // link() is atomic and fails when the file exists, so concurrent instances agree on the first file.
      fs.linkSync(temp, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      fs.unlinkSync(temp);
    }
  }
  return fs.readFileSync(file);
}

/** Narrows an existing file to this user (0600), e.g. one an earlier version created world-readable. */
export function makePrivate(file: string): void {
  if (fs.existsSync(file) && (fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
}
