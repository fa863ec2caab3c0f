import type Database from 'better-sqlite3';
import type { ConversationStore } from '../../app/ports';
import { conversationCodec } from '../codecs/records';

/** ConversationStore on SQLite: one reference per tenant and user, last write wins. */
export function sqliteConversationStore(db: Database.Database): ConversationStore {
  const q = {
    upsert: db.prepare(`INSERT INTO conversations (tenant_id, user_id, json) VALUES (?, ?, ?)
      ON CONFLICT (tenant_id, user_id) DO UPDATE SET json = excluded.json`),
    get: db.prepare<[string, string], { json: string }>(
      'SELECT json FROM conversations WHERE tenant_id = ? AND user_id = ?',
    ),
    delete: db.prepare('DELETE FROM conversations WHERE tenant_id = ? AND user_id = ?'),
    anyInTenant: db.prepare<[string], { json: string }>('SELECT json FROM conversations WHERE tenant_id = ? LIMIT 1'),
  };
  return {
    save: async (tenantId, userId, reference) => {
      q.upsert.run(tenantId, userId, conversationCodec.encode(reference));
    },
    get: async (tenantId, userId) => {
      const row = q.get.get(tenantId, userId);
      return row && conversationCodec.decode(row.json);
    },
    delete: async (tenantId, userId) => {
      q.delete.run(tenantId, userId);
    },
    anyInTenant: async (tenantId) => {
      const row = q.anyInTenant.get(tenantId);
      return row && conversationCodec.decode(row.json);
    },
  };
}
