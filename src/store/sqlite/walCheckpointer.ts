import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

/** How often the background connection copies the WAL into the database file. */
const CHECKPOINT_EVERY_MS = 1_000;

// Plain JavaScript for an eval'd worker, so it runs the same from src (tsx, jest) and from dist.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.library);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = ' + workerData.restartWaitMs);
db.pragma('synchronous = NORMAL');
let failures = 0;
let told = false;
const timer = setInterval(() => {
  try {
    // Passive passes copy without blocking anyone, but under a steady stream of writes they never catch up, and the
    // WAL only starts over once every frame is copied: it grew without end (170 MB in a minute of notes load). So once
    // what is left is short, a RESTART holds writers back while it copies that tail, and the next write starts the WAL
    // from its beginning. It waits at most restartWaitMs for the writer lock and the readers; failing that, or with a
    // long tail still left (a burst), it tries again next tick.
    let left = Infinity;
    for (let pass = 0; pass < 4 && left > workerData.restartTailFrames; pass++) {
      const result = db.pragma('wal_checkpoint(PASSIVE)')[0];
      left = result.log - result.checkpointed;
    }
    if (left <= workerData.restartTailFrames) db.pragma('wal_checkpoint(RESTART)');
    failures = 0;
    // The owner says checkpoints are back off the request path only once one has gone through.
    if (!told) parentPort.postMessage('checkpointed');
    told = true;
  } catch {
    // Busy or closing: the next tick tries again. Failing again and again (a full disk, an I/O error): stop, so the
    // main connection takes checkpoints back instead of letting the WAL grow unseen.
    if (++failures >= workerData.maxFailures) process.exit(1);
  }
}, workerData.everyMs);
// Asked to stop: close the connection before exiting, so the file's shared lock is gone when the owner is told.
parentPort.once('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

/** When a worker that failed again and again (a full disk) is tried again; doubling up to the most. */
const RETRY_FIRST_MS = 30_000;
const RETRY_MOST_MS = 10 * 60_000;

/** How often, and after what, the background checkpoints run and start again. */
interface CheckpointTiming {
  readonly everyMs: number;
  /** After a worker stopped on its own: the first wait before a new one, doubled after each short-lived one. */
  readonly retryFirstMs: number;
  readonly retryMostMs: number;
}

/** Where the checkpointer tells the operator that checkpoints moved back into commits, and out again. */
export interface CheckpointLog {
  warn(message: string): void;
  info(message: string): void;
}

const DEFAULT_TIMING: CheckpointTiming = {
  everyMs: CHECKPOINT_EVERY_MS,
  retryFirstMs: RETRY_FIRST_MS,
  retryMostMs: RETRY_MOST_MS,
};

/**
 * Moves WAL checkpoints off the event loop: SQLite's automatic checkpoint runs inside whichever commit crosses
 * 1 000 pages, copying megabytes and syncing the file there (a 30–400 ms stall measured here under the notes load).
 * A worker thread with its own connection checkpoints every second instead, so the WAL holds about a second of
 * writes. Should it not start, or stop on its own (it gives up after failing again and again, e.g. on a full disk),
 * the request path goes back to SQLite's automatic checkpoints, and a new worker is tried after a wait (30 s, doubling
 * up to 10 minutes while they keep stopping): once the disk takes writes again, the stalls go away by themselves
 * rather than until the next restart. Returns how to stop it: the promise settles once the worker's connection is
 * closed (a restore right after needs the file free of every lock).
 */
export function checkpointInBackground(
  db: Database.Database,
  file: string,
  options: Partial<CheckpointTiming> & { readonly log?: CheckpointLog } = {},
): () => Promise<void> {
  const { everyMs, retryFirstMs, retryMostMs, log } = { ...DEFAULT_TIMING, ...options };
  let stopped = false;
  let running: Worker | undefined;
  let exited = Promise.resolve();
  let retry: NodeJS.Timeout | undefined;
  let retryMs = retryFirstMs;

  const fallBack = () => {
    if (!stopped && db.open) db.pragma('wal_autocheckpoint = 1000');
  };
  const tryAgainLater = (why: string) => {
    log?.warn(
      `WAL checkpoints run inside commits (slower answers): ${why}. ` +
        `A new background thread is tried in ${Math.round(retryMs / 1000)} s.`,
    );
    retry = setTimeout(() => {
      retry = undefined;
      if (!stopped && db.open) start(true);
    }, retryMs);
    retry.unref();
    retryMs = Math.min(retryMs * 2, retryMostMs);
  };
  const start = (again: boolean) => {
    let started: Worker;
    try {
      started = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: {
          library: require.resolve('better-sqlite3'),
          file,
          everyMs,
          restartWaitMs: 50,
          // 256 pages (1 MB): a few milliseconds of copying while writers wait.
          restartTailFrames: 256,
          maxFailures: 5,
        },
      });
    } catch {
      // No thread to spare: SQLite's automatic checkpoints stay on, and a thread is tried again later.
      fallBack();
      tryAgainLater('no background checkpoint thread could be started');
      return;
    }
    running = started;
    started.unref();
    db.pragma('wal_autocheckpoint = 0');
    if (again) {
      started.once('message', () => {
        if (!stopped) log?.info('WAL checkpoints run in the background again.');
      });
    }
    const startedAt = Date.now();
    exited = new Promise<void>((resolve) => started.once('exit', () => resolve()));
    started.on('error', () => undefined); // an 'exit' always follows; without a listener, the error would be thrown
    started.once('exit', () => {
      running = undefined;
      fallBack();
      if (stopped || !db.open) return;
      // A worker that ran for a while had a problem that passed: the next one is tried soon again.
      if (Date.now() - startedAt > retryMostMs) retryMs = retryFirstMs;
      tryAgainLater(
        'the background checkpoint thread stopped after failing again and again (a full or read-only disk?)',
      );
    });
  };

  start(false);
  return async () => {
    stopped = true;
    clearTimeout(retry);
    if (!running) return;
    const current = running;
    current.postMessage('stop');
    // A worker stuck in a checkpoint is cut off after a while; terminating it still closes its connection.
    const cutOff = setTimeout(() => void current.terminate(), STOP_WAIT_MS);
    await exited;
    clearTimeout(cutOff);
  };
}

const STOP_WAIT_MS = 2_000;
const EMPTY_WAL_ATTEMPTS = 200;

/**
 * Copies the whole WAL into the database file and truncates it, so that nothing deleted (a shredded data key, plain
 * text from before encryption at rest) stays behind in its frames. While the background checkpoint holds the lock,
 * SQLite answers "busy" at once, without waiting and without an error: so this tries again, for about two seconds,
 * and throws if the WAL still holds frames, so the caller fails visibly instead of reporting a clean delete.
 */
export async function emptyWal(db: Database.Database): Promise<void> {
  for (let attempt = 0; attempt < EMPTY_WAL_ATTEMPTS; attempt++) {
    const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number }[];
    // log is -1 for a database without a WAL (in memory), 0 once the WAL is empty.
    if (result && result.busy === 0 && result.log <= 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('The write-ahead log could not be emptied (the database stayed busy): try again.');
}
