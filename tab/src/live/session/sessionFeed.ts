import type { SessionView } from '../../../../src/contract';
import type { ApiClient } from '../../shared/api/client';
import { pushedOffset, sampleOffset, type OffsetSample } from './clockOffset';

/** What the feed tells its owner. */
interface FeedListener {
  /** The session's ETag number this panel has, sent as Last-Event-ID or If-None-Match. */
  readonly tag: () => number;
  readonly view: (view: SessionView) => void;
  readonly sample: (sample: OffsetSample) => void;
  /** The server answered (true) or could not be reached (false). */
  readonly reachable: (reachable: boolean) => void;
}

/** Timing of the feed. */
interface FeedTiming {
  /** How often the session is polled while the stream is down. */
  readonly pollMs: number;
  /**
   * First wait before trying the stream again; doubled on each failure up to `retryMaxMs`. Each wait is drawn from its
   * upper half, so panels cut together (an instance restarting) do not all come back in the same instant.
   */
  readonly retryMinMs: number;
  readonly retryMaxMs: number;
  /** A stream open this long counts as working again and resets the backoff; one that opens and drops keeps it. */
  readonly steadyMs: number;
  /** A stream silent this long is taken as cut (the server sends a heartbeat every 20 s). */
  readonly silenceMs: number;
}

export const FEED_TIMING: FeedTiming = {
  pollMs: 1000,
  retryMinMs: 1000,
  retryMaxMs: 30_000,
  steadyMs: 10_000,
  silenceMs: 45_000,
};

/** A running feed: `resync` reconnects at once (page visible again, back online, Teams resumed the tab). */
export interface SessionFeed {
  resync(): void;
  stop(): void;
}

/**
 * Follows the session over its event stream and, while the stream is down, polls it every `pollMs`; tries the stream
 * again after a backoff (or at once on `resync`), so a panel goes back to push by itself.
 */
export function startSessionFeed(
  api: ApiClient,
  introId: string,
  listener: FeedListener,
  timing: FeedTiming = FEED_TIMING,
): SessionFeed {
  let stopped = false;
  let kicked = false;
  let stream: AbortController | undefined;
  let wake: (() => void) | undefined;
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => ((wake = undefined), resolve()), ms);
      wake = () => {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      };
    });

  /** Reads the stream until it ends; true when it stayed open `steadyMs` or more. */
  const follow = async (): Promise<boolean> => {
    const controller = new AbortController();
    stream = controller;
    let silence: ReturnType<typeof setTimeout> | undefined;
    const heard = () => {
      clearTimeout(silence);
      silence = setTimeout(() => controller.abort(), timing.silenceMs);
    };
    let openedAt: number | undefined;
    // Counted from the request, so an open that stalls (a proxy holding the answer) is cut like a silent stream.
    heard();
    try {
      const { sentAt, pushes } = await api.streamSession(introId, listener.tag(), controller.signal);
      let rttMs: number | undefined;
      for await (const push of pushes) {
        heard();
        const serverNow = push.kind === 'view' ? push.view.serverNow : push.serverNow;
        // The first item was stamped while the request was handled: a round trip like a poll's. Later ones are
        // one way, taken as half that round trip.
        listener.sample(
          rttMs === undefined
            ? sampleOffset(serverNow, sentAt, push.receivedAt)
            : pushedOffset(serverNow, push.receivedAt, rttMs),
        );
        rttMs ??= push.receivedAt - sentAt;
        if (push.kind === 'view') listener.view(push.view);
        if (openedAt === undefined) listener.reachable(true);
        openedAt ??= Date.now();
      }
    } catch {
      // Cut, refused (too many streams) or offline: the poll below says whether the server is reachable.
    } finally {
      clearTimeout(silence);
      stream = undefined;
    }
    return openedAt !== undefined && Date.now() - openedAt >= timing.steadyMs;
  };

  const poll = async () => {
    try {
      const result = await api.pollSession(introId, listener.tag());
      if (stopped) return;
      const serverNow = result.changed ? result.view.serverNow : result.serverNow;
      listener.sample(sampleOffset(serverNow, result.sentAt, result.receivedAt));
      if (result.changed) listener.view(result.view);
      listener.reachable(true);
    } catch {
      if (!stopped) listener.reachable(false);
    }
  };

  const run = async () => {
    let backoff = timing.retryMinMs;
    while (!stopped) {
      if (await follow()) backoff = timing.retryMinMs;
      if (stopped) return;
      if (kicked) {
        kicked = false;
        backoff = timing.retryMinMs;
        continue;
      }
      // The stream is down: poll at once (a change may have been missed) and every pollMs until the next try.
      const retryAt = Date.now() + backoff * (0.5 + Math.random() * 0.5);
      backoff = Math.min(backoff * 2, timing.retryMaxMs);
      do {
        await poll();
        if (!stopped && !kicked) await pause(Math.min(timing.pollMs, Math.max(0, retryAt - Date.now())));
      } while (!stopped && !kicked && Date.now() < retryAt);
      kicked = false;
    }
  };
  void run();

  return {
    resync() {
      kicked = true;
      stream?.abort();
      wake?.();
    },
    stop() {
      stopped = true;
      stream?.abort();
      wake?.();
    },
  };
}
