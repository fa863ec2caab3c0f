import { randomUUID } from 'node:crypto';
import type { ClaimedJob, Job, JobStore } from '../../../src/app/ports';
import { secondInstance, type Harness } from './harness';

const T0 = 1_750_000_000_000;
const LEASE = 60_000;
const job = (dueAt: number, payload: Record<string, unknown> = {}): Job => ({
  id: randomUUID(),
  kind: 'reminder',
  dueAt,
  payload,
});

async function drain(jobs: JobStore, now: number): Promise<ClaimedJob[]> {
  const claimed: ClaimedJob[] = [];
  for (let next = await jobs.claimDue(now, LEASE); next; next = await jobs.claimDue(now, LEASE)) claimed.push(next);
  return claimed;
}

/** JobStore: due jobs claimed once under a lease, completed only by the lease holder. */
export function describeJobContract(h: Harness): void {
  describe('jobs', () => {
    it('claims a job only once it is due, once per lease, and completes it', async () => {
      const { jobs } = h().store;
      const reminder = job(T0, { introId: 'i1', nested: { n: 1 } });
      await jobs.schedule(reminder);
      expect(await jobs.claimDue(T0 - 1, LEASE)).toBeUndefined();
      const claimed = await jobs.claimDue(T0, LEASE);
      expect(claimed).toEqual({ ...reminder, leaseId: expect.any(String) });
      expect(await jobs.claimDue(T0 + LEASE - 1, LEASE)).toBeUndefined();
      expect(await jobs.complete(claimed!)).toBe(true);
      expect(await jobs.claimDue(T0 + 10 * LEASE, LEASE)).toBeUndefined();
    });

    it('claims the earliest due job first', async () => {
      const { jobs } = h().store;
      const late = job(T0 + 5);
      const early = job(T0 + 1);
      await jobs.schedule(late);
      await jobs.schedule(early);
      expect((await jobs.claimDue(T0 + 10, LEASE))?.id).toBe(early.id);
      expect((await jobs.claimDue(T0 + 10, LEASE))?.id).toBe(late.id);
    });

    it('replaces a job scheduled again with the same id', async () => {
      const { jobs } = h().store;
      const first = job(T0, { n: 1 });
      await jobs.schedule(first);
      await jobs.schedule({ ...first, dueAt: T0 + 100, payload: { n: 2 } });
      expect(await jobs.claimDue(T0 + 99, LEASE)).toBeUndefined();
      expect(await jobs.claimDue(T0 + 100, LEASE)).toMatchObject({ id: first.id, payload: { n: 2 } });
      expect(await jobs.claimDue(T0 + 100, LEASE)).toBeUndefined();
    });

    it('lets another instance claim a job whose lease expired, and only the new holder complete it', async () => {
      const a = h().store.jobs;
      const b = (await secondInstance(h)).jobs;
      await a.schedule(job(T0));
      const first = await a.claimDue(T0, LEASE);
      expect(await b.claimDue(T0 + LEASE - 1, LEASE)).toBeUndefined();
      const second = await b.claimDue(T0 + LEASE, LEASE);
      expect(second?.id).toBe(first?.id);
      expect(second?.leaseId).not.toBe(first?.leaseId);
      expect(await a.complete(first!)).toBe(false);
      expect(await b.complete(second!)).toBe(true);
      expect(await a.claimDue(T0 + 5 * LEASE, LEASE)).toBeUndefined();
    });

    it('reschedules a held job with a new payload and frees its lease', async () => {
      const { jobs } = h().store;
      const retried = job(T0, { n: 1 });
      await jobs.schedule(retried);
      const claimed = await jobs.claimDue(T0, LEASE);
      expect(await jobs.reschedule(claimed!, T0 + 100, { n: 2 })).toBe(true);
      expect(await jobs.claimDue(T0 + 99, LEASE)).toBeUndefined();
      const again = await jobs.claimDue(T0 + 100, LEASE);
      expect(again).toMatchObject({ id: retried.id, dueAt: T0 + 100, payload: { n: 2 } });
      expect(await jobs.complete(again!)).toBe(true);
    });

    it('records an attempt on a held job, keeping its lease, and not on a lost one', async () => {
      const a = h().store.jobs;
      const b = (await secondInstance(h)).jobs;
      await a.schedule(job(T0, { n: 1 }));
      const claimed = await a.claimDue(T0, LEASE);
      expect(await a.recordAttempt(claimed!, { n: 1, attempt: 'started' })).toBe(true);
      expect(await b.claimDue(T0 + LEASE - 1, LEASE)).toBeUndefined();
      const taken = await b.claimDue(T0 + LEASE, LEASE);
      expect(taken).toMatchObject({ payload: { n: 1, attempt: 'started' } });
      expect(await a.recordAttempt(claimed!, { n: 2 })).toBe(false);
      expect(await b.complete(taken!)).toBe(true);
    });

    it('never resurrects a job whose lease another instance took, or that it completed', async () => {
      const a = h().store.jobs;
      const b = (await secondInstance(h)).jobs;
      await a.schedule(job(T0, { n: 1 }));
      const stale = await a.claimDue(T0, LEASE);
      const taken = await b.claimDue(T0 + LEASE, LEASE);
      expect(await a.reschedule(stale!, T0 + LEASE, { n: 2 })).toBe(false);
      expect(await b.claimDue(T0 + LEASE, LEASE)).toBeUndefined();
      expect(await b.complete(taken!)).toBe(true);
      expect(await a.reschedule(stale!, T0 + LEASE, { n: 3 })).toBe(false);
      expect(await a.claimDue(T0 + 10 * LEASE, LEASE)).toBeUndefined();
    });

    it('has two instances claiming concurrently run each due job exactly once', async () => {
      const a = h().store.jobs;
      const b = (await secondInstance(h)).jobs;
      const scheduled = Array.from({ length: 12 }, (_, i) => job(T0 + i));
      for (const j of scheduled) await a.schedule(j);
      await b.schedule(job(T0 + 1_000_000));
      const [byA, byB] = await Promise.all([drain(a, T0 + 100), drain(b, T0 + 100)]);
      const ids = [...byA, ...byB].map((c) => c.id);
      expect(ids).toHaveLength(scheduled.length);
      expect(new Set(ids)).toEqual(new Set(scheduled.map((j) => j.id)));
    });
  });
}
