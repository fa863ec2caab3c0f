import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DB_FILE, openSqliteStore } from '../../src/store/sqlite/openSqliteStore';
import { startTestApp } from '../support/testApp';
import { tempDirs } from './support/tempDir';

const dirs = tempDirs('intro-truth-');
afterAll(() => dirs.removeAll());

const PAGE = 4096;

/** A data directory whose database spans a few hundred pages (bot state rows stand in for a real history). */
async function populatedDataDir(): Promise<string> {
  const dir = dirs.make();
  await openSqliteStore(dir).close();
  const db = new Database(path.join(dir, DB_FILE));
  const insert = db.prepare('INSERT INTO bot_state (key, json, etag) VALUES (?, ?, ?)');
  db.transaction(() => {
    for (let i = 0; i < 400; i++) insert.run(`k${i}`, JSON.stringify({ filler: 'x'.repeat(2000), i }), 'e');
  })();
  db.close();
  return dir;
}

/** Overwrites `count` pages in the middle of the file with random bytes, as a failing disk would. */
function overwritePages(file: string, count: number): void {
  const pages = Math.floor(fs.statSync(file).size / PAGE);
  const fd = fs.openSync(file, 'r+');
  const first = Math.floor(pages / 3);
  for (let page = first; page < first + count; page++) fs.writeSync(fd, randomBytes(PAGE), 0, PAGE, page * PAGE);
  fs.closeSync(fd);
}

describe('a store that tells the truth', () => {
  it('refuses to start on a copy with 10 pages overwritten, naming the file', async () => {
    const original = await populatedDataDir();
    const copy = dirs.make();
    fs.cpSync(original, copy, { recursive: true });
    const file = path.resolve(copy, DB_FILE);
    expect(fs.statSync(file).size / PAGE).toBeGreaterThan(100);
    overwritePages(file, 10);
    await expect(startTestApp({ DATA_DIR: copy })).rejects.toThrow(file);
    // The original still starts and is ready.
    const app = await startTestApp({ DATA_DIR: original });
    expect((await fetch(`${app.baseUrl}/readyz`)).status).toBe(200);
    await app.stop();
  });

  it('refuses a zero-length database with a message, but starts on a new data directory', async () => {
    const dir = dirs.make();
    fs.writeFileSync(path.join(dir, DB_FILE), '');
    await expect(startTestApp({ DATA_DIR: dir })).rejects.toThrow(
      `The database ${path.resolve(dir, DB_FILE)} is empty (0 bytes)`,
    );
    const fresh = await startTestApp({ DATA_DIR: path.join(dirs.make(), 'new') });
    expect((await fetch(`${fresh.baseUrl}/readyz`)).status).toBe(200);
    await fresh.stop();
  });

  it('answers /readyz 503 while the store cannot answer reads', async () => {
    const dir = dirs.make();
    const app = await startTestApp({ DATA_DIR: dir });
    try {
      expect((await fetch(`${app.baseUrl}/readyz`)).status).toBe(200);
      const db = new Database(path.join(dir, DB_FILE));
      db.exec('DROP TABLE notes');
      db.close();
      const answer = await fetch(`${app.baseUrl}/readyz`);
      expect(answer.status).toBe(503);
      expect(await answer.json()).toMatchObject({ status: 'unavailable' });
    } finally {
      await app.stop();
    }
  });

  it('answers /readyz 503 once the team plans table is gone (readiness reads every table of the schema)', async () => {
    const dir = dirs.make();
    const app = await startTestApp({ DATA_DIR: dir });
    try {
      expect((await fetch(`${app.baseUrl}/readyz`)).status).toBe(200);
      const db = new Database(path.join(dir, DB_FILE));
      db.exec('DROP TABLE team_plans');
      db.close();
      expect((await fetch(`${app.baseUrl}/readyz`)).status).toBe(503);
    } finally {
      await app.stop();
    }
  });

  it('refuses to start on a database missing tables or a column, naming the file and each one missing', async () => {
    const dir = dirs.make();
    await openSqliteStore(dir).close();
    const db = new Database(path.join(dir, DB_FILE));
    db.exec('DROP TABLE team_plans; DROP TABLE notes; ALTER TABLE intros DROP COLUMN status');
    db.close();
    const refused = startTestApp({ DATA_DIR: dir });
    await expect(refused).rejects.toThrow(`The database ${path.resolve(dir, DB_FILE)} lacks `);
    const message = await refused.catch((error: Error) => error.message);
    for (const missing of ['table team_plans', 'table notes', 'column intros.status', 'index notes_by_author']) {
      expect(message).toContain(missing);
    }
    expect(message).not.toMatch(/no such table/);
    await expect(refused).rejects.toMatchObject({ name: 'StoreStartError' });
  });

  it('stays not ready once a read met a damaged page while running', async () => {
    const dir = dirs.make();
    const store = openSqliteStore(dir);
    try {
      const raw = new Database(path.join(dir, DB_FILE));
      const insert = raw.prepare('INSERT INTO bot_state (key, json, etag) VALUES (?, ?, ?)');
      raw.transaction(() => {
        for (let i = 0; i < 400; i++)
          insert.run(`k${i}`, JSON.stringify({ v: 1, item: { i, f: 'x'.repeat(2000) } }), 'e');
      })();
      raw.pragma('wal_checkpoint(TRUNCATE)');
      raw.close();
      await expect(store.health.ping()).resolves.toBeUndefined();
      overwritePages(path.join(dir, DB_FILE), 10);
      const keys = Array.from({ length: 400 }, (_, i) => `k${i}`);
      await expect(store.botStorage.read(keys)).rejects.toMatchObject({ code: 'SQLITE_CORRUPT' });
      await expect(store.health.ping()).rejects.toThrow(path.resolve(dir, DB_FILE));
    } finally {
      await store.close();
    }
  });

  it('stops within seconds, naming a DATA_DIR below /proc', async () => {
    const dataDir = '/proc/intro-test/data';
    await expect(startTestApp({ DATA_DIR: dataDir })).rejects.toThrow(`"${dataDir}"`);
    const started = Date.now();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
      env: { ...process.env, DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'silent', NODE_ENV: 'test' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(stderr).toContain(`Cannot use the data directory "${dataDir}"`);
    expect(stderr).not.toContain('    at ');
  }, 30_000);
});
