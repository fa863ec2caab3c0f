import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../../src/store/sqlite/openSqliteStore';
import { makeIntro, newTenant } from '../store/fixtures';
import { tempDirs } from '../store/support/tempDir';

const root = path.resolve(__dirname, '../..');

/** A Bot Connector that records every activity posted and never answers the first one (the send in flight). */
async function holdingConnector(): Promise<{ url: string; posts: string[]; close: () => Promise<void> }> {
  const posts: string[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      if (req.method !== 'POST' || !/^\/v3\/conversations\/[^/]+\/activities/.test(req.url ?? ''))
        return void res.writeHead(404).end();
      posts.push(body);
      if (posts.length === 1) return; // held until the app dies
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `a${posts.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    posts,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function startApp(dataDir: string): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      DATA_DIR: dataDir,
      PORT: '0',
      JOB_POLL_MS: '50',
      LOG_LEVEL: process.env.CRASH_LOG ?? 'silent',
    },
    stdio: ['ignore', process.env.CRASH_LOG ? 'inherit' : 'ignore', process.env.CRASH_LOG ? 'inherit' : 'ignore'],
  });
}

async function until(condition: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!condition() && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 25));
}

/** Killed (SIGKILL) while the member's heads-up is in flight, the app does not send it again after a restart. */
describe('a crash mid-send', () => {
  const dirs = tempDirs('intro-crash-');
  afterAll(() => dirs.removeAll());

  it('delivers the heads-up at most once', async () => {
    const connector = await holdingConnector();
    const dataDir = dirs.make();
    const tenantId = newTenant();
    const intro = makeIntro({ tenantId, scheduledStart: '2030-01-01T09:00:00.000Z' });
    const store = openSqliteStore(dataDir);
    await store.intros.create(intro);
    await store.conversations.save(tenantId, intro.member!.id, {
      serviceUrl: connector.url,
      channelId: 'msteams',
      conversation: { id: 'a:member-chat', conversationType: 'personal', tenantId },
      bot: { id: 'bot' },
      user: { id: 'member' },
    });
    const payload = { tenantId, introId: intro.id };
    await store.jobs.schedule({ id: `headsUp:${intro.id}`, kind: 'headsUpMember', dueAt: 0, payload });
    await store.close();

    const first = startApp(dataDir);
    await until(() => connector.posts.length === 1, 60_000);
    expect(connector.posts).toHaveLength(1);
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));

    // Time passes: the dead instance's lease runs out.
    const db = new Database(path.join(dataDir, 'intro.db'));
    db.prepare('UPDATE jobs SET lease_until = 0').run();
    db.close();

    const second = startApp(dataDir);
    const remaining = () => {
      const check = new Database(path.join(dataDir, 'intro.db'), { readonly: true });
      try {
        return (check.prepare('SELECT COUNT(*) AS n FROM jobs').get() as { n: number }).n;
      } finally {
        check.close();
      }
    };
    await until(() => remaining() === 0, 60_000);
    second.kill('SIGTERM');
    await new Promise((resolve) => second.once('exit', resolve));
    expect(remaining()).toBe(0);
    expect(connector.posts).toHaveLength(1);
    await connector.close();
  }, 150_000);
});
