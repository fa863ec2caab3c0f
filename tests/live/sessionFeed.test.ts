import type { SessionView } from '../../src/contract';
import type { ApiClient, SessionPoll, SessionPush, SessionStream } from '../../tab/src/shared/api/client';
import { startSessionFeed, type SessionFeed } from '../../tab/src/live/session/sessionFeed';

/** The tab's session feed against a fake API: stream first, poll while it is down, back to the stream by itself. */
const view = (version: number): SessionView =>
  ({ session: { status: 'running' }, version, serverNow: 1_000 + version, leaderId: 'l' }) as unknown as SessionView;

/** A stream the test feeds by hand, and ends (cut) or fails at will. */
function handStream() {
  const queue: SessionPush[] = [];
  let wake: (() => void) | undefined;
  let ended = false;
  const pushes = (async function* () {
    for (;;) {
      while (queue.length > 0) yield queue.shift()!;
      if (ended) return;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  })();
  return {
    stream: { sentAt: 0, openedAt: 1, pushes } satisfies SessionStream,
    push: (v: SessionView) => (queue.push({ kind: 'view', view: v, receivedAt: 2 }), wake?.()),
    cut: () => ((ended = true), wake?.()),
  };
}

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 2));
}

let feed: SessionFeed | undefined;
afterEach(() => feed?.stop());

it('follows the stream, polls while it is cut, then goes back to the stream and stops polling', async () => {
  const streams: ReturnType<typeof handStream>[] = [];
  let refuse = false;
  let polls = 0;
  const api = {
    streamSession: async (_id: string, _tag: number | undefined, signal: AbortSignal) => {
      if (refuse) throw new Error('503');
      const opened = handStream();
      signal.addEventListener('abort', opened.cut);
      streams.push(opened);
      return opened.stream;
    },
    pollSession: async (): Promise<SessionPoll> => {
      polls += 1;
      return { changed: true, view: view(10 + polls), sentAt: 0, receivedAt: 1 };
    },
  } as unknown as ApiClient;
  const seen: number[] = [];
  let tag = 0;
  feed = startSessionFeed(
    api,
    'intro',
    { tag: () => tag, view: (v) => seen.push((tag = v.version)), sample: () => undefined, reachable: () => undefined },
    { pollMs: 5, retryMinMs: 30, retryMaxMs: 60, steadyMs: 10_000, silenceMs: 10_000 },
  );
  await until(() => streams.length === 1);
  streams[0]!.push(view(1));
  await until(() => seen.includes(1));
  expect(polls).toBe(0);

  // Cut, and refused while down: the feed polls.
  refuse = true;
  streams[0]!.cut();
  await until(() => polls >= 2);
  expect(seen.at(-1)).toBeGreaterThan(10);

  // The stream can be opened again: the feed goes back to it by itself, and the polls stop.
  refuse = false;
  await until(() => streams.length === 2);
  streams[1]!.push(view(50));
  await until(() => seen.includes(50));
  const settled = polls;
  await new Promise((resolve) => setTimeout(resolve, 60));
  expect(polls).toBe(settled);

  // A resync (page visible again, online, Teams' load) reconnects at once, without waiting for a failure.
  feed.resync();
  await until(() => streams.length === 3);
  expect(polls).toBe(settled);
});

it('backs off from a stream that opens and drops at once, instead of reopening it in a loop', async () => {
  let opens = 0;
  const api = {
    streamSession: async () => {
      opens += 1;
      const opened = handStream();
      opened.push(view(opens));
      opened.cut();
      return opened.stream;
    },
    pollSession: async (): Promise<SessionPoll> => ({ changed: false, serverNow: 1, sentAt: 0, receivedAt: 1 }),
  } as unknown as ApiClient;
  const listener = { tag: () => 0, view: () => undefined, sample: () => undefined, reachable: () => undefined };
  feed = startSessionFeed(api, 'intro', listener, {
    pollMs: 5,
    retryMinMs: 20,
    retryMaxMs: 640,
    steadyMs: 10_000,
    silenceMs: 10_000,
  });
  await new Promise((resolve) => setTimeout(resolve, 400));
  // Waits of at least 10, 20, 40, 80, 160 ms (the upper half of each doubled backoff) leave room for 6 opens at most;
  // reset after every open, the feed would reopen every 10–20 ms (20 or more).
  expect(opens).toBeGreaterThanOrEqual(2);
  expect(opens).toBeLessThanOrEqual(6);
});

it('gives up on a stream whose answer never comes, and polls instead', async () => {
  let polls = 0;
  const api = {
    streamSession: (_id: string, _tag: number | undefined, signal: AbortSignal) =>
      new Promise<SessionStream>((_resolve, reject) =>
        signal.addEventListener('abort', () => reject(new Error('cut'))),
      ),
    pollSession: async (): Promise<SessionPoll> => {
      polls += 1;
      return { changed: false, serverNow: 1, sentAt: 0, receivedAt: 1 };
    },
  } as unknown as ApiClient;
  const listener = { tag: () => 0, view: () => undefined, sample: () => undefined, reachable: () => undefined };
  feed = startSessionFeed(api, 'intro', listener, {
    pollMs: 5,
    retryMinMs: 10_000,
    retryMaxMs: 10_000,
    steadyMs: 10_000,
    silenceMs: 30,
  });
  await until(() => polls > 0);
});
