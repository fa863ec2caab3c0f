import pino from 'pino';

/** The app's structured logger: JSON lines, one child per request or bot turn. */
export type Logger = pino.Logger;

/** Most bytes of log lines kept waiting for stdout; past this, new lines are dropped rather than held in memory. */
export const MAX_QUEUED_LOG_BYTES = 16 * 1024 * 1024;

/**
 * Creates the root logger, writing to stdout asynchronously: a line is queued and written with the ones after it,
 * rather than one blocking write per request on the event loop. pino flushes what is queued when the process exits.
 * Should nothing read stdout (a stuck log collector), the queue stops at MAX_QUEUED_LOG_BYTES instead of growing
 * until the process runs out of memory.
 */
export function createLogger(level: string): Logger {
  const stdout = pino.destination({ dest: 1, sync: false, maxLength: MAX_QUEUED_LOG_BYTES });
  return pino({ level, base: { app: 'intro-1on1' }, serializers: { err: pino.stdSerializers.err } }, stdout);
}
