import path from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../../src/store/sqlite/openSqliteStore';
import { at, newIntroId, newTenant, newUser, notesBody } from './fixtures';
import { tempDirs } from './support/tempDir';

/** Delete-my-data while the panel autosaves: nothing written meanwhile survives, and History keeps working. */
describe('shredding while a save is on its way', () => {
  const dirs = tempDirs('intro-shred-');
  afterAll(() => dirs.removeAll());

  it('leaves only rows that open (never one sealed with a shredded key), and the author starts afresh', async () => {
    const dir = dirs.make();
    const store = openSqliteStore(dir);
    const rowsOf = (authorId: string) => {
      const db = new Database(path.join(dir, 'intro.db'), { readonly: true });
      try {
        return (db.prepare('SELECT COUNT(*) AS n FROM notes WHERE author_id = ?').get(authorId) as { n: number }).n;
      } finally {
        db.close();
      }
    };
    const tenantId = newTenant();
    const authorId = newUser();
    const first = { tenantId, authorId, introId: newIntroId() };
    const second = { tenantId, authorId, introId: newIntroId() };
    await store.notes.save(first, notesBody('first'), 0, at(1));
    for (let round = 0; round < 20; round++) {
      const key = { ...second, introId: newIntroId() };
      await Promise.allSettled([
        store.notes.save(key, notesBody(`racing ${round}`), 0, at(2)),
        store.notes.deleteAllByAuthor(tenantId, authorId),
      ]);
      // A save that lands after the delete made a new key: its row opens. None may be left that does not.
      const listed = await store.notes.listByAuthor(tenantId, authorId);
      expect(listed).toHaveLength(rowsOf(authorId));
      const racing = await store.notes.get(key);
      expect(racing === undefined || racing.text.goals === `goals racing ${round}`).toBe(true);
      await store.notes.deleteAllByAuthor(tenantId, authorId);
    }
    const saved = await store.notes.save(second, notesBody('afresh'), 0, at(3));
    expect(saved.ok).toBe(true);
    expect((await store.notes.listByAuthor(tenantId, authorId)).map((n) => n.text.goals)).toEqual(['goals afresh']);
    await store.close();
  });
});
