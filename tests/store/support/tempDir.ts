import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Makes fresh temp dirs and removes them all in one call. */
export function tempDirs(prefix = 'intro-store-'): { make: () => string; removeAll: () => void } {
  const made: string[] = [];
  return {
    make: () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
      made.push(dir);
      return dir;
    },
    removeAll: () => made.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })),
  };
}
