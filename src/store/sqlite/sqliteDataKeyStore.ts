import type Database from 'better-sqlite3';
import type { DataKeyStore, WrappedKey } from '../../app/ports';
import { tenantIdSchema, userIdSchema } from '../../domain/ids.schema';
import { emptyWal } from './walCheckpointer';

interface KeyRow {
  readonly tenant_id: string;
  readonly author_id: string;
  readonly kek_id: string;
  readonly alg: string;
  readonly wrapped: Buffer;
}

const toKey = (row: KeyRow): WrappedKey => ({ kekId: row.kek_id, alg: row.alg, wrapped: new Uint8Array(row.wrapped) });

/** Wrapped data keys on SQLite; a delete also empties the WAL so no copy of the key stays behind there. */
export function sqliteDataKeyStore(db: Database.Database): DataKeyStore {
  const who = 'tenant_id = @tenantId AND author_id = @authorId';
  const q = {
    get: db.prepare<{ tenantId: string; authorId: string }, KeyRow>(`SELECT * FROM data_keys WHERE ${who}`),
    insert: db.prepare(`INSERT INTO data_keys (tenant_id, author_id, kek_id, alg, wrapped, created_at)
      VALUES (@tenantId, @authorId, @kekId, @alg, @wrapped, @at) ON CONFLICT DO NOTHING`),
    replace: db.prepare(`UPDATE data_keys SET kek_id = @kekId, alg = @alg, wrapped = @wrapped
      WHERE ${who} AND kek_id = @fromKekId AND wrapped = @fromWrapped`),
    list: db.prepare<[], KeyRow>('SELECT * FROM data_keys ORDER BY tenant_id, author_id'),
    delete: db.prepare(`DELETE FROM data_keys WHERE ${who}`),
  };
  const get = (tenantId: string, authorId: string) => {
    const row = q.get.get({ tenantId, authorId });
    return row && toKey(row);
  };
  return {
    get: async (tenantId, authorId) => get(tenantId, authorId),
    createIfAbsent: async (tenantId, authorId, key) => {
      const wrapped = Buffer.from(key.wrapped);
      q.insert.run({ tenantId, authorId, kekId: key.kekId, alg: key.alg, wrapped, at: new Date().toISOString() });
      const stored = get(tenantId, authorId);
      if (!stored) throw new Error('Data key vanished right after it was stored.');
      return stored;
    },
    replace: async (tenantId, authorId, expected, next) =>
      q.replace.run({
        tenantId,
        authorId,
        kekId: next.kekId,
        alg: next.alg,
        wrapped: Buffer.from(next.wrapped),
        fromKekId: expected.kekId,
        fromWrapped: Buffer.from(expected.wrapped),
      }).changes === 1,
    list: async () =>
      q.list.all().map((row) => ({
        tenantId: tenantIdSchema.parse(row.tenant_id),
        authorId: userIdSchema.parse(row.author_id),
        key: toKey(row),
      })),
    delete: async (tenantId, authorId) => {
      q.delete.run({ tenantId, authorId });
      await emptyWal(db);
    },
  };
}
