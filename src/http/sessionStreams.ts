/** One open stream as the registry sees it. */
export interface HeldStream {
  /** Writes a heartbeat comment (with the server's time) so proxies keep the connection. */
  beat(): void;
  /** Ends the stream; the client reconnects (with Last-Event-ID) or falls back to polling. */
  end(): void;
}

/** The session streams this process holds, capped per user and in total, all ended at once on shutdown. */
export interface SessionStreams {
  /** Holds `stream` for `userKey`; undefined (and nothing held) when that user or the process holds too many. */
  hold(userKey: string, stream: HeldStream): (() => void) | undefined;
  /** Ends every stream; their clients poll, then open new ones (e.g. when changes stopped being shared). */
  endAll(): void;
  /** Ends every stream and refuses new ones: called first on shutdown, so no stream holds the server open. */
  closeAll(): void;
  readonly size: number;
}

/** Limits and timing of the streams; see DEFAULT_STREAM_LIMITS. */
interface StreamLimits {
  readonly perUser: number;
  readonly total: number;
  /** Under the usual 30–120 s idle timeouts of proxies and load balancers. */
  readonly heartbeatMs: number;
  /** A stream is ended after this long, so a token that expired or a moved user cannot hold one for ever. */
  readonly maxAgeMs: number;
}

/**
 * A person has a side panel, a stage and perhaps a pop-out or a second device; 8 is well above that and well below
 * what would let one token exhaust a process. 10 000 streams in a process is 5 000 meetings at ~19 KB each (measured
 * by `npm run bench:notes`), ~190 MB: half the 10 000-meeting target on each of two instances (docs/CAPACITY.md).
 */
const DEFAULT_STREAM_LIMITS: StreamLimits = {
  perUser: 8,
  total: 10_000,
  heartbeatMs: 20_000,
  maxAgeMs: 15 * 60_000,
};

interface Entry {
  readonly userKey: string;
  readonly stream: HeldStream;
  readonly since: number;
}

/** One timer for every stream's heartbeat and age, instead of one per stream. */
export function sessionStreams(limits: StreamLimits = DEFAULT_STREAM_LIMITS, now = () => Date.now()): SessionStreams {
  const held = new Set<Entry>();
  const perUser = new Map<string, number>();
  let closed = false;
  let ticker: NodeJS.Timeout | undefined;
  const release = (entry: Entry) => {
    if (!held.delete(entry)) return;
    const left = (perUser.get(entry.userKey) ?? 1) - 1;
    if (left > 0) perUser.set(entry.userKey, left);
    else perUser.delete(entry.userKey);
    if (held.size === 0 && ticker) {
      clearInterval(ticker);
      ticker = undefined;
    }
  };
  const tick = () => {
    const oldest = now() - limits.maxAgeMs;
    for (const entry of [...held]) {
      if (entry.since <= oldest) entry.stream.end();
      else entry.stream.beat();
    }
  };
  return {
    hold(userKey, stream) {
      const count = perUser.get(userKey) ?? 0;
      if (closed || count >= limits.perUser || held.size >= limits.total) return undefined;
      const entry: Entry = { userKey, stream, since: now() };
      held.add(entry);
      perUser.set(userKey, count + 1);
      ticker ??= setInterval(tick, limits.heartbeatMs).unref();
      return () => release(entry);
    },
    endAll() {
      for (const entry of [...held]) entry.stream.end();
    },
    closeAll() {
      closed = true;
      this.endAll();
    },
    get size() {
      return held.size;
    },
  };
}
