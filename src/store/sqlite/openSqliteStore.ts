import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import type { KeyWrapper } from '../../app/ports';
import { KEY_BYTES } from '../../crypto/aesGcm';
import { dataKeyring } from '../../crypto/dataKeyring';
import { loadLocalKeks, localKeyWrapper } from '../../crypto/localKeyWrapper';
import { encryptedNotesStore } from '../encryptedNotes';
import type { Store, StoreKeyOptions } from '../store';
import { StoreStartError } from '../storeStartError';
import { groupCommit } from './groupCommit';
import { migrate } from './migrations';
import { checkSchema } from './schemaCheck';
import { databaseFile, openDatabaseFile, restoreHint } from './sqliteFile';
import { guardWrites, writeFaults } from '../writeFaults';
import { sqliteBotStorage } from './sqliteBotStorage';
import { sqliteConversationStore } from './sqliteConversationStore';
import { sqliteDataKeyStore } from './sqliteDataKeyStore';
import { sqliteHealth } from './sqliteHealth';
import { sqliteIntroStore } from './sqliteIntroStore';
import { sqliteJobStore } from './sqliteJobStore';
import { sqliteNotesStore } from './sqliteNotesStore';
import { sqliteTeamPlanStore } from './sqliteTeamPlanStore';
import { sqliteWriteFault } from './sqliteWriteFaults';
import { checkpointInBackground, emptyWal, type CheckpointLog } from './walCheckpointer';

/** The SQLite store: every port on one database file. */
export type SqliteStore = Store;

export { DB_FILE } from './sqliteFile';

/** Most bytes the WAL file keeps once it starts over (it may grow past this for the writes of one checkpoint tick). */
const WAL_SIZE_LIMIT_BYTES = 32 * 1024 * 1024;

function openDatabase(dataDir: string): Database.Database {
  const db = dataDir === ':memory:' ? new Database(':memory:') : openDatabaseFile(dataDir);
  const file = dataDir === ':memory:' ? dataDir : databaseFile(dataDir);
  try {
    prepare(db);
    checkSchema(db, file);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof StoreStartError) throw error;
    throw new StoreStartError(
      `Cannot use the database ${file} (DATA_DIR=${dataDir}): ${(error as Error).message}.${restoreHint(error)}`,
    );
  }
}

function prepare(db: Database.Database): void {
  db.pragma('busy_timeout = 5000');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  // After a burst, the WAL file is cut back to this size when it starts over, rather than keeping its largest size.
  db.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
  db.pragma('foreign_keys = ON');
  db.pragma('secure_delete = ON');
  migrate(db);
}

function defaultWrapper(dataDir: string): KeyWrapper {
  return localKeyWrapper(dataDir === ':memory:' ? [randomBytes(KEY_BYTES)] : loadLocalKeks({ dataDir }));
}

/** Rewrites the file without free pages and empties the WAL, while an upgrade left plain text behind. */
async function scrub(db: Database.Database, sealed: number): Promise<void> {
  if (sealed > 0) db.prepare("INSERT OR IGNORE INTO pending_scrub (reason) VALUES ('notes sealed at rest')").run();
  if (db.prepare('SELECT COUNT(*) FROM pending_scrub').pluck().get() === 0) return;
  try {
    db.exec('VACUUM');
  } catch (error) {
    // Another instance is busy on the file: the pending_scrub row stays, and a later start scrubs.
    if ((error as { code?: string }).code === 'SQLITE_BUSY') return;
    throw error;
  }
  try {
    await emptyWal(db);
  } catch {
    return; // the WAL stayed busy: the pending_scrub row stays, and a later start scrubs
  }
  db.prepare('DELETE FROM pending_scrub').run();
}

/**
 * Opens (creating and migrating if needed) `<dataDir>/intro.db`, or an in-memory database for ':memory:'. Notes are
 * sealed with data keys wrapped by `options.keys`, by default the local KEK file in `dataDir`.
 */
export function openSqliteStore(
  dataDir: string,
  options: StoreKeyOptions & { readonly log?: CheckpointLog } = {},
): SqliteStore {
  const db = openDatabase(dataDir);
  const faults = writeFaults(sqliteWriteFault);
  // Before any adapter prepares its statements, so that every one is watched for a damaged file or a refused write.
  const health = sqliteHealth(db, dataDir === ':memory:' ? dataDir : databaseFile(dataDir), faults);
  const dataKeys = sqliteDataKeyStore(db);
  const ring = dataKeyring(dataKeys, options.keys ?? defaultWrapper(dataDir), options.keyCache);
  const saves = groupCommit(db);
  const notes = encryptedNotesStore(sqliteNotesStore(db, saves), ring);
  const stopCheckpoints =
    dataDir === ':memory:'
      ? async () => undefined
      : checkpointInBackground(db, databaseFile(dataDir), { log: options.log });
  const guard = <T extends object>(port: T) => guardWrites(port, faults);
  return {
    intros: guard(sqliteIntroStore(db)),
    notes: guard(notes),
    dataKeys: guard(dataKeys),
    conversations: guard(sqliteConversationStore(db)),
    jobs: guard(sqliteJobStore(db)),
    teamPlans: guard(sqliteTeamPlanStore(db)),
    botStorage: guard(sqliteBotStorage(db)),
    health,
    upgrade: async () => {
      try {
        const sealed = await notes.sealPlainRows();
        await scrub(db, sealed);
        return sealed;
      } catch (error) {
        throw new StoreStartError(`Cannot upgrade the database in DATA_DIR=${dataDir}: ${(error as Error).message}`);
      }
    },
    close: async () => {
      await stopCheckpoints();
      saves.flush(); // saves still queued are written, not failed by the closed connection
      db.close();
    },
  };
}
