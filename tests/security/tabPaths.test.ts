import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { startApp, type RunningApp } from '../../src/index';
import { createLogger } from '../../src/log';
import { countCases } from './support/cases';

/** No local-only page in a deployment, however its path is spelled; the plain names still work locally. */
const cases = countCases('tab paths');

/** Spellings of a page name `p` + `rest` (e.g. `p` + `review.html`) that a router or file system could read as it. */
function spellings(page: string): string[] {
  const first = page[0]!;
  const hex = first.charCodeAt(0).toString(16);
  const rest = page.slice(1);
  const [stem, ext] = page.split('.') as [string, string];
  return [
    page,
    page.toUpperCase(),
    `${first.toUpperCase()}${rest}`,
    `%${hex}${rest}`,
    `%${hex.toUpperCase()}${rest}`,
    `%25${hex}${rest}`,
    `%2525${hex}${rest}`,
    `%25${[...hex].map((digit) => `%${digit.charCodeAt(0).toString(16)}`).join('')}${rest}`,
    `${stem}%2E${ext}`,
    `${stem}%2e${ext}`,
    `${stem}%252E${ext}`,
    `${stem}%25252e${ext}`,
    `./${page}`,
    `%2E/${page}`,
    `.%2F${page}`,
    `//${page}`,
    `%2F%2F${page}`,
    `%252F${page}`,
    `\\${page}`,
    `%5C${page}`,
    `%255C${page}`,
    `assets/../${page}`,
    `assets/%2E%2E/${page}`,
    `assets%2F..%2F${page}`,
    `assets/%252E%252E%252F${page}`,
    `${page}?x`,
    `${page}?x=1#y`,
    `${page}%00`,
    `${page}%2500`,
    `${page}.`,
    `${page}%20`,
    `${page}%2520`,
    `${page}/`,
  ];
}

/** Sends the path exactly as written (fetch would normalise it first). */
function statusOf(base: string, target: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}/`, { path: target }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

async function start(env: Record<string, string>): Promise<{ app: RunningApp; dataDir: string }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'intro-tab-paths-'));
  const config = loadConfig({ ...env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir });
  return { app: await startApp(config, { logger: createLogger('silent'), jobPollMs: 0 }), dataDir };
}

describe.each([
  ['deployment', { BOT_DOMAIN: 'intro.example.com' }],
  ['local', {}],
] as const)('%s mode', (mode, env) => {
  let running: { app: RunningApp; dataDir: string };
  beforeAll(async () => {
    running = await start(env);
  });
  afterAll(async () => {
    await running?.app.stop();
    if (running) rmSync(running.dataDir, { recursive: true, force: true });
  });

  it('serves the tab itself', async () => {
    expect(await statusOf(running.app.url, '/tab/index.html')).toBe(200);
    expect(await statusOf(running.app.url, '/tab/%69ndex.html')).toBe(200);
    cases.bump();
  });

  if (mode === 'local') {
    it.each(['preview.html', 'host.html'])('serves /tab/%s', async (page) => {
      expect(await statusOf(running.app.url, `/tab/${page}`)).toBe(200);
      expect(await statusOf(running.app.url, `/tab/${page}?frameContext=sidePanel`)).toBe(200);
      cases.bump();
    });
    return;
  }

  it.each([...spellings('preview.html'), ...spellings('host.html')])('/tab/%s → 404', async (spelling) => {
    expect(await statusOf(running.app.url, `/tab/${spelling}`)).toBe(404);
    cases.bump();
  });
});
