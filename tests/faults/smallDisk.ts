import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A tmpfs of a fixed size, and a way to fill it to the last byte and free it again. */
export interface SmallDisk {
  readonly dir: string;
  /** Writes a filler file until the disk answers ENOSPC. */
  fill(): void;
  /** Removes the filler. */
  free(): void;
  unmount(): void;
}

/**
 * Mounts a tmpfs of `sizeBytes` (needs root, as in CI). Fails loudly when mounting is not permitted: a test that
 * quietly skipped would prove nothing about a full disk.
 */
export function mountSmallDisk(sizeBytes: number): SmallDisk {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'intro-small-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeBytes}`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (error) {
    fs.rmdirSync(dir);
    const why = (error as { stderr?: Buffer }).stderr?.toString().trim() ?? String(error);
    throw new Error(`This test mounts a small tmpfs and must run as root (CI does): mount failed: ${why}`);
  }
  const filler = path.join(dir, 'filler');
  return {
    dir,
    fill: () => {
      const fd = fs.openSync(filler, 'a');
      try {
        // Large chunks first, then smaller ones, until not even one byte fits.
        for (const size of [1 << 16, 4096, 1]) {
          const chunk = Buffer.alloc(size, 0x5a);
          for (;;) {
            try {
              fs.writeSync(fd, chunk);
            } catch (error) {
              if ((error as NodeJS.ErrnoException).code === 'ENOSPC') break;
              throw error;
            }
          }
        }
      } finally {
        fs.closeSync(fd);
      }
    },
    free: () => fs.rmSync(filler, { force: true }),
    unmount: () => {
      execFileSync('umount', [dir]);
      fs.rmdirSync(dir);
    },
  };
}
