import { useCallback, useEffect, useRef, useState } from 'react';
import type { SessionActionRequest, SessionView } from '../../../src/domain/api';
import type { ApiClient } from '../api/client';
import { addSample, bestRecent, sampleOffset, type OffsetSample } from '../sync/clockOffset';
import { sessionTag } from '../../../src/domain/sessionTag';
import { publishSessionView } from './useRoleSwitch';

/** How often the panel asks whether the session changed (a 304 when it did not). */
export const SESSION_POLL_MS = 1000;

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
}

/** Polls the session every second with If-None-Match and estimates the clock offset from each answer. */
export function useSession(
  api: ApiClient,
  introId: string,
  initial: SessionView,
  pollMs = SESSION_POLL_MS,
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

  const accept = useCallback(
    (next: SessionView) => {
      if (sessionTag(next) < tag.current) return;
      tag.current = sessionTag(next);
      setView(next);
      publishSessionView(introId, next);
    },
    [introId],
  );

  useEffect(() => {
    let alive = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const result = await api.pollSession(introId, tag.current);
        if (!alive) return;
        const serverNow = result.changed ? result.view.serverNow : result.serverNow;
        setSamples((recent) => addSample(recent, sampleOffset(serverNow, result.sentAt, result.receivedAt)));
        if (result.changed) accept(result.view);
        setStale(false);
      } catch {
        if (alive) setStale(true);
      }
      if (alive) timer = setTimeout(() => void poll(), pollMs);
    };
    void poll();
    return () => {
      alive = false;
      if (timer) clearTimeout(timer);
    };
  }, [api, introId, pollMs, accept]);

  const act = useCallback(
    (request: SessionActionRequest) => {
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
    [api, introId, accept],
  );

  const offsetMs = bestRecent(samples)?.offsetMs ?? fallbackMs;
  return { view, offsetMs, stale, busy, error, act };
}
