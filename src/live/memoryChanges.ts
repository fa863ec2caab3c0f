import type { SessionChange, SessionChanges } from '../app/ports';

/** The in-process fan-out, plus what a shared engine needs to feed it. */
export interface LocalChanges extends SessionChanges {
  /** Tells this process's listeners of one intro, without passing the change on to other instances. */
  deliver(change: SessionChange): void;
  /** Tells every listener in this process to reread (after a shared engine may have dropped notices). */
  deliverAll(): void;
  /** How many intros have listeners here (for tests and the bench). */
  readonly size: number;
}

const keyOf = (change: SessionChange) => `${change.tenantId}|${change.introId}`;

/**
 * Session changes fanned out in memory: the whole feed when one process runs (the embedded default), and the local
 * half of a shared engine. Listeners are kept per intro, so a change costs only that intro's streams. A listener that
 * throws cannot stop the others.
 */
export function memoryChanges(): LocalChanges {
  const listeners = new Map<string, Set<() => void>>();
  const call = (each: ReadonlySet<() => void> | undefined) => {
    for (const listener of [...(each ?? [])]) {
      try {
        listener();
      } catch {
        // A listener's failure is its own (a stream already gone); the rest still hear of the change.
      }
    }
  };
  const deliver = (change: SessionChange) => call(listeners.get(keyOf(change)));
  return {
    publish: deliver,
    deliver,
    deliverAll: () => {
      for (const each of listeners.values()) call(each);
    },
    subscribe(change, listener) {
      const key = keyOf(change);
      const set = listeners.get(key) ?? new Set();
      set.add(listener);
      listeners.set(key, set);
      return () => {
        set.delete(listener);
        if (set.size === 0 && listeners.get(key) === set) listeners.delete(key);
      };
    },
    get size() {
      return listeners.size;
    },
  };
}
