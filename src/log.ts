import pino from 'pino';

/** The app's structured logger: JSON lines, one child per request or bot turn. */
export type Logger = pino.Logger;

/** Creates the root logger. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { app: 'intro-1on1' }, serializers: { err: pino.stdSerializers.err } });
}
