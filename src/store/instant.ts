/** Epoch milliseconds of an ISO 8601 time; throws a RangeError naming what it is for anything else. */
export function epochMs(iso: string, what: string): number {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) throw new RangeError(`${what} must be an ISO 8601 instant, got "${iso}".`);
  return at;
}

/** An ISO 8601 time as both adapters store it: UTC, milliseconds, so stored times order as text and as numbers. */
export function storedInstant(iso: string, what: string): string {
  return new Date(epochMs(iso, what)).toISOString();
}
