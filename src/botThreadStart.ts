import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { BotThreadSettings } from './botThread';
import type { Logger } from './log';

/** How a bot thread starts: its entry, how long it may take to be ready, and the wait before another after a death. */

/** The worker's entry beside this file: compiled JavaScript, or TypeScript through tsx when run from source. */
export function startWorker(workerData: BotThreadSettings): Worker {
  const entry = path.join(__dirname, `botWorker${path.extname(__filename)}`);
  if (entry.endsWith('.js')) return new Worker(entry, { workerData });
  const source = `require('tsx/cjs/api').register(); require(${JSON.stringify(entry)});`;
  return new Worker(source, { eval: true, workerData });
}

/** How long before the bot thread starts again after its n-th death in a row: 1, 2, 4 ... 30 s. */
export const restartDelayMs = (deaths: number) => Math.min(30_000, 1000 * 2 ** deaths);

/** How long a bot thread may take to be ready, by default: loading teams-ai takes a few seconds on a busy host. */
export const READY_WITHIN_MS = 60_000;

/** Ends `worker` unless it is ready within `ms`; `late` is then why, for its exit to report. */
export function startLimit(worker: Worker, ms: number, logger: Logger) {
  let late: Error | undefined;
  const timer = setTimeout(() => {
    late = new Error(`The bot thread was not ready within ${ms / 1000} s, so it was stopped.`);
    logger.error({ err: late }, 'the bot thread was too slow to start');
    void worker.terminate();
  }, ms);
  timer.unref();
  return { late: () => late, clear: () => clearTimeout(timer) };
}
