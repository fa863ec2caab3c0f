import type Database from 'better-sqlite3';
import type { NotesKey, NotesStore, WriteOutcome } from '../../app/ports';
import { introIdSchema } from '../../domain/ids.schema';
import type { Notes, NotesBody } from '../../domain/notes';
import { notesBodySchema } from '../../domain/notes.schema';
import { notesRowSchema, parseRow, ROW_VERSION } from '../rows.schema';

interface NotesRow {
  readonly intro_id: string;
  readonly version: number;
  readonly json: string;
}

function toNotes(key: Omit<NotesKey, 'introId'>, row: NotesRow): Notes {
  const { body, updatedAt } = parseRow(notesRowSchema, row.json, 'notes');
  return { ...body, ...key, introId: introIdSchema.parse(row.intro_id), version: row.version, updatedAt };
}

/** Orders notes newest first whatever offset their ISO 8601 timestamp was written with. */
function normalizedInstant(updatedAt: string): string {
  const at = Date.parse(updatedAt);
  if (Number.isNaN(at)) throw new RangeError(`updatedAt must be an ISO 8601 instant, got "${updatedAt}".`);
  return new Date(at).toISOString();
}

/** NotesStore on SQLite: one row per author and intro, written only at the expected version. */
export function sqliteNotesStore(db: Database.Database): NotesStore {
  const where = 'WHERE tenant_id = @tenantId AND intro_id = @introId AND author_id = @authorId';
  const q = {
    get: db.prepare<NotesKey, NotesRow>(`SELECT intro_id, version, json FROM notes ${where}`),
    insert: db.prepare(`INSERT INTO notes (tenant_id, intro_id, author_id, version, updated_at, json)
      VALUES (@tenantId, @introId, @authorId, 1, @at, @json) ON CONFLICT DO NOTHING`),
    update: db.prepare(`UPDATE notes SET version = version + 1, updated_at = @at, json = @json
      ${where} AND version = @expected`),
    byAuthor: db.prepare<[string, string], NotesRow>(`SELECT intro_id, version, json FROM notes
      WHERE tenant_id = ? AND author_id = ? ORDER BY updated_at DESC, intro_id DESC`),
    delete: db.prepare(`DELETE FROM notes ${where}`),
    deleteByAuthor: db.prepare('DELETE FROM notes WHERE tenant_id = ? AND author_id = ?'),
  };
  const read = (key: NotesKey) => {
    const row = q.get.get({ tenantId: key.tenantId, introId: key.introId, authorId: key.authorId });
    return row && toNotes(key, row);
  };
  const write = db.transaction(
    (key: NotesKey, body: NotesBody, expected: number, updatedAt: string): WriteOutcome<Notes> => {
      const json = JSON.stringify({ v: ROW_VERSION, body: notesBodySchema.parse(body), updatedAt });
      const params = { ...pick(key), at: normalizedInstant(updatedAt), json, expected };
      const changed = expected === 0 ? q.insert.run(params) : q.update.run(params);
      if (changed.changes === 1) {
        const notes = read(key);
        if (notes) return { ok: true, value: { value: notes, version: notes.version } };
      }
      const current = read(key);
      return { ok: false, current: current && { value: current, version: current.version } };
    },
  );
  return {
    get: async (key) => read(key),
    save: async (key, body, expectedVersion, updatedAt) => write(key, body, expectedVersion, updatedAt),
    listByAuthor: async (tenantId, authorId) =>
      q.byAuthor.all(tenantId, authorId).map((row) => toNotes({ tenantId, authorId }, row)),
    delete: async (key) => {
      q.delete.run(pick(key));
    },
    deleteAllByAuthor: async (tenantId, authorId) => {
      q.deleteByAuthor.run(tenantId, authorId);
    },
  };
}

function pick(key: NotesKey): NotesKey {
  return { tenantId: key.tenantId, introId: key.introId, authorId: key.authorId };
}
