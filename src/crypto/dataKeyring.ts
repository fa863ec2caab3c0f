import { randomBytes } from 'node:crypto';
import type { DataKeyStore, KeyWrapper, WrappedKey } from '../app/ports';
import type { TenantId, UserId } from '../domain/ids';
import { KEY_BYTES } from './aesGcm';

/** Each author's data key per tenant: created on first write, unwrapped by the KEK, cached briefly in memory. */
export interface DataKeyring {
  /** The author's data key, created (race-safe across instances) when they have none yet. */
  forWrite(tenantId: TenantId, authorId: UserId): Promise<Uint8Array>;
  /** The author's data key, or undefined when none is stored (never written, or shredded); `fresh` skips the cache. */
  forRead(tenantId: TenantId, authorId: UserId, fresh?: boolean): Promise<Uint8Array | undefined>;
  /** Destroys the author's wrapped data key and forgets the unwrapped copy: what it sealed is unreadable for good. */
  destroy(tenantId: TenantId, authorId: UserId): Promise<void>;
}

/** How long and how many unwrapped keys stay in memory. */
export interface KeyCacheOptions {
  readonly ttlMs?: number;
  readonly maxEntries?: number;
  /** Time source for the cache (epoch ms). */
  readonly now?: () => number;
}

interface Cached {
  readonly fingerprint: string;
  readonly key: Uint8Array;
  readonly expires: number;
}

const fingerprintOf = (w: WrappedKey) => `${w.kekId}|${w.alg}|${Buffer.from(w.wrapped).toString('base64')}`;

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

  const remember = (name: string, fingerprint: string, key: Uint8Array, readAt: number) => {
    if (generation(name) !== readAt) return key;
    cache.delete(name);
    if (cache.size >= maxEntries) cache.delete(cache.keys().next().value as string);
    cache.set(name, { fingerprint, key, expires: now() + ttlMs });
    return key;
  };
  const unwrapped = async (name: string, readAt: number, wrapped: WrappedKey, plain?: Uint8Array) => {
    const fingerprint = fingerprintOf(wrapped);
    const hit = cache.get(name);
    if (hit && hit.fingerprint === fingerprint && hit.expires > now()) return hit.key;
    return remember(name, fingerprint, plain ?? (await wrapper.unwrap(wrapped)), readAt);
  };

  const reading = new Map<string, Promise<Uint8Array | undefined>>();
  const load = async (name: string, tenantId: TenantId, authorId: UserId) => {
    const readAt = generation(name);
    const stored = await keys.get(tenantId, authorId);
    if (stored) return unwrapped(name, readAt, stored);
    cache.delete(name);
    return undefined;
  };

  return {
    forWrite: async (tenantId, authorId) => {
      const name = slot(tenantId, authorId);
      const readAt = generation(name);
      // Always read the stored key before sealing, so a key shredded on another instance is never written with again.
      const stored = await keys.get(tenantId, authorId);
      if (stored) return unwrapped(name, readAt, stored);
      const fresh = randomBytes(KEY_BYTES);
      const mine = await wrapper.wrap(fresh);
      const winner = await keys.createIfAbsent(tenantId, authorId, mine);
      return unwrapped(name, readAt, winner, fingerprintOf(winner) === fingerprintOf(mine) ? fresh : undefined);
    },
    forRead: async (tenantId, authorId, fresh = false) => {
      const name = slot(tenantId, authorId);
      const hit = cache.get(name);
      if (!fresh && hit && hit.expires > now()) return hit.key;
      // Many reads at once (a history of hundreds of notes) share one store read and one unwrap.
      const pending = reading.get(name) ?? load(name, tenantId, authorId);
      reading.set(name, pending);
      return pending.finally(() => {
        if (reading.get(name) === pending) reading.delete(name);
      });
    },
    destroy: async (tenantId, authorId) => {
      const name = slot(tenantId, authorId);
      generations.set(name, generation(name) + 1);
      cache.delete(name);
      await keys.delete(tenantId, authorId);
      generations.set(name, generation(name) + 1);
      cache.delete(name);
    },
  };
}
