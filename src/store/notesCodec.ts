import { z } from 'zod';
import type { NotesKey } from '../app/ports';
import { openBytes, SealOpenError, sealBytes } from '../crypto/aesGcm';
import type { NotesBody } from '../domain/notes';
import { notesBodySchema } from '../domain/notes.schema';
import { readDoc, StoredRecordError } from './codecs/defineCodec';

/** The version of a sealed notes document (the body encrypted with its author's data key). */
const SEALED_NOTES_VERSION = 2;
// Version 1 is plain, as written before encryption at rest; the store's upgrade pass seals it (it needs the key).
const plainNotesDocSchema = z.object({ v: z.literal(1), body: notesBodySchema, updatedAt: z.string() });
// `sealed` is base64 of AES-256-GCM `iv | ciphertext | tag`; only the time is in clear.
const sealedNotesDocSchema = z.object({
  v: z.literal(SEALED_NOTES_VERSION),
  alg: z.literal('A256GCM'),
  updatedAt: z.string(),
  sealed: z.string(),
});
const storedNotesDocSchema = z.discriminatedUnion('v', [plainNotesDocSchema, sealedNotesDocSchema]);

/** A stored notes document as an adapter reads it: sealed, or plain from before encryption at rest. */
export type NotesDoc =
  | { readonly kind: 'plain'; readonly body: NotesBody; readonly updatedAt: string }
  | { readonly kind: 'sealed'; readonly sealed: Buffer; readonly updatedAt: string };

/** Why stored notes cannot be read: their data key is gone (shredded) or the record was moved or altered. */
export class NotesUnreadableError extends Error {
  constructor(key: NotesKey, reason: string) {
    super(`Notes of author ${key.authorId} on intro ${key.introId} cannot be opened: ${reason}.`);
    this.name = 'NotesUnreadableError';
  }
}

// Binds the ciphertext to its tenant, author and intro (and the format), so a record copied elsewhere fails to open.
const aadOf = (key: NotesKey) =>
  Buffer.from(JSON.stringify(['intro-notes', SEALED_NOTES_VERSION, key.tenantId, key.authorId, key.introId]), 'utf8');

/** Parses a stored notes document once: any version from 1 (plain) to 2 (sealed); throws StoredRecordError otherwise. */
export function decodeNotesDoc(json: string): NotesDoc {
  const parsed = storedNotesDocSchema.safeParse(readDoc('notes', json, SEALED_NOTES_VERSION));
  if (!parsed.success) throw new StoredRecordError('notes', `it does not match its schema: ${parsed.error.message}`);
  const row = parsed.data;
  return row.v === SEALED_NOTES_VERSION
    ? { kind: 'sealed', sealed: Buffer.from(row.sealed, 'base64'), updatedAt: row.updatedAt }
    : { kind: 'plain', body: row.body, updatedAt: row.updatedAt };
}

/**
 * Seals a body with its author's data key into the stored JSON document. The body is a `NotesBody` already checked
 * by its schema (at the API's edge, or read back through it), so it is not parsed again here.
 */
export function sealNotesDoc(dataKey: Uint8Array, key: NotesKey, body: NotesBody, updatedAt: string): string {
  // The five fields by name: an object with more (a whole Notes, say) still seals only the body.
  const { text, goals, issues, feedback, followUps } = body;
  const plaintext = Buffer.from(JSON.stringify({ text, goals, issues, feedback, followUps }), 'utf8');
  const sealed = sealBytes(dataKey, plaintext, aadOf(key)).toString('base64');
  // The same bytes JSON.stringify writes for { v, alg, updatedAt, sealed }, without scanning ~4 KB of base64 (which
  // never needs escaping) for characters to escape.
  return `{"v":${SEALED_NOTES_VERSION},"alg":"A256GCM","updatedAt":${JSON.stringify(updatedAt)},"sealed":"${sealed}"}`;
}

/** Opens a sealed body; throws NotesUnreadableError when the key or the record's tenant, author or intro differ. */
export function openNotesBody(dataKey: Uint8Array, key: NotesKey, sealed: Buffer): NotesBody {
  try {
    const plaintext = openBytes(dataKey, sealed, aadOf(key)).toString('utf8');
    return parseBody(plaintext);
  } catch (error) {
    if (error instanceof SealOpenError) throw new NotesUnreadableError(key, 'wrong key, or moved or altered record');
    throw error;
  }
}

function parseBody(json: string): NotesBody {
  const parsed = notesBodySchema.safeParse(JSON.parse(json));
  if (!parsed.success) throw new Error(`Sealed notes body does not match its schema: ${parsed.error.message}`);
  return parsed.data;
}
