/** Who wants to know that the tab is back: live feeds that reconnect and resync. */
const resumeListeners = new Set<() => void>();

/** Tells every resume listener (the page came back from hidden, the network, or Teams' cache). */
export function notifyResumed(): void {
  for (const listener of [...resumeListeners]) listener();
}

let watching = false;

/** The browser's own signs of a return: visible again, online again. Watched once, for every listener. */
function watchBrowser(): void {
  if (watching || typeof window === 'undefined') return;
  watching = true;
  window.addEventListener('online', notifyResumed);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') notifyResumed();
  });
}

/**
 * Calls `listener` each time the tab comes back: visible again, online again, or resumed by Teams from its app cache.
 * A connection held meanwhile may be dead without knowing it, so the listener reconnects. Returns a function that
 * stops listening.
 */
export function onResume(listener: () => void): () => void {
  watchBrowser();
  resumeListeners.add(listener);
  return () => resumeListeners.delete(listener);
}
