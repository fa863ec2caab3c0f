import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

/** Serves `tab` as the app does, locally or not; resolves with the base URL. */
async function serveTab(tab: string, local: boolean): Promise<string> {
  const server = restify.createServer({ handleUncaughtExceptions: false });
  tabRoutes(server, tab, local);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const serve = (local: boolean) => serveTab(dir, local);

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

/** A built tab as Vite writes it: three pages, a chunk they share, and the host simulator's own script and style. */
function builtTab(): string {
  const tab = mkdtempSync(path.join(os.tmpdir(), 'tab-built-'));
  const files = {
    'index.html': '<p>index</p>',
    'preview.html': '<p>preview</p>',
    'host.html': '<p>host</p>',
    'assets/index-1.js': 'index',
    'assets/shared-1.js': 'shared',
    'assets/lazy-1.js': 'lazy',
    'assets/preview-1.js': 'preview',
    'assets/host-1.js': 'host',
    'assets/teamsHost-1.js': 'simulator',
    'assets/teamsHost-1.css': 'simulator style',
  };
  mkdirSync(path.join(tab, 'assets'));
  mkdirSync(path.join(tab, '.vite'));
  for (const [file, text] of Object.entries(files)) writeFileSync(path.join(tab, file), text);
  const manifest = {
    'index.html': {
      file: 'assets/index-1.js',
      isEntry: true,
      imports: ['_shared-1.js'],
      dynamicImports: ['src/Lazy.tsx'],
    },
    'src/Lazy.tsx': { file: 'assets/lazy-1.js', imports: ['index.html', '_shared-1.js'] },
    '_shared-1.js': { file: 'assets/shared-1.js' },
    'preview.html': { file: 'assets/preview-1.js', isEntry: true, imports: ['_shared-1.js', '_teamsHost-1.js'] },
    'host.html': { file: 'assets/host-1.js', isEntry: true, imports: ['_teamsHost-1.js'] },
    '_teamsHost-1.js': { file: 'assets/teamsHost-1.js', css: ['assets/teamsHost-1.css'] },
  };
  writeFileSync(path.join(tab, '.vite/manifest.json'), JSON.stringify(manifest));
  return tab;
}

describe("the host simulator's code", () => {
  const simulatorOnly = [
    'assets/preview-1.js',
    'assets/host-1.js',
    'assets/teamsHost-1.js',
    'assets/teamsHost-1.css',
    'assets/teamsHost-1%2Ejs',
    'assets//teamsHost-1.js',
    '.vite/manifest.json',
  ];
  const tabOwn = ['assets/index-1.js', 'assets/shared-1.js', 'assets/lazy-1.js'];

  it('is not served outside local runs, while every file the tab itself loads is', async () => {
    const tab = builtTab();
    try {
      const base = await serveTab(tab, false);
      for (const file of simulatorOnly)
        expect([file, (await fetch(`${base}/tab/${file}`)).status]).toEqual([file, 404]);
      for (const file of tabOwn) expect([file, (await fetch(`${base}/tab/${file}`)).status]).toEqual([file, 200]);
    } finally {
      rmSync(tab, { recursive: true, force: true });
    }
  });

  it('is served locally, where the preview needs it', async () => {
    const tab = builtTab();
    try {
      const base = await serveTab(tab, true);
      for (const file of ['assets/preview-1.js', 'assets/teamsHost-1.js', 'assets/teamsHost-1.css', ...tabOwn]) {
        expect([file, (await fetch(`${base}/tab/${file}`)).status]).toEqual([file, 200]);
      }
    } finally {
      rmSync(tab, { recursive: true, force: true });
    }
  });

  it.each(['not json', 'null', '{"index.html": {"isEntry": true, "imports": 7}}'])(
    'leaves the server up and the pages hidden when the manifest is %s',
    async (text) => {
      const tab = builtTab();
      try {
        writeFileSync(path.join(tab, '.vite/manifest.json'), text);
        const base = await serveTab(tab, false);
        expect((await fetch(`${base}/tab/preview.html`)).status).toBe(404);
        for (const file of tabOwn) expect([file, (await fetch(`${base}/tab/${file}`)).status]).toEqual([file, 200]);
      } finally {
        rmSync(tab, { recursive: true, force: true });
      }
    },
  );

  it('is found in the real build: outside local runs those files answer 404, every other file of the tab 200', async () => {
    const dist = path.resolve(__dirname, '../../../tab/dist');
    if (!existsSync(path.join(dist, '.vite/manifest.json'))) {
      throw new Error(`${dist} has no .vite/manifest.json: run \`npm run build:tab\` first.`);
    }
    // What each page names in its HTML, read apart from the manifest the server reads.
    const named = (page: string) =>
      [...readFileSync(path.join(dist, page), 'utf8').matchAll(/(?:src|href)="\/tab\/([^"]+)"/g)].map((m) => m[1]);
    const tabFiles = new Set(named('index.html'));
    const simulator = [...named('preview.html'), ...named('host.html')].filter((file) => !tabFiles.has(file));
    expect(simulator).toEqual(expect.arrayContaining([expect.stringMatching(/^assets\/teamsHost-.*\.js$/)]));
    const hidden = new Set([...simulator, 'preview.html', 'host.html', '.vite/manifest.json']);
    const all = readdirSync(dist, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(dist, path.join(entry.parentPath, entry.name)));
    const base = await serveTab(dist, false);
    for (const file of all) {
      const status = (await fetch(`${base}/tab/${file}`)).status;
      expect([file, status]).toEqual([file, hidden.has(file) ? 404 : 200]);
    }
    expect(all.filter((file) => !hidden.has(file)).length).toBeGreaterThan(10);
  });
});
