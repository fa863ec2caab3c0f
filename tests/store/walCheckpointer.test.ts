import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../../src/store/sqlite/openSqliteStore';
import { checkpointInBackground, emptyWal } from '../../src/store/sqlite/walCheckpointer';
import { databaseFile } from '../../src/store/sqlite/sqliteFile';
import { makeIntro, newTenant } from './fixtures';

describe('WAL checkpoints in the background', () => {
  it('copies committed pages into the database file within seconds, without a request doing it', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'intro-wal-'));
    const store = openSqliteStore(dataDir);
    const file = databaseFile(dataDir);
    try {
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      const before = statSync(file).size;
      const tenantId = newTenant();
      // Far fewer pages than SQLite's automatic checkpoint waits for (1 000), so only the background one copies them.
      for (let i = 0; i < 40; i++) await store.intros.create(makeIntro({ tenantId }));
      const deadline = Date.now() + 5_000;
      while (statSync(file).size <= before && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(statSync(file).size).toBeGreaterThan(before);
    } finally {
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('has let go of the file once close settles, so a restore can hold it exclusively at once', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'intro-wal-'));
    try {
      for (let round = 0; round < 5; round++) {
        const store = openSqliteStore(dataDir);
        await store.intros.create(makeIntro({ tenantId: newTenant() }));
        // Long enough for the worker to have opened its connection and run a checkpoint.
        await new Promise((resolve) => setTimeout(resolve, 1_100));
        await store.close();
        const db = new Database(databaseFile(dataDir), { fileMustExist: true });
        db.pragma('busy_timeout = 0');
        db.pragma('locking_mode = EXCLUSIVE');
        expect(() => db.exec('BEGIN EXCLUSIVE')).not.toThrow();
        db.exec('COMMIT');
        db.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

/** A WAL database in a temp directory with the background checkpointer every `everyMs`, as the store opens it. */
function walDatabase(everyMs: number) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'intro-wal-'));
  const file = path.join(dir, 'test.db');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.pragma(`journal_size_limit = ${LIMIT}`);
  db.exec('CREATE TABLE rows (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  const stop = checkpointInBackground(db, file, { everyMs });
  const put = db.prepare('INSERT OR REPLACE INTO rows (id, body) VALUES (?, ?)');
  return {
    db,
    wal: `${file}-wal`,
    write: (i: number) => put.run(i % 64, `${i}`.padEnd(8_000, 'x')),
    close: () => {
      stop();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const LIMIT = 1024 * 1024;
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('the WAL under a steady stream of writes', () => {
  it('starts over within a few checkpoint ticks instead of growing with everything ever written', async () => {
    const wal = walDatabase(100);
    try {
      let largest = 0;
      let startedOver = false;
      // Writes without pause (a passive checkpoint alone never catches up) until the WAL was cut back, or 10 s.
      const deadline = Date.now() + 10_000;
      for (let i = 0; !startedOver && Date.now() < deadline; i++) {
        wal.write(i);
        if (i % 25 !== 0) continue;
        await tick();
        const size = statSync(wal.wal).size;
        // Starting over cuts the file back to the size limit: without it the WAL only ever grows under this load.
        if (largest > LIMIT && size <= LIMIT) startedOver = true;
        largest = Math.max(largest, size);
      }
      expect(largest).toBeGreaterThan(LIMIT);
      expect(startedOver).toBe(true);
    } finally {
      wal.close();
    }
  });

  it('is emptied to zero bytes by emptyWal even while the background checkpoint runs beside it', async () => {
    const wal = walDatabase(2); // a checkpoint every 2 ms, so the two meet often
    try {
      for (let round = 0; round < 60; round++) {
        for (let i = 0; i < 20; i++) wal.write(round * 20 + i);
        await emptyWal(wal.db);
        expect(statSync(wal.wal).size).toBe(0);
      }
    } finally {
      wal.close();
    }
  });
});
