import type { ClaimedJob, Clock, JobStore } from '../app/ports';
import type { Logger } from '../log';

/**
 * Runs one kind of job. Throw only for failures before anything was sent (the runner retries those later); a send
 * that may have reached someone must not throw, or it could be delivered twice.
 */
type JobHandler = (payload: Readonly<Record<string, unknown>>) => Promise<void>;

/** How the runner polls and retries. */
interface JobRunnerOptions {
  readonly jobs: JobStore;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly handlers: Readonly<Record<string, JobHandler>>;
  /** How often to poll; 0 disables the timer (tests call `runDueJobs`). */
  readonly intervalMs: number;
  /** How long a claim holds; a crashed instance's job is retried once it runs out. Keep it well above `handlerTimeoutMs`. */
  readonly leaseMs?: number;
  /** How long one attempt may take before it counts as failed (and is retried after a back-off). */
  readonly handlerTimeoutMs?: number;
  /** Attempts before a failing job is dropped (logged as an error). */
  readonly maxAttempts?: number;
}

/** Polls the job store and runs due jobs; every instance runs one, and leases keep each job to one instance. */
interface JobRunner {
  start(): void;
  stop(): Promise<void>;
  /** Claims and runs every due job now; resolves with how many ran successfully. */
  runDueJobs(): Promise<number>;
}

const ATTEMPTS_KEY = '_attempts';
/** Set on a job just before its handler runs; found on a claimed job, it means an attempt was cut off mid-run. */
const STARTED_KEY = '_attemptStartedAt';
/** A handler (a proactive message or two) gets 30 s; past that its attempt fails and is retried later. */
const DEFAULT_HANDLER_TIMEOUT_MS = 30_000;
/** A claim holds 5 minutes, 10× the handler timeout, so a slow attempt never loses its lease to another instance. */
const DEFAULT_LEASE_MS = 5 * 60_000;

/** An attempt that outlived its time: whatever it was sending may or may not have arrived. */
class JobTimeout extends Error {}

function withTimeout(work: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new JobTimeout(`Job handler timed out after ${ms} ms.`)), ms);
    timer.unref();
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Creates a job runner. */
export function createJobRunner(options: JobRunnerOptions): JobRunner {
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const handlerTimeoutMs = options.handlerTimeoutMs ?? DEFAULT_HANDLER_TIMEOUT_MS;
  const maxAttempts = options.maxAttempts ?? 5;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  // Once stopping, a drain finishes the job in hand and claims no more, so shutdown is not held by a backlog.
  let stopping = false;

  // Store writes after a run are best effort: a failure is logged and the lease expiry retries the job.
  const settle = async (log: Logger, what: string, write: () => Promise<boolean>): Promise<void> => {
    try {
      if (!(await write())) log.warn(`job ${what} skipped: the lease was lost to another instance`);
    } catch (err) {
      log.error({ err }, `job ${what} failed; the job is retried when its lease runs out`);
    }
  };

  const retryOrDrop = async (job: ClaimedJob, log: Logger, err: unknown, now: number, known: boolean) => {
    const attempts = Number(job.payload[ATTEMPTS_KEY] ?? 0) + 1;
    if (attempts >= maxAttempts || !known) {
      log.error({ err, attempts }, 'job failed for the last time; dropped');
      return settle(log, 'drop', () => options.jobs.complete(job));
    }
    log.warn({ err, attempts }, 'job failed; will retry');
    // Back off by one lease per attempt; conditional on the lease, so a job another instance took is left alone.
    const payload = { ...job.payload, [ATTEMPTS_KEY]: attempts };
    return settle(log, 'retry', () => options.jobs.reschedule(job, now + leaseMs * attempts, payload));
  };

  // At most once: an attempt that may have delivered (cut off by a crash, or timed out) is never run again.
  const giveUp = async (job: ClaimedJob, log: Logger, why: string): Promise<'failed'> => {
    log.error(`job not run again, so nothing is delivered twice: ${why}`);
    await settle(log, 'drop', () => options.jobs.complete(job));
    return 'failed';
  };

  const runOne = async (): Promise<'none' | 'done' | 'failed'> => {
    const now = options.clock.now();
    const job = await options.jobs.claimDue(now, leaseMs);
    if (!job) return 'none';
    const log = options.logger.child({ jobId: job.id, kind: job.kind });
    if (job.payload[STARTED_KEY] !== undefined) return giveUp(job, log, 'an earlier attempt was cut off mid-run');
    if (!(await options.jobs.recordAttempt(job, { ...job.payload, [STARTED_KEY]: now }))) {
      log.warn('job skipped: the lease was lost to another instance');
      return 'failed';
    }
    const handler = options.handlers[job.kind];
    try {
      if (!handler) throw new Error(`No handler for job kind "${job.kind}".`);
      await withTimeout(handler(job.payload), handlerTimeoutMs);
    } catch (err) {
      if (err instanceof JobTimeout) return giveUp(job, log, err.message);
      await retryOrDrop(job, log, err, now, handler !== undefined);
      return 'failed';
    }
    await settle(log, 'completion', () => options.jobs.complete(job));
    return 'done';
  };

  const drain = async (): Promise<number> => {
    let done = 0;
    let outcome: Awaited<ReturnType<typeof runOne>>;
    do {
      outcome = await runOne();
      if (outcome === 'done') done += 1;
    } while (outcome !== 'none' && !stopping);
    return done;
  };

  const runDueJobs = (): Promise<number> => {
    // One drain at a time per instance; a caller during a drain waits for it and then drains again.
    const next = (running ?? Promise.resolve(0)).then(drain, drain);
    // The tracked copy never rejects: the caller handles `next`'s failure, this one only orders drains.
    const guarded: Promise<number> = next
      .catch(() => 0)
      .finally(() => {
        if (running === guarded) running = undefined;
      });
    running = guarded;
    return next;
  };

  return {
    start: () => {
      stopping = false;
      if (options.intervalMs <= 0 || timer) return;
      timer = setInterval(() => {
        runDueJobs().catch((err: unknown) => options.logger.error({ err }, 'job poll failed; polling continues'));
      }, options.intervalMs);
      timer.unref();
    },
    stop: async () => {
      stopping = true;
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
    runDueJobs,
  };
}
