import { app, teamsCore } from '@microsoft/teams-js';

/** Who wants to know that the tab is back: live feeds that reconnect and resync. */
const resumeListeners = new Set<() => void>();

/** Tells every resume listener (the page came back from hidden, the network, or Teams' cache). */
function notifyResumed(): void {
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

let cachingSupported = false;

/** A page's `path?query`, to tell whether Teams restores this very tab or asks for another one. */
const pageOf = (url: string) => {
  const parsed = new URL(url, window.location.href);
  return `${parsed.pathname}${parsed.search}`;
};

/**
 * Lets Teams keep the side panel in its app cache, so reopening it is instant. Before Teams caches (or unloads) it,
 * unsent notes go out (the notes autosave flushes on `pagehide`, with keepalive) and only then is Teams told it may;
 * when Teams shows it again, live feeds reconnect, or the page goes where Teams asks when that is another page.
 */
export function supportAppCaching(): void {
  if (cachingSupported || !teamsCore.isSupported()) return;
  cachingSupported = true;
  teamsCore.registerBeforeUnloadHandler((readyToUnload) => {
    window.dispatchEvent(new Event('pagehide'));
    // The save has started (keepalive lets it finish whatever Teams does next); the next task may say ready.
    setTimeout(readyToUnload, 0);
    return true;
  });
  teamsCore.registerOnLoadHandler((context) => {
    if (context.contentUrl && pageOf(context.contentUrl) !== pageOf(window.location.href)) {
      window.location.assign(context.contentUrl);
      return;
    }
    notifyResumed();
    app.notifySuccess().catch(() => undefined);
  });
}
