import type { NotParticipant, NotesKey, NotesStore, WrappedKey, WriteOutcome } from '../app/ports';
import { bufferOf } from '../crypto/aesGcm';
import type { DataKey, DataKeyring } from '../crypto/dataKeyring';
import type { IntroId, TenantId, UserId } from '../domain/ids';
import type { Notes, NotesBody } from '../domain/notes';
import { decodeNotesDoc, NotesUnreadableError, openNotesBody, sealNotesDoc, type NotesDoc } from './notesCodec';

/** One stored notes row as an adapter holds it: clear ids and version, and an opaque JSON document. */
export interface RawNotes {
  readonly key: NotesKey;
  readonly version: number;
  readonly doc: string;
}

/**
 * A conditional notes write: done, refused on the version (with the stored row), on the data key, or (when asked
 * for) because the author does not take part in the intro.
 */
type RawSaveOutcome =
  | { readonly ok: true }
  | { readonly ok: false; readonly current: RawNotes | undefined }
  | { readonly ok: false; readonly keyChanged: true; readonly written: boolean }
  | NotParticipant;

/** What a notes adapter stores: opaque documents, written only at the expected version. */
export interface RawNotesStore {
  get(key: NotesKey): Promise<RawNotes | undefined>;
  /**
   * Writes `doc` at `expectedVersion + 1` only if the stored version is `expectedVersion` (0: none yet) and the
   * author's stored data key is still `sealedWith`; otherwise (shredded or rewrapped since it was read) the answer is
   * `keyChanged`, with `written` true when an adapter that cannot check atomically had already written the row. With
   * `onlyParticipant`, nothing is written unless the author leads or attends the intro (`notParticipant`); checked
   * first, and in the write's own statement where the adapter can.
   */
  save(
    key: NotesKey,
    doc: string,
    expectedVersion: number,
    updatedAt: string,
    sealedWith: WrappedKey,
    onlyParticipant: boolean,
  ): Promise<RawSaveOutcome>;
  /** Whether the author leads or attends the intro now (what `onlyParticipant` checks). */
  takesPart(key: NotesKey): Promise<boolean>;
  /** One author's rows, newest first. */
  listByAuthor(tenantId: TenantId, authorId: UserId): Promise<readonly RawNotes[]>;
  /** Rows that may still be plain, for the upgrade pass (an adapter that cannot tell returns every row). */
  listMaybePlain(): Promise<readonly RawNotes[]>;
  /** Replaces a row's document keeping its version, only if it still holds `from`; false otherwise. */
  replaceDoc(row: RawNotes, to: string): Promise<boolean>;
  /** Deletes the row; with `onlyIf`, only while it still holds that document (a take-back, never another save's row). */
  delete(key: NotesKey, onlyIf?: string): Promise<void>;
  deleteAllByAuthor(tenantId: TenantId, authorId: UserId): Promise<void>;
}

/** The NotesStore use cases see, with every body sealed by its author's data key; plus the upgrade pass. */
export interface EncryptedNotesStore extends NotesStore {
  /**
   * `saveAsParticipant` without the participant check, for what writes notes with no intro around them (the store's
   * own tests): not on the port, so no use case can skip the check.
   */
  save(key: NotesKey, body: NotesBody, expectedVersion: number, updatedAt: string): Promise<WriteOutcome<Notes>>;
  /** Seals rows written in plain by earlier versions; returns how many it sealed. */
  sealPlainRows(): Promise<number>;
}

/** Envelope encryption for notes, once for every adapter: adapters store only what this module sealed. */
export function encryptedNotesStore(raw: RawNotesStore, ring: DataKeyring): EncryptedNotesStore {
  const openSealed = async (key: NotesKey, sealed: Buffer): Promise<NotesBody> => {
    const cached = await ring.forRead(key.tenantId, key.authorId);
    if (!cached) throw new NotesUnreadableError(key, 'their data key was destroyed');
    try {
      return openNotesBody(cached, key, sealed);
    } catch (error) {
      // The cached key may be stale (destroyed and recreated on another instance): try once with the stored key.
      const stored = await ring.forRead(key.tenantId, key.authorId, true);
      if (!(error instanceof NotesUnreadableError) || !stored || Buffer.compare(stored, cached) === 0) throw error;
      return openNotesBody(stored, key, sealed);
    }
  };
  const toNotes = async (row: RawNotes): Promise<Notes> => {
    const doc: NotesDoc = decodeNotesDoc(row.doc);
    const body = doc.kind === 'plain' ? doc.body : await openSealed(row.key, doc.sealed);
    return { ...body, ...pick(row.key), version: row.version, updatedAt: doc.updatedAt };
  };
  const save = async (
    key: NotesKey,
    body: NotesBody,
    expected: number,
    updatedAt: string,
    onlyParticipant: boolean,
  ): Promise<WriteOutcome<Notes> | NotParticipant> => {
    const write = async (dataKey: DataKey) => {
      const doc = sealNotesDoc(dataKey.key, key, body, updatedAt);
      return { doc, outcome: await raw.save(pick(key), doc, expected, updatedAt, dataKey.wrapped, onlyParticipant) };
    };
    // Written, then the key changed (Azure checks after writing). Rewrapped (a KEK rotation keeps the key itself):
    // the row opens and the save stands. Shredded or made anew: take back this save's row, and only it (another save
    // may have written the row since, under the new key).
    const keptOrTakenBack = async (doc: string, sealedWith: DataKey, current: DataKey | undefined) => {
      if (current !== undefined && sameKeyBytes(current.key, sealedWith.key)) return true;
      await raw.delete(pick(key), doc);
      return false;
    };
    // The write itself checks that the key sealed with is still the author's (no read of it per save on SQLite); a
    // cached key found stale is read again once. Someone who takes no part gets no key made for them (nor one made
    // again after they deleted their data).
    const used = onlyParticipant
      ? await ring.forWriteIf(key.tenantId, key.authorId, () => raw.takesPart(pick(key)))
      : await ring.forWrite(key.tenantId, key.authorId);
    if (!used) return { ok: false, notParticipant: true };
    const gone = { ok: false as const, current: undefined };
    let { doc, outcome } = await write(used);
    if ('notParticipant' in outcome) return outcome;
    if ('keyChanged' in outcome) {
      const stored = await ring.stored(key.tenantId, key.authorId);
      if (outcome.written) {
        if (!(await keptOrTakenBack(doc, used, stored))) return gone;
        outcome = { ok: true };
      } else if (stored) {
        ({ doc, outcome } = await write(stored));
        if ('notParticipant' in outcome) return outcome;
        if ('keyChanged' in outcome) {
          if (
            !outcome.written ||
            !(await keptOrTakenBack(doc, stored, await ring.stored(key.tenantId, key.authorId)))
          ) {
            return gone;
          }
          outcome = { ok: true };
        }
      } else {
        return gone; // shredded before the write, which wrote nothing
      }
    }
    if (outcome.ok) {
      const value = { ...body, ...pick(key), version: expected + 1, updatedAt };
      return { ok: true, value: { value, version: expected + 1 } };
    }
    const current = outcome.current && (await toNotes(outcome.current));
    return { ok: false, current: current && { value: current, version: current.version } };
  };
  return {
    get: async (key) => {
      const row = await raw.get(pick(key));
      return row && toNotes(row);
    },
    // Without the participant check, `notParticipant` never comes back.
    save: (key, body, expected, updatedAt) =>
      save(key, body, expected, updatedAt, false) as Promise<WriteOutcome<Notes>>,
    saveAsParticipant: (key, body, expected, updatedAt) => save(key, body, expected, updatedAt, true),
    // A row that will never open (its key shredded, or a copy from elsewhere) is not the author's to see: skip it,
    // so one such row never takes their whole History and search down with it.
    listByAuthor: async (tenantId, authorId) => {
      const opened = await Promise.all(
        (await raw.listByAuthor(tenantId, authorId)).map((row) =>
          toNotes(row).catch((error: unknown) => {
            if (error instanceof NotesUnreadableError) return undefined;
            throw error;
          }),
        ),
      );
      return opened.filter((notes): notes is Notes => notes !== undefined);
    },
    delete: (key) => raw.delete(pick(key)),
    deleteAllByAuthor: async (tenantId, authorId) => {
      // The key goes first: should deleting the rows fail half-way, what is left is already unreadable.
      await ring.destroy(tenantId, authorId);
      await raw.deleteAllByAuthor(tenantId, authorId);
    },
    sealPlainRows: async () => {
      let sealed = 0;
      for (const row of await raw.listMaybePlain()) {
        const doc = decodeNotesDoc(row.doc);
        if (doc.kind === 'sealed') continue;
        // The stored key, never a cached one: replaceDoc does not check it, and a shredded key must not seal again.
        const { tenantId, authorId } = row.key;
        const dataKey = (await ring.stored(tenantId, authorId)) ?? (await ring.forWrite(tenantId, authorId));
        if (await raw.replaceDoc(row, sealNotesDoc(dataKey.key, row.key, doc.body, doc.updatedAt))) sealed += 1;
      }
      return sealed;
    },
  };
}

const sameKeyBytes = (a: Uint8Array, b: Uint8Array) => bufferOf(a).equals(bufferOf(b));

function pick(key: NotesKey): NotesKey & { readonly introId: IntroId } {
  return { tenantId: key.tenantId, introId: key.introId, authorId: key.authorId };
}
