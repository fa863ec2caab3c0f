import type { IntroView } from '../../../src/domain/api';

const PREFIX = 'intro11.inPersonView.v1:';

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** Keeps the intro's view on this device with the clock offset it came with, so the run view opens offline. */
export function cacheView(view: IntroView, receivedAt = Date.now()): void {
  try {
    const offsetMs = view.session.serverNow - receivedAt;
    storage()?.setItem(`${PREFIX}${view.intro.id}`, JSON.stringify({ view, offsetMs }));
  } catch {
    // Without storage the run view needs the network to open; it still works once open.
  }
}

/** The kept view, its server time moved to now by the kept offset; undefined when none is kept. */
export function cachedView(introId: string, now = Date.now()): IntroView | undefined {
  try {
    const raw = storage()?.getItem(`${PREFIX}${introId}`);
    if (!raw) return undefined;
    const { view, offsetMs } = JSON.parse(raw) as { view: IntroView; offsetMs: number };
    return { ...view, session: { ...view.session, serverNow: now + offsetMs } };
  } catch {
    return undefined;
  }
}
