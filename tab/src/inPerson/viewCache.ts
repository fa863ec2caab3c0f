import type { IntroView } from '../../../src/contract';
import { browserStorage, type KeyValueStorage } from '../shared/deviceStorage';

const PREFIX = 'intro11.inPersonView.v1:';

/** Whose copy it is: kept per tenant and person, so people sharing a device never see each other's intros. */
export interface ViewOwner {
  readonly tenantId: string;
  readonly userId: string;
}

const keyOf = (owner: ViewOwner, introId: string) => `${PREFIX}${owner.tenantId}:${owner.userId}:${introId}`;

/** Keeps the intro's view on this device with the clock offset it came with, so the run view opens offline. */
export function cacheView(owner: ViewOwner, view: IntroView, receivedAt = Date.now()): void {
  try {
    const offsetMs = view.session.serverNow - receivedAt;
    browserStorage()?.setItem(keyOf(owner, view.intro.id), JSON.stringify({ view, offsetMs }));
  } catch {
    // Without storage the run view needs the network to open; it still works once open.
  }
}

/** The kept view, its server time moved to now by the kept offset; undefined when none is kept. */
export function cachedView(owner: ViewOwner, introId: string, now = Date.now()): IntroView | undefined {
  try {
    const raw = browserStorage()?.getItem(keyOf(owner, introId));
    if (!raw) return undefined;
    const { view, offsetMs } = JSON.parse(raw) as { view: IntroView; offsetMs: number };
    return { ...view, session: { ...view.session, serverNow: now + offsetMs } };
  } catch {
    return undefined;
  }
}

/** Forgets every kept view of one person's intros (after "Delete my data"). */
export function clearCachedViews(kept: KeyValueStorage | undefined, owner: ViewOwner): void {
  const prefix = `${PREFIX}${owner.tenantId}:${owner.userId}:`;
  try {
    const keys: string[] = [];
    for (let index = 0; kept?.key && index < (kept.length ?? 0); index++) {
      const key = kept.key(index);
      if (key?.startsWith(prefix)) keys.push(key);
    }
    keys.forEach((key) => kept?.removeItem(key));
  } catch {
    // Nothing to forget when storage is unavailable.
  }
}
