import type { WriteFaultClassifier } from '../writeFaults';

// A write the operating system refused: a disk remounted read-only answers EROFS, which SQLite reports as one of these.
const REFUSED_WRITE_IO = new Set([
  'SQLITE_IOERR_WRITE',
  'SQLITE_IOERR_FSYNC',
  'SQLITE_IOERR_DIR_FSYNC',
  'SQLITE_IOERR_TRUNCATE',
  'SQLITE_IOERR_SHMSIZE',
]);

/** SQLite's (and Node's) codes for a full or read-only disk; anything else is not a refused write. */
export const sqliteWriteFault: WriteFaultClassifier = (error) => {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code !== 'string') return undefined;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return { problem: 'full', detail: code };
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') return { problem: 'readOnly', detail: code };
  if (REFUSED_WRITE_IO.has(code)) return { problem: 'readOnly', detail: code };
  return undefined;
};
