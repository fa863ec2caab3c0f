import type { TableClient } from '@azure/data-tables';
import type { DataKeyStore, WrappedKey } from '../../app/ports';
import { tenantIdSchema, userIdSchema } from '../../domain/ids.schema';
import { unless } from './tables';

interface KeyEntity extends Record<string, unknown> {
  readonly partitionKey: string;
  readonly rowKey: string;
  readonly etag: string;
  readonly kekId: string;
  readonly alg: string;
  readonly wrapped: Uint8Array;
}

const toKey = (e: KeyEntity): WrappedKey => ({ kekId: e.kekId, alg: e.alg, wrapped: new Uint8Array(e.wrapped) });
const same = (a: WrappedKey, b: WrappedKey) =>
  a.kekId === b.kekId && a.alg === b.alg && Buffer.compare(Buffer.from(a.wrapped), Buffer.from(b.wrapped)) === 0;
const entityOf = (tenantId: string, authorId: string, key: WrappedKey) => ({
  partitionKey: tenantId,
  rowKey: authorId,
  kekId: key.kekId,
  alg: key.alg,
  wrapped: new Uint8Array(key.wrapped),
});

/** Wrapped data keys on Azure Tables: partition per tenant, row per author; first writer wins (create, 409, re-read). */
export function tableDataKeyStore(table: TableClient): DataKeyStore {
  const read = (tenantId: string, authorId: string) =>
    unless([404], () => table.getEntity<KeyEntity>(tenantId, authorId));
  return {
    get: async (tenantId, authorId) => {
      const entity = await read(tenantId, authorId);
      return entity && toKey(entity);
    },
    createIfAbsent: async (tenantId, authorId, key) => {
      await unless([409], () => table.createEntity(entityOf(tenantId, authorId, key)));
      const stored = await read(tenantId, authorId);
      if (!stored) throw new Error('Data key vanished right after it was stored.');
      return toKey(stored);
    },
    replace: async (tenantId, authorId, expected, next) => {
      const stored = await read(tenantId, authorId);
      if (!stored || !same(toKey(stored), expected)) return false;
      const entity = entityOf(tenantId, authorId, next);
      return Boolean(await unless([412, 404], () => table.updateEntity(entity, 'Replace', { etag: stored.etag })));
    },
    list: async () => {
      const keys = [];
      for await (const e of table.listEntities<KeyEntity>()) {
        keys.push({
          tenantId: tenantIdSchema.parse(e.partitionKey),
          authorId: userIdSchema.parse(e.rowKey),
          key: toKey(e),
        });
      }
      return keys;
    },
    delete: async (tenantId, authorId) => {
      await unless([404], () => table.deleteEntity(tenantId, authorId));
    },
  };
}
