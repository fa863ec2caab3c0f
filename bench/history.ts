/**
 * Seeds 1 000 intros (each with the leader's notes) for one person into a temporary SQLite store,
 * then prints the median time of the history's first page and of a search, over HTTP through the real app.
 * Run: npx tsx bench/history.ts
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { IntroId, TenantId, UserId } from '../src/domain/ids';
import { createIntro } from '../src/domain/intro';
import { emptyNotesBody } from '../src/domain/notes';
import { openSqliteStore } from '../src/store/sqlite/openSqliteStore';
import { LEADER, MEMBER, startTestApp } from '../tests/support/testApp';

const INTROS = 1_000;
const RUNS = 15;

async function seed(dataDir: string): Promise<void> {
  const store = openSqliteStore(dataDir);
  const tenantId = LEADER.tid as TenantId;
  const leader = { id: LEADER.oid as UserId, name: LEADER.name };
  const member = { id: MEMBER.oid as UserId, name: MEMBER.name };
  for (let i = 0; i < INTROS; i++) {
    const at = new Date(Date.UTC(2022, 0, 1) + i * 86_400_000).toISOString();
    const made = createIntro({
      id: randomUUID() as IntroId,
      tenantId,
      leader,
      member,
      scheduledStart: at,
      createdAt: at,
    });
    if (!made.ok) throw new Error(made.error.message);
    await store.intros.create(made.value);
    const body = {
      ...emptyNotesBody(),
      text: {
        prep: '',
        goals: `Goals talk number ${i} about growth and projects`,
        pullFeedback: 'Fine.',
        pushFeedback: '',
      },
      goals: [
        { id: 'g1', text: i % 100 === 0 ? `Become a tech lead (${i})` : `Goal ${i}`, horizon: 'medium' as const },
      ],
      followUps: [{ id: 'f1', text: `Follow up ${i}`, owner: 'leader' as const, done: i % 2 === 0 }],
    };
    await store.notes.save({ tenantId, introId: made.value.id, authorId: leader.id }, body, 0, at);
  }
  await store.close();
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

async function time(url: string, token: string, check: (body: { items: unknown[] }) => void): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    const body = (await response.json()) as { items: unknown[] };
    times.push(performance.now() - start);
    check(body);
  }
  return median(times);
}

async function main(): Promise<void> {
  const app = await startTestApp();
  try {
    const seedStart = performance.now();
    await seed(app.dataDir);
    const seeded = performance.now() - seedStart;
    const token = await app.mintToken(LEADER);
    const firstPage = await time(`${app.baseUrl}/api/v1/history?limit=20`, token, (body) => {
      if (body.items.length !== 20) throw new Error(`first page had ${body.items.length} items`);
    });
    const search = await time(
      `${app.baseUrl}/api/v1/history/search?q=${encodeURIComponent('tech lead')}`,
      token,
      (body) => {
        if (body.items.length !== 10) throw new Error(`search found ${body.items.length} intros, expected 10`);
      },
    );
    const openOnes = await time(`${app.baseUrl}/api/v1/history/search?followUps=open`, token, () => undefined);
    process.stdout.write(
      [
        `Seeded ${INTROS} intros with notes for one leader in ${seeded.toFixed(0)} ms (SQLite, temp dir).`,
        `Median of ${RUNS} runs over HTTP (local token, same machine):`,
        `  first page  GET /api/v1/history?limit=20            ${firstPage.toFixed(1)} ms`,
        `  search      GET /api/v1/history/search?q=tech lead  ${search.toFixed(1)} ms (10 of ${INTROS} match)`,
        `  filter      GET /api/v1/history/search?followUps=open ${openOnes.toFixed(1)} ms (first 50 of 500)`,
        '',
      ].join('\n'),
    );
  } finally {
    await app.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
