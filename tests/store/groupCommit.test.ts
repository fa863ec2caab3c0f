import path from 'node:path';
import Database from 'better-sqlite3';
import { groupCommit } from '../../src/store/sqlite/groupCommit';
import { tempDirs } from './support/tempDir';

const dirs = tempDirs();
afterAll(() => dirs.removeAll());

/** A WAL database file with one table, the connection that writes it, and a second one that only reads. */
function database() {
  const file = path.join(dirs.make(), 'group.db');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec(`CREATE TABLE parent (id TEXT PRIMARY KEY);
    CREATE TABLE t (id TEXT PRIMARY KEY, n INTEGER NOT NULL CHECK (n >= 0),
      parent TEXT REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED)`);
  db.pragma('foreign_keys = ON');
  const reader = new Database(file, { readonly: true });
  const insert = db.prepare('INSERT INTO t (id, n, parent) VALUES (?, ?, ?)');
  const committed = () => reader.prepare<[], string>('SELECT id FROM t ORDER BY id').pluck().all();
  const close = () => {
    reader.close();
    db.close();
  };
  return { db, insert, committed, close };
}

describe('groupCommit', () => {
  it('runs the writes of one turn in one transaction, and answers each only once the others see it committed', async () => {
    const { db, insert, committed, close } = database();
    const { run: inGroup } = groupCommit(db);
    const inTransaction: boolean[] = [];
    const write = (id: string) =>
      inGroup(() => {
        inTransaction.push(db.inTransaction);
        return insert.run(id, 1, null).changes;
      });
    const heard: string[][] = [];
    const writes = ['a', 'b', 'c'].map((id) => write(id).then(() => heard.push(committed())));
    expect(committed()).toEqual([]); // nothing runs before the turn ends
    await Promise.all(writes);
    expect(inTransaction).toEqual([true, true, true]);
    expect(heard).toEqual([
      ['a', 'b', 'c'],
      ['a', 'b', 'c'],
      ['a', 'b', 'c'],
    ]);
    // A write alone in its turn needs no transaction of its own.
    expect(await write('d')).toBe(1);
    expect(inTransaction.at(-1)).toBe(false);
    expect(committed()).toEqual(['a', 'b', 'c', 'd']);
    close();
  });

  it('commits a full batch at once rather than keep its first writes waiting for the turn to end', async () => {
    const { db, insert, committed, close } = database();
    const { run: inGroup } = groupCommit(db);
    const ids = Array.from({ length: 40 }, (_, i) => `id${String(i).padStart(2, '0')}`);
    const writes: Promise<number>[] = [];
    const seenAfter: number[] = [];
    for (const id of ids) {
      writes.push(inGroup(() => insert.run(id, 1, null).changes));
      seenAfter.push(committed().length);
    }
    // The 32nd write committed the first 32 at once; the rest wait for the end of the turn.
    expect(seenAfter.indexOf(32)).toBe(31);
    expect(seenAfter.at(-1)).toBe(32);
    expect(await Promise.all(writes)).toEqual(ids.map(() => 1));
    expect(committed()).toEqual(ids);
    close();
  });

  it("gives one write's error to its caller alone: the others of its turn still land", async () => {
    const { db, insert, committed, close } = database();
    const { run: inGroup } = groupCommit(db);
    const results = await Promise.allSettled([
      inGroup(() => insert.run('a', 1, null).changes),
      inGroup(() => insert.run('bad', -1, null).changes), // breaks the CHECK
      inGroup(() => insert.run('c', 1, null).changes),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toMatchObject({ code: 'SQLITE_CONSTRAINT_CHECK' });
    expect(committed()).toEqual(['a', 'c']);
    close();
  });

  it('answers no write as done whose commit failed, though its statement ran', async () => {
    const { db, insert, committed, close } = database();
    const { run: inGroup } = groupCommit(db);
    // A deferred foreign key is checked at COMMIT: the statement goes through, the commit does not.
    const results = await Promise.allSettled([
      inGroup(() => insert.run('a', 1, null).changes),
      inGroup(() => insert.run('orphan', 1, 'no such parent').changes),
      inGroup(() => insert.run('c', 1, null).changes),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toMatchObject({ code: 'SQLITE_CONSTRAINT_FOREIGNKEY' });
    expect(committed()).toEqual(['a', 'c']);
    close();
  });

  it('runs no write inside a transaction someone else left open, and writes what is queued when flushed', async () => {
    const { db, insert, committed, close } = database();
    const saves = groupCommit(db);
    db.exec('BEGIN');
    const refused = await Promise.allSettled([saves.run(() => insert.run('a', 1, null).changes)]);
    expect(refused[0]!.status).toBe('rejected');
    db.exec('ROLLBACK');
    // Flushed at once (as before the connection closes), rather than left to fail on the next turn.
    const queued = [
      saves.run(() => insert.run('b', 1, null).changes),
      saves.run(() => insert.run('c', 1, null).changes),
    ];
    saves.flush();
    expect(committed()).toEqual(['b', 'c']);
    expect(await Promise.all(queued)).toEqual([1, 1]);
    close();
  });

  it('answers no write as done when the database cannot take it', async () => {
    const { db, insert, committed, close } = database();
    const { run: inGroup } = groupCommit(db);
    db.pragma('query_only = ON'); // every write is refused, as on a disk that went read-only
    const results = await Promise.allSettled([
      inGroup(() => insert.run('a', 1, null).changes),
      inGroup(() => insert.run('b', 1, null).changes),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(committed()).toEqual([]);
    close();
  });
});
