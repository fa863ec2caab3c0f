import { randomUUID } from 'node:crypto';
import { secondInstance, type Harness } from './harness';

/** botbuilder Storage: MemoryStorage's read/write/delete and eTag rules. */
export function describeBotStorageContract(h: Harness): void {
  describe('botStorage', () => {
    it('reads only what exists, with an eTag', async () => {
      const storage = h().store.botStorage;
      const key = `conv/${randomUUID()}`;
      expect(await storage.read([key])).toEqual({});
      await storage.write({ [key]: { count: 1, nested: { list: [1, 2] } } });
      const read = await storage.read([key, 'missing']);
      expect(Object.keys(read)).toEqual([key]);
      expect(read[key]).toEqual({ count: 1, nested: { list: [1, 2] }, eTag: expect.any(String) });
    });

    it('writes with the current eTag, rejects a stale one, and always writes with "*" or none', async () => {
      const storage = h().store.botStorage;
      const key = `user/${randomUUID()}`;
      await storage.write({ [key]: { n: 1 } });
      const first = (await storage.read([key]))[key];
      await storage.write({ [key]: { n: 2, eTag: first?.eTag } });
      const second = (await storage.read([key]))[key];
      expect(second).toMatchObject({ n: 2 });
      expect(second?.eTag).not.toBe(first?.eTag);
      await expect(storage.write({ [key]: { n: 3, eTag: first?.eTag } })).rejects.toThrow(/eTag/);
      expect((await storage.read([key]))[key]).toMatchObject({ n: 2 });
      await storage.write({ [key]: { n: 4, eTag: '*' } });
      await storage.write({ [key]: { n: 5 } });
      expect((await storage.read([key]))[key]).toMatchObject({ n: 5 });
    });

    it('deletes items, and a second instance sees the same state', async () => {
      const storage = h().store.botStorage;
      const other = (await secondInstance(h)).botStorage;
      const [k1, k2] = [randomUUID(), randomUUID()];
      await storage.write({ [k1]: { a: 1 }, [k2]: { b: 2 } });
      expect((await other.read([k1]))[k1]).toMatchObject({ a: 1 });
      await storage.delete([k1]);
      expect(await other.read([k1, k2])).toEqual({ [k2]: { b: 2, eTag: expect.any(String) } });
      const stale = (await other.read([k2]))[k2];
      await storage.write({ [k2]: { b: 3, eTag: stale?.eTag } });
      await expect(other.write({ [k2]: { b: 4, eTag: stale?.eTag } })).rejects.toThrow(/eTag conflict/);
    });
  });
}
