/**
 * The push figures of `npm run bench:notes` (issue 23), against the app process the notes rounds ran on (the streams'
 * memory against a fresh one):
 * - phase change seen by the other panel: the leader's POST …/session sent → the member's stream brings the new tag
 *   (MEETINGS meetings at once, each moving PUSH_SAMPLES times); target p99 <= 150 ms;
 * - requests per running meeting per minute while nobody types: leader and member side panels in headless Chromium
 *   under the Teams host simulator (needs `npm run build:tab`), every request to /api/v1 counted for IDLE_SECONDS
 *   once the session runs; target <= 10;
 * - STREAMS open streams on one fresh process at rest: its resident memory per stream (on the app after the save
 *   rounds, a collection of their garbage while the streams opened made the figure negative), and its CPU while they
 *   idle (heartbeats included) for IDLE_STREAM_SECONDS.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const MEETINGS = Number(process.env.BENCH_PUSH_MEETINGS ?? 20);
const PUSH_SAMPLES = Number(process.env.BENCH_PUSH_SAMPLES ?? 25);
const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 60);
const STREAMS = Number(process.env.BENCH_STREAMS ?? 2000);
const IDLE_STREAM_SECONDS = Number(process.env.BENCH_IDLE_STREAM_SECONDS ?? 30);
const TENANT = '7a5b1c2d-0000-4000-8000-0000000000aa';
// Two panels, each renewing its stream when the server ends it at 15 minutes (src/http/sessionStreams.ts).
const RENEWALS_PER_MINUTE = 2 / 15;

const pick = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const pass = (ok) => (ok ? 'PASS' : 'FAIL');

async function call(url, init) {
  const res = await fetch(url, init);
  if (!res.ok) throw new Error(`${init?.method ?? 'GET'} ${url}: ${res.status} ${await res.text()}`);
  return res.json();
}
const post = (body, authorization) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
  body: JSON.stringify(body),
});

/** A meeting's intro set up by a new leader and joined by a new member; with both bearer headers. */
async function meeting(baseUrl) {
  const token = async (name) =>
    `Bearer ${(await call(`${baseUrl}/dev/token`, post({ oid: randomUUID(), tid: TENANT, name }))).token}`;
  const [leader, member] = await Promise.all([token('Bench Leader'), token('Bench Member')]);
  const url = `${baseUrl}/api/v1/meetings/bench-${randomUUID()}/intro`;
  const made = await call(url, post({}, leader));
  await call(url, post({}, member));
  return { introId: made.intro.id, leader, member };
}

/**
 * A session stream read with node:http (2 000 fetch streams would measure undici, not the app): calls `onEvent(id)`
 * for each event; `close()` cuts it.
 */
function stream(baseUrl, introId, authorization, onEvent = () => undefined) {
  return new Promise((resolve, reject) => {
    const req = http.get(
      `${baseUrl}/api/v1/intros/${introId}/session/events`,
      { headers: { authorization } },
      (res) => {
        if (res.statusCode !== 200) return reject(new Error(`stream: ${res.statusCode}`));
        let buffer = '';
        res.setEncoding('utf8').on('data', (chunk) => {
          buffer += chunk;
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const id = /^id: (\d+)$/m.exec(buffer.slice(0, end))?.[1];
            buffer = buffer.slice(end + 2);
            if (id) onEvent(id);
          }
        });
        resolve({ close: () => req.destroy() });
      },
    );
    req.on('error', (error) => (error.code === 'ECONNRESET' ? undefined : reject(error)));
  });
}

/** Phase changes: POST sent → the other panel's stream has the event, MEETINGS meetings moving at once. */
async function phaseChangeLatency(baseUrl) {
  const latencies = [];
  const meetings = await Promise.all(Array.from({ length: MEETINGS }, () => meeting(baseUrl)));
  await Promise.all(
    meetings.map(async (m) => {
      let waiting;
      const opened = await stream(baseUrl, m.introId, m.member, () => waiting?.());
      const act = async (action) => {
        const seen = new Promise((resolve) => (waiting = resolve));
        const sent = performance.now();
        await call(`${baseUrl}/api/v1/intros/${m.introId}/session`, post({ action }, m.leader));
        await seen;
        latencies.push(performance.now() - sent);
      };
      await new Promise((resolve) => setTimeout(resolve, 200)); // the stream's first event has come
      await act('start');
      for (let i = 0; i < PUSH_SAMPLES; i++) await act(i % 2 === 0 ? 'next' : 'previous');
      opened.close();
    }),
  );
  const sorted = Float64Array.from(latencies).sort();
  return { count: sorted.length, p50: pick(sorted, 0.5), p99: pick(sorted, 0.99), max: sorted.at(-1) };
}

/** Requests both side panels send per minute while the session runs and nobody types (headless Chromium). */
async function idleRequestsPerMinute(baseUrl) {
  if (!existsSync(path.resolve(import.meta.dirname, '../tab/dist/host.html'))) return undefined;
  const { launchBrowser } = await import('../tests/support/browser.ts');
  const { hostUrl, PERSONAS } = await import('../tests/support/teamsHost.ts');
  const meetingId = `bench-idle-${randomUUID()}`;
  const browser = await launchBrowser();
  try {
    const counted = { on: false, requests: [] };
    const open = async (user) => {
      const context = await browser.newContext({ viewport: { width: 400, height: 800 } });
      const page = await context.newPage();
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (counted.on && url.pathname.startsWith('/api/v1/'))
          counted.requests.push(`${request.method()} ${url.pathname}`);
      });
      await page.goto(hostUrl(baseUrl, { user, meetingId, width: 320 }));
      return await (await page.waitForSelector('iframe')).contentFrame();
    };
    // Set up and joined through the API as the simulator's personas, as the e2e tests do; started from the panel.
    const bearer = async (key) => {
      const { oid, tid, name } = PERSONAS[key];
      return `Bearer ${(await call(`${baseUrl}/dev/token`, post({ oid, tid, name }))).token}`;
    };
    const intro = `${baseUrl}/api/v1/meetings/${encodeURIComponent(meetingId)}/intro`;
    await call(intro, post({}, await bearer('leader')));
    await call(intro, post({}, await bearer('member')));
    const leader = await open('leader');
    const member = await open('member');
    await leader.getByRole('button', { name: 'Start', exact: true }).click({ timeout: 30_000 });
    await member.getByTestId('phase-name').filter({ hasText: 'Goals' }).waitFor({ timeout: 30_000 });
    await new Promise((resolve) => setTimeout(resolve, 3_000)); // past the start: set-up calls are not idle
    counted.on = true;
    await new Promise((resolve) => setTimeout(resolve, IDLE_SECONDS * 1000));
    counted.on = false;
    const kinds = {};
    for (const r of counted.requests) {
      const kind = r.replace(/\/intros\/[^/]+/, '/intros/:id').replace(/\/meetings\/[^/]+/, '/meetings/:id');
      kinds[kind] = (kinds[kind] ?? 0) + 1;
    }
    return { perMinute: (counted.requests.length * 60) / IDLE_SECONDS, kinds };
  } finally {
    await browser.close();
  }
}

/** Resident memory (KB) and CPU seconds (user + system) of a process, from /proc. */
function usage(pid) {
  const rss = Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return { rssKb: rss, cpuSeconds: (Number(fields[11]) + Number(fields[12])) / 100 };
}

/** STREAMS streams open on the app: memory per stream, and CPU while they idle. */
async function idleStreams(baseUrl, pid) {
  const meetings = [];
  for (let i = 0; i < STREAMS / 2; i += 20) {
    meetings.push(
      ...(await Promise.all(Array.from({ length: Math.min(20, STREAMS / 2 - i) }, () => meeting(baseUrl)))),
    );
  }
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  const before = usage(pid);
  const opened = [];
  for (let i = 0; i < meetings.length; i += 50) {
    const batch = meetings.slice(i, i + 50).flatMap((m) => [
      [m, m.leader],
      [m, m.member],
    ]);
    opened.push(...(await Promise.all(batch.map(([m, who]) => stream(baseUrl, m.introId, who)))));
  }
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  const open = usage(pid);
  await new Promise((resolve) => setTimeout(resolve, IDLE_STREAM_SECONDS * 1000));
  const idle = usage(pid);
  for (const each of opened) each.close();
  return {
    streams: opened.length,
    kbPerStream: (open.rssKb - before.rssKb) / opened.length,
    rssMb: open.rssKb / 1024,
    idleCpuPercent: ((idle.cpuSeconds - open.cpuSeconds) / IDLE_STREAM_SECONDS) * 100,
  };
}

/**
 * Runs the push figures against the app at `baseUrl`, and the open streams against the app `freshApp()` starts;
 * returns the lines to print.
 */
export async function pushFigures(baseUrl, freshApp) {
  const lines = ['push (issue 23)'];
  const latency = await phaseChangeLatency(baseUrl);
  lines.push(
    `  phase change seen by the other panel: p50 ${latency.p50.toFixed(1)} ms, p99 ${latency.p99.toFixed(1)} ms, ` +
      `max ${latency.max.toFixed(0)} ms over ${latency.count} changes in ${MEETINGS} meetings ` +
      `(target p99 <= 150 ms) ${pass(latency.p99 <= 150)}`,
  );
  const idle = await idleRequestsPerMinute(baseUrl);
  lines.push(
    idle
      ? `  requests per running meeting per minute, nobody typing: ${idle.perMinute.toFixed(1)} over ${IDLE_SECONDS} s ` +
          `(+${RENEWALS_PER_MINUTE.toFixed(2)} for each panel's stream renewed every 15 min) (target <= 10) ` +
          `${pass(idle.perMinute + RENEWALS_PER_MINUTE <= 10)}  ${JSON.stringify(idle.kinds)}`
      : '  requests per running meeting per minute: skipped (run `npm run build:tab` first)',
  );
  const fresh = await freshApp();
  const streams = await idleStreams(fresh.url, fresh.pid);
  lines.push(
    `  ${streams.streams} open streams on one fresh process: ${streams.kbPerStream.toFixed(1)} KB resident per stream ` +
      `(app ${streams.rssMb.toFixed(0)} MB), CPU while idle ${streams.idleCpuPercent.toFixed(2)} % of a core ` +
      `over ${IDLE_STREAM_SECONDS} s (no target: for docs/CAPACITY.md)`,
  );
  return lines;
}
