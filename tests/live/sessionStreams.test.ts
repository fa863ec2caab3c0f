import { sessionStreams, type HeldStream } from '../../src/http/sessionStreams';

/** A stream that counts its heartbeats and releases its slot when ended, as the route's does. */
function fakeStream(release: () => (() => void) | undefined) {
  const seen = { beats: 0, ended: false };
  let done: (() => void) | undefined;
  const stream: HeldStream = {
    beat: () => void (seen.beats += 1),
    end: () => {
      seen.ended = true;
      done?.();
    },
  };
  return { stream, seen, hold: () => (done = release()) };
}

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 2));
}

describe('the session streams a process holds', () => {
  it('caps the streams per person and in total, and frees a slot on release', () => {
    const streams = sessionStreams({ perUser: 2, total: 3, heartbeatMs: 60_000, maxAgeMs: 60_000 });
    const noop: HeldStream = { beat: () => undefined, end: () => undefined };
    const first = streams.hold('a', noop);
    expect(streams.hold('a', noop)).toBeDefined();
    expect(streams.hold('a', noop)).toBeUndefined();
    expect(streams.hold('b', noop)).toBeDefined();
    expect(streams.hold('c', noop)).toBeUndefined();
    first!();
    expect(streams.hold('c', noop)).toBeDefined();
    expect(streams.size).toBe(3);
    streams.closeAll();
  });

  it('beats every stream on one timer and ends those past their age', async () => {
    let now = 0;
    const streams = sessionStreams({ perUser: 8, total: 8, heartbeatMs: 5, maxAgeMs: 1_000 }, () => now);
    const old = fakeStream(() => streams.hold('a', old.stream));
    old.hold();
    now = 900;
    const young = fakeStream(() => streams.hold('b', young.stream));
    young.hold();
    await until(() => young.seen.beats > 0 && old.seen.beats > 0);
    now = 1_000;
    await until(() => old.seen.ended);
    expect(young.seen.ended).toBe(false);
    expect(streams.size).toBe(1);
    streams.closeAll();
  });

  it('endAll ends every stream but takes new ones; closeAll ends them and refuses new ones', () => {
    const streams = sessionStreams({ perUser: 8, total: 8, heartbeatMs: 60_000, maxAgeMs: 60_000 });
    const one = fakeStream(() => streams.hold('a', one.stream));
    one.hold();
    streams.endAll();
    expect(one.seen.ended).toBe(true);
    expect(streams.size).toBe(0);
    const two = fakeStream(() => streams.hold('a', two.stream));
    two.hold();
    expect(streams.size).toBe(1);
    streams.closeAll();
    expect(two.seen.ended).toBe(true);
    expect(streams.hold('a', two.stream)).toBeUndefined();
  });
});
