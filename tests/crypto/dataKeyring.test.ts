import { randomBytes } from 'node:crypto';
import type { KeyWrapper } from '../../src/app/ports';
import { dataKeyring } from '../../src/crypto/dataKeyring';
import { localKeyWrapper } from '../../src/crypto/localKeyWrapper';
import { rewrapDataKeys } from '../../src/crypto/rewrapDataKeys';
import { openSqliteStore } from '../../src/store/sqlite/openSqliteStore';
import { at, makeIntro, newTenant, newUser, notesBody } from '../store/fixtures';
import { tempDirs } from '../store/support/tempDir';

const dirs = tempDirs('intro-keyring-');
afterAll(() => dirs.removeAll());

/** A wrapper that counts its unwraps. */
function counting(inner: KeyWrapper): KeyWrapper & { unwraps: number } {
  const counted = {
    unwraps: 0,
    wrap: (key: Uint8Array) => inner.wrap(key),
    unwrap: async (wrapped: Parameters<KeyWrapper['unwrap']>[0]) => {
      counted.unwraps += 1;
      return inner.unwrap(wrapped);
    },
  };
  return counted;
}

describe('data keyring', () => {
  const tenant = newTenant();
  let now = 0;
  const setup = (maxEntries = 100) => {
    const store = openSqliteStore(':memory:');
    const wrapper = counting(localKeyWrapper([randomBytes(32)]));
    const ring = dataKeyring(store.dataKeys, wrapper, { ttlMs: 1000, maxEntries, now: () => now });
    return { store, wrapper, ring };
  };

  it('keeps an unwrapped key for its time to live only', async () => {
    const { store, wrapper, ring } = setup();
    const author = newUser();
    const { key } = await ring.forWrite(tenant, author);
    const other = dataKeyring(store.dataKeys, wrapper, { ttlMs: 1000, now: () => now });
    expect(await other.forRead(tenant, author)).toEqual(key);
    expect(await other.forRead(tenant, author)).toEqual(key);
    expect(wrapper.unwraps).toBe(1);
    now += 1001;
    expect(await other.forRead(tenant, author)).toEqual(key);
    expect(wrapper.unwraps).toBe(2);
    await store.close();
  });

  it('unwraps once for many reads at once (a long history on a cold cache)', async () => {
    const { store, wrapper, ring } = setup();
    const author = newUser();
    await ring.forWrite(tenant, author);
    const cold = dataKeyring(store.dataKeys, wrapper, { now: () => now });
    const before = wrapper.unwraps;
    const keys = await Promise.all(Array.from({ length: 50 }, () => cold.forRead(tenant, author)));
    expect(new Set(keys.map((k) => Buffer.from(k!).toString('hex'))).size).toBe(1);
    expect(wrapper.unwraps).toBe(before + 1);
    await store.close();
  });

  it('holds at most maxEntries keys', async () => {
    const { store, wrapper, ring } = setup(2);
    const authors = [newUser(), newUser(), newUser()];
    for (const author of authors) await ring.forWrite(tenant, author);
    const before = wrapper.unwraps;
    await ring.forRead(tenant, authors[2]!);
    expect(wrapper.unwraps).toBe(before);
    await ring.forRead(tenant, authors[0]!);
    expect(wrapper.unwraps).toBe(before + 1);
    await store.close();
  });

  it('agrees on one key when two instances create an author’s key at once', async () => {
    const { store, wrapper } = setup();
    const rings = [1, 2, 3].map(() => dataKeyring(store.dataKeys, wrapper));
    const author = newUser();
    const keys = await Promise.all(rings.map(async (ring) => (await ring.forWrite(tenant, author)).key));
    expect(new Set(keys.map((k) => Buffer.from(k).toString('hex'))).size).toBe(1);
    await store.close();
  });

  it('forgets a destroyed key at once, and a later write gets a new one', async () => {
    const { store, ring } = setup();
    const author = newUser();
    const first = await ring.forWrite(tenant, author);
    await ring.destroy(tenant, author);
    expect(await ring.forRead(tenant, author)).toBeUndefined();
    expect((await ring.forWrite(tenant, author)).key).not.toEqual(first.key);
    await store.close();
  });
});

describe('KEK rotation', () => {
  it('a save sealed with a key rewrapped meanwhile is sealed again with the stored key, not refused', async () => {
    const dir = dirs.make();
    const [oldKek, newKek] = [randomBytes(32), randomBytes(32)];
    const store = openSqliteStore(dir, { keys: localKeyWrapper([oldKek, newKek]) });
    const intro = makeIntro({ tenantId: newTenant() });
    const key = { tenantId: intro.tenantId, introId: intro.id, authorId: intro.leader.id };
    expect((await store.notes.save(key, notesBody('before'), 0, at(1))).ok).toBe(true); // the key is cached now
    expect(await rewrapDataKeys(store.dataKeys, localKeyWrapper([newKek, oldKek]))).toBe(1);
    const saved = await store.notes.save(key, notesBody('after'), 1, at(2));
    expect(saved.ok && saved.value.version).toBe(2);
    expect((await store.notes.get(key))?.text.goals).toBe('goals after');
    await store.close();
  });
  it('rewraps every data key under the new KEK; notes stay readable and the old KEK can be retired', async () => {
    const dir = dirs.make();
    const [oldKek, newKek] = [randomBytes(32), randomBytes(32)];
    const before = openSqliteStore(dir, { keys: localKeyWrapper([oldKek]) });
    const intro = makeIntro({ tenantId: newTenant() });
    const keys = [intro.leader.id, intro.member!.id].map((authorId) => ({
      tenantId: intro.tenantId,
      introId: intro.id,
      authorId,
    }));
    for (const key of keys) await before.notes.save(key, notesBody(key.authorId), 0, at(1));
    before.close();

    const during = openSqliteStore(dir, { keys: localKeyWrapper([newKek, oldKek]) });
    expect(await rewrapDataKeys(during.dataKeys, localKeyWrapper([newKek, oldKek]))).toBe(2);
    expect(await rewrapDataKeys(during.dataKeys, localKeyWrapper([newKek, oldKek]))).toBe(0);
    during.close();

    const after = openSqliteStore(dir, { keys: localKeyWrapper([newKek]) });
    for (const key of keys) expect((await after.notes.get(key))?.text.goals).toBe(`goals ${key.authorId}`);
    after.close();
  });
});
