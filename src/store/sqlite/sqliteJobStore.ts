import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { ClaimedJob, JobStore } from '../../app/ports';
import { jobPayloadCodec } from '../codecs/records';

interface JobRow {
  readonly id: string;
  readonly kind: string;
  readonly due_at: number;
  readonly payload: string;
  readonly version: number;
}

// Other instances may win the race for each candidate; look again a few times before giving up this poll.
const CANDIDATES = 5;
const CLAIM_ROUNDS = 20;

/** JobStore on SQLite: a job is claimed by a lease taken with an update conditional on its version. */
export function sqliteJobStore(db: Database.Database): JobStore {
  const q = {
    upsert: db.prepare(`INSERT INTO jobs (id, kind, due_at, payload, lease_id, lease_until, version)
      VALUES (@id, @kind, @dueAt, @payload, NULL, 0, 1)
      ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, due_at = excluded.due_at, payload = excluded.payload,
      lease_id = NULL, lease_until = 0, version = version + 1`),
    candidates: db.prepare<[number, number, number], JobRow>(`SELECT id, kind, due_at, payload, version FROM jobs
      WHERE due_at <= ? AND lease_until <= ? ORDER BY due_at, id LIMIT ?`),
    lease: db.prepare(`UPDATE jobs SET lease_id = ?, lease_until = ?, version = version + 1
      WHERE id = ? AND version = ? AND lease_until <= ?`),
    complete: db.prepare('DELETE FROM jobs WHERE id = ? AND lease_id = ?'),
    recordAttempt: db.prepare('UPDATE jobs SET payload = ?, version = version + 1 WHERE id = ? AND lease_id = ?'),
    reschedule: db.prepare(`UPDATE jobs SET due_at = ?, payload = ?, lease_id = NULL, lease_until = 0,
      version = version + 1 WHERE id = ? AND lease_id = ?`),
  };
  const tryCandidates = (now: number, leaseMs: number, rows: readonly JobRow[]): ClaimedJob | undefined => {
    for (const row of rows) {
      const leaseId = randomUUID();
      if (q.lease.run(leaseId, now + leaseMs, row.id, row.version, now).changes === 1) {
        const payload = jobPayloadCodec.decode(row.payload);
        return { id: row.id, kind: row.kind, dueAt: row.due_at, payload, leaseId };
      }
    }
    return undefined;
  };
  const claim = (now: number, leaseMs: number): ClaimedJob | undefined => {
    for (let round = 0; round < CLAIM_ROUNDS; round++) {
      const rows = q.candidates.all(now, now, CANDIDATES);
      if (rows.length === 0) return undefined;
      const claimed = tryCandidates(now, leaseMs, rows);
      if (claimed) return claimed;
    }
    return undefined;
  };
  return {
    schedule: async (job) => {
      q.upsert.run({ ...job, payload: jobPayloadCodec.encode(job.payload) });
    },
    claimDue: async (now, leaseMs) => claim(now, leaseMs),
    complete: async (job) => q.complete.run(job.id, job.leaseId).changes === 1,
    recordAttempt: async (job, payload) => {
      const json = jobPayloadCodec.encode(payload);
      return q.recordAttempt.run(json, job.id, job.leaseId).changes === 1;
    },
    reschedule: async (job, dueAt, payload) => {
      const json = jobPayloadCodec.encode(payload);
      return q.reschedule.run(dueAt, json, job.id, job.leaseId).changes === 1;
    },
  };
}
