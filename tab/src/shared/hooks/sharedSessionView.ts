import { useEffect } from 'react';
import type { SessionView } from '../../../../src/contract';
import { sessionTag } from '../../../../src/domain/sessionTag';

type Listener = (view: SessionView) => void;
const listeners = new Map<string, Set<Listener>>();
const latest = new Map<string, SessionView>();

/**
 * Shares the newest session view of an intro (from the panel's one session poll, or a role-switch answer) with the
 * parts of the panel that follow who leads; an older view than the last one shared is ignored.
 */
export function publishSessionView(introId: string, view: SessionView): void {
  const known = latest.get(introId);
  if (known && sessionTag(view) < sessionTag(known)) return;
  latest.set(introId, view);
  listeners.get(introId)?.forEach((listener) => listener(view));
}

/** The newest session view shared for `introId`, if any has been. */
export function latestSessionView(introId: string): SessionView | undefined {
  return latest.get(introId);
}

/** Calls `onView` with each newer session view shared for `introId` (none while it is undefined). */
export function useSessionFeed(introId: string | undefined, onView: Listener): void {
  useEffect(() => {
    if (introId === undefined) return;
    const own = listeners.get(introId) ?? new Set<Listener>();
    listeners.set(introId, own);
    own.add(onView);
    return () => void own.delete(onView);
  }, [introId, onView]);
}
