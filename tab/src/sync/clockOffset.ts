/** One estimate of how far the server's clock is ahead of this client's, and how precise it is. */
export interface OffsetSample {
  readonly offsetMs: number;
  /** Round trip of the request that gave the sample; the true offset is within ± half of it. */
  readonly rttMs: number;
}

/** Estimates the offset from one request: the server stamped `serverNow` about halfway through the round trip. */
export function sampleOffset(serverNow: number, sentAt: number, receivedAt: number): OffsetSample {
  return { offsetMs: serverNow - (sentAt + receivedAt) / 2, rttMs: Math.max(0, receivedAt - sentAt) };
}

/** Keeps the sample with the smallest round trip, the most precise one. */
export function bestSample(current: OffsetSample | undefined, next: OffsetSample): OffsetSample {
  return current === undefined || next.rttMs <= current.rttMs ? next : current;
}
