// The side panel next to a bare React + Fluent + TeamsJS page built and served the same way, against issue 12's
// targets: the JS the tab frame loads until the agenda shows (gzipped) at most 1.15× the bare page's, and the time to
// the agenda at most 1.2× the bare page's first render. Medians of RUNS cold loads in headless Chromium under the Teams
// host simulator, the two pages alternating so machine noise hits both, both served by one plain static server.
// Run after `npm run build:tab`: node --import tsx bench/sidePanel.mjs
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
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
const TARGET_JS = 1.15;
const TARGET_TIME = 1.2;

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

/**
 * Serves one page's build at /tab/index.html, and everything else under /tab/ (the host simulator) from tab/dist, on
 * one origin; both pages go through this same plain server, so neither pays for a heavier one. The side panel's API
 * calls (and the simulator's dev token) go on to the app under test.
 */
function servePage(pageDist, appBase) {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (/^\/(api|dev)\//.test(url.pathname)) {
      const upstream = request(`${appBase}${req.url}`, { method: req.method, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      upstream.on('error', () => res.end());
      return req.pipe(upstream);
    }
    const file = url.pathname.replace(/^\/tab\//, '');
    const found = [pageDist, tabDist].map((dir) => path.join(dir, file)).find((p) => existsSync(p) && file !== '');
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

/**
 * Runs in every frame before its scripts: notes when the tab frame first holds `ready` (an element, with some text),
 * when that was painted, and which scripts the frame had requested by then.
 */
function watchReady({ selector, text }) {
  if (globalThis.top === globalThis.self) return;
  const check = () => {
    const element = document.querySelector(selector);
    if (globalThis.benchReady !== undefined || !element || !(element.textContent ?? '').includes(text)) return;
    globalThis.benchReady = performance.now();
    // Painted: the frame after the one that showed it has started (the earliest a task runs after that paint).
    globalThis.requestAnimationFrame(() => setTimeout(() => (globalThis.benchPainted = performance.now())));
    globalThis.benchScripts = performance
      .getEntriesByType('resource')
      .filter((entry) => /\.js(\?|$)/.test(entry.name))
      .map((entry) => entry.name);
  };
  new globalThis.MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
}

/** Gzipped bytes of the scripts (URLs under /tab/) as built in `dir`. */
function gzippedScripts(dir, urls) {
  const files = [...new Set(urls.map((url) => new URL(url).pathname.replace(/^\/tab\//, '')))];
  return files.reduce((sum, file) => sum + gzipSync(readFileSync(path.join(dir, file))).length, 0);
}

/**
 * One cold load in a fresh context: ms from the host page's navigation start until `ready` was painted in the tab's
 * frame (and until Playwright saw it, which adds its polling and any work queued behind the paint), and the gzipped JS
 * the frame had requested when `ready` first held (lazy chunks asked for before then count).
 */
async function load(browser, side) {
  const context = await browser.newContext({ viewport: { width: 400, height: 800 } });
  await context.addInitScript(watchReady, side.ready);
  const page = await context.newPage();
  const start = performance.now();
  await page.goto(side.url);
  const frame = page.frameLocator('iframe');
  await frame
    .locator(side.ready.selector, { hasText: side.ready.text })
    .last()
    .waitFor({ state: 'visible', timeout: 20_000 });
  const seen = performance.now() - start;
  const tab = page.frames().find((f) => f !== page.mainFrame());
  await tab.waitForFunction('globalThis.benchPainted !== undefined');
  const [frameOrigin, painted, scripts] = await tab.evaluate(
    '[performance.timeOrigin, globalThis.benchPainted, globalThis.benchScripts ?? []]',
  );
  const hostOrigin = await page.evaluate('performance.timeOrigin');
  await context.close();
  return { ms: frameOrigin + painted - hostOrigin, seen, inFrame: painted, bytes: gzippedScripts(side.dir, scripts) };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** RUNS cold loads of each side, alternating (and swapping which goes first) after one warm-up load each. */
async function measure(browser, sides) {
  for (const side of sides) await load(browser, side); // the server's and Chromium's first-time costs
  const runs = sides.map(() => []);
  for (let i = 0; i < RUNS; i += 1) {
    const order = i % 2 === 0 ? [0, 1] : [1, 0];
    for (const s of order) runs[s].push(await load(browser, sides[s]));
  }
  return runs.map((r) => {
    const times = r.map((x) => x.ms);
    return {
      median: median(times),
      inFrame: median(r.map((x) => x.inFrame)),
      seen: median(r.map((x) => x.seen)),
      min: Math.min(...times),
      max: Math.max(...times),
      bytes: Math.max(...r.map((x) => x.bytes)),
    };
  });
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value) => `${value.toFixed(0)} ms`;

const app = await startTestApp();
const browser = await launchBrowser();
const bareDir = await buildBare();
const bareServer = await servePage(path.join(bareDir, 'dist'), app.baseUrl);
const panelServer = await servePage(tabDist, app.baseUrl);
try {
  // A meeting whose intro the member has joined: the leader's panel opens straight onto the agenda and timer.
  const meetingId = `bench-${randomUUID()}`;
  const asUser = (key) => ({ oid: PERSONAS[key].oid, tid: PERSONAS[key].tid, name: PERSONAS[key].name });
  await app.api(asUser('leader'), `/api/v1/meetings/${meetingId}/intro`, { method: 'POST', body: {} });
  await app.api(asUser('member'), `/api/v1/meetings/${meetingId}/intro`, { method: 'POST', body: {} });

  const bareDist = path.join(bareDir, 'dist');
  const base = (server) => `http://127.0.0.1:${server.address().port}`;
  const [panel, bare] = await measure(browser, [
    {
      url: hostUrl(base(panelServer), { user: 'leader', meetingId, width: 320 }),
      dir: tabDist,
      ready: { selector: 'ol[aria-label="Agenda"]', text: '' },
    },
    {
      url: hostUrl(base(bareServer), { width: 320 }),
      dir: bareDist,
      ready: { selector: 'body', text: 'Bare page' },
    },
  ]);

  const jsRatio = panel.bytes / bare.bytes;
  const timeRatio = panel.median / bare.median;
  const verdict = (ratio, target) =>
    `${ratio.toFixed(2)}× (target ≤ ${target}×: ${ratio <= target ? 'met' : 'MISSED'})`;
  const rows = [
    ['', 'side panel', 'bare page', 'ratio'],
    [
      'JS preloaded by HTML (gz)',
      kb(preloadedJs(tabDist, 'index.html')),
      kb(preloadedJs(bareDist, 'index.html')),
      `${(preloadedJs(tabDist, 'index.html') / preloadedJs(bareDist, 'index.html')).toFixed(2)}×`,
    ],
    ['JS loaded until content (gz)', kb(panel.bytes), kb(bare.bytes), verdict(jsRatio, TARGET_JS)],
    [`time to content, median of ${RUNS}`, ms(panel.median), ms(bare.median), verdict(timeRatio, TARGET_TIME)],
    ['time to content, min – max', `${ms(panel.min)} – ${ms(panel.max)}`, `${ms(bare.min)} – ${ms(bare.max)}`, ''],
    ['seen by Playwright, median', ms(panel.seen), ms(bare.seen), `${(panel.seen / bare.seen).toFixed(2)}×`],
    [
      'in the frame alone, median',
      ms(panel.inFrame),
      ms(bare.inFrame),
      `${(panel.inFrame / bare.inFrame).toFixed(2)}×`,
    ],
  ];
  const widths = [0, 1, 2, 3].map((c) => Math.max(...rows.map((r) => r[c].length)));
  for (const row of rows) console.log(row.map((cell, c) => cell.padEnd(widths[c])).join(' | '));
  console.log("\nContent: the side panel's agenda (the phase list), the bare page's text, in the tab frame. Time to");
  console.log("content: from the host page's navigation start until the frame painted it; each a cold load in a fresh");
  console.log(
    'browser context, the two pages alternating. "Seen by Playwright" adds its polling, and the app under test',
  );
  console.log('answering the panel\'s API calls in this same process right then; "in the frame alone" counts from the');
  console.log(
    "tab frame's own start. JS: every script the frame had requested when the content appeared (most over runs).",
  );
} finally {
  bareServer.close();
  panelServer.close();
  rmSync(bareDir, { recursive: true, force: true });
  await browser.close();
  await app.stop();
}
