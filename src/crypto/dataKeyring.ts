import { randomBytes } from 'node:crypto';
import type { DataKeyStore, KeyWrapper, WrappedKey } from '../app/ports';
import type { TenantId, UserId } from '../domain/ids';
import { bufferOf, KEY_BYTES } from './aesGcm';

/** An author's data key, unwrapped, with the wrapped copy it was read from (what a conditional write names). */
export interface DataKey {
  readonly key: Uint8Array;
  readonly wrapped: WrappedKey;
}

/** Each author's data key per tenant: created on first write, unwrapped by the KEK, cached briefly in memory. */
export interface DataKeyring {
  /**
   * The author's data key to seal with, created (race-safe across instances) when they have none yet. A cached copy
   * may be stale (shredded or rewrapped on another instance): the notes write is conditional on `wrapped` still being
   * the stored key, and on a refusal the caller asks `stored` for the current one.
   */
  forWrite(tenantId: TenantId, authorId: UserId): Promise<DataKey>;
  /** `forWrite`, but a key is created only if `mayCreate` says yes first (undefined when it says no). */
  forWriteIf(tenantId: TenantId, authorId: UserId, mayCreate: () => Promise<boolean>): Promise<DataKey | undefined>;
  /** The author's data key, or undefined when none is stored (never written, or shredded); `fresh` skips the cache. */
  forRead(tenantId: TenantId, authorId: UserId, fresh?: boolean): Promise<Uint8Array | undefined>;
  /** The author's stored data key read now (never the cache), or undefined when none is stored. */
  stored(tenantId: TenantId, authorId: UserId): Promise<DataKey | undefined>;
  /** Destroys the author's wrapped data key and forgets the unwrapped copy: what it sealed is unreadable for good. */
  destroy(tenantId: TenantId, authorId: UserId): Promise<void>;
}

/** Whether two wrapped keys are the same stored key (same KEK, algorithm and bytes). */
export function sameWrappedKey(a: WrappedKey | undefined, b: WrappedKey): boolean {
  return a !== undefined && a.kekId === b.kekId && a.alg === b.alg && bufferOf(a.wrapped).equals(bufferOf(b.wrapped));
}

/** How long and how many unwrapped keys stay in memory. */
export interface KeyCacheOptions {
  readonly ttlMs?: number;
  readonly maxEntries?: number;
  /** Time source for the cache (epoch ms). */
  readonly now?: () => number;
}

interface Cached extends DataKey {
  readonly expires: number;
}

/** A keyring over a store of wrapped keys and a KEK; unwrapped keys live at most `ttlMs` (default 5 minutes). */
export function dataKeyring(keys: DataKeyStore, wrapper: KeyWrapper, options: KeyCacheOptions = {}): DataKeyring {
  const ttlMs = options.ttlMs ?? 5 * 60_000;
  const maxEntries = options.maxEntries ?? 10_000;
  const now = options.now ?? Date.now;
  const cache = new Map<string, Cached>();
  // Bumped by destroy: a key read before a destroy finished must never be cached after it.
  const generations = new Map<string, number>();
  const generation = (name: string) => generations.get(name) ?? 0;
  const slot = (tenantId: TenantId, authorId: UserId) => `${tenantId}|${authorId}`;

  const remember = (name: string, found: DataKey, readAt: number): DataKey => {
    if (generation(name) !== readAt) return found;
    cache.delete(name);
    if (cache.size >= maxEntries) cache.delete(cache.keys().next().value as string);
    cache.set(name, { ...found, expires: now() + ttlMs });
    return found;
  };
  const unwrapped = async (name: string, readAt: number, wrapped: WrappedKey, plain?: Uint8Array): Promise<DataKey> => {
    const hit = cache.get(name);
    if (hit && sameWrappedKey(hit.wrapped, wrapped) && hit.expires > now()) return hit;
    return remember(name, { key: plain ?? (await wrapper.unwrap(wrapped)), wrapped }, readAt);
  };
  const fresh = (name: string) => {
    const hit = cache.get(name);
    return hit && hit.expires > now() ? hit : undefined;
  };

  const reading = new Map<string, Promise<DataKey | undefined>>();
  const load = async (name: string, tenantId: TenantId, authorId: UserId) => {
    const readAt = generation(name);
    const stored = await keys.get(tenantId, authorId);
    if (stored) return unwrapped(name, readAt, stored);
    cache.delete(name);
    return undefined;
  };
  // Many reads at once (a history of hundreds of notes) share one store read and one unwrap.
  const loadOnce = (tenantId: TenantId, authorId: UserId) => {
    const name = slot(tenantId, authorId);
    const pending = reading.get(name) ?? load(name, tenantId, authorId);
    reading.set(name, pending);
    return pending.finally(() => {
      if (reading.get(name) === pending) reading.delete(name);
    });
  };

  const forWriteIf = async (tenantId: TenantId, authorId: UserId, mayCreate: () => Promise<boolean>) => {
    const name = slot(tenantId, authorId);
    const readAt = generation(name);
    const cached = fresh(name);
    if (cached) return cached;
    const stored = await keys.get(tenantId, authorId);
    if (stored) return unwrapped(name, readAt, stored);
    if (!(await mayCreate())) return undefined;
    const created = randomBytes(KEY_BYTES);
    const mine = await wrapper.wrap(created);
    const winner = await keys.createIfAbsent(tenantId, authorId, mine);
    return unwrapped(name, readAt, winner, sameWrappedKey(winner, mine) ? created : undefined);
  };

  return {
    forWrite: async (tenantId, authorId) => (await forWriteIf(tenantId, authorId, async () => true))!,
    forWriteIf,
    forRead: async (tenantId, authorId, skipCache = false) => {
      const cached = skipCache ? undefined : fresh(slot(tenantId, authorId));
      return (cached ?? (await loadOnce(tenantId, authorId)))?.key;
    },
    // Its own read, never one already under way: that one may have started before a destroy.
    stored: (tenantId, authorId) => load(slot(tenantId, authorId), tenantId, authorId),
    destroy: async (tenantId, authorId) => {
      const name = slot(tenantId, authorId);
      generations.set(name, generation(name) + 1);
      cache.delete(name);
      reading.delete(name); // a read under way may have seen the key: later callers start their own
      await keys.delete(tenantId, authorId);
      generations.set(name, generation(name) + 1);
      cache.delete(name);
    },
  };
}
