/**
 * The load generator for `npm run bench:notes`, in its own process (forked, driven over IPC): each person loops
 * PUT ~3 KB of notes (If-Match) on a keep-alive connection for `seconds`; with `mix: 'poll+save'`, a GET session
 * (If-None-Match, the panel's poll before push) before each save.
 * Answers each run with the latency figures of that run.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { performance } from 'node:perf_hooks';

/** Per target and person: the last session ETag and notes version, kept across rounds. */
const state = new Map();

function notesOf(i) {
  const text = (label) => `${label} ${i}: `.padEnd(700, 'lorem ipsum dolor sit amet ');
  return JSON.stringify({
    text: { prep: text('prep'), goals: text('goals'), pullFeedback: text('pull'), pushFeedback: text('push') },
    goals: [{ id: 'g1', text: `Grow as a lead ${i}`, horizon: 'medium' }],
    issues: [],
    feedback: [],
    followUps: [],
  });
}

/** One request; resolves with status, headers and the time it took. */
function send(agent, url, method, headers, body) {
  return new Promise((resolve) => {
    const start = performance.now();
    const req = http.request(url, { method, headers, agent }, (res) => {
      res.on('data', () => undefined);
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, ms: performance.now() - start }));
    });
    req.on('error', (error) => resolve({ status: 0, headers: {}, ms: performance.now() - start, error }));
    req.end(body);
  });
}

async function person(run, agent, i, end, out) {
  const who = run.people[i];
  const key = `${run.target}|${i}`;
  const mine = state.get(key) ?? { etag: undefined, version: 0 };
  state.set(key, mine);
  const body = notesOf(i);
  const base = `${run.url}/api/v1/intros/${who.introId}`;
  const auth = { authorization: who.authorization };
  const record = (r) => {
    if (out) out.latencies.push(r.ms);
    if (out) out.statuses[r.status] = (out.statuses[r.status] ?? 0) + 1;
  };
  do {
    if (run.mix === 'poll+save') {
      const poll = mine.etag ? { ...auth, 'if-none-match': mine.etag } : auth;
      const got = await send(agent, `${base}/session`, 'GET', poll);
      record(got);
      if (got.headers.etag) mine.etag = got.headers.etag;
    }
    const headers = { ...auth, 'content-type': 'application/json', 'if-match': `"${mine.version}"` };
    const put = await send(agent, `${base}/notes`, 'PUT', headers, body);
    record(put);
    const tag = /^"(\d+)"$/.exec(put.headers.etag ?? '');
    if (put.status === 200 && tag) mine.version = Number(tag[1]);
  } while (performance.now() < end);
}

/**
 * CPU seconds a process has used so far (user + system), from /proc; NaN where there is none. With `mainThread`, only
 * its main thread's: the one that serves every request, so the one whose time per request bounds throughput.
 */
function cpuSeconds(pid, mainThread = false) {
  try {
    const file = mainThread ? `/proc/${pid}/task/${pid}/stat` : `/proc/${pid}/stat`;
    const fields = readFileSync(file, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

function summary(latencies, seconds) {
  const sorted = Float64Array.from(latencies).sort();
  const pick = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { count: sorted.length, rps: sorted.length / seconds, p50: pick(0.5), p99: pick(0.99), max: sorted.at(-1) };
}

async function runOnce(run) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: run.people.length });
  // Warm-up, not recorded: connections open, tags known, code compiled, data keys cached, before the clock starts.
  const warm = performance.now() + run.warmupSeconds * 1000;
  await Promise.all(run.people.map((_, i) => person(run, agent, i, warm, undefined)));
  const out = { latencies: [], statuses: {} };
  const cpuBefore = cpuSeconds(run.pid);
  const mainBefore = cpuSeconds(run.pid, true);
  const start = performance.now();
  const end = start + run.seconds * 1000;
  await Promise.all(run.people.map((_, i) => person(run, agent, i, end, out)));
  const seconds = (performance.now() - start) / 1000;
  const cpuMs = ((cpuSeconds(run.pid) - cpuBefore) * 1000) / out.latencies.length;
  const mainMs = ((cpuSeconds(run.pid, true) - mainBefore) * 1000) / out.latencies.length;
  agent.destroy();
  return { ...summary(out.latencies, seconds), cpuMs, mainMs, statuses: out.statuses };
}

process.on('message', (run) => {
  runOnce(run).then(
    (result) => process.send({ ok: true, result }),
    (error) => process.send({ ok: false, error: String(error?.stack ?? error) }),
  );
});
