import type { Clock, JobStore } from '../app/ports';
import type { Logger } from '../log';

/** Runs one kind of job; throwing makes the runner retry it later. */
export type JobHandler = (payload: Readonly<Record<string, unknown>>) => Promise<void>;

/** How the runner polls and retries. */
export interface JobRunnerOptions {
  readonly jobs: JobStore;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly handlers: Readonly<Record<string, JobHandler>>;
  /** How often to poll; 0 disables the timer (tests call `runDueJobs`). */
  readonly intervalMs: number;
  /** How long a claim holds; a crashed instance's job is retried once it runs out. */
  readonly leaseMs?: number;
  /** Attempts before a failing job is dropped (logged as an error). */
  readonly maxAttempts?: number;
}

/** Polls the job store and runs due jobs; every instance runs one, and leases keep each job to one instance. */
export interface JobRunner {
  start(): void;
  stop(): Promise<void>;
  /** Claims and runs every due job now; resolves with how many ran successfully. */
  runDueJobs(): Promise<number>;
}

const ATTEMPTS_KEY = '_attempts';

/** Creates a job runner. */
export function createJobRunner(options: JobRunnerOptions): JobRunner {
  const leaseMs = options.leaseMs ?? 60_000;
  const maxAttempts = options.maxAttempts ?? 5;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;

  const runOne = async (): Promise<'none' | 'done' | 'failed'> => {
    const now = options.clock.now();
    const job = await options.jobs.claimDue(now, leaseMs);
    if (!job) return 'none';
    const log = options.logger.child({ jobId: job.id, kind: job.kind });
    const handler = options.handlers[job.kind];
    try {
      if (!handler) throw new Error(`No handler for job kind "${job.kind}".`);
      await handler(job.payload);
      await options.jobs.complete(job);
      return 'done';
    } catch (err) {
      const attempts = Number(job.payload[ATTEMPTS_KEY] ?? 0) + 1;
      if (attempts >= maxAttempts || !handler) {
        log.error({ err, attempts }, 'job failed for the last time; dropped');
        await options.jobs.complete(job);
      } else {
        log.warn({ err, attempts }, 'job failed; will retry');
        // Rescheduling releases the lease; back off by one lease per attempt.
        const payload = { ...job.payload, [ATTEMPTS_KEY]: attempts };
        await options.jobs.schedule({ id: job.id, kind: job.kind, payload, dueAt: now + leaseMs * attempts });
      }
      return 'failed';
    }
  };

  const drain = async (): Promise<number> => {
    let done = 0;
    for (let outcome = await runOne(); outcome !== 'none'; outcome = await runOne()) {
      if (outcome === 'done') done += 1;
    }
    return done;
  };

  const runDueJobs = (): Promise<number> => {
    // One drain at a time per instance; a caller during a drain waits for it and then drains again.
    const next = (running ?? Promise.resolve(0)).then(drain, drain);
    running = next.finally(() => {
      if (running === guarded) running = undefined;
    });
    const guarded = running;
    return next;
  };

  return {
    start: () => {
      if (options.intervalMs <= 0 || timer) return;
      timer = setInterval(() => {
        runDueJobs().catch((err: unknown) => options.logger.error({ err }, 'job poll failed'));
      }, options.intervalMs);
      timer.unref();
    },
    stop: async () => {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running?.catch(() => undefined);
    },
    runDueJobs,
  };
}
