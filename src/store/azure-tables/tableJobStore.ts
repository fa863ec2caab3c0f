import { randomUUID } from 'node:crypto';
import { odata, type TableClient } from '@azure/data-tables';
import type { ClaimedJob, JobStore } from '../../app/ports';
import { jobPayloadCodec } from '../codecs/records';
import { hasStatus, listAll, unless } from './tables';

const PARTITION = 'jobs';

interface JobEntity {
  readonly rowKey: string;
  readonly etag: string;
  readonly kind: string;
  readonly dueAt: number;
  readonly leaseId: string;
  readonly leaseUntil: number;
  readonly json: string;
}

// Times are stored as Edm.Double so epoch milliseconds compare as numbers in filters.
const double = (value: number) => ({ value: String(value), type: 'Double' as const });

/** Runs a write conditional on an ETag: true when it applied, false when the entity changed or went away. */
async function applied(write: () => Promise<unknown>): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (error) {
    if (hasStatus(error, 412) || hasStatus(error, 404)) return false;
    throw error;
  }
}

/** JobStore on Azure Tables: a lease is taken with an update conditional on the entity's ETag. */
export function tableJobStore(table: TableClient): JobStore {
  // The stored job, only while this claim still holds its lease.
  const held = async (job: ClaimedJob): Promise<JobEntity | undefined> => {
    const entity = await unless([404], () => table.getEntity<JobEntity>(PARTITION, job.id));
    return entity?.leaseId === job.leaseId ? entity : undefined;
  };
  const tryLease = async (entity: JobEntity, now: number, leaseMs: number): Promise<ClaimedJob | undefined> => {
    const leaseId = randomUUID();
    const leased = { partitionKey: PARTITION, rowKey: entity.rowKey, leaseId, leaseUntil: double(now + leaseMs) };
    const done = await unless([412, 404], () => table.updateEntity(leased, 'Merge', { etag: entity.etag }));
    if (!done) return undefined;
    const payload = jobPayloadCodec.decode(entity.json);
    return { id: entity.rowKey, kind: entity.kind, dueAt: Number(entity.dueAt), payload, leaseId };
  };
  return {
    schedule: async (job) => {
      const json = jobPayloadCodec.encode(job.payload);
      const entity = {
        partitionKey: PARTITION,
        rowKey: job.id,
        kind: job.kind,
        dueAt: double(job.dueAt),
        leaseId: '',
        leaseUntil: double(0),
        json,
      };
      await table.upsertEntity(entity, 'Replace');
    },
    claimDue: async (now, leaseMs) => {
      const filter = odata`PartitionKey eq ${PARTITION} and dueAt le ${now}.0 and leaseUntil le ${now}.0`;
      const due = (await listAll<JobEntity>(table, filter)).sort(
        (a, b) => a.dueAt - b.dueAt || (a.rowKey < b.rowKey ? -1 : 1),
      );
      for (const entity of due) {
        const claimed = await tryLease(entity, now, leaseMs);
        if (claimed) return claimed;
      }
      return undefined;
    },
    complete: async (job) => {
      const entity = await held(job);
      return entity !== undefined && applied(() => table.deleteEntity(PARTITION, job.id, { etag: entity.etag }));
    },
    recordAttempt: async (job, payload) => {
      const entity = await held(job);
      const json = jobPayloadCodec.encode(payload);
      const marked = { partitionKey: PARTITION, rowKey: job.id, json };
      return entity !== undefined && applied(() => table.updateEntity(marked, 'Merge', { etag: entity.etag }));
    },
    reschedule: async (job, dueAt, payload) => {
      const entity = await held(job);
      const json = jobPayloadCodec.encode(payload);
      const moved = {
        partitionKey: PARTITION,
        rowKey: job.id,
        dueAt: double(dueAt),
        leaseId: '',
        leaseUntil: double(0),
        json,
      };
      return entity !== undefined && applied(() => table.updateEntity(moved, 'Merge', { etag: entity.etag }));
    },
  };
}
