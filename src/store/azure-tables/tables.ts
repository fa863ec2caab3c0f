import { RestError, type TableClient } from '@azure/data-tables';

/** The tables one store uses, each created on open. */
export const TABLE_NAMES = [
  'intros',
  'introsByUser',
  'introsByMeeting',
  'sessions',
  'notes',
  'conversations',
  'jobs',
  'botState',
] as const;
/** One table client per table name. */
export type Tables = Readonly<Record<(typeof TABLE_NAMES)[number], TableClient>>;

/** True when an Azure Tables call failed with this HTTP status. */
export function hasStatus(error: unknown, status: number): boolean {
  return error instanceof RestError && error.statusCode === status;
}

/** Runs a call, turning the listed failure statuses into `undefined` and rethrowing anything else. */
export async function unless<T>(statuses: readonly number[], call: () => Promise<T>): Promise<T | undefined> {
  try {
    return await call();
  } catch (error) {
    if (statuses.some((status) => hasStatus(error, status))) return undefined;
    throw error;
  }
}

/** Encodes any string as a valid PartitionKey/RowKey (no / \ # ? or control characters). */
export const safeKey = (value: string): string => Buffer.from(value, 'utf8').toString('base64url');

// A string property holds at most 64 KiB of UTF-16, so 30 000 characters leaves room.
const CHUNK_CHARS = 30_000;

/** Splits a JSON document across string properties `json0..jsonN` so large notes fit the 64 KB property limit. */
export function toChunks(json: string): Record<string, string | number> {
  const chunks: Record<string, string | number> = {};
  let count = 0;
  for (let start = 0; start < json.length || count === 0; start += CHUNK_CHARS) {
    chunks[`json${count}`] = json.slice(start, start + CHUNK_CHARS);
    count += 1;
  }
  return { ...chunks, chunks: count };
}

/** Joins what `toChunks` split. */
export function fromChunks(entity: Record<string, unknown>): string {
  const count = Number(entity.chunks ?? 0);
  let json = '';
  for (let i = 0; i < count; i++) json += String(entity[`json${i}`] ?? '');
  return json;
}

/** Reads every entity a filter matches (all pages). */
export async function listAll<T extends object>(table: TableClient, filter: string): Promise<T[]> {
  const entities: T[] = [];
  for await (const entity of table.listEntities<T>({ queryOptions: { filter } })) entities.push(entity);
  return entities;
}
