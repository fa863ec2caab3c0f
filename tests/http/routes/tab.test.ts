import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import restify, { type Server } from 'restify';
import { tabRoutes } from '../../../src/http/routes/tab';

let dir: string;
const servers: Server[] = [];

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'tab-'));
  for (const file of ['index.html', 'preview.html', 'host.html']) writeFileSync(path.join(dir, file), `<p>${file}</p>`);
});
afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
  rmSync(dir, { recursive: true, force: true });
});

async function serve(local: boolean): Promise<string> {
  const server = restify.createServer({ handleUncaughtExceptions: false });
  tabRoutes(server, dir, local);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('tab routes', () => {
  it.each(['/tab/preview.html', '/tab/preview%2Ehtml', '/tab/preview%2ehtml', '/tab/Host.html', '/tab/host%2EHTML'])(
    'hides the local-only page %s outside local runs',
    async (route) => {
      const response = await fetch(`${await serve(false)}${route}`);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('preview.html</p>');
    },
  );

  it('serves the tab outside local runs, and the preview locally, encoded or not', async () => {
    expect((await fetch(`${await serve(false)}/tab/index.html`)).status).toBe(200);
    const local = await serve(true);
    expect(await (await fetch(`${local}/tab/preview%2Ehtml`)).text()).toContain('preview.html');
  });
});
