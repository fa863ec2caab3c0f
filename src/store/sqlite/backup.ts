import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ensurePrivateDir } from '../../crypto/privateFiles';
import { checkIntegrity, databaseFile } from './sqliteFile';

/** What a backup wrote. */
interface BackupReport {
  readonly file: string;
  readonly notes: number;
  /** Wrapped data keys in the backup: 0 unless made `withKeys`. */
  readonly dataKeys: number;
}

/** Options for a backup: `withKeys` keeps the wrapped data keys (disaster recovery; see docs/OPERATIONS.md). */
interface BackupOptions {
  readonly withKeys?: boolean;
  readonly now?: Date;
}

const count = (db: Database.Database, table: string) => db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get();

/** Turns the fresh copy into a self-contained file: no WAL, and without the data keys unless asked. */
function finishCopy(file: string, withKeys: boolean): Omit<BackupReport, 'file'> {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
    db.pragma('secure_delete = ON');
    // Left out by default so that a restore cannot bring back the key of someone deleted after this backup.
    if (!withKeys) db.exec('DELETE FROM data_keys');
    db.exec('VACUUM');
    checkIntegrity(db, file);
    return { notes: Number(count(db, 'notes')), dataKeys: Number(count(db, 'data_keys')) };
  } finally {
    db.close();
  }
}

/**
 * Writes a consistent copy of `<dataDir>/intro.db` into `folder` with SQLite's online backup API, while the app may
 * be running: `intro-<time>[-with-keys].db`, mode 0600. Never copies the key-encryption key file.
 */
export async function backupStore(dataDir: string, folder: string, options: BackupOptions = {}): Promise<BackupReport> {
  const live = databaseFile(dataDir);
  if (!fs.existsSync(live)) throw new Error(`No database at ${live}: check DATA_DIR.`);
  ensurePrivateDir(folder);
  const stamp = (options.now ?? new Date()).toISOString().replace(/[:.]/g, '-');
  const file = path.resolve(folder, `intro-${stamp}${options.withKeys ? '-with-keys' : ''}.db`);
  const partial = `${file}.partial`;
  fs.closeSync(fs.openSync(partial, 'wx', 0o600));
  try {
    const source = new Database(live, { fileMustExist: true });
    try {
      source.pragma('busy_timeout = 5000');
      // After the first step, the rest in one step: a busy app cannot keep restarting a page-by-page copy.
      await source.backup(partial, { progress: () => 1_000_000 });
    } finally {
      source.close();
    }
    const report = finishCopy(partial, options.withKeys ?? false);
    fs.chmodSync(partial, 0o600);
    fs.renameSync(partial, file);
    return { file, ...report };
  } finally {
    for (const suffix of ['', '-journal', '-wal', '-shm']) fs.rmSync(`${partial}${suffix}`, { force: true });
  }
}
