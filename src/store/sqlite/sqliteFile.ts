import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ensurePrivateDir, makePrivate } from '../../crypto/privateFiles';
import { StoreStartError } from '../storeStartError';

/** The database file's name inside the data directory. */
export const DB_FILE = 'intro.db';

/** The database file of a data directory, as an absolute path (what startup messages name). */
export function databaseFile(dataDir: string): string {
  return path.resolve(dataDir, DB_FILE);
}

/**
 * Creates an empty WAL database at `file` atomically (built aside, then linked into place), so a zero-length
 * intro.db is never something this app left behind: it can only be damage, and is refused.
 */
function createDatabaseFile(file: string): void {
  const temp = `${file}.new-${randomUUID()}`;
  // SQLite gives the WAL and shared-memory files the database file's mode, so 0600 here covers all three.
  fs.closeSync(fs.openSync(temp, 'wx', 0o600));
  try {
    const db = new Database(temp);
    db.pragma('journal_mode = WAL');
    db.close();
    fs.linkSync(temp, file);
  } catch (error) {
    // Another instance created it first: theirs is the file.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${temp}${suffix}`, { force: true });
  }
}

/** Fails unless `PRAGMA quick_check` finds the file sound (it reads every page, without the slower index checks). */
export function checkIntegrity(db: Database.Database, file: string): void {
  const problems = db.pragma('quick_check(5)', { simple: false }) as { quick_check: string }[];
  const found = problems.map((row) => row.quick_check).filter((line) => line !== 'ok');
  if (found.length > 0) {
    throw new StoreStartError(
      `The database ${file} is damaged (quick_check: ${found.join('; ')}). Stop every instance, then restore a ` +
        'backup (npm run restore -- <backup file>), or move the file away to start with an empty store.',
    );
  }
}

/** What to do about a file SQLite calls damaged; empty for other errors. */
export function restoreHint(error: unknown): string {
  const code = (error as { code?: string }).code ?? '';
  return ['SQLITE_CORRUPT', 'SQLITE_NOTADB'].includes(code)
    ? ' Stop every instance, then restore a backup (npm run restore -- <backup file>).'
    : '';
}

/** Opens `<dataDir>/intro.db` (creating it in a new data directory), refusing a zero-length or damaged file. */
export function openDatabaseFile(dataDir: string): Database.Database {
  ensurePrivateDir(dataDir);
  const file = databaseFile(dataDir);
  try {
    if (!fs.existsSync(file)) createDatabaseFile(file);
    if (fs.statSync(file).size === 0) {
      throw new StoreStartError(
        `The database ${file} is empty (0 bytes), so it was truncated or copied wrong: restore a backup ` +
          '(npm run restore -- <backup file>), or delete the file to start with an empty store.',
      );
    }
    for (const suffix of ['', '-wal', '-shm']) makePrivate(`${file}${suffix}`);
    const db = new Database(file, { fileMustExist: true });
    try {
      db.pragma('busy_timeout = 5000');
      checkIntegrity(db, file);
      return db;
    } catch (error) {
      db.close();
      throw error;
    }
  } catch (error) {
    if (error instanceof StoreStartError) throw error;
    throw new StoreStartError(
      `Cannot open the database ${file} (DATA_DIR=${dataDir}): ${(error as Error).message}.${restoreHint(error)}`,
    );
  }
}
