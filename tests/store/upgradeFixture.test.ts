import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DB_FILE } from '../../src/store/sqlite/openSqliteStore';
import { startTestApp, type TestApp, type TestUser } from '../support/testApp';
import { tempDirs } from './support/tempDir';

/** A DATA_DIR written by the version of 2026-11-29 (plain JSON notes), and who wrote what in it. Never written to. */
const FIXTURE = path.join(__dirname, 'legacy', 'intro-db-2026-11-29');
interface FixturePeople {
  readonly people: readonly { leader: TestUser; member: TestUser; introId: string; marker: string }[];
}
const fixture = JSON.parse(fs.readFileSync(`${FIXTURE}.json`, 'utf8')) as FixturePeople;
// Text an earlier version deleted (left in free pages, as SQLite does without secure_delete) must go too.
const deletedEarlier = 'deletedbyanearlierversion0x42';
const markers = [...fixture.people.map((p) => p.marker), deletedEarlier];

/** Writes and deletes a plain note the way the earlier version did, leaving its text in free space. */
function deleteNoteAsEarlierVersion(dir: string): void {
  const db = new Database(path.join(dir, DB_FILE));
  const doc = JSON.stringify({ v: 1, body: { text: { prep: deletedEarlier.repeat(200) } }, updatedAt: '2026-11-29' });
  db.prepare(`INSERT INTO notes VALUES ('t', 'i', 'a', 1, '2026-11-29', ?)`).run(doc);
  db.prepare(`DELETE FROM notes WHERE tenant_id = 't'`).run();
  db.close();
}

const dirs = tempDirs('intro-upgrade-');
const storeFiles = (dir: string) =>
  ['', '-wal', '-shm'].map((suffix) => path.join(dir, `${DB_FILE}${suffix}`)).filter((file) => fs.existsSync(file));
const markersIn = (dir: string) => {
  const bytes = Buffer.concat(storeFiles(dir).map((file) => fs.readFileSync(file)));
  return markers.filter((marker) => bytes.includes(marker));
};

describe('upgrade from a database written by the 2026-11-29 version', () => {
  let dataDir: string;
  let app: TestApp;

  beforeAll(async () => {
    dataDir = path.join(dirs.make(), 'data');
    fs.cpSync(FIXTURE, dataDir, { recursive: true });
    fs.chmodSync(dataDir, 0o755);
    fs.chmodSync(path.join(dataDir, DB_FILE), 0o644);
    deleteNoteAsEarlierVersion(dataDir);
    expect(markersIn(dataDir)).toEqual(markers);
    app = await startTestApp({ DATA_DIR: dataDir });
  }, 30_000);

  afterAll(async () => {
    await app?.stop();
    dirs.removeAll();
  });

  it('seals every note on first start and scrubs free pages: no marker in the database, WAL or SHM, and the files are 0600', () => {
    expect(markersIn(dataDir)).toEqual([]);
    for (const file of storeFiles(dataDir)) expect([file, fs.statSync(file).mode & 0o777]).toEqual([file, 0o600]);
  });

  it('still gives each author their own notes, at the same version', async () => {
    for (const { leader, member, introId, marker } of fixture.people) {
      for (const author of [leader, member]) {
        const res = await app.api(author, `/api/v1/intros/${introId}/notes`);
        expect(res.status).toBe(200);
        expect(res.headers.get('etag')).toBe('"1"');
        expect(JSON.stringify(await res.json())).toContain(marker);
      }
    }
    expect(markersIn(dataDir)).toEqual([]);
  });

  it('leaves no marker behind after a restart either', async () => {
    await app.pause();
    await app.resume();
    expect(markersIn(dataDir)).toEqual([]);
  });
});
