// Prints the side panel's gzipped JS next to a bare React + Fluent + TeamsJS page built the same way.
// Run after `npm run build:tab`: node bench/sidePanel.mjs
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import react from '@vitejs/plugin-react';

const root = path.resolve(import.meta.dirname, '..');

/** Gzipped bytes of the JS an HTML page loads up front (its module script and modulepreloads). */
function pageJs(dir, html) {
  const text = readFileSync(path.join(dir, html), 'utf8');
  const files = [...text.matchAll(/(?:src|href)="([^"]+\.js)"/g)].map((m) => m[1].replace(/^\/tab\//, ''));
  return files.reduce((sum, file) => sum + gzipSync(readFileSync(path.join(dir, file))).length, 0);
}

async function bareJs() {
  // Inside the project so the bare page resolves the same node_modules.
  const dir = mkdtempSync(path.join(root, 'node_modules', '.bench-bare-'));
  writeFileSync(path.join(dir, 'index.html'), '<div id="root"></div><script type="module" src="./main.tsx"></script>');
  writeFileSync(
    path.join(dir, 'main.tsx'),
    `import { FluentProvider, Button, Text, teamsLightTheme } from '@fluentui/react-components';
import { app } from '@microsoft/teams-js';
import { createRoot } from 'react-dom/client';
void app.initialize().catch(() => undefined);
createRoot(document.getElementById('root')!).render(
  <FluentProvider theme={teamsLightTheme}><Button>Hi</Button><Text>Bare</Text></FluentProvider>,
);`,
  );
  await build({
    root: dir,
    base: '/tab/',
    logLevel: 'silent',
    plugins: [react()],
    resolve: { alias: {} },
    build: { outDir: path.join(dir, 'dist') },
    cacheDir: path.join(root, 'node_modules/.vite-bench'),
  });
  const size = pageJs(path.join(dir, 'dist'), 'index.html');
  rmSync(dir, { recursive: true, force: true });
  return size;
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const panel = pageJs(path.join(root, 'tab/dist'), 'index.html');
console.log(`side panel JS, gzipped: ${kb(panel)} (budget 150 KB)`);
console.log(`bare page JS, gzipped:  ${kb(await bareJs())}`);
