import path from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS, migrate } from '../../src/store/sqlite/migrations';
import { DB_FILE, openSqliteStore, type SqliteStore } from '../../src/store/sqlite/openSqliteStore';
import { at, makeIntro, newTenant, notesBody } from './fixtures';
import { describeStoreContract, type RawNotesAccess } from './storeContract';
import { tempDirs } from './support/tempDir';

const dirs = tempDirs();
afterAll(() => dirs.removeAll());

/** The notes table read and written past the store, as an admin with the file could. */
function rawNotes(dir: string): RawNotesAccess {
  const where = 'tenant_id = ? AND intro_id = ? AND author_id = ?';
  const run = <T>(use: (db: Database.Database) => T): T => {
    const db = new Database(path.join(dir, DB_FILE));
    try {
      return use(db);
    } finally {
      db.close();
    }
  };
  return {
    read: async (k) =>
      run((db) =>
        db.prepare(`SELECT json FROM notes WHERE ${where}`).pluck().get(k.tenantId, k.introId, k.authorId),
      ) as string | undefined,
    write: async (k, doc, version, updatedAt) =>
      run((db) => {
        db.prepare(
          `INSERT OR REPLACE INTO notes (tenant_id, intro_id, author_id, version, updated_at, json)
          VALUES (?, ?, ?, ?, ?, ?)`,
        ).run(k.tenantId, k.introId, k.authorId, version, updatedAt, doc);
      }),
  };
}

describeStoreContract('sqlite', async () => {
  const dir = dirs.make();
  const opened: SqliteStore[] = [openSqliteStore(dir)];
  return {
    store: opened[0]!,
    raw: rawNotes(dir),
    reopen: async () => {
      const another = openSqliteStore(dir);
      opened.push(another);
      return another;
    },
    close: async () => {
      await Promise.all(opened.map((s) => s.close()));
    },
  };
});

describe('sqlite store specifics', () => {
  const raw = (dir: string) => new Database(path.join(dir, DB_FILE));

  it('creates a missing data dir, runs in WAL mode and applies each migration once across reopens', async () => {
    const dir = path.join(dirs.make(), 'nested', 'data');
    await openSqliteStore(dir).close();
    await openSqliteStore(dir).close();
    const db = raw(dir);
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      const applied = db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all();
      expect(applied).toEqual(MIGRATIONS.map((_, i) => i + 1));
      expect(migrate(db)).toBe(MIGRATIONS.length);
      const extra = [...MIGRATIONS, 'CREATE TABLE extra (x INTEGER)'];
      expect(migrate(db, extra)).toBe(MIGRATIONS.length + 1);
      expect(migrate(db, extra)).toBe(MIGRATIONS.length + 1);
    } finally {
      db.close();
    }
  });

  it('rolls back a failing migration and leaves the version where it was', () => {
    const db = new Database(':memory:');
    try {
      migrate(db);
      expect(() => migrate(db, [...MIGRATIONS, 'CREATE TABLE half (x INTEGER); NOT SQL'])).toThrow(/syntax error/);
      expect(db.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name = 'half'").pluck().get()).toBe(0);
      expect(migrate(db)).toBe(MIGRATIONS.length);
    } finally {
      db.close();
    }
  });

  it('keeps data across close and reopen', async () => {
    const dir = dirs.make();
    const intro = makeIntro({ tenantId: newTenant() });
    const key = { tenantId: intro.tenantId, introId: intro.id, authorId: intro.leader.id };
    const first = openSqliteStore(dir);
    await first.intros.create(intro);
    await first.notes.save(key, notesBody('kept'), 0, at(1));
    await first.jobs.schedule({ id: 'j1', kind: 'nudge', dueAt: 5, payload: { a: 1 } });
    await first.botStorage.write({ k: { n: 1 } });
    await first.close();
    const second = openSqliteStore(dir);
    try {
      expect(await second.intros.get(intro.tenantId, intro.id)).toEqual(intro);
      expect((await second.notes.get(key))?.version).toBe(1);
      expect(await second.jobs.claimDue(5, 1000)).toMatchObject({ id: 'j1', payload: { a: 1 } });
      expect((await second.botStorage.read(['k'])).k).toMatchObject({ n: 1 });
    } finally {
      await second.close();
    }
  });

  it('runs in memory for ":memory:"', async () => {
    const store = openSqliteStore(':memory:');
    const intro = makeIntro({ tenantId: newTenant() });
    await store.intros.create(intro);
    expect(await store.intros.get(intro.tenantId, intro.id)).toEqual(intro);
    await store.close();
  });

  it('refuses a stored row that does not match its schema, naming the record kind and version', async () => {
    const dir = dirs.make();
    const store = openSqliteStore(dir);
    const intro = makeIntro({ tenantId: newTenant() });
    await store.intros.create(intro);
    const db = raw(dir);
    db.prepare('UPDATE intros SET json = ?').run(JSON.stringify({ v: 99, intro }));
    db.close();
    await expect(store.intros.get(intro.tenantId, intro.id)).rejects.toThrow(/intro record .*version 99/);
    await store.close();
  });
});
