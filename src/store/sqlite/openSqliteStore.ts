import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Store } from '../store';
import { migrate } from './migrations';
import { sqliteBotStorage } from './sqliteBotStorage';
import { sqliteConversationStore } from './sqliteConversationStore';
import { sqliteIntroStore } from './sqliteIntroStore';
import { sqliteJobStore } from './sqliteJobStore';
import { sqliteNotesStore } from './sqliteNotesStore';

/** The SQLite store: every port on one database file. */
export type SqliteStore = Store;

/** The database file's name inside the data directory. */
export const DB_FILE = 'intro.db';

function openDatabase(dataDir: string): Database.Database {
  if (dataDir === ':memory:') return new Database(':memory:');
  fs.mkdirSync(dataDir, { recursive: true });
  return new Database(path.join(dataDir, DB_FILE));
}

/** Opens (creating and migrating if needed) `<dataDir>/intro.db`, or an in-memory database for ':memory:'. */
export function openSqliteStore(dataDir: string): SqliteStore {
  const db = openDatabase(dataDir);
  db.pragma('busy_timeout = 5000');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  migrate(db);
  const ping = db.prepare('SELECT 1');
  return {
    intros: sqliteIntroStore(db),
    notes: sqliteNotesStore(db),
    conversations: sqliteConversationStore(db),
    jobs: sqliteJobStore(db),
    botStorage: sqliteBotStorage(db),
    health: {
      ping: async () => {
        ping.get();
      },
    },
    close: () => db.close(),
  };
}
