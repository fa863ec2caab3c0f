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
