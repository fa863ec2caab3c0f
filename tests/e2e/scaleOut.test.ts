import { randomBytes } from 'node:crypto';
import { startAzurite, type Azurite } from '../store/support/azurite';
import { tempDirs } from '../store/support/tempDir';
import { LEADER, MEMBER, startTestApp, type TestApp } from '../support/testApp';

/** Two app instances on one Azure Table Storage (Azurite), as behind a load balancer. */
describe('scale-out on Azure Table Storage', () => {
  const dirs = tempDirs('intro-scale-');
  let azurite: Azurite;
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    azurite = await startAzurite(dirs.make());
    // Azurite through the config, not the environment: STORAGE_CONNECTION_STRING would mean deployment mode.
    // Both instances share one key-encryption key, as a deployment's instances share Key Vault or NOTES_KEK.
    const config = {
      storageConnectionString: azurite.connectionString,
      keys: { mode: 'local' as const, secret: randomBytes(32).toString('base64') },
    };
    [a, b] = await Promise.all([startTestApp({}, { config }), startTestApp({}, { config })]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await azurite?.stop();
    dirs.removeAll();
  });

  it('is ready on both instances', async () => {
    for (const instance of [a, b]) {
      expect(await (await fetch(`${instance.baseUrl}/readyz`)).json()).toEqual({ status: 'ready' });
    }
  });

  it('shares intros, the session clock and private notes across instances', async () => {
    const meeting = `scale-${Date.now()}`;
    const created = await a.api(LEADER, `/api/v1/meetings/${meeting}/intro`, { body: {} });
    expect(created.status).toBe(201);
    const introId = ((await created.json()) as { intro: { id: string } }).intro.id;
    expect((await b.api(MEMBER, `/api/v1/meetings/${meeting}/intro`, { body: {} })).status).toBe(200);

    expect((await a.api(LEADER, `/api/v1/intros/${introId}/session`, { body: { action: 'start' } })).status).toBe(200);
    const seen = (await (await b.api(MEMBER, `/api/v1/intros/${introId}/session`)).json()) as any;
    expect(seen).toMatchObject({ session: { status: 'running' }, version: 1 });

    const notes = { text: { prep: '', goals: 'learn Rust', pullFeedback: '', pushFeedback: '' } };
    const body = { ...notes, goals: [], issues: [], feedback: [], followUps: [] };
    const put = await b.api(LEADER, `/api/v1/intros/${introId}/notes`, {
      method: 'PUT',
      body,
      headers: { 'if-match': '"0"' },
    });
    expect(put.status).toBe(200);
    const stale = await a.api(LEADER, `/api/v1/intros/${introId}/notes`, {
      method: 'PUT',
      body,
      headers: { 'if-match': '"0"' },
    });
    expect(stale.status).toBe(412);
    expect(((await (await a.api(MEMBER, `/api/v1/intros/${introId}/notes`)).json()) as any).text.goals).toBe('');
  });
});
