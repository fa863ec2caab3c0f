import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSqliteStore } from '../../src/store/sqlite/openSqliteStore';
import { databaseFile } from '../../src/store/sqlite/sqliteFile';
import { makeIntro, newTenant } from './fixtures';

describe('WAL checkpoints in the background', () => {
  it('copies committed pages into the database file within seconds, without a request doing it', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'intro-wal-'));
    const store = openSqliteStore(dataDir);
    const file = databaseFile(dataDir);
    try {
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      const before = statSync(file).size;
      const tenantId = newTenant();
      // Far fewer pages than SQLite's automatic checkpoint waits for (1 000), so only the background one copies them.
      for (let i = 0; i < 40; i++) await store.intros.create(makeIntro({ tenantId }));
      const deadline = Date.now() + 5_000;
      while (statSync(file).size <= before && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(statSync(file).size).toBeGreaterThan(before);
    } finally {
      store.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
