/**
 * The floors for `npm run bench:notes`: bare restify routes of the notes API's shapes. Prints `{"port":n}` once
 * listening.
 *
 * - `bare` (the floor): in memory, no auth, no validation, no encryption, no logging.
 * - `required` (FLOOR=required): the same routes doing, written bare, only the work the issue keeps on the hot path:
 *   a bearer token looked up by its SHA-256 (the cached verdict), the notes body checked with the app's own schema,
 *   sealed with AES-256-GCM under the person's key, and written with a version check to SQLite in WAL mode
 *   (synchronous=NORMAL, as the app) before the 200; the poll reads the session's version from SQLite. No
 *   logging, no participant check, no key store, no security headers. What the app adds over this is its own cost.
 */
import { createCipheriv, hash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import restify from 'restify';

const server = restify.createServer({ name: 'floor' });
const required = process.env.FLOOR === 'required';

function bare() {
  const notes = new Map();
  server.get('/api/v1/intros/:id/session', (req, res, next) => {
    res.header('ETag', '"1"');
    res.header('Cache-Control', 'no-store');
    if (req.headers['if-none-match'] === '"1"') res.send(304);
    else res.send(200, { session: { status: 'running', phase: 'goals' }, version: 1, serverNow: Date.now() });
    return next();
  });
  server.put('/api/v1/intros/:id/notes', async (req, res) => {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const key = `${req.params.id}|${req.headers.authorization}`;
    const current = notes.get(key)?.version ?? 0;
    if (req.headers['if-match'] !== `"${current}"`) return void res.send(409, { error: { code: 'versionConflict' } });
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    const version = current + 1;
    notes.set(key, { version, body });
    res.header('ETag', `"${version}"`);
    res.header('Cache-Control', 'no-store');
    res.send(200, { ...body, introId: req.params.id, version, updatedAt: new Date().toISOString() });
  });
}

async function withRequiredWork(dir) {
  const db = new Database(path.join(dir, 'floor.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('secure_delete = ON'); // as the app: deleted notes are overwritten
  db.exec(`CREATE TABLE notes (intro_id TEXT, author TEXT, version INTEGER, updated_at TEXT, json TEXT,
      PRIMARY KEY (intro_id, author));
    CREATE INDEX notes_by_author ON notes (author, updated_at);
    CREATE TABLE sessions (intro_id TEXT PRIMARY KEY, version INTEGER)`);
  const q = {
    session: db.prepare('SELECT version FROM sessions WHERE intro_id = ?').pluck(),
    insert: db.prepare('INSERT INTO notes VALUES (?, ?, 1, ?, ?) ON CONFLICT DO NOTHING'),
    update: db.prepare(
      'UPDATE notes SET version = version + 1, updated_at = ?, json = ? WHERE intro_id = ? AND author = ? AND version = ?',
    ),
  };
  // The app's own notes schema (the run loads tsx for it): the same check, not a copy that drifts from it.
  const { notesBodySchema: schema } = await import('../src/domain/notes.schema.ts');
  const people = new Map(); // sha256(token) -> { who, key }: the cached verdict and the person's data key
  const caller = (req) => {
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const id = token && hash('sha256', token, 'base64url');
    if (!id) return undefined;
    if (!people.has(id)) people.set(id, { who: id, key: randomBytes(32) });
    return people.get(id);
  };
  server.get('/api/v1/intros/:id/session', (req, res, next) => {
    if (!caller(req)) return void res.send(401);
    const version = q.session.get(req.params.id) ?? 0;
    res.header('ETag', `"${version}"`);
    res.header('Cache-Control', 'no-store');
    if (req.headers['if-none-match'] === `"${version}"`) res.send(304);
    else res.send(200, { session: { status: 'notStarted' }, version, serverNow: Date.now() });
    return next();
  });
  server.put('/api/v1/intros/:id/notes', async (req, res) => {
    const person = caller(req);
    if (!person) return void res.send(401);
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    let json;
    try {
      json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return void res.send(400, { error: { code: 'invalidJson' } });
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) return void res.send(400, { error: { code: 'invalidBody' } });
    const expected = Number(/^"(\d+)"$/.exec(req.headers['if-match'] ?? '')?.[1] ?? Number.NaN);
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', person.key, iv);
    const plaintext = Buffer.from(JSON.stringify(parsed.data), 'utf8');
    const sealed = Buffer.concat([iv, cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]).toString(
      'base64',
    );
    const updatedAt = new Date().toISOString();
    const doc = JSON.stringify({ v: 2, alg: 'A256GCM', updatedAt, sealed });
    const id = req.params.id;
    const changed =
      expected === 0
        ? q.insert.run(id, person.who, updatedAt, doc)
        : q.update.run(updatedAt, doc, id, person.who, expected);
    if (changed.changes !== 1) return void res.send(412, { error: { code: 'versionConflict' } });
    res.header('ETag', `"${expected + 1}"`);
    res.header('Cache-Control', 'no-store');
    res.send(200, { ...parsed.data, introId: id, version: expected + 1, updatedAt: new Date().toISOString() });
  });
}

const dir = required ? mkdtempSync(path.join(os.tmpdir(), 'notes-floor-')) : undefined;
if (dir) await withRequiredWork(dir);
else bare();
server.listen(0, '127.0.0.1', () => process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`));
process.once('SIGTERM', () =>
  server.close(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  }),
);
