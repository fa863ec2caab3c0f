import type { z } from 'zod';

/** A stored JSON document before its schema check: its version and the rest of its properties. */
type StoredDoc = { readonly v: number } & Readonly<Record<string, unknown>>;

/** Turns a document of version n into one of version n + 1 (pure, no I/O). */
type Migration = (doc: StoredDoc) => Record<string, unknown>;

/** Writes and reads one kind of stored record as `{ v, <field>: value }`, reading every version it ever wrote. */
export interface Codec<T> {
  readonly kind: string;
  /** The version `encode` writes; `decode` reads 1 to this. */
  readonly version: number;
  encode(value: T): string;
  /** Parses once, migrates older versions step by step, checks the schema; throws StoredRecordError otherwise. */
  decode(json: string): T;
}

/** A stored record this version cannot read: not JSON, no version, a version it does not know, or a wrong shape. */
export class StoredRecordError extends Error {
  constructor(kind: string, reason: string) {
    super(`Stored ${kind} record cannot be read: ${reason}.`);
    this.name = 'StoredRecordError';
  }
}

/** Parses a stored document once and checks that its version is one of 1..`latest`. */
export function readDoc(kind: string, json: string, latest: number): StoredDoc {
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch {
    throw new StoredRecordError(kind, 'it is not JSON');
  }
  const v = typeof doc === 'object' && doc !== null ? (doc as { v?: unknown }).v : undefined;
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new StoredRecordError(kind, 'it has no version');
  if (v < 1 || v > latest) {
    const newer = v > latest ? ' (written by a newer release?)' : '';
    throw new StoredRecordError(kind, `version ${v} is not one this release reads (1 to ${latest})${newer}`);
  }
  return doc as StoredDoc;
}

function migrate(kind: string, migration: Migration, doc: StoredDoc): StoredDoc {
  try {
    return { ...migration(doc), v: doc.v + 1 };
  } catch (error) {
    throw new StoredRecordError(kind, `v${doc.v} does not migrate to v${doc.v + 1}: ${(error as Error).message}`);
  }
}

/** What makes a codec: the record's name, the property its value sits in, its schema now, and every migration. */
interface CodecSpec<T> {
  readonly kind: string;
  readonly field: string;
  readonly schema: z.ZodType<T, z.ZodTypeDef, unknown>;
  /** `migrations[i]` turns version i + 1 into i + 2; append only, so the current version is their count + 1. */
  readonly migrations?: readonly Migration[];
}

/** Makes the codec of one record kind. */
export function defineCodec<T>({ kind, field, schema, migrations = [] }: CodecSpec<T>): Codec<T> {
  const version = migrations.length + 1;
  return {
    kind,
    version,
    encode: (value) => JSON.stringify({ v: version, [field]: value }),
    decode: (json) => {
      let doc = readDoc(kind, json, version);
      for (let from = doc.v; from < version; from++) doc = migrate(kind, migrations[from - 1]!, doc);
      const parsed = schema.safeParse(doc[field]);
      if (!parsed.success)
        throw new StoredRecordError(kind, `v${doc.v} does not match its schema: ${parsed.error.message}`);
      return parsed.data;
    },
  };
}
