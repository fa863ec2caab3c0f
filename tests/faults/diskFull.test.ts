import path from 'node:path';
import { LEADER, OUTSIDER, startTestApp, type TestApp } from '../support/testApp';
import { notesBody } from '../store/fixtures';
import { mountSmallDisk, type SmallDisk } from './smallDisk';

let disk: SmallDisk;
let app: TestApp;

beforeAll(async () => {
  disk = mountSmallDisk(4 * 1024 * 1024);
  app = await startTestApp({ DATA_DIR: path.join(disk.dir, 'data') });
}, 30_000);
afterAll(async () => {
  await app?.stop();
  disk?.unmount();
});

const readyz = async () => {
  const answer = await fetch(`${app.baseUrl}/readyz`);
  return { status: answer.status, body: (await answer.json()) as { error?: { code: string; message: string } } };
};
const saveNotes = (introId: string, tag: string, version: number) =>
  app.api(LEADER, `/api/v1/intros/${introId}/notes`, {
    method: 'PUT',
    body: notesBody(tag),
    headers: { 'if-match': `"${version}"` },
  });
const setUp = (meeting: string) => app.api(LEADER, `/api/v1/meetings/${meeting}/intro`, { body: {} });

describe('a full disk under the SQLite store', () => {
  it('answers writes 507 with a message a person can act on, keeps serving reads, and recovers by itself', async () => {
    const created = await setUp('disk-full-before');
    expect(created.status).toBe(201);
    const introId = ((await created.json()) as { intro: { id: string } }).intro.id;
    expect((await saveNotes(introId, 'before', 0)).status).toBe(200);
    // Delete-my-data empties the WAL, so the next write must grow the file rather than reuse its space.
    expect((await app.api(OUTSIDER, '/api/v1/me/data', { method: 'DELETE' })).status).toBe(204);
    expect((await readyz()).status).toBe(200);

    disk.fill();
    const refused = await saveNotes(introId, 'during', 1);
    expect(refused.status).toBe(507);
    const { error } = (await refused.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('insufficientStorage');
    expect(error.message).toMatch(/storage is full or read-only.*stays on this device/);
    expect((await setUp('disk-full-during')).status).toBe(507);
    // Reads still answer, with what was saved before.
    const read = await app.api(LEADER, `/api/v1/intros/${introId}/notes`);
    expect(read.status).toBe(200);
    expect(JSON.stringify(await read.json())).toContain('before');
    expect((await app.api(LEADER, `/api/v1/intros/${introId}`)).status).toBe(200);
    const notReady = await readyz();
    expect(notReady.status).toBe(503);
    expect(notReady.body.error).toMatchObject({ code: 'insufficientStorage', message: expect.stringMatching(/full/) });
    // Still full: readiness tries a tiny write each time, and it still fails.
    expect((await readyz()).status).toBe(503);

    disk.free();
    expect((await readyz()).status).toBe(200);
    expect((await saveNotes(introId, 'after', 1)).status).toBe(200);
    expect((await setUp('disk-full-after')).status).toBe(201);
    expect((await readyz()).status).toBe(200);
  }, 30_000);
});
