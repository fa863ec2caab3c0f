import type Database from 'better-sqlite3';
import type { NotesKey, WrappedKey } from '../../app/ports';
import { bufferOf } from '../../crypto/aesGcm';
import { introIdSchema, tenantIdSchema, userIdSchema } from '../../domain/ids.schema';
import type { RawNotes, RawNotesStore } from '../encryptedNotes';
import { storedInstant } from '../instant';
import type { GroupCommit } from './groupCommit';
import { emptyWal } from './walCheckpointer';

interface NotesRow {
  readonly tenant_id: string;
  readonly intro_id: string;
  readonly author_id: string;
  readonly version: number;
  readonly json: string;
}

const toRaw = (row: NotesRow): RawNotes => ({
  key: {
    tenantId: tenantIdSchema.parse(row.tenant_id),
    introId: introIdSchema.parse(row.intro_id),
    authorId: userIdSchema.parse(row.author_id),
  },
  version: row.version,
  doc: row.json,
});

/** Notes rows on SQLite: one per author and intro, holding the sealed document, written only at the expected version. */
export function sqliteNotesStore(db: Database.Database, inGroup: GroupCommit): RawNotesStore {
  const where = 'WHERE tenant_id = @tenantId AND intro_id = @introId AND author_id = @authorId';
  const columns = 'tenant_id, intro_id, author_id, version, json';
  // The write and the check that the author's data key is still the one the document was sealed with, in one
  // statement: a key shredded (or rewrapped) meanwhile refuses the write, atomically.
  const keyHeld = `EXISTS (SELECT 1 FROM data_keys WHERE tenant_id = @tenantId AND author_id = @authorId
    AND kek_id = @kekId AND alg = @alg AND wrapped = @wrapped)`;
  // The intro's columns say who leads and who attends (written from the intro on every change). Checked in the write's
  // own statement, no save lands on an intro deleted meanwhile, nor from someone who no longer takes part.
  const takesPart = `EXISTS (SELECT 1 FROM intros WHERE tenant_id = @tenantId AND id = @introId
    AND (leader_id = @authorId OR member_id = @authorId))`;
  const insert = (condition: string) =>
    db.prepare(`INSERT INTO notes (tenant_id, intro_id, author_id, version, updated_at, json)
      SELECT @tenantId, @introId, @authorId, 1, @at, @json WHERE ${condition} ON CONFLICT DO NOTHING`);
  const update = (condition: string) =>
    db.prepare(`UPDATE notes SET version = version + 1, updated_at = @at, json = @json
      ${where} AND version = @expected AND ${condition}`);
  const q = {
    get: db.prepare<NotesKey, NotesRow>(`SELECT ${columns} FROM notes ${where}`),
    insert: insert(keyHeld),
    update: update(keyHeld),
    insertAsParticipant: insert(`${keyHeld} AND ${takesPart}`),
    updateAsParticipant: update(`${keyHeld} AND ${takesPart}`),
    keyHeld: db.prepare<KeyParams, number>(`SELECT ${keyHeld}`).pluck(),
    takesPart: db.prepare<NotesKey, number>(`SELECT ${takesPart}`).pluck(),
    replaceDoc: db.prepare(`UPDATE notes SET json = @to ${where} AND version = @version AND json = @from`),
    byAuthor: db.prepare<[string, string], NotesRow>(`SELECT ${columns} FROM notes
      WHERE tenant_id = ? AND author_id = ? ORDER BY updated_at DESC, intro_id DESC`),
    // Sealed documents start with {"v":2, (JSON.stringify keeps key order), so only older rows reach JavaScript.
    maybePlain: db.prepare<[], NotesRow>(`SELECT ${columns} FROM notes WHERE substr(json, 1, 7) <> '{"v":2,'`),
    delete: db.prepare(`DELETE FROM notes ${where}`),
    deleteIf: db.prepare(`DELETE FROM notes ${where} AND json = @doc`),
    deleteByAuthor: db.prepare('DELETE FROM notes WHERE tenant_id = ? AND author_id = ?'),
  };
  const read = (key: NotesKey) => {
    const row = q.get.get(pick(key));
    return row && toRaw(row);
  };
  // One statement, so no transaction of its own: the version check, the key check (and the participant check when
  // asked for) and the write are atomic in it; saves of the same turn share a commit (groupCommit). When refused, the
  // participant is looked at first, then the key, then the newer row is read; should it change again meanwhile, the
  // client merges once more.
  const write = async (
    key: NotesKey,
    json: string,
    expected: number,
    updatedAt: string,
    sealedWith: WrappedKey,
    onlyParticipant: boolean,
  ) => {
    const held = keyParams(key, sealedWith);
    const params = { ...held, introId: key.introId, at: storedInstant(updatedAt, 'updatedAt'), json, expected };
    const [insertRow, updateRow] = onlyParticipant
      ? [q.insertAsParticipant, q.updateAsParticipant]
      : [q.insert, q.update];
    const changes = await inGroup.run(() => (expected === 0 ? insertRow : updateRow).run(params).changes);
    if (changes === 1) return { ok: true as const };
    if (onlyParticipant && q.takesPart.get(pick(key)) !== 1)
      return { ok: false as const, notParticipant: true as const };
    if (q.keyHeld.get(held) !== 1) return { ok: false as const, keyChanged: true as const, written: false };
    return { ok: false as const, current: read(key) };
  };
  return {
    get: async (key) => read(key),
    save: (key, doc, expectedVersion, updatedAt, sealedWith, onlyParticipant) =>
      write(key, doc, expectedVersion, updatedAt, sealedWith, onlyParticipant),
    takesPart: async (key) => q.takesPart.get(pick(key)) === 1,
    listByAuthor: async (tenantId, authorId) => q.byAuthor.all(tenantId, authorId).map(toRaw),
    listMaybePlain: async () => q.maybePlain.all().map(toRaw),
    replaceDoc: async (row, to) =>
      q.replaceDoc.run({ ...pick(row.key), version: row.version, from: row.doc, to }).changes === 1,
    delete: async (key, onlyIf) => {
      if (onlyIf === undefined) q.delete.run(pick(key));
      else q.deleteIf.run({ ...pick(key), doc: onlyIf });
    },
    deleteAllByAuthor: async (tenantId, authorId) => {
      q.deleteByAuthor.run(tenantId, authorId);
      await emptyWal(db);
    },
  };
}

interface KeyParams {
  readonly tenantId: string;
  readonly authorId: string;
  readonly kekId: string;
  readonly alg: string;
  readonly wrapped: Buffer;
}

function keyParams(key: NotesKey, sealedWith: WrappedKey): KeyParams {
  return {
    tenantId: key.tenantId,
    authorId: key.authorId,
    kekId: sealedWith.kekId,
    alg: sealedWith.alg,
    wrapped: bufferOf(sealedWith.wrapped),
  };
}

function pick(key: NotesKey): NotesKey {
  return { tenantId: key.tenantId, introId: key.introId, authorId: key.authorId };
}
