import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
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
afterEach(() => {
  store.close();
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
});
