/**
 * Notes API under load, encryption at rest on, side by side with its floor. Run: npm run bench:notes
 *
 * Four child processes: the app as `npm start` runs it (the built dist/src/index.js, which the npm script builds first;
 * local mode, SQLite in a temp DATA_DIR, tokens from the local issuer's POST /dev/token), two floors from bench/notesFloor.mjs, and the load generator
 * (bench/notesLoad.mjs). The floor is the issue's: bare restify routes of the same shapes, in memory, no auth. The
 * `required` floor is those routes doing, written bare, only the work kept on the hot path (token verdict by hash,
 * schema check, AES-256-GCM, a versioned SQLite write): it shows how much of the gap is the required work and how
 * much is the app's own. 200 people each loop PUT ~3 KB of notes with If-Match, back to back (no think time: this
 * measures capacity); with the session pushed, the 1 s poll is no longer on the hot path (BENCH_MIX=poll+save puts
 * it back: GET session with If-None-Match before each save, as before issue 23). Rounds alternate app, floor,
 * required, app… so a noisy neighbour on the machine hits every side alike; the verdict compares the medians of the
 * rounds (issue 23's targets, against the required floor):
 *   throughput app/required ≥ 0.8, p99 app/required ≤ 1.3, app max ≤ 500 ms; and no answer other than 200 or 304
 *   from the app or the required floor, without which the two ratios FAIL: an error answer is fast and proves nothing.
 * Then the push figures (bench/pushFigures.mjs) against the same app process, but for the open streams' memory and
 * idle CPU: those are taken on a fresh app process at rest, where the save rounds' garbage (collected or not
 * meanwhile) is not counted as the streams' own.
 * Env: BENCH_SECONDS (6), BENCH_ROUNDS (5: rounds on this machine swing ±15 % and more, so five medians steady the verdict), BENCH_WARMUP (2 s per round, not recorded), BENCH_PEOPLE (200), BENCH_LOG_LEVEL (the app's LOG_LEVEL, info),
 * `cpu ms/req` is the server process's CPU time (user + system) per request in that round (warm-up excluded): the
 * figure least moved by a busy machine.
 * BENCH_PROFILE=<dir> (writes CPU profiles of the app there, and of each floor in <dir>/<floor>). The app prints its event-loop delay under load last.
 */
import { fork, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pushFigures } from './pushFigures.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2);
const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 200);
const MIX = process.env.BENCH_MIX === 'poll+save' ? 'poll+save' : 'saves';
const TENANT = '7a5b1c2d-0000-4000-8000-0000000000aa';
const children = [];

/** Spawns a child and resolves with it once `ready(line)` matches a line of its stdout. */
function start(command, args, env, ready) {
  const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  child.stderr.on('data', (chunk) => process.stderr.write(chunk));
  return new Promise((resolve, reject) => {
    let pending = '';
    const onData = (chunk) => {
      pending += chunk;
      for (const line of pending.split('\n')) {
        const found = ready(line);
        if (found) {
          child.stdout.off('data', onData);
          child.stdout.resume(); // the app's request log keeps flowing; drained, not kept
          return resolve({ child, found });
        }
      }
      pending = pending.slice(pending.lastIndexOf('\n') + 1);
    };
    child.stdout.setEncoding('utf8').on('data', onData);
    child.once('exit', (code) => reject(new Error(`${command} ${args.join(' ')} exited with ${code}`)));
  });
}

/** The app as `npm start` runs it; the measured one is also profiled (BENCH_PROFILE) and prints its event-loop delay. */
function startApp(dataDir, measured = true) {
  const dir = measured ? process.env.BENCH_PROFILE : undefined;
  const profile = dir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(dir)}`] : [];
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DATA_DIR: dataDir,
    PORT: '0',
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
  };
  // The built server with the flags `npm start` gives it (run through tsx, the same code costs about 5 % more CPU per
  // save).
  const args = [...profile, ...startFlags()];
  if (measured) args.push('--import', path.join(here, 'eventLoopProbe.mjs'));
  args.push('dist/src/index.js');
  return start(process.execPath, args, env, (line) => /Local preview:\s+(http:\/\/\S+?)\/tab\//.exec(line)?.[1]);
}

/** The node flags of package.json's start script (`npm run build && node <flags> dist/src/index.js`). */
function startFlags() {
  const { scripts } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const flags = /&& node ((?:--\S+ )*)dist\/src\/index\.js$/.exec(scripts.start)?.[1];
  if (flags === undefined) throw new Error(`package.json: start is not "... && node <flags> dist/src/index.js"`);
  return flags.split(' ').filter(Boolean);
}

function startFloor(kind) {
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, FLOOR: kind };
  const port = (line) => (line.startsWith('{"port"') ? JSON.parse(line).port : undefined);
  const dir = process.env.BENCH_PROFILE;
  const profile = dir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(dir, kind)}`] : [];
  const args = [...profile, '--disable-warning=DEP0111', '--import', 'tsx', path.join(here, 'notesFloor.mjs')];
  return start(process.execPath, args, env, port);
}

async function call(url, init) {
  const res = await fetch(url, init);
  if (!res.ok) throw new Error(`${init?.method ?? 'GET'} ${url}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** Half the people lead an intro, half join it, through the API the panel uses (a meeting's intro). */
async function appPeople(baseUrl) {
  const people = [];
  const token = async (oid, name) => (await call(`${baseUrl}/dev/token`, post({ oid, tid: TENANT, name }))).token;
  for (let i = 0; i < PEOPLE / 2; i++) {
    const leader = `Bearer ${await token(randomUUID(), `Leader ${i}`)}`;
    const member = `Bearer ${await token(randomUUID(), `Member ${i}`)}`;
    const meeting = `${baseUrl}/api/v1/meetings/bench-${randomUUID()}/intro`;
    const made = await call(meeting, post({}, leader));
    await call(meeting, post({}, member));
    people.push({ introId: made.intro.id, authorization: leader }, { introId: made.intro.id, authorization: member });
  }
  return people;
}

function post(body, authorization) {
  const headers = { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) };
  return { method: 'POST', headers, body: JSON.stringify(body) };
}

function loadRun(load, run) {
  return new Promise((resolve, reject) => {
    load.once('message', (reply) => (reply.ok ? resolve(reply.result) : reject(new Error(reply.error))));
    load.send(run);
  });
}

/** How many answers of a round were neither 200 nor 304. */
const otherAnswers = (r) =>
  Object.entries(r.statuses).reduce((sum, [status, n]) => sum + (['200', '304'].includes(status) ? 0 : n), 0);

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const fmt = (r) =>
  `${r.rps.toFixed(0).padStart(6)} req/s  p50 ${r.p50.toFixed(1).padStart(6)} ms  p99 ${r.p99.toFixed(1).padStart(6)} ms  max ${r.max.toFixed(0).padStart(5)} ms  cpu ${r.cpuMs.toFixed(2)} ms/req (main thread ${r.mainMs.toFixed(2)})`;

/** The median over rounds of one side's figure over the other's in the same round: a slow spell hits both. */
const paired = (runs, others, key) => median(runs.map((r, i) => r[key] / others[i][key])).toFixed(2);

function verdict(app, floor, required) {
  const pick = (runs, key) => median(runs.map((r) => r[key]));
  const [a, f, w] = [app, floor, required].map((runs) => ({
    rps: pick(runs, 'rps'),
    p50: pick(runs, 'p50'),
    p99: pick(runs, 'p99'),
    max: pick(runs, 'max'),
    cpuMs: pick(runs, 'cpuMs'),
    mainMs: pick(runs, 'mainMs'),
  }));
  const worst = Math.max(...app.map((r) => r.max));
  const pass = (ok) => (ok ? 'PASS' : 'FAIL');
  // An answer that is an error is fast and proves nothing: the ratios count only when every answer of the two sides
  // they compare went through.
  const [appErrors, requiredErrors] = [app, required].map((runs) => runs.reduce((n, r) => n + otherAnswers(r), 0));
  const comparable = appErrors === 0 && requiredErrors === 0;
  const ratio = (ok) => (comparable ? pass(ok) : 'FAIL (not comparable: error answers)');
  return [
    `median of ${app.length} rounds`,
    `  floor    ${fmt(f)}`,
    `  required ${fmt(w)}`,
    `  app      ${fmt(a)}`,
    `  throughput app/required ${(a.rps / w.rps).toFixed(2)} (target >= 0.80) ${ratio(a.rps / w.rps >= 0.8)}`,
    `  p99 app/required        ${(a.p99 / w.p99).toFixed(2)} (target <= 1.30) ${ratio(a.p99 / w.p99 <= 1.3)}`,
    `  app max, worst round    ${worst.toFixed(0)} ms (target <= 500) ${pass(worst <= 500)}`,
    `  answers other than 200/304: app ${appErrors}, required ${requiredErrors} (target 0) ${pass(comparable)}`,
    `  paired by round (each app round over the required round beside it, median): throughput ${paired(app, required, 'rps')},` +
      ` p99 ${paired(app, required, 'p99')}, main-thread CPU per request ${paired(app, required, 'mainMs')}`,
    `  for scale: app/floor throughput ${(a.rps / f.rps).toFixed(2)}, p99 ${(a.p99 / f.p99).toFixed(2)};` +
      ` required/floor throughput ${(w.rps / f.rps).toFixed(2)}, p99 ${(w.p99 / f.p99).toFixed(2)}`,
  ].join('\n');
}

async function main() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'intro-bench-'));
  const freshDir = mkdtempSync(path.join(os.tmpdir(), 'intro-bench-fresh-'));
  try {
    const [app, floor, required] = await Promise.all([startApp(dataDir), startFloor('bare'), startFloor('required')]);
    const appUrl = app.found;
    const floorUrl = `http://127.0.0.1:${floor.found}`;
    const requiredUrl = `http://127.0.0.1:${required.found}`;
    const people = await appPeople(appUrl);
    const floorPeople = people.map((p, i) => ({ introId: p.introId, authorization: `Bearer person-${i}` }));
    app.child.kill('SIGUSR2'); // event-loop delay from here on: under load, not at startup
    const load = fork(path.join(here, 'notesLoad.mjs'), { stdio: 'inherit' });
    children.push(load);
    const what = MIX === 'saves' ? 'PUT ~3 KB notes' : 'GET session, PUT ~3 KB notes';
    process.stdout.write(`${PEOPLE} people, ${ROUNDS} rounds of ${SECONDS} s per side: ${what}\n`);
    const results = { app: [], floor: [], required: [] };
    for (let round = 1; round <= ROUNDS; round++) {
      for (const [side, url, who, pid] of [
        ['app', appUrl, people, app.child.pid],
        ['floor', floorUrl, floorPeople, floor.child.pid],
        ['required', requiredUrl, floorPeople, required.child.pid],
      ]) {
        const run = { target: side, url, people: who, pid, seconds: SECONDS, warmupSeconds: WARMUP, mix: MIX };
        const r = await loadRun(load, run);
        results[side].push(r);
        const note = otherAnswers(r) ? `  statuses ${JSON.stringify(r.statuses)}` : '';
        process.stdout.write(`round ${round} ${side.padEnd(8)} ${fmt(r)}${note}\n`);
      }
    }
    process.stdout.write(`${verdict(results.app, results.floor, results.required)}\n`);
    const freshApp = async () => {
      const fresh = await startApp(freshDir, false);
      return { url: fresh.found, pid: fresh.child.pid };
    };
    process.stdout.write(`${(await pushFigures(appUrl, freshApp)).join('\n')}\n`);
  } finally {
    await Promise.all(children.map((c) => stop(c)));
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(freshDir, { recursive: true, force: true });
  }
}

function stop(child) {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
}

main().catch((error) => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exitCode = 1;
});
