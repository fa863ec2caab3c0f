import { RestError, TableClient } from '@azure/data-tables';

/** The tables one store uses, each created on open. */
const TABLE_NAMES = [
  'intros',
  'introsByUser',
  'introsByMeeting',
  'sessions',
  'notes',
  'conversations',
  'jobs',
  'botState',
  'dataKeys',
  // Names the separate team-plan store used before it joined this one, so its rows are read where they are.
  'teams',
  'teamPlans',
] as const;
/** One table client per table name. */
export type Tables = Readonly<Record<(typeof TABLE_NAMES)[number], TableClient>>;

/** A client for each of the store's tables, named `<prefix><name>`; plain HTTP only for a local emulator's string. */
export function tableClients(connectionString: string, tablePrefix: string): Tables {
  const insecure = /^DefaultEndpointsProtocol=http;|UseDevelopmentStorage=true|=http:\/\//i.test(connectionString);
  const options = { allowInsecureConnection: insecure };
  const clients = TABLE_NAMES.map(
    (name) => [name, TableClient.fromConnectionString(connectionString, `${tablePrefix}${name}`, options)] as const,
  );
  return Object.fromEntries(clients) as Tables;
}

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

// A binary property holds at most 64 KiB. Chunks are UTF-8 bytes rather than strings: Azurite was seen to corrupt
// long strings of multi-byte characters, and bytes also make the size limit exact.
const CHUNK_BYTES = 60_000;

/** Splits a JSON document across binary properties `json0..jsonN` so large notes fit the 64 KiB property limit. */
export function toChunks(json: string): Record<string, Uint8Array | number> {
  const bytes = Buffer.from(json, 'utf8');
  const chunks: Record<string, Uint8Array | number> = {};
  let count = 0;
  for (let start = 0; start < bytes.length || count === 0; start += CHUNK_BYTES) {
    chunks[`json${count}`] = new Uint8Array(bytes.subarray(start, start + CHUNK_BYTES));
    count += 1;
  }
  return { ...chunks, chunks: count };
}

/** Joins what `toChunks` split; also reads the string chunks that earlier versions stored. */
export function fromChunks(entity: Record<string, unknown>): string {
  const count = Number(entity.chunks ?? 0);
  const parts: Buffer[] = [];
  for (let i = 0; i < count; i++) {
    const part = entity[`json${i}`];
    parts.push(part instanceof Uint8Array ? Buffer.from(part) : Buffer.from(String(part ?? ''), 'utf8'));
  }
  return Buffer.concat(parts).toString('utf8');
}

/** Reads every entity a filter matches (all pages). */
export async function listAll<T extends object>(table: TableClient, filter: string): Promise<T[]> {
  const entities: T[] = [];
  for await (const entity of table.listEntities<T>({ queryOptions: { filter } })) entities.push(entity);
  return entities;
}
