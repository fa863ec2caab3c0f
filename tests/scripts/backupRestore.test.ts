import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { KEK_FILE } from '../../src/crypto/localKeyWrapper';
import { emptyNotesBody } from '../../src/domain/notes';
import { backupStore } from '../../src/store/sqlite/backup';
import { DB_FILE } from '../../src/store/sqlite/openSqliteStore';
import { restoreStore } from '../../src/store/sqlite/restore';
import { tempDirs } from '../store/support/tempDir';
import { LEADER, MEMBER, startTestApp, type TestApp, type TestUser } from '../support/testApp';

const dirs = tempDirs('intro-backup-');
let t: TestApp;
let dataDir: string;
const introIds: string[] = [];
beforeEach(async () => {
  dataDir = dirs.make();
  t = await startTestApp({ DATA_DIR: dataDir });
  introIds.splice(0);
  for (const meeting of ['m-backup-1', 'm-backup-2']) {
    const created = await t.api(LEADER, `/api/v1/meetings/${meeting}/intro`, { body: {} });
    await t.api(MEMBER, `/api/v1/meetings/${meeting}/intro`, { body: {} });
    introIds.push(((await created.json()) as { intro: { id: string } }).intro.id);
  }
  for (const user of [LEADER, MEMBER]) for (const id of introIds) await save(user, id, textOf(user, id), 0);
});
afterEach(async () => {
  await t.stop();
});
afterAll(() => dirs.removeAll());

const textOf = (user: TestUser, introId: string) => `${user.name} on ${introId}`;
const notesRoute = (introId: string) => `/api/v1/intros/${introId}/notes`;

async function save(user: TestUser, introId: string, goals: string, version: number): Promise<void> {
  const body = { ...emptyNotesBody(), text: { ...emptyNotesBody().text, goals } };
  const saved = await t.api(user, notesRoute(introId), {
    method: 'PUT',
    body,
    headers: { 'if-match': `"${version}"` },
  });
  expect(saved.status).toBe(200);
}

/** Every note of `user`, as the API answers it. */
async function notesOf(user: TestUser): Promise<unknown[]> {
  return Promise.all(
    introIds.map(async (id) => {
      const answer = await t.api(user, notesRoute(id));
      expect(answer.status).toBe(200);
      return ((await answer.json()) as { text: { goals: string } }).text.goals;
    }),
  );
}

/** After the backup: the leader edits one note, the member deletes all their data. */
async function changeAfterBackup(): Promise<void> {
  await save(LEADER, introIds[0]!, 'written after the backup', 1);
  expect((await t.api(MEMBER, '/api/v1/me/data', { method: 'DELETE' })).status).toBe(204);
}

describe('backup and restore', () => {
  it('restores every note written before the backup; a person deleted since stays unreadable', async () => {
    const folder = path.join(dirs.make(), 'backups');
    const backup = await backupStore(dataDir, folder);
    expect(fs.statSync(backup.file).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(folder)).toEqual([path.basename(backup.file)]);
    expect(fs.readdirSync(folder)).not.toContain(KEK_FILE);
    expect(backup).toMatchObject({ notes: 4, dataKeys: 0 });
    await changeAfterBackup();

    expect(() => restoreStore(dataDir, backup.file)).toThrow(/The app is running on .*intro\.db: stop every instance/);
    await t.pause();
    const restored = restoreStore(dataDir, backup.file);
    expect(restored).toMatchObject({ notes: 2, shredded: 2 });
    await t.resume();

    expect(await notesOf(LEADER)).toEqual(introIds.map((id) => textOf(LEADER, id)));
    expect(await notesOf(MEMBER)).toEqual(['', '']);
    const db = new Database(path.join(dataDir, DB_FILE), { readonly: true });
    expect(db.prepare('SELECT author_id FROM data_keys').pluck().all()).toEqual([LEADER.oid]);
    db.close();
  });

  it('brings back the deleted person too with --with-keys (disaster recovery)', async () => {
    const backup = await backupStore(dataDir, dirs.make(), { withKeys: true });
    expect(backup).toMatchObject({ notes: 4, dataKeys: 2 });
    expect(backup.file).toMatch(/-with-keys\.db$/);
    await changeAfterBackup();
    await t.pause();
    expect(() => restoreStore(dataDir, backup.file, { withKeys: false })).not.toThrow();
    // A second, keyed restore of the same backup brings the member's key and notes back.
    expect(restoreStore(dataDir, backup.file, { withKeys: true })).toMatchObject({ notes: 4, shredded: 0 });
    await t.resume();
    expect(await notesOf(LEADER)).toEqual(introIds.map((id) => textOf(LEADER, id)));
    expect(await notesOf(MEMBER)).toEqual(introIds.map((id) => textOf(MEMBER, id)));
  });

  it('runs as npm scripts: backup while running, restore refused while running', async () => {
    const folder = dirs.make();
    const run = (script: string, arg: string) =>
      spawnSync(process.execPath, ['--import', 'tsx', `scripts/${script}.ts`, arg], {
        env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent', NODE_ENV: 'test' },
        encoding: 'utf8',
      });
    const backedUp = run('backup', folder);
    expect(backedUp.stdout).toMatch(/Backed up to .*intro-.*\.db \(4 notes rows; data keys left out/);
    expect(backedUp.status).toBe(0);
    const [file] = fs.readdirSync(folder);
    const refused = run('restore', path.join(folder, file!));
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/Restore failed: The app is running on/);
  }, 30_000);
});
