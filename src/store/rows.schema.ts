import { z } from 'zod';
import { notesBodySchema } from '../domain/notes.schema';
import { sessionSchema } from '../domain/session.schema';
import { introSchema } from './intro.schema';

/** The schema version written into every stored JSON document. */
export const ROW_VERSION = 1;

const v = z.literal(ROW_VERSION);

/** A stored intro document. */
export const introRowSchema = z.object({ v, intro: introSchema });
/** A stored session document; its version lives beside it. */
export const sessionRowSchema = z.object({ v, session: sessionSchema });
/** A stored notes document; keys and version live beside it. */
export const notesRowSchema = z.object({ v, body: notesBodySchema, updatedAt: z.string() });
/** A stored conversation reference. */
export const conversationRowSchema = z.object({ v, reference: z.record(z.unknown()) });
/** A stored job payload. */
export const jobPayloadRowSchema = z.object({ v, payload: z.record(z.unknown()) });
/** A stored bot turn-state item, without its eTag. */
export const botItemRowSchema = z.object({ v, item: z.record(z.unknown()) });

/** Parses a stored JSON document with its row schema, naming the table when it is corrupt. */
export function parseRow<T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, json: string, where: string): T {
  const parsed = schema.safeParse(JSON.parse(json));
  if (!parsed.success) {
    throw new Error(`Stored ${where} row does not match its schema (v${ROW_VERSION}): ${parsed.error.message}`);
  }
  return parsed.data;
}

/** The version of a sealed notes document (the body encrypted with its author's data key). */
export const SEALED_NOTES_VERSION = 2;
/** A sealed notes document: only the time is in clear; `sealed` is base64 of AES-256-GCM `iv | ciphertext | tag`. */
export const sealedNotesRowSchema = z.object({
  v: z.literal(SEALED_NOTES_VERSION),
  alg: z.literal('A256GCM'),
  updatedAt: z.string(),
  sealed: z.string(),
});
/** Any stored notes document: sealed, or plain as written before encryption at rest (sealed on first start). */
export const storedNotesRowSchema = z.discriminatedUnion('v', [notesRowSchema, sealedNotesRowSchema]);
