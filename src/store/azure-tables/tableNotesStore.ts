import { odata } from '@azure/data-tables';
import type { DataKeyStore, NotesKey, WrappedKey } from '../../app/ports';
import { sameWrappedKey } from '../../crypto/dataKeyring';
import { introIdSchema, tenantIdSchema, userIdSchema } from '../../domain/ids.schema';
import { roleOf } from '../../domain/intro';
import { introCodec } from '../codecs/records';
import type { RawNotes, RawNotesStore } from '../encryptedNotes';
import { storedInstant } from '../instant';
import { fromChunks, listAll, toChunks, unless, type Tables } from './tables';

interface NotesEntity extends Record<string, unknown> {
  readonly partitionKey: string;
  readonly rowKey: string;
  readonly etag: string;
  readonly version: number;
  readonly introId: string;
  readonly authorId: string;
  readonly updatedAt: string;
}

// Partition per tenant, row per author then intro: an author's notes are one range scan.
const rowKey = (key: NotesKey) => `${key.authorId}_${key.introId}`;

const toRaw = (entity: NotesEntity): RawNotes => ({
  key: {
    tenantId: tenantIdSchema.parse(entity.partitionKey),
    introId: introIdSchema.parse(entity.introId),
    authorId: userIdSchema.parse(entity.authorId),
  },
  version: entity.version,
  doc: fromChunks(entity),
});

function entityOf(key: NotesKey, doc: string, version: number, updatedAt: string) {
  return {
    partitionKey: key.tenantId,
    rowKey: rowKey(key),
    introId: key.introId,
    authorId: key.authorId,
    version,
    updatedAt: storedInstant(updatedAt, 'updatedAt'),
    ...toChunks(doc),
  };
}

/**
 * Notes rows on Azure Tables: ETag-conditional writes, the sealed document split across properties when large. Tables
 * has no transaction across two tables, so a write checks the author's data key (and, when asked, that the author
 * takes part in the intro) before, and the key again after; a key changed meanwhile answers `keyChanged` with the
 * row written, and the encrypted store decides (a shredded key takes the row with it, a rewrapped one keeps it).
 */
export function tableNotesStore(tables: Tables, keys: DataKeyStore): RawNotesStore {
  const table = tables.notes;
  const keyHeld = async (key: NotesKey, sealedWith: WrappedKey) =>
    sameWrappedKey(await keys.get(key.tenantId, key.authorId), sealedWith);
  const read = (key: NotesKey) => unless([404], () => table.getEntity<NotesEntity>(key.tenantId, rowKey(key)));
  // Before the write, as the key: Tables has no condition on another table's row.
  const takesPart = async (key: NotesKey) => {
    const intro = await unless([404], () =>
      tables.intros.getEntity<{ json: string }>(key.tenantId, key.introId, { queryOptions: { select: ['json'] } }),
    );
    return intro !== undefined && roleOf(introCodec.decode(intro.json), key.authorId) !== undefined;
  };
  const byAuthor = (tenantId: string, authorId: string) =>
    listAll<NotesEntity>(table, odata`PartitionKey eq ${tenantId} and authorId eq ${authorId}`);
  return {
    get: async (key) => {
      const entity = await read(key);
      return entity && toRaw(entity);
    },
    save: async (key, doc, expected, updatedAt, sealedWith, onlyParticipant) => {
      if (onlyParticipant && !(await takesPart(key))) return { ok: false, notParticipant: true };
      if (!(await keyHeld(key, sealedWith))) return { ok: false, keyChanged: true, written: false };
      const entity = entityOf(key, doc, expected + 1, updatedAt);
      const stored = expected === 0 ? undefined : await read(key);
      const written =
        expected === 0
          ? await unless([409], () => table.createEntity(entity))
          : stored?.version === expected
            ? await unless([412, 404], () => table.updateEntity(entity, 'Replace', { etag: stored.etag }))
            : undefined;
      if (written)
        return (await keyHeld(key, sealedWith)) ? { ok: true } : { ok: false, keyChanged: true, written: true };
      const current = await read(key);
      return { ok: false, current: current && toRaw(current) };
    },
    takesPart,
    listByAuthor: async (tenantId, authorId) => {
      const rows = (await byAuthor(tenantId, authorId)).map((e) => ({ row: toRaw(e), at: Date.parse(e.updatedAt) }));
      rows.sort((a, b) => b.at - a.at || (b.row.key.introId < a.row.key.introId ? -1 : 1));
      return rows.map(({ row }) => row);
    },
    listMaybePlain: async () => {
      const rows: RawNotes[] = [];
      for await (const entity of table.listEntities<NotesEntity>()) rows.push(toRaw(entity));
      return rows;
    },
    replaceDoc: async (row, to) => {
      const stored = await read(row.key);
      if (!stored || stored.version !== row.version || fromChunks(stored) !== row.doc) return false;
      const entity = entityOf(row.key, to, row.version, stored.updatedAt);
      return Boolean(await unless([412, 404], () => table.updateEntity(entity, 'Replace', { etag: stored.etag })));
    },
    delete: async (key, onlyIf) => {
      if (onlyIf === undefined) {
        await unless([404], () => table.deleteEntity(key.tenantId, rowKey(key)));
        return;
      }
      // The row as read, by its ETag: should another save replace it meanwhile, the delete is refused (412).
      const stored = await read(key);
      if (!stored || fromChunks(stored) !== onlyIf) return;
      await unless([404, 412], () => table.deleteEntity(key.tenantId, rowKey(key), { etag: stored.etag }));
    },
    deleteAllByAuthor: async (tenantId, authorId) => {
      for (const entity of await byAuthor(tenantId, authorId)) {
        await unless([404], () => table.deleteEntity(tenantId, entity.rowKey));
      }
    },
  };
}
