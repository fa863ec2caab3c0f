import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Storage, StoreItems } from 'botbuilder';
import { botItemCodec } from '../codecs/records';

/** botbuilder Storage on SQLite, with MemoryStorage's eTag rules: '*' or no eTag always writes. */
export function sqliteBotStorage(db: Database.Database): Storage {
  const q = {
    get: db.prepare<[string], { json: string; etag: string }>('SELECT json, etag FROM bot_state WHERE key = ?'),
    upsert: db.prepare(`INSERT INTO bot_state (key, json, etag) VALUES (?, ?, ?)
      ON CONFLICT (key) DO UPDATE SET json = excluded.json, etag = excluded.etag`),
    replace: db.prepare('UPDATE bot_state SET json = ?, etag = ? WHERE key = ? AND etag = ?'),
    delete: db.prepare('DELETE FROM bot_state WHERE key = ?'),
  };
  const writeAll = db.transaction((changes: StoreItems) => {
    for (const [key, change] of Object.entries(changes)) {
      const { eTag, ...item } = (change ?? {}) as Record<string, unknown>;
      const json = botItemCodec.encode(item);
      const etag = randomUUID();
      const unconditional = eTag === undefined || eTag === '*' || eTag === '' || q.get.get(key) === undefined;
      if (unconditional) q.upsert.run(key, json, etag);
      else if (q.replace.run(json, etag, key, String(eTag)).changes === 0) {
        throw new Error(`Storage: error writing "${key}" due to eTag conflict.`);
      }
    }
  });
  return {
    read: async (keys) => {
      const items: StoreItems = {};
      for (const key of keys) {
        const row = q.get.get(key);
        if (row) items[key] = { ...botItemCodec.decode(row.json), eTag: row.etag };
      }
      return items;
    },
    write: async (changes) => {
      writeAll(changes);
    },
    delete: async (keys) => {
      db.transaction(() => keys.forEach((key) => q.delete.run(key)))();
    },
  };
}
