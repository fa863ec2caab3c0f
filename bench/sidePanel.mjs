// The side panel's budget next to a bare React + Fluent + TeamsJS page built and served the same way:
// gzipped JS (what the HTML preloads, and every JS file the tab frame actually loads until it shows content)
// and first-render time in headless Chromium under the Teams host simulator (median of RUNS cold loads).
// Run after `npm run build:tab`: node --import tsx bench/sidePanel.mjs
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { launchBrowser } from '../tests/support/browser.ts';
import { hostUrl, PERSONAS } from '../tests/support/teamsHost.ts';
import { startTestApp } from '../tests/support/testApp.ts';

const root = path.resolve(import.meta.dirname, '..');
const tabDist = path.join(root, 'tab/dist');
const RUNS = Number(process.env.RUNS ?? 7);
const BUDGET_KB = 150;

/** Gzipped bytes of the JS an HTML page loads up front (its module script and modulepreloads). */
function preloadedJs(dir, html) {
  const text = readFileSync(path.join(dir, html), 'utf8');
  const files = [...text.matchAll(/(?:src|href)="([^"]+\.js)"/g)].map((m) => m[1].replace(/^\/tab\//, ''));
  return files.reduce((sum, file) => sum + gzipSync(readFileSync(path.join(dir, file))).length, 0);
}

/** Builds the bare page into a temp dir; it renders once TeamsJS has initialized, as the side panel must. */
async function buildBare() {
  // Inside the project so the bare page resolves the same node_modules.
  const dir = mkdtempSync(path.join(root, 'node_modules', '.bench-bare-'));
  writeFileSync(path.join(dir, 'index.html'), '<div id="root"></div><script type="module" src="./main.tsx"></script>');
  writeFileSync(
    path.join(dir, 'main.tsx'),
    `import { FluentProvider, Button, Text, teamsLightTheme } from '@fluentui/react-components';
import { app } from '@microsoft/teams-js';
import { createRoot } from 'react-dom/client';
const render = () => createRoot(document.getElementById('root')!).render(
  <FluentProvider theme={teamsLightTheme}><Button>Hi</Button><Text>Bare page</Text></FluentProvider>,
);
void app.initialize().then(render, render);`,
  );
  await build({
    root: dir,
    base: '/tab/',
    logLevel: 'silent',
    plugins: [react()],
    build: { outDir: path.join(dir, 'dist') },
    cacheDir: path.join(root, 'node_modules/.vite-bench'),
  });
  return dir;
}

/** Serves the bare page at /tab/index.html and everything else (the host simulator) from tab/dist, one origin. */
function serveBare(bareDist) {
  const server = createServer((req, res) => {
    const file = new URL(req.url ?? '/', 'http://x').pathname.replace(/^\/tab\//, '');
    const found = [bareDist, tabDist].map((dir) => path.join(dir, file)).find((p) => existsSync(p) && file !== '');
    // Two calls: something in the app under test wraps writeHead so it no longer returns the response.
    if (!found) {
      res.writeHead(404);
      return res.end();
    }
    const type = found.endsWith('.html') ? 'text/html' : found.endsWith('.css') ? 'text/css' : 'text/javascript';
    res.writeHead(200, { 'Content-Type': type });
    return res.end(readFileSync(found));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** One cold load in a fresh context: ms from navigation to `ready` visible, and the tab frame's JS (gzipped). */
async function load(browser, url, ready) {
  const context = await browser.newContext({ viewport: { width: 400, height: 800 } });
  const page = await context.newPage();
  const scripts = [];
  page.on('response', (response) => {
    const isTab = response.frame() !== page.mainFrame();
    if (isTab && response.status() === 200 && /\.js(\?|$)/.test(response.url()))
      scripts.push(response.body().then((b) => gzipSync(b).length));
  });
  const start = performance.now();
  await page.goto(url);
  await ready(page.frameLocator('iframe')).waitFor({ state: 'visible', timeout: 20_000 });
  const ms = performance.now() - start;
  const bytes = (await Promise.all(scripts)).reduce((a, b) => a + b, 0);
  await context.close();
  return { ms, bytes };
}

async function measure(browser, url, ready) {
  await load(browser, url, ready); // warm-up: the server's and Chromium's first-time costs, not the page's
  const runs = [];
  for (let i = 0; i < RUNS; i += 1) runs.push(await load(browser, url, ready));
  const sorted = runs.map((r) => r.ms).sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted.at(-1), bytes: runs[0].bytes };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value) => `${value.toFixed(0)} ms`;

const app = await startTestApp();
const browser = await launchBrowser();
const bareDir = await buildBare();
const bareServer = await serveBare(path.join(bareDir, 'dist'));
try {
  // A meeting whose intro the member has joined: the leader's panel opens straight onto the agenda and timer.
  const meetingId = `bench-${randomUUID()}`;
  const asUser = (key) => ({ oid: PERSONAS[key].oid, tid: PERSONAS[key].tid, name: PERSONAS[key].name });
  await app.api(asUser('leader'), `/api/v1/meetings/${meetingId}/intro`, { method: 'POST', body: {} });
  await app.api(asUser('member'), `/api/v1/meetings/${meetingId}/intro`, { method: 'POST', body: {} });

  const panelUrl = hostUrl(app.baseUrl, { user: 'leader', meetingId, width: 320 });
  const panel = await measure(browser, panelUrl, (tab) => tab.getByRole('list', { name: 'Agenda' }));
  const bareBase = `http://127.0.0.1:${bareServer.address().port}`;
  const bare = await measure(browser, hostUrl(bareBase, { width: 320 }), (tab) => tab.getByText('Bare page'));

  const rows = [
    ['', 'side panel', 'bare page'],
    [
      'JS preloaded by HTML (gz)',
      kb(preloadedJs(tabDist, 'index.html')),
      kb(preloadedJs(path.join(bareDir, 'dist'), 'index.html')),
    ],
    ['JS loaded on first render (gz)', kb(panel.bytes), kb(bare.bytes)],
    [`first render, median of ${RUNS}`, ms(panel.median), ms(bare.median)],
    ['first render, min – max', `${ms(panel.min)} – ${ms(panel.max)}`, `${ms(bare.min)} – ${ms(bare.max)}`],
  ];
  const widths = [0, 1, 2].map((c) => Math.max(...rows.map((r) => r[c].length)));
  for (const row of rows) console.log(row.map((cell, c) => cell.padEnd(widths[c])).join(' | '));
  const verdict = panel.bytes <= BUDGET_KB * 1024 ? 'within' : 'OVER';
  console.log(`\nside panel JS on first render: ${kb(panel.bytes)}, ${verdict} the ${BUDGET_KB} KB budget.`);
  console.log('First render: from navigating the host page to the agenda (bare: its text) being visible in the frame,');
  console.log(
    'each a cold load in a fresh browser context; the side panel includes SSO, the intro fetch and the session.',
  );
} finally {
  bareServer.close();
  rmSync(bareDir, { recursive: true, force: true });
  await browser.close();
  await app.stop();
}
