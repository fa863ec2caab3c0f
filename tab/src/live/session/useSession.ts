import { useCallback, useEffect, useRef, useState } from 'react';
import type { SessionActionRequest, SessionView } from '../../../../src/contract';
import type { ApiClient } from '../../shared/api/client';
import { addSample, bestRecent, type OffsetSample } from './clockOffset';
import { FEED_TIMING, startSessionFeed } from './sessionFeed';
import { onResume } from '../../shared/teams';
import { sessionTag } from '../../../../src/domain/sessionTag';
import { publishSessionView } from '../../shared/hooks/sharedSessionView';
import { useActionQueue, type QueueOwner } from './useActionQueue';
import { withQueued } from './actionQueue';

/** How often the panel asks whether the session changed (a 304 when it did not) while its stream is down. */
const SESSION_POLL_MS = 1000;

/** The shared session as this panel knows it. */
export interface SessionSync {
  readonly view: SessionView;
  /** Server time minus client time, from the most precise of the recent requests. */
  readonly offsetMs: number;
  /** True while the server cannot be reached. */
  readonly stale: boolean;
  readonly busy: boolean;
  readonly error: string | undefined;
  readonly act: (request: SessionActionRequest) => void;
  /** With a queue (in person): how many actions wait on this device to be sent; undefined without one. */
  readonly waiting?: number;
}

/** Options of the session feed. */
interface SessionOptions {
  /** Keep the leader's actions on this device and send them in order (the in-person run view, offline-first). */
  readonly queue?: QueueOwner;
  /** The intro's length, to show queued actions applied before the server confirms them. */
  readonly durationMinutes?: number;
}

/**
 * Follows the session over its event stream (polling every second with If-None-Match while the stream is down) and
 * estimates the clock offset from each answer.
 */
export function useSession(
  api: ApiClient,
  introId: string,
  initial: SessionView,
  pollMs = SESSION_POLL_MS,
  options: SessionOptions = {},
): SessionSync {
  const [view, setView] = useState(initial);
  const [samples, setSamples] = useState<readonly OffsetSample[]>([]);
  // Until a poll answers, the view's own stamp is the estimate; read once, or the timer would stand still.
  const [fallbackMs] = useState(() => initial.serverNow - Date.now());
  const [stale, setStale] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  // The session's ETag number: it grows with the session and with who leads, so a hand-over is seen in one poll.
  const tag = useRef(sessionTag(initial));
  const latestView = useRef(initial);

  const accept = useCallback(
    (next: SessionView) => {
      if (sessionTag(next) < tag.current) return;
      tag.current = sessionTag(next);
      // Read by the offline queue in the same tick (before React renders): it must see what the server applied.
      latestView.current = next;
      setView(next);
      publishSessionView(introId, next);
    },
    [introId],
  );

  const flushQueue = useRef<() => void>(() => undefined);

  useEffect(() => {
    const feed = startSessionFeed(
      api,
      introId,
      {
        tag: () => tag.current,
        view: accept,
        sample: (sample) => setSamples((recent) => addSample(recent, sample)),
        reachable: (reachable) => {
          setStale(!reachable);
          // Back online: what this device kept goes first, in order.
          if (reachable) flushQueue.current();
        },
      },
      { ...FEED_TIMING, pollMs },
    );
    // Back from a hidden page, a suspended Teams tab or a lost network: the stream may be dead without knowing it.
    const stopWatching = onResume(() => feed.resync());
    return () => {
      stopWatching();
      feed.stop();
    };
  }, [api, introId, pollMs, accept]);

  const unreachable = useCallback(() => setStale(true), []);
  latestView.current = view;
  const latest = useCallback(() => latestView.current, []);
  const queue = useActionQueue(api, options.queue, accept, latest, unreachable, setError);
  const offsetRef = useRef(0);
  flushQueue.current = queue.flush;

  const act = useCallback(
    (request: SessionActionRequest) => {
      if (queue.enabled) {
        setError(undefined);
        return queue.enqueue(request, Date.now() + offsetRef.current);
      }
      setBusy(true);
      setError(undefined);
      api.sessionAction(introId, request).then(
        (next) => {
          accept(next);
          setBusy(false);
        },
        (failure: unknown) => {
          setError(failure instanceof Error ? failure.message : 'The action failed. Try again.');
          setBusy(false);
        },
      );
    },
    [api, introId, accept, queue],
  );

  const offsetMs = bestRecent(samples)?.offsetMs ?? fallbackMs;
  offsetRef.current = offsetMs;
  if (!queue.enabled) return { view, offsetMs, stale, busy, error, act };
  const shown = withQueued(view.session, queue.queued, options.durationMinutes ?? 45, Date.now() + offsetMs);
  return { view: { ...view, session: shown }, offsetMs, stale, busy: false, error, act, waiting: queue.queued.length };
}
