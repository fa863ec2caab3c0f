import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SessionActionRequest, SessionView } from '../../../../src/contract';
import type { ApiClient } from '../../shared/api/client';
import { ApiError, isSignInProblem, isTransient } from '../../shared/api/errors';
import type { NotesOwner } from '../../notes/pendingStore';
import { actionQueue, alreadyApplied, exclusive, type QueuedAction } from './actionQueue';
import { browserStorage } from '../../shared/deviceStorage';

/** Whose queue it is: session actions are kept per tenant, person and intro, as notes are. */
export type QueueOwner = NotesOwner;

/** A queue of the leader's session actions kept on this device and sent in order. */
interface ActionQueueHandle {
  readonly enabled: boolean;
  readonly queued: readonly QueuedAction[];
  /** Keeps the action stamped at `serverNow` (the server's clock, estimated here) and sends it when it can. */
  readonly enqueue: (request: SessionActionRequest, serverNow: number) => void;
  /** Sends what is queued, in order; stops at the first failure that may go away by itself. */
  readonly flush: () => void;
}

const LABELS: Readonly<Record<QueuedAction['action'], string>> = {
  start: 'Start',
  pause: 'Pause',
  resume: 'Resume',
  next: 'Next',
  previous: 'Back',
  end: 'End',
  giveSpare: 'Giving spare minutes',
  setDuration: 'The new length',
};

/**
 * Keeps the leader's actions on this device (local storage) and sends them in order when the server can be reached,
 * each with the time it was pressed on the server's clock; a refused action is dropped with `onRefused`'s message.
 */
export function useActionQueue(
  api: ApiClient,
  owner: QueueOwner | undefined,
  accept: (view: SessionView) => void,
  /** The latest session the server sent, to skip an action it already applied (its answer was lost offline). */
  latest: () => SessionView,
  onUnreachable: () => void,
  onRefused: (message: string) => void,
): ActionQueueHandle {
  const enabled = owner !== undefined;
  const { tenantId, userId, introId } = owner ?? { tenantId: '', userId: '', introId: '' };
  // Keyed by the owner's parts, so a new owner object with the same parts keeps the queue.
  const queue = useMemo(
    () => (enabled ? actionQueue(browserStorage(), { tenantId, userId, introId }) : undefined),
    [enabled, tenantId, userId, introId],
  );
  const [queued, setQueued] = useState<readonly QueuedAction[]>(() => queue?.list() ?? []);
  const sending = useRef(false);

  // Follows what storage holds (another flush may have sent it), keeping the same array when both are empty.
  const sync = useCallback(() => {
    const stored = queue?.list() ?? [];
    setQueued((current) => (current.length === 0 && stored.length === 0 ? current : stored));
  }, [queue]);

  const flush = useCallback(async () => {
    if (!queue || sending.current) return;
    if (queue.list().length === 0) return sync();
    sending.current = true;
    try {
      await exclusive(async () => {
        for (let head = queue.list()[0]; head; head = queue.list()[0]) {
          if (alreadyApplied(latest().session, head)) {
            setQueued(queue.shift());
            continue;
          }
          try {
            accept(await api.sessionAction(introId, head));
          } catch (failure) {
            if (isTransient(failure) || isSignInProblem(failure)) return onUnreachable();
            const reason = failure instanceof ApiError ? failure.message : String(failure);
            onRefused(`${LABELS[head.action]} was not applied: ${reason}`);
          }
          setQueued(queue.shift());
        }
        sync();
      });
    } finally {
      sending.current = false;
    }
  }, [api, introId, queue, accept, latest, onUnreachable, onRefused, sync]);

  const enqueue = useCallback(
    (request: SessionActionRequest, serverNow: number) => {
      if (!queue) return;
      // A new length is not a moment in the session: it carries no time.
      const stamped = request.action === 'setDuration' ? request : { ...request, at: Math.round(serverNow) };
      setQueued(queue.push(stamped));
      void flush();
    },
    [queue, flush],
  );

  // Back online, the first successful poll flushes (useSession), so the check above sees the server's latest state.
  useEffect(() => {
    if (queue) void flush();
  }, [queue, flush]);

  return { enabled: queue !== undefined, queued, enqueue, flush: () => void flush() };
}
