/**
 * Notes API under load, encryption at rest on: 200 simulated people against the started app (local mode, SQLite),
 * each looping GET its session with If-None-Match, then PUT ~3 KB of notes with If-Match, for ~10 s. Beside it, the
 * floor: bare restify routes of the same shapes, in memory, no auth, same process. Prints numbers only.
 * Run: npm run bench:notes
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import restify from 'restify';
import { emptyNotesBody } from '../src/domain/notes';
import { startTestApp, TENANT, type TestUser } from '../tests/support/testApp';

const PEOPLE = 200;
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 10);

interface Person {
  readonly headers: Record<string, string>;
  readonly introId: string;
}

function notesOf(i: number) {
  const text = (label: string) => `${label} ${i}: `.padEnd(700, 'lorem ipsum dolor sit amet ');
  return {
    ...emptyNotesBody(),
    text: { prep: text('prep'), goals: text('goals'), pullFeedback: text('pull'), pushFeedback: text('push') },
    goals: [{ id: 'g1', text: `Grow as a lead ${i}`, horizon: 'medium' as const }],
  };
}

/** Runs every person's GET-then-PUT loop until the time is up; returns each request's latency in ms. */
async function load(baseUrl: string, people: readonly Person[]): Promise<{ latencies: number[]; seconds: number }> {
  const latencies: number[] = [];
  // Warm-up: every person's connection is open before the clock starts.
  await Promise.all(
    people.map(async (p) =>
      (await fetch(`${baseUrl}/api/v1/intros/${p.introId}/session`, { headers: p.headers })).arrayBuffer(),
    ),
  );
  const start = performance.now();
  const end = start + SECONDS * 1000;
  const timed = async (url: string, init: RequestInit) => {
    const t = performance.now();
    const res = await fetch(url, init);
    await res.arrayBuffer();
    latencies.push(performance.now() - t);
    return res;
  };
  await Promise.all(
    people.map(async (person, i) => {
      let etag = '';
      let version = 0;
      const body = JSON.stringify(notesOf(i));
      while (performance.now() < end) {
        const session = `${baseUrl}/api/v1/intros/${person.introId}/session`;
        const got = await timed(session, { headers: { ...person.headers, 'if-none-match': etag } });
        etag = got.headers.get('etag') ?? etag;
        const put = await timed(`${baseUrl}/api/v1/intros/${person.introId}/notes`, {
          method: 'PUT',
          headers: { ...person.headers, 'content-type': 'application/json', 'if-match': `"${version}"` },
          body,
        });
        version = Number(JSON.parse(put.headers.get('etag') ?? `"${version}"`));
      }
    }),
  );
  return { latencies, seconds: (performance.now() - start) / 1000 };
}

/** The app with 100 intros, each with its leader and member signed in. */
async function appPeople() {
  const app = await startTestApp({ LOG_LEVEL: 'silent' });
  const people: Person[] = [];
  const user = (i: number): TestUser => ({ oid: randomUUID(), tid: TENANT, name: `Person ${i}` });
  for (let i = 0; i < PEOPLE / 2; i++) {
    const [leader, member] = [user(i), user(i + PEOPLE)];
    const meeting = `bench-${randomUUID()}`;
    const made = await app.api(leader, `/api/v1/meetings/${meeting}/intro`, { body: {} });
    const introId = ((await made.json()) as { intro: { id: string } }).intro.id;
    await app.api(member, `/api/v1/meetings/${meeting}/intro`, { body: {} });
    for (const who of [leader, member]) {
      people.push({ introId, headers: { authorization: `Bearer ${await app.mintToken(who)}` } });
    }
  }
  return { app, people };
}

/** Bare restify routes of the same shapes, in memory, without auth. */
async function floor() {
  const server = restify.createServer({ name: 'floor' });
  const notes = new Map<string, { version: number; body: unknown }>();
  server.get('/api/v1/intros/:id/session', (req, res, next) => {
    res.header('ETag', '"1"');
    if (req.headers['if-none-match'] === '"1"') res.send(304);
    else res.send(200, { session: { status: 'running', phase: 'goals' }, version: 1 });
    return next();
  });
  server.put('/api/v1/intros/:id/notes', async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
    const key = `${req.params.id}|${req.headers.authorization}`;
    const version = (notes.get(key)?.version ?? 0) + 1;
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
    notes.set(key, { version, body });
    res.header('ETag', `"${version}"`);
    res.send(200, { ...(body as object), version });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const people = Array.from({ length: PEOPLE }, (_, i) => ({
    introId: `i${i % 100}`,
    headers: { authorization: `p${i}` },
  }));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, people, stop: () => server.close() };
}

function stats(run: { latencies: number[]; seconds: number }) {
  const sorted = [...run.latencies].sort((a, b) => a - b);
  const pick = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { rps: sorted.length / run.seconds, p50: pick(0.5), p99: pick(0.99), max: sorted.at(-1) ?? NaN };
}

const line = (name: string, s: ReturnType<typeof stats>) =>
  `${name.padEnd(22)} ${s.rps.toFixed(0).padStart(7)} req/s  p50 ${s.p50.toFixed(1)} ms  p99 ${s.p99.toFixed(1)} ms  max ${s.max.toFixed(1)} ms`;

async function main(): Promise<void> {
  const base = await floor();
  const bare = stats(await load(base.url, base.people));
  base.stop();
  const { app, people } = await appPeople();
  const full = stats(await load(app.baseUrl, people));
  await app.stop();
  process.stdout.write(
    [
      `${PEOPLE} people, ${SECONDS} s each, GET session (If-None-Match) then PUT ~3 KB notes (If-Match)`,
      line('floor (bare restify)', bare),
      line('app (encrypted notes)', full),
      `ratios app/floor: throughput ${(full.rps / bare.rps).toFixed(2)}  p50 ${(full.p50 / bare.p50).toFixed(1)}x  p99 ${(full.p99 / bare.p99).toFixed(1)}x  max ${(full.max / bare.max).toFixed(1)}x`,
    ].join('\n') + '\n',
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
