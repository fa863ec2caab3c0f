import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { KeyWrapper } from '../../app/ports';
import { KEY_BYTES } from '../../crypto/aesGcm';
import { dataKeyring } from '../../crypto/dataKeyring';
import { loadLocalKeks, localKeyWrapper } from '../../crypto/localKeyWrapper';
import { ensurePrivateDir, makePrivate } from '../../crypto/privateFiles';
import { encryptedNotesStore } from '../encryptedNotes';
import type { Store, StoreKeyOptions } from '../store';
import { migrate } from './migrations';
import { sqliteBotStorage } from './sqliteBotStorage';
import { sqliteConversationStore } from './sqliteConversationStore';
import { sqliteDataKeyStore } from './sqliteDataKeyStore';
import { sqliteIntroStore } from './sqliteIntroStore';
import { sqliteJobStore } from './sqliteJobStore';
import { sqliteNotesStore } from './sqliteNotesStore';

/** The SQLite store: every port on one database file. */
export type SqliteStore = Store;

/** The database file's name inside the data directory. */
export const DB_FILE = 'intro.db';

function openDatabase(dataDir: string): Database.Database {
  if (dataDir === ':memory:') return new Database(':memory:');
  ensurePrivateDir(dataDir);
  const file = path.join(dataDir, DB_FILE);
  // SQLite gives the WAL and shared-memory files the database file's mode, so 0600 here covers all three.
  fs.closeSync(fs.openSync(file, 'a', 0o600));
  for (const suffix of ['', '-wal', '-shm']) makePrivate(`${file}${suffix}`);
  return new Database(file);
}

function defaultWrapper(dataDir: string): KeyWrapper {
  return localKeyWrapper(dataDir === ':memory:' ? [randomBytes(KEY_BYTES)] : loadLocalKeks({ dataDir }));
}

/** Rewrites the file without free pages and empties the WAL, while an upgrade left plain text behind. */
function scrub(db: Database.Database, sealed: number): void {
  if (sealed > 0) db.prepare("INSERT OR IGNORE INTO pending_scrub (reason) VALUES ('notes sealed at rest')").run();
  if (db.prepare('SELECT COUNT(*) FROM pending_scrub').pluck().get() === 0) return;
  try {
    db.exec('VACUUM');
  } catch (error) {
    // Another instance is busy on the file: the pending_scrub row stays, and a later start scrubs.
    if ((error as { code?: string }).code === 'SQLITE_BUSY') return;
    throw error;
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.prepare('DELETE FROM pending_scrub').run();
}

/**
 * Opens (creating and migrating if needed) `<dataDir>/intro.db`, or an in-memory database for ':memory:'. Notes are
 * sealed with data keys wrapped by `options.keys`, by default the local KEK file in `dataDir`.
 */
export function openSqliteStore(dataDir: string, options: StoreKeyOptions = {}): SqliteStore {
  const db = openDatabase(dataDir);
  db.pragma('busy_timeout = 5000');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('secure_delete = ON');
  migrate(db);
  const ping = db.prepare('SELECT 1');
  const dataKeys = sqliteDataKeyStore(db);
  const ring = dataKeyring(dataKeys, options.keys ?? defaultWrapper(dataDir), options.keyCache);
  const notes = encryptedNotesStore(sqliteNotesStore(db), ring);
  return {
    intros: sqliteIntroStore(db),
    notes,
    dataKeys,
    conversations: sqliteConversationStore(db),
    jobs: sqliteJobStore(db),
    botStorage: sqliteBotStorage(db),
    health: {
      ping: async () => {
        ping.get();
      },
    },
    upgrade: async () => {
      const sealed = await notes.sealPlainRows();
      scrub(db, sealed);
      return sealed;
    },
    close: () => db.close(),
  };
}
