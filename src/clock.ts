import type { Clock } from './app/ports';

/** The real clock. */
export const systemClock: Clock = { now: () => Date.now() };
