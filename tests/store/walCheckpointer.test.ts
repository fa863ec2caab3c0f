import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSqliteStore, WAL_SIZE_LIMIT_BYTES } from '../../src/store/sqlite/openSqliteStore';
import { databaseFile } from '../../src/store/sqlite/sqliteFile';
import { emptyNotesBody } from '../../src/domain/notes';
import { makeIntro, newIntroId, newTenant, newUser } from './fixtures';

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

describe('the WAL under a steady stream of writes', () => {
  it('starts over every checkpoint tick instead of growing with everything ever written', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'intro-wal-'));
    const store = openSqliteStore(dataDir);
    const wal = `${databaseFile(dataDir)}-wal`;
    try {
      const tenantId = newTenant();
      const authorId = newUser();
      const body = { ...emptyNotesBody(), text: { ...emptyNotesBody().text, goals: 'g'.repeat(6_000) } };
      const intros = Array.from({ length: 50 }, () => newIntroId());
      const versions = new Map<string, number>();
      let written = 0;
      let largest = 0;
      let startedOver = false;
      // Writes without pause for 3.5 s (three and more checkpoint ticks): a passive checkpoint alone never catches up.
      const end = Date.now() + 3_500;
      while (Date.now() < end) {
        const introId = intros[written % intros.length]!;
        const version = versions.get(introId) ?? 0;
        const saved = await store.notes.save({ tenantId, introId, authorId }, body, version, new Date().toISOString());
        if (!saved.ok) throw new Error('unexpected conflict');
        versions.set(introId, version + 1);
        written += 1;
        if (written % 50 === 0) {
          const size = statSync(wal).size;
          // Starting over cuts the file back to the size limit: without it the WAL only ever grows under this load.
          if (size < largest && size <= WAL_SIZE_LIMIT_BYTES) startedOver = true;
          largest = Math.max(largest, size);
        }
      }
      expect(largest).toBeGreaterThan(WAL_SIZE_LIMIT_BYTES);
      expect(startedOver).toBe(true);
    } finally {
      store.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
