import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

/** How often the background connection copies the WAL into the database file. */
export const CHECKPOINT_EVERY_MS = 1_000;

// Plain JavaScript for an eval'd worker, so it runs the same from src (tsx, jest) and from dist.
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const Database = require(workerData.library);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = ' + workerData.restartWaitMs);
let failures = 0;
setInterval(() => {
  try {
    // A passive pass copies without blocking anyone, but under a steady stream of writes it never catches up, and the
    // WAL only starts over once every frame is copied: it grew without end (170 MB in a minute of notes load). So a
    // RESTART follows: it holds writers back only while it copies what was written during the first pass, and the
    // next write starts the WAL from its beginning. It waits at most restartWaitMs for the writer lock and the readers
    // (each holds them for well under a millisecond); failing that, it tries again next tick.
    db.pragma('wal_checkpoint(PASSIVE)');
    db.pragma('wal_checkpoint(RESTART)');
    failures = 0;
  } catch {
    // Busy or closing: the next tick tries again. Failing again and again (a full disk, an I/O error): stop, so the
    // main connection takes checkpoints back instead of letting the WAL grow unseen.
    if (++failures >= workerData.maxFailures) process.exit(1);
  }
}, workerData.everyMs);
`;

/**
 * Moves WAL checkpoints off the event loop: SQLite's automatic checkpoint runs inside whichever commit crosses
 * 1 000 pages, copying megabytes and syncing the file there (a 30–400 ms stall measured here under the notes load).
 * A worker thread with its own connection checkpoints every second instead, so the WAL holds about a second of
 * writes; should it not start, fail again and again, or stop, the request path goes back to SQLite's automatic
 * checkpoints. Returns how to stop it.
 */
export function checkpointInBackground(db: Database.Database, file: string): () => void {
  let worker: Worker;
  try {
    worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        library: require.resolve('better-sqlite3'),
        file,
        everyMs: CHECKPOINT_EVERY_MS,
        restartWaitMs: 50,
        maxFailures: 5,
      },
    });
  } catch {
    return () => undefined; // no thread to spare: SQLite's automatic checkpoints stay on
  }
  worker.unref();
  db.pragma('wal_autocheckpoint = 0');
  let stopped = false;
  const fallBack = () => {
    if (!stopped && db.open) db.pragma('wal_autocheckpoint = 1000');
  };
  worker.once('error', fallBack);
  worker.once('exit', fallBack);
  return () => {
    stopped = true;
    void worker.terminate();
  };
}
