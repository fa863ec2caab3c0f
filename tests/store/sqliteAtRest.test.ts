import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { resolveSigningKey } from '../../src/crypto/signer';
import { KEK_FILE, loadLocalKeks, localKeyWrapper } from '../../src/crypto/localKeyWrapper';
import { DB_FILE, openSqliteStore } from '../../src/store/sqlite/openSqliteStore';
import type { TenantId, UserId } from '../../src/domain/ids';
import type { TeamPlan } from '../../src/domain/teamPlan';
import { LEADER, startTestApp, type TestUser } from '../support/testApp';
import { at, makeIntro, newTenant, newUser, notesBody } from './fixtures';
import { tempDirs } from './support/tempDir';

const dirs = tempDirs('intro-at-rest-');
afterAll(() => dirs.removeAll());

const mode = (file: string) => fs.statSync(file).mode & 0o777;
/** Every byte SQLite keeps for the store: the database, its WAL and its shared memory. */
const storeBytes = (dir: string) =>
  Buffer.concat(
    ['', '-wal', '-shm']
      .map((suffix) => path.join(dir, `${DB_FILE}${suffix}`))
      .filter((file) => fs.existsSync(file))
      .map((file) => fs.readFileSync(file)),
  );

describe('SQLite files', () => {
  it('creates the data directory 0700, and the database, WAL, SHM and key files 0600', async () => {
    const dir = path.join(dirs.make(), 'nested', 'data');
    const store = openSqliteStore(dir);
    const intro = makeIntro({ tenantId: newTenant() });
    await store.notes.save(
      { tenantId: intro.tenantId, introId: intro.id, authorId: intro.leader.id },
      notesBody('x'),
      0,
      at(1),
    );
    resolveSigningKey(undefined, dir);
    expect(mode(dir)).toBe(0o700);
    for (const file of [DB_FILE, `${DB_FILE}-wal`, `${DB_FILE}-shm`, KEK_FILE, 'signing.key']) {
      expect([file, mode(path.join(dir, file))]).toEqual([file, 0o600]);
    }
    await store.close();
  });

  it('fails once with an error naming a data directory it cannot create', () => {
    const file = path.join(dirs.make(), 'not-a-dir');
    fs.writeFileSync(file, 'x');
    const dir = path.join(file, 'data');
    expect(() => openSqliteStore(dir)).toThrow(`"${dir}"`);
    expect(() => resolveSigningKey(undefined, dir)).toThrow(/ENOTDIR.*DATA_DIR/);
  });

  it('overwrites deleted rows (secure_delete), so deleted text does not linger in free pages', async () => {
    const dir = dirs.make();
    const store = openSqliteStore(dir);
    const tag = `deleted${randomBytes(6).toString('hex')}`;
    const intro = makeIntro({ tenantId: newTenant() });
    await store.intros.create({ ...intro, leader: { ...intro.leader, name: tag } });
    await store.intros.delete(intro.tenantId, intro.id);
    await store.close();
    expect(storeBytes(dir).includes(tag)).toBe(false);
  });
});

describe('delete my data (crypto-shredding)', () => {
  it('leaves neither the notes nor a usable key in the database, WAL or SHM', async () => {
    const app = await startTestApp();
    const tag = `shred${randomBytes(6).toString('hex')}`;
    const created = await app.api(LEADER, `/api/v1/meetings/shred-${tag}/intro`, { body: {} });
    const introId = ((await created.json()) as { intro: { id: string } }).intro.id;
    const body = { ...notesBody(tag), text: { ...notesBody(tag).text, prep: `prep ${tag}` } };
    const put = await app.api(LEADER, `/api/v1/intros/${introId}/notes`, {
      method: 'PUT',
      body,
      headers: { 'if-match': '"0"' },
    });
    expect(put.status).toBe(200);
    const store = openSqliteStore(app.dataDir);
    const wrapped = await store.dataKeys.get(LEADER.tid as never, LEADER.oid as never);
    expect(wrapped).toBeDefined();
    const dataKey = await localKeyWrapper(loadLocalKeks({ dataDir: app.dataDir })).unwrap(wrapped!);
    await store.close();
    expect((await app.api(LEADER, '/api/v1/me/data', { method: 'DELETE' })).status).toBe(204);
    const bytes = storeBytes(app.dataDir);
    await app.stop();
    for (const secret of [Buffer.from(tag), Buffer.from(wrapped!.wrapped), Buffer.from(dataKey)]) {
      expect(bytes.includes(secret)).toBe(false);
    }
  });

  it("leaves no name from the person's team plans in the database, WAL or SHM", async () => {
    const dataDir = dirs.make();
    const planted = `Planted${randomBytes(6).toString('hex')}`;
    // A plan made by "meet my team" earlier: the leader's own, naming a team member nobody else stores.
    const seeded = openSqliteStore(dataDir);
    await seeded.teamPlans.savePlan(teamPlanOf(LEADER, planted), 0);
    await seeded.close();
    expect(storeBytes(dataDir).includes(planted)).toBe(true);
    const app = await startTestApp({ DATA_DIR: dataDir });
    try {
      const created = await app.api(LEADER, `/api/v1/meetings/plan-${planted}/intro`, { body: {} });
      const introId = ((await created.json()) as { intro: { id: string } }).intro.id;
      const put = await app.api(LEADER, `/api/v1/intros/${introId}/notes`, {
        method: 'PUT',
        body: notesBody(`notes ${planted}`),
        headers: { 'if-match': '"0"' },
      });
      expect(put.status).toBe(200);
      expect((await app.api(LEADER, '/api/v1/teams/plans')).status).toBe(200);
      expect((await app.api(LEADER, '/api/v1/me/data', { method: 'DELETE' })).status).toBe(204);
      // Read while the app still runs: the answer came only once no copy was left in any of the three files.
      expect(storeBytes(dataDir).includes(planted)).toBe(false);
    } finally {
      await app.stop();
    }
  });
});

function teamPlanOf(leader: TestUser, memberName: string): TeamPlan {
  return {
    tenantId: leader.tid as TenantId,
    teamId: '19:plannedteam@thread.tacv2',
    teamName: 'Platform',
    leader: { id: leader.oid as UserId, name: leader.name },
    round: 1,
    timeZone: 'Europe/Paris',
    items: [{ member: { id: newUser(), name: memberName }, state: 'proposed', durationMinutes: 45 }],
    createdAt: '2026-12-01T08:00:00.000Z',
  };
}
