/** One estimate of how far the server's clock is ahead of this client's, and how precise it is. */
export interface OffsetSample {
  readonly offsetMs: number;
  /** Round trip of the request that gave the sample; the true offset is within ± half of it. */
  readonly rttMs: number;
}

/** How many recent samples the offset is chosen from: about 20 s of polling, so a clock step is corrected soon. */
export const OFFSET_WINDOW = 20;

/** Estimates the offset from one request: the server stamped `serverNow` about halfway through the round trip. */
export function sampleOffset(serverNow: number, sentAt: number, receivedAt: number): OffsetSample {
  return { offsetMs: serverNow - (sentAt + receivedAt) / 2, rttMs: Math.max(0, receivedAt - sentAt) };
}

/** Keeps the sample with the smallest round trip, the most precise one (the newer one on a tie). */
export function bestSample(current: OffsetSample | undefined, next: OffsetSample): OffsetSample {
  return current === undefined || next.rttMs <= current.rttMs ? next : current;
}

/** Adds a sample to the window of recent ones, dropping the oldest beyond `size`. */
export function addSample(
  recent: readonly OffsetSample[],
  next: OffsetSample,
  size = OFFSET_WINDOW,
): readonly OffsetSample[] {
  return [...recent, next].slice(-Math.max(1, size));
}

/** The most precise sample among the recent ones, so an old sample cannot outlive a step of the client's clock. */
export function bestRecent(recent: readonly OffsetSample[]): OffsetSample | undefined {
  return recent.reduce<OffsetSample | undefined>(bestSample, undefined);
}

/**
 * Estimates the offset from a pushed event: the server stamped `serverNow` when it sent it, one way before
 * `receivedAt`, taken as half the round trip `rttMs` measured when the stream was opened (so the sample counts as
 * that precise).
 */
export function pushedOffset(serverNow: number, receivedAt: number, rttMs: number): OffsetSample {
  return sampleOffset(serverNow, receivedAt - rttMs, receivedAt);
}
