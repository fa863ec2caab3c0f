import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import type { ClaimedJob, JobStore } from '../../src/app/ports';
import { createJobRunner } from '../../src/jobs/jobRunner';
import { openSqliteStore } from '../../src/store/sqlite/openSqliteStore';
import type { Store } from '../../src/store/store';
import { manualClock } from '../support/testApp';

let dir: string;
let store: Store;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'jobs-'));
  store = openSqliteStore(dir);
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('job runner', () => {
  it('runs a due job once, retries a failing one after its lease, and drops it after the last attempt', async () => {
    const clock = manualClock(1_000);
    const calls: string[] = [];
    let failures = 0;
    const runner = createJobRunner({
      jobs: store.jobs,
      clock,
      logger: pino({ level: 'silent' }),
      intervalMs: 0,
      leaseMs: 100,
      maxAttempts: 3,
      handlers: {
        ok: async (payload) => void calls.push(String(payload.name)),
        boom: async () => {
          failures += 1;
          throw new Error('boom');
        },
      },
    });
    await store.jobs.schedule({ id: 'a', kind: 'ok', dueAt: 1_000, payload: { name: 'a' } });
    await store.jobs.schedule({ id: 'b', kind: 'boom', dueAt: 1_000, payload: {} });
    await store.jobs.schedule({ id: 'later', kind: 'ok', dueAt: 5_000, payload: { name: 'later' } });
    expect(await runner.runDueJobs()).toBe(1);
    expect(calls).toEqual(['a']);
    expect(failures).toBe(1);
    expect(await runner.runDueJobs()).toBe(0);
    expect(failures).toBe(1);
    clock.advance(100);
    await runner.runDueJobs();
    expect(failures).toBe(2);
    clock.advance(200);
    await runner.runDueJobs();
    expect(failures).toBe(3);
    clock.advance(10_000);
    expect(await runner.runDueJobs()).toBe(1);
    expect(failures).toBe(3);
    expect(calls).toEqual(['a', 'later']);
    await runner.stop();
  });

  it('keeps polling, with no unhandled rejection, while the job store is down', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => void unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    let polls = 0;
    const down: JobStore = {
      ...store.jobs,
      claimDue: async () => {
        polls += 1;
        throw new Error('store down');
      },
    };
    const logged: string[] = [];
    const logger = pino({ level: 'error' }, { write: (line: string) => void logged.push(line) });
    const runner = createJobRunner({ jobs: down, clock: manualClock(0), logger, intervalMs: 5, handlers: {} });
    try {
      runner.start();
      await waitUntil(() => polls >= 3);
      await new Promise((resolve) => setImmediate(resolve));
      await runner.stop();
      expect(unhandled).toEqual([]);
      expect(logged.join('')).toContain('job poll failed');
      await expect(runner.runDueJobs()).rejects.toThrow('store down');
    } finally {
      process.off('unhandledRejection', onUnhandled);
      await runner.stop();
    }
  });

  it('retries through a lease-checked reschedule, and logs when the lease was lost', async () => {
    const clock = manualClock(1_000);
    const rescheduled: ClaimedJob[] = [];
    const jobs: JobStore = {
      ...store.jobs,
      schedule: async () => {
        throw new Error('an unconditional write would resurrect the job');
      },
      reschedule: async (job) => {
        rescheduled.push(job);
        return false;
      },
      complete: async () => false,
    };
    await store.jobs.schedule({ id: 'b', kind: 'boom', dueAt: 1_000, payload: {} });
    await store.jobs.schedule({ id: 'c', kind: 'ok', dueAt: 1_000, payload: {} });
    const logged: string[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => void logged.push(line) });
    const boom = async () => Promise.reject(new Error('boom'));
    const handlers = { boom, ok: async () => undefined };
    const runner = createJobRunner({ jobs, clock, logger, intervalMs: 0, leaseMs: 100, handlers });
    expect(await runner.runDueJobs()).toBe(1);
    expect(rescheduled.map((job) => job.id)).toEqual(['b']);
    expect(logged.join('')).toContain('job retry skipped: the lease was lost');
    expect(logged.join('')).toContain('job completion skipped: the lease was lost');
  });

  it('never runs again an attempt that outlived the handler timeout: it may have been delivered', async () => {
    const clock = manualClock(1_000);
    await store.jobs.schedule({ id: 'slow', kind: 'slow', dueAt: 1_000, payload: {} });
    const slow = () => new Promise<void>(() => undefined);
    const runner = createJobRunner({
      jobs: store.jobs,
      clock,
      logger: pino({ level: 'silent' }),
      intervalMs: 0,
      handlerTimeoutMs: 20,
      handlers: { slow },
    });
    expect(await runner.runDueJobs()).toBe(0);
    expect(await store.jobs.claimDue(clock.now() + 60 * 60_000, 1)).toBeUndefined();
  });

  it('does not run again a job whose attempt was cut off by a crash, and runs untouched ones', async () => {
    const clock = manualClock(1_000);
    const sent: string[] = [];
    const handlers = { send: async (payload: Readonly<Record<string, unknown>>) => void sent.push(String(payload.n)) };
    await store.jobs.schedule({ id: 'crashed', kind: 'send', dueAt: 1_000, payload: { n: 'crashed' } });
    await store.jobs.schedule({ id: 'fresh', kind: 'send', dueAt: 1_000, payload: { n: 'fresh' } });
    // The instance that died had recorded its attempt, then its lease ran out.
    const dead = await store.jobs.claimDue(1_000, 100);
    expect(dead?.id).toBe('crashed');
    await store.jobs.recordAttempt(dead!, { ...dead!.payload, _attemptStartedAt: 1_000 });
    clock.set(1_100);
    const runner = createJobRunner({
      jobs: store.jobs,
      clock,
      logger: pino({ level: 'silent' }),
      intervalMs: 0,
      handlers,
    });
    expect(await runner.runDueJobs()).toBe(1);
    expect(sent).toEqual(['fresh']);
    expect(await store.jobs.claimDue(clock.now() + 60 * 60_000, 1)).toBeUndefined();
  });
});

async function waitUntil(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(condition()).toBe(true);
}

describe('job runner shutdown', () => {
  it('finishes the job in hand and claims no more once stopping', async () => {
    const clock = manualClock(1_000);
    let release: () => void = () => undefined;
    const started: string[] = [];
    const slow = (payload: Readonly<Record<string, unknown>>) =>
      new Promise<void>((resolve) => {
        started.push(String(payload.n));
        release = resolve;
      });
    for (const n of [1, 2, 3]) await store.jobs.schedule({ id: `j${n}`, kind: 'slow', dueAt: 1_000, payload: { n } });
    const runner = createJobRunner({
      jobs: store.jobs,
      clock,
      logger: pino({ level: 'silent' }),
      intervalMs: 0,
      handlers: { slow },
    });
    const draining = runner.runDueJobs();
    await waitUntil(() => started.length === 1);
    const stopped = runner.stop();
    release();
    await stopped;
    expect(await draining).toBe(1);
    expect(started).toEqual(['1']);
  });
});
