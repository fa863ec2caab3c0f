import pino from 'pino';

/** The app's structured logger: JSON lines, one child per request or bot turn. */
export type Logger = pino.Logger;

/** Most bytes of log lines kept waiting for stdout; past this, new lines are dropped rather than held in memory. */
export const MAX_QUEUED_LOG_BYTES = 16 * 1024 * 1024;

/** Lines are written once this many bytes wait, or at the next tick of LOG_FLUSH_MS, whichever comes first. */
const LOG_BATCH_BYTES = 4096;
const LOG_FLUSH_MS = 200;

/**
 * Creates the root logger, writing to stdout asynchronously and in batches: lines wait until about 4 KB are queued
 * or 200 ms have passed, so a busy instance makes one write for dozens of request lines instead of one each (a
 * tenth of a notes save's CPU went to those writes). pino flushes what is queued when the process exits; a process
 * killed outright (SIGKILL, out of memory) loses at most the last 200 ms of lines.
 * Should nothing read stdout (a stuck log collector), the queue stops at MAX_QUEUED_LOG_BYTES instead of growing
 * until the process runs out of memory.
 */
export function createLogger(level: string): Logger {
  const stdout = pino.destination({
    dest: 1,
    sync: false,
    minLength: LOG_BATCH_BYTES,
    maxLength: MAX_QUEUED_LOG_BYTES,
  });
  let waiting = false;
  const timer = setInterval(() => {
    // Idle: no empty writes. Mid-write (a slow reader), flush() does nothing and the write's end writes only past a
    // batch: the lines queued meanwhile stay waiting for the next tick rather than for the next line, hours later.
    if (!waiting || (stdout as unknown as { _writing?: boolean })._writing) return;
    waiting = false;
    try {
      stdout.flush();
    } catch {
      clearInterval(timer); // the stream is closed (the process is exiting)
    }
  }, LOG_FLUSH_MS);
  timer.unref();
  const hooks = {
    streamWrite: (line: string) => {
      waiting = true;
      return line;
    },
  };
  return pino({ level, base: { app: 'intro-1on1' }, serializers: { err: pino.stdSerializers.err }, hooks }, stdout);
}
