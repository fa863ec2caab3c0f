import { statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { checkpointInBackground } from '../../src/store/sqlite/walCheckpointer';
import { mountSmallDisk } from './smallDisk';

const until = async (check: () => boolean, what: string, ms = 5_000) => {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Still waiting after ${ms} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe('background checkpoints and a full disk', () => {
  it('hands checkpoints back to SQLite while the disk is full, and takes them back once it has room', async () => {
    const disk = mountSmallDisk(4 * 1024 * 1024);
    const file = path.join(disk.dir, 'test.db');
    let db: Database.Database | undefined;
    let stop: () => Promise<void> = async () => undefined;
    try {
      db = new Database(file);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('busy_timeout = 5000');
      db.pragma(`journal_size_limit = ${1024 * 1024}`);
      db.exec('CREATE TABLE rows (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
      const said: string[] = [];
      const log = { warn: (message: string) => said.push(message), info: (message: string) => said.push(message) };
      stop = checkpointInBackground(db, file, { everyMs: 20, retryFirstMs: 200, retryMostMs: 1_000, log });
      const main = db;
      const autoCheckpoint = () => main.pragma('wal_autocheckpoint', { simple: true });
      const put = main.prepare('INSERT INTO rows (body) VALUES (?)');
      const write = (rows: number) => {
        for (let i = 0; i < rows; i++) put.run('x'.repeat(8_000));
      };
      expect(autoCheckpoint()).toBe(0); // the worker checkpoints, not the commits
      // The database file grows only when a checkpoint copies new pages into it (none runs on this connection).
      const size = () => statSync(file).size;
      let before = size();
      // Grows the WAL file, which keeps its size once checkpointed: later writes reuse it without more disk.
      write(60);
      await until(() => size() >= before + 60 * 8_000, 'the worker to copy the WAL into the database file');
      // Every frame copied and recorded as such, so the next commit starts the WAL file over from its beginning.
      const [state] = main.pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[];
      expect(state?.checkpointed).toBe(state?.log);

      disk.fill();
      // New pages: the WAL file has room for them, the database file must grow to take them.
      write(20);
      await until(() => autoCheckpoint() === 1000, 'the failing worker to hand checkpoints back to SQLite');
      // Still full: each new worker fails too and says so; none claims the checkpoints are back.
      await until(() => said.length >= 2, 'a second worker to be tried and fail');
      expect(
        said.every((line) => /^WAL checkpoints run inside commits .*full or read-only disk.* in \d+ s\.$/.test(line)),
      ).toBe(true);

      disk.free();
      const back = 'WAL checkpoints run in the background again.';
      await until(() => said.at(-1) === back, 'a new worker to checkpoint once the disk has room');
      expect(autoCheckpoint()).toBe(0);
      before = size();
      write(20);
      await until(() => size() >= before + 20 * 8_000, 'the new worker to copy the WAL again');
      expect(main.prepare('SELECT count(*) FROM rows').pluck().get()).toBe(100);
      // A normal stop is not a failure: nothing more is said.
      const heard = said.length;
      await stop();
      stop = async () => undefined;
      expect(said).toHaveLength(heard);
    } finally {
      await stop();
      db?.close();
      disk.unmount();
    }
  }, 30_000);
});
