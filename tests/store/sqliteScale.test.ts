import { spawn } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DB_FILE, openSqliteStore } from '../../src/store/sqlite/openSqliteStore';
import { LIST_SQL } from '../../src/store/sqlite/sqliteIntroStore';
import { at, makeIntro, newTenant, newUser } from './fixtures';
import { tempDirs } from './support/tempDir';

const dirs = tempDirs();
afterAll(() => dirs.removeAll());

/**
 * A claiming process: `go` lets it claim one job (then `first` settles), `go` again lets it claim the rest. Every
 * promise rejects with the child's stderr if it exits first, so a crashed child fails the test instead of hanging it.
 */
interface Claimer {
  readonly ready: Promise<void>;
  readonly first: Promise<void>;
  readonly go: () => void;
  readonly claimed: Promise<string[]>;
  readonly kill: () => void;
}

function startClaimer(dataDir: string, now: number): Claimer {
  const script = path.join(__dirname, 'support', 'claimJobs.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', script, dataDir, String(now)]);
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const claimed = new Promise<string[]>((resolve, reject) => {
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as string[]) : reject(new Error(err))));
  });
  const said = (word: string) =>
    Promise.race([
      new Promise<void>((resolve) =>
        child.stderr.on('data', () => {
          if (err.split('\n').includes(word)) resolve();
        }),
      ),
      claimed.then(() => {
        throw new Error(`The claimer exited before saying ${word}: ${err}`);
      }),
    ]);
  claimed.catch(() => undefined); // Rejections surface through the awaited promises below.
  return {
    ready: said('ready'),
    first: said('first'),
    go: () => child.stdin.write('go\n'),
    claimed,
    kill: () => child.kill('SIGKILL'),
  };
}

describe('sqlite store at scale', () => {
  it('pages 1200 intros of one user through indexes, quickly', async () => {
    const dir = dirs.make();
    const store = openSqliteStore(dir);
    const tenantId = newTenant();
    const me = newUser();
    for (let i = 0; i < 1200; i++) {
      const mine = i % 3 === 0 ? { leaderId: me } : i % 3 === 1 ? { memberId: me } : {};
      await store.intros.create(makeIntro({ tenantId, createdAt: at(i), ...mine }));
    }
    const started = performance.now();
    let cursor: string | undefined;
    let count = 0;
    do {
      const page = await store.intros.listForUser(tenantId, me, { limit: 50, ...(cursor ? { cursor } : {}) });
      count += page.items.length;
      cursor = page.nextCursor;
    } while (cursor);
    expect(count).toBe(800);
    expect(performance.now() - started).toBeLessThan(1000);
    await store.close();
    const db = new Database(path.join(dir, DB_FILE));
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN ${LIST_SQL}`)
      .all({ tenant: tenantId, user: me, sortAt: 1, id: 'x', take: 10 }) as { detail: string }[];
    db.close();
    const details = plan.map((step) => step.detail).join('\n');
    // Each side of the store's own query is a range scan of its index; neither scans the table.
    expect(details).toMatch(/SEARCH intros USING (COVERING )?INDEX intros_by_leader/);
    expect(details).toMatch(/SEARCH intros USING (COVERING )?INDEX intros_by_member/);
    expect(details).not.toMatch(/SCAN intros\b/);
  });

  it('has two processes on one file claim 150 due jobs, each exactly once', async () => {
    const dir = dirs.make();
    const store = openSqliteStore(dir);
    for (let i = 0; i < 150; i++)
      await store.jobs.schedule({ id: `job-${i}`, kind: 'reminder', dueAt: i, payload: {} });
    await store.close();
    const claimers = [startClaimer(dir, 1000), startClaimer(dir, 1000)];
    let claimed: string[][];
    try {
      await Promise.all(claimers.map((c) => c.ready));
      claimers.forEach((c) => c.go());
      // Each has claimed one; then both race for the other 148 on the same file.
      await Promise.all(claimers.map((c) => c.first));
      claimers.forEach((c) => c.go());
      claimed = await Promise.all(claimers.map((c) => c.claimed));
    } finally {
      claimers.forEach((c) => c.kill());
    }
    const [a = [], b = []] = claimed;
    const all = [...a, ...b];
    expect(all).toHaveLength(150);
    expect(new Set(all).size).toBe(150);
    expect(a.length).toBeGreaterThan(0);
    expect(b.length).toBeGreaterThan(0);
  });
});
