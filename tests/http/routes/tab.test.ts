import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

async function serveTab(tab: string, local: boolean): Promise<string> {
  const server = restify.createServer({ handleUncaughtExceptions: false });
  tabRoutes(server, tab, local);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("the host simulator's code", () => {
  const simulatorOnly = [
    'assets/preview-1.js',
    'assets/host-1.js',
    'assets/teamsHost-1.js',
    'assets/teamsHost-1.css',
    'assets/teamsHost-1%2Ejs',
    'assets/TeamsHost-1.JS',
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

  it('is found in the real build: outside local runs its files answer 404 and every file of the tab answers 200', async () => {
    const dist = path.resolve(__dirname, '../../../tab/dist');
    const manifestFile = path.join(dist, '.vite/manifest.json');
    if (!existsSync(manifestFile)) throw new Error(`${manifestFile} is missing: run \`npm run build:tab\` first.`);
    type Chunk = { file: string; css?: string[]; imports?: string[]; dynamicImports?: string[] };
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, Chunk>;
    const base = await serveTab(dist, false);
    const status = async (file: string | undefined) => [file, (await fetch(`${base}/tab/${file}`)).status];
    for (const page of ['preview.html', 'host.html']) {
      const file = manifest[page]?.file;
      expect(await status(file)).toEqual([file, 404]);
    }
    // Every file of the tab's own page and of everything it imports, at once or lazily.
    const files = new Set<string>();
    const visit = (key: string) => {
      const chunk = manifest[key];
      if (!chunk || files.has(chunk.file)) return;
      [chunk.file, ...(chunk.css ?? [])].forEach((file) => files.add(file));
      [...(chunk.imports ?? []), ...(chunk.dynamicImports ?? [])].forEach(visit);
    };
    visit('index.html');
    expect(files.size).toBeGreaterThan(5);
    for (const file of files) expect(await status(file)).toEqual([file, 200]);
  });
});
