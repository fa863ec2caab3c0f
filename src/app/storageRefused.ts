/** Why a store refuses writes while it still answers reads. */
export type StorageProblem = 'full' | 'readOnly';

const OPERATOR_TEXT: Record<StorageProblem, string> = {
  full: 'the disk under the store is full',
  readOnly: 'the store cannot write to its disk (read-only, or the disk refused the write)',
};

/**
 * Thrown by a store port when its storage refuses a write (disk full, read-only): the write did not happen, reads
 * still work, and writes work again by themselves once space or write access returns. Edges answer it as such,
 * never as a bug.
 */
export class StorageRefusedError extends Error {
  override readonly name = 'StorageRefusedError';

  constructor(
    readonly problem: StorageProblem,
    /** What the storage said (e.g. SQLITE_FULL), for the operator's log. */
    readonly detail: string,
  ) {
    super(`Writes are refused: ${OPERATOR_TEXT[problem]} (${detail}).`);
  }
}
