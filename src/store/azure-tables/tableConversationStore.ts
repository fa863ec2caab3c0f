import { odata, type TableClient } from '@azure/data-tables';
import type { ConversationStore } from '../../app/ports';
import { conversationCodec } from '../codecs/records';
import { unless } from './tables';

/** ConversationStore on Azure Tables: partition per tenant, row per user. */
export function tableConversationStore(table: TableClient): ConversationStore {
  return {
    save: async (tenantId, userId, reference) => {
      const json = conversationCodec.encode(reference);
      await table.upsertEntity({ partitionKey: tenantId, rowKey: userId, json }, 'Replace');
    },
    get: async (tenantId, userId) => {
      const entity = await unless([404], () => table.getEntity<{ json: string }>(tenantId, userId));
      return entity && conversationCodec.decode(entity.json);
    },
    delete: async (tenantId, userId) => {
      await unless([404], () => table.deleteEntity(tenantId, userId));
    },
    anyInTenant: async (tenantId) => {
      const filter = odata`PartitionKey eq ${tenantId}`;
      const pages = table.listEntities<{ json: string }>({ queryOptions: { filter } }).byPage({ maxPageSize: 1 });
      for await (const page of pages) {
        const entity = page[0];
        if (entity) return conversationCodec.decode(entity.json);
      }
      return undefined;
    },
  };
}
