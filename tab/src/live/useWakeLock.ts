import { useEffect } from 'react';

/** The part of the Screen Wake Lock API used here; absent where the platform has none. */
interface WakeLockSentinelLike {
  release(): Promise<void>;
}
interface WakeLockLike {
  request(type: 'screen'): Promise<WakeLockSentinelLike>;
}

function wakeLockApi(): WakeLockLike | undefined {
  return (navigator as Navigator & { wakeLock?: WakeLockLike }).wakeLock;
}

/**
 * Keeps the screen awake while `active` (the session runs), where the platform has Screen Wake Lock: the lock is
 * released when inactive or hidden (the browser drops it then anyway) and asked again when the page is visible.
 */
export function useWakeLock(active: boolean): void {
  useEffect(() => {
    const api = wakeLockApi();
    if (!active || !api) return;
    let sentinel: WakeLockSentinelLike | undefined;
    let alive = true;
    const acquire = () => {
      if (document.visibilityState !== 'visible' || sentinel) return;
      api.request('screen').then(
        (lock) => {
          if (alive) sentinel = lock;
          else void lock.release().catch(() => undefined);
        },
        // Refused (battery saver, no permission): the screen may dim, nothing else changes.
        () => undefined,
      );
    };
    const release = () => {
      const held = sentinel;
      sentinel = undefined;
      void held?.release().catch(() => undefined);
    };
    const visibility = () => (document.visibilityState === 'visible' ? acquire() : release());
    acquire();
    document.addEventListener('visibilitychange', visibility);
    return () => {
      alive = false;
      document.removeEventListener('visibilitychange', visibility);
      release();
    };
  }, [active]);
}
