import { odata } from '@azure/data-tables';
import type { NotesKey, NotesStore, WriteOutcome } from '../../app/ports';
import type { TenantId, UserId } from '../../domain/ids';
import { introIdSchema } from '../../domain/ids.schema';
import type { Notes, NotesBody } from '../../domain/notes';
import { notesBodySchema } from '../../domain/notes.schema';
import { notesRowSchema, parseRow, ROW_VERSION } from '../rows.schema';
import { fromChunks, listAll, toChunks, unless, type Tables } from './tables';

interface NotesEntity extends Record<string, unknown> {
  readonly rowKey: string;
  readonly etag: string;
  readonly version: number;
}

// Partition per tenant, row per author then intro: an author's notes are one range scan.
const rowKey = (key: NotesKey) => `${key.authorId}_${key.introId}`;

function toNotes(key: NotesKey, entity: NotesEntity): Notes {
  const { body, updatedAt } = parseRow(notesRowSchema, fromChunks(entity), 'notes');
  return {
    ...body,
    tenantId: key.tenantId,
    introId: key.introId,
    authorId: key.authorId,
    version: entity.version,
    updatedAt,
  };
}

/** NotesStore on Azure Tables: ETag-conditional writes, JSON split across properties for large notes. */
export function tableNotesStore(tables: Tables): NotesStore {
  const table = tables.notes;
  const read = async (key: NotesKey) => {
    const entity = await unless([404], () => table.getEntity<NotesEntity>(key.tenantId, rowKey(key)));
    return entity && { notes: toNotes(key, entity), etag: entity.etag };
  };
  const save = async (
    key: NotesKey,
    body: NotesBody,
    expected: number,
    updatedAt: string,
  ): Promise<WriteOutcome<Notes>> => {
    const stored = expected === 0 ? undefined : await read(key);
    const json = JSON.stringify({ v: ROW_VERSION, body: notesBodySchema.parse(body), updatedAt });
    const entity = {
      partitionKey: key.tenantId,
      rowKey: rowKey(key),
      introId: key.introId,
      authorId: key.authorId,
      version: expected + 1,
      updatedAt: new Date(Date.parse(updatedAt)).toISOString(),
      ...toChunks(json),
    };
    const written =
      expected === 0
        ? await unless([409], () => table.createEntity(entity))
        : stored?.notes.version === expected
          ? await unless([412, 404], () => table.updateEntity(entity, 'Replace', { etag: stored.etag }))
          : undefined;
    if (written) {
      const value = { ...body, ...pick(key), version: expected + 1, updatedAt };
      return { ok: true, value: { value, version: expected + 1 } };
    }
    const current = (await read(key))?.notes;
    return { ok: false, current: current && { value: current, version: current.version } };
  };
  const byAuthor = async (tenantId: TenantId, authorId: UserId) =>
    listAll<NotesEntity>(table, odata`PartitionKey eq ${tenantId} and authorId eq ${authorId}`);
  return {
    get: async (key) => (await read(key))?.notes,
    save,
    listByAuthor: async (tenantId, authorId) => {
      const entities = await byAuthor(tenantId, authorId);
      const notes = entities.map((e) => toNotes({ tenantId, authorId, introId: introIdSchema.parse(e.introId) }, e));
      const order = (n: Notes) => Date.parse(n.updatedAt);
      return notes.sort((a, b) => order(b) - order(a) || (b.introId < a.introId ? -1 : 1));
    },
    delete: async (key) => {
      await unless([404], () => table.deleteEntity(key.tenantId, rowKey(key)));
    },
    deleteAllByAuthor: async (tenantId, authorId) => {
      for (const entity of await byAuthor(tenantId, authorId)) {
        await unless([404], () => table.deleteEntity(tenantId, entity.rowKey));
      }
    },
  };
}

function pick(key: NotesKey): NotesKey {
  return { tenantId: key.tenantId, introId: key.introId, authorId: key.authorId };
}
