import pino from 'pino';

/** The app's structured logger: JSON lines, one child per request or bot turn. */
export type Logger = pino.Logger;

/**
 * Creates the root logger, writing to stdout asynchronously: a line is queued and written with the ones after it,
 * rather than one blocking write per request on the event loop. pino flushes what is queued when the process exits.
 */
export function createLogger(level: string): Logger {
  const stdout = pino.destination({ dest: 1, sync: false });
  return pino({ level, base: { app: 'intro-1on1' }, serializers: { err: pino.stdSerializers.err } }, stdout);
}
