// Starts the Microsoft 365 Agents Playground (a local Teams-like client) against the bot on this machine.
// Run `npm start` (or `npm run dev`) in another terminal first.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const binary = join(
  root,
  'node_modules',
  '.bin',
  process.platform === 'win32' ? 'agentsplayground.cmd' : 'agentsplayground',
);
const port = process.env.PORT || '3978';
const endpoint = `http://127.0.0.1:${port}/api/messages`;

if (!existsSync(binary)) {
  console.error(`Agents Playground not found at ${binary}. Run "npm install" first.`);
  process.exit(1);
}

console.log(`Agents Playground → bot at ${endpoint} (make sure "npm start" is running).`);
console.log('Open http://localhost:56150 to chat with the bot. Press Ctrl+C to stop.');

const child = spawn(binary, ['-e', endpoint, '-c', 'msteams', '--disable-telemetry', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, TEAMSAPPTESTER_BROWSER: process.env.TEAMSAPPTESTER_BROWSER ?? 'none' },
});

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
