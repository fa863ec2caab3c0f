import { StorageRefusedError, type StorageProblem } from '../app/storageRefused';

/** Tells which failures of an adapter mean its storage refuses writes, and what it said. */
export type WriteFaultClassifier = (error: unknown) => { problem: StorageProblem; detail: string } | undefined;

/** What a store remembers of refused writes: readiness reports them until a write succeeds again. */
export interface WriteFaults {
  /** Rethrows `error`, as a StorageRefusedError (remembered) when the storage refused a write. */
  rethrow(error: unknown): never;
  /** A write went through: the storage takes writes again. */
  wrote(): void;
  /** The last refusal, while no write has gone through since. */
  current(): StorageRefusedError | undefined;
}

/** The refused-writes state of one store, with its adapter's classifier. */
export function writeFaults(classify: WriteFaultClassifier): WriteFaults {
  let refused: StorageRefusedError | undefined;
  return {
    rethrow: (error) => {
      if (error instanceof StorageRefusedError) throw error;
      const fault = classify(error);
      if (!fault) throw error;
      refused = new StorageRefusedError(fault.problem, fault.detail);
      throw refused;
    },
    wrote: () => {
      refused = undefined;
    },
    current: () => refused,
  };
}

/**
 * Wraps every method of a port so that a refused write surfaces as a StorageRefusedError, whatever statement,
 * transaction or checkpoint inside the adapter met it; the port's behaviour is otherwise unchanged.
 */
export function guardWrites<T extends object>(port: T, faults: WriteFaults): T {
  const guarded: Record<string, unknown> = { ...(port as Record<string, unknown>) };
  for (const [name, member] of Object.entries(port)) {
    if (typeof member !== 'function') continue;
    guarded[name] = (...args: unknown[]) => {
      try {
        const result: unknown = member.apply(port, args);
        return result instanceof Promise ? result.catch((error: unknown) => faults.rethrow(error)) : result;
      } catch (error) {
        return faults.rethrow(error);
      }
    };
  }
  return guarded as T;
}
