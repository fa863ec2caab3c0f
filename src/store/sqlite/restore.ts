import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { checkIntegrity, databaseFile } from './sqliteFile';

/** What a restore did. */
interface RestoreReport {
  readonly file: string;
  readonly notes: number;
  /** Data keys in the restored file. */
  readonly dataKeys: number;
  /** Notes rows dropped because their author's data key is gone (deleted after the backup). */
  readonly shredded: number;
}

/** Why a restore did not happen; the message says what to do. */
class RestoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreError';
  }
}

type KeyRow = Record<'tenant_id' | 'author_id' | 'kek_id' | 'alg' | 'created_at', string> & { wrapped: Buffer };

/**
 * Holds the live database exclusively. Every open connection of a running app keeps a shared lock on the file (WAL
 * mode), so this fails at once while any instance runs; the OS drops those locks when a process dies, even by kill -9.
 */
function holdLive(file: string): Database.Database {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 0');
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    return db;
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code !== 'SQLITE_BUSY') throw error;
    throw new RestoreError(`The app is running on ${file}: stop every instance, then restore.`);
  }
}

/** The live database's wrapped data keys, read under the exclusive hold; the hold is released. */
function takeLiveKeys(file: string, withKeys: boolean): readonly KeyRow[] {
  if (!fs.existsSync(file)) {
    if (withKeys) return [];
    throw new RestoreError(
      `No live database at ${file}, so no data keys to keep: every restored note would be unreadable. ` +
        'Restore a backup made with --with-keys, and pass --with-keys.',
    );
  }
  const db = holdLive(file);
  try {
    return db.prepare<[], KeyRow>('SELECT * FROM data_keys').all();
  } catch (error) {
    if (withKeys) return [];
    throw new RestoreError(
      `Cannot read the data keys of ${file} (${(error as Error).message}). Restore a backup made with --with-keys.`,
    );
  } finally {
    db.exec('COMMIT');
    db.close();
  }
}

/** Gives the copy the chosen data keys and drops notes no key can open any more. */
function rekey(file: string, liveKeys: readonly KeyRow[], withKeys: boolean): Omit<RestoreReport, 'file'> {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('secure_delete = ON');
    const backupKeys = Number(db.prepare('SELECT COUNT(*) FROM data_keys').pluck().get());
    if (withKeys && backupKeys === 0) {
      throw new RestoreError('This backup holds no data keys (it was made without --with-keys): restore it without.');
    }
    const insert = db.prepare(`INSERT OR IGNORE INTO data_keys (tenant_id, author_id, kek_id, alg, wrapped, created_at)
      VALUES (@tenant_id, @author_id, @kek_id, @alg, @wrapped, @created_at)`);
    const shredded = db.transaction(() => {
      // By default the live keys only: whoever was deleted after the backup stays deleted.
      if (!withKeys) db.exec('DELETE FROM data_keys');
      for (const row of liveKeys) insert.run(row);
      return db
        .prepare(
          `DELETE FROM notes WHERE NOT EXISTS (SELECT 1 FROM data_keys AS k
        WHERE k.tenant_id = notes.tenant_id AND k.author_id = notes.author_id)`,
        )
        .run().changes;
    })();
    db.exec('VACUUM');
    db.pragma('journal_mode = WAL');
    const count = (table: string) => Number(db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get());
    return { notes: count('notes'), dataKeys: count('data_keys'), shredded };
  } finally {
    db.close();
  }
}

/**
 * Puts a backup back as `<dataDir>/intro.db`, refusing while the app runs. By default the live database's data keys
 * are kept (a person deleted after the backup stays unreadable); `withKeys` restores the backup's keys instead.
 */
export function restoreStore(dataDir: string, backupFile: string, options: { withKeys?: boolean } = {}): RestoreReport {
  const withKeys = options.withKeys ?? false;
  if (!fs.existsSync(backupFile)) throw new RestoreError(`No backup at ${backupFile}.`);
  const source = new Database(backupFile, { readonly: true, fileMustExist: true });
  try {
    checkIntegrity(source, backupFile);
  } finally {
    source.close();
  }
  const live = databaseFile(dataDir);
  const liveKeys = takeLiveKeys(live, withKeys);
  const next = `${live}.restore-${randomUUID()}`;
  try {
    fs.copyFileSync(backupFile, next, fs.constants.COPYFILE_EXCL);
    fs.chmodSync(next, 0o600);
    const report = rekey(next, liveKeys, withKeys);
    // Stale WAL or shared memory of the old file must not be replayed onto the restored one.
    for (const suffix of ['-wal', '-shm']) fs.rmSync(`${live}${suffix}`, { force: true });
    fs.renameSync(next, live);
    return { file: live, ...report };
  } finally {
    for (const suffix of ['', '-journal', '-wal', '-shm']) fs.rmSync(`${next}${suffix}`, { force: true });
  }
}
