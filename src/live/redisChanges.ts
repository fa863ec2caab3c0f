import { randomUUID } from 'node:crypto';
import { createClient } from 'redis';
import { z } from 'zod';
import type { SessionChange, SessionChanges } from '../app/ports';
import type { IntroId, TenantId } from '../domain/ids';
import type { LocalChanges } from './memoryChanges';

/** Session changes shared between instances, and whether they are right now. */
interface SharedChanges extends SessionChanges {
  /** True while this instance hears the other instances' changes. */
  readonly sharing: () => boolean;
  close(): Promise<void>;
}

/** What the shared feed tells its owner about the engine. */
interface SharedChangesEvents {
  /** Changes from other instances stopped arriving (streams here would miss them). */
  readonly lost: () => void;
  readonly warn: (message: string, err: unknown) => void;
}

const CHANNEL = 'intro1on1:session-changes';

/** Closes a client whether it is connected, still trying, or already closed. */
async function closeClient(client: { isOpen: boolean; close(): Promise<unknown>; destroy(): unknown }) {
  try {
    if (client.isOpen) await client.close();
    else client.destroy();
  } catch {
    // Already closed: nothing left to release.
  }
}
// A notice says only which intro changed, and who sent it (so an instance skips its own, already delivered here).
const noticeSchema = z.object({ from: z.string().min(1), tenantId: z.string().min(1), introId: z.string().min(1) });

/**
 * Session changes over Redis pub/sub: each change is delivered in this process at once and published for the others;
 * a notice from another instance is delivered here. Pub/sub is at-most-once, so a notice carries no state: listeners
 * reread the store, and after the subscription was lost and is back every listener here rereads.
 */
export function redisChanges(url: string, local: LocalChanges, events: SharedChangesEvents): SharedChanges {
  const from = randomUUID();
  // Publishes fail at once while disconnected instead of queueing: a late notice is worth nothing.
  const publisher = createClient({
    url,
    disableOfflineQueue: true,
    socket: { reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 5_000) },
  });
  const subscriber = publisher.duplicate();
  let subscribed = false;
  let everSubscribed = false;
  publisher.on('error', (err: unknown) => events.warn('Redis (publishing session changes) failed', err));
  subscriber.on('error', (err: unknown) => events.warn('Redis (hearing session changes) failed', err));
  subscriber.on('end', () => lose());
  subscriber.on('reconnecting', () => lose());
  subscriber.on('ready', () => {
    if (!everSubscribed) return;
    // Back after a gap: the subscription is restored by the client; whatever was published meanwhile is lost.
    subscribed = true;
    local.deliverAll();
  });
  const lose = () => {
    if (!subscribed) return;
    subscribed = false;
    events.lost();
  };
  const heard = (message: string) => {
    let notice: unknown;
    try {
      notice = JSON.parse(message);
    } catch {
      return;
    }
    const parsed = noticeSchema.safeParse(notice);
    if (!parsed.success || parsed.data.from === from) return;
    local.deliver({ tenantId: parsed.data.tenantId as TenantId, introId: parsed.data.introId as IntroId });
  };
  // Connected in the background: an instance that starts while Redis is away serves (its panels poll) and shares
  // changes once Redis answers.
  void Promise.all([publisher.connect(), subscriber.connect()])
    .then(() => subscriber.subscribe(CHANNEL, heard))
    .then(() => {
      subscribed = true;
      everSubscribed = true;
    })
    .catch((err: unknown) => events.warn('Redis (session changes) could not be reached', err));

  return {
    publish(change: SessionChange) {
      local.deliver(change);
      const notice = JSON.stringify({ from, tenantId: change.tenantId, introId: change.introId });
      publisher.publish(CHANNEL, notice).catch((err: unknown) => events.warn('A session change was not shared', err));
    },
    subscribe: (change, listener) => local.subscribe(change, listener),
    sharing: () => subscribed,
    async close() {
      subscribed = false;
      everSubscribed = false;
      await Promise.all([subscriber, publisher].map(closeClient));
    },
  };
}
