import type { TableClient } from '@azure/data-tables';
import type { Storage, StoreItems } from 'botbuilder';
import { botItemCodec } from '../codecs/records';
import { fromChunks, hasStatus, safeKey, toChunks, unless } from './tables';

const PARTITION = 'bot';

/** botbuilder Storage on Azure Tables; the entity's ETag is the item's eTag. */
export function tableBotStorage(table: TableClient): Storage {
  const writeOne = async (key: string, change: Record<string, unknown>) => {
    const { eTag, ...item } = change;
    const entity = {
      partitionKey: PARTITION,
      rowKey: safeKey(key),
      ...toChunks(botItemCodec.encode(item)),
    };
    if (eTag === undefined || eTag === '*' || eTag === '') {
      await table.upsertEntity(entity, 'Replace');
      return;
    }
    try {
      await table.updateEntity(entity, 'Replace', { etag: String(eTag) });
    } catch (error) {
      if (hasStatus(error, 404)) await table.upsertEntity(entity, 'Replace');
      else if (hasStatus(error, 412)) throw new Error(`Storage: error writing "${key}" due to eTag conflict.`);
      else throw error;
    }
  };
  return {
    read: async (keys) => {
      const items: StoreItems = {};
      for (const key of keys) {
        const entity = await unless([404], () => table.getEntity<Record<string, unknown>>(PARTITION, safeKey(key)));
        if (entity) items[key] = { ...botItemCodec.decode(fromChunks(entity)), eTag: entity.etag };
      }
      return items;
    },
    write: async (changes) => {
      for (const [key, change] of Object.entries(changes))
        await writeOne(key, (change ?? {}) as Record<string, unknown>);
    },
    delete: async (keys) => {
      for (const key of keys) await unless([404], () => table.deleteEntity(PARTITION, safeKey(key)));
    },
  };
}
