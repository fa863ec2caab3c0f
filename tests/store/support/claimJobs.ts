// Run by tests as a separate process: says ready, waits for a line on stdin, claims one job and says so, waits for
// a second line, then claims jobs until none is due. The pause after the first claim lets a test start both processes'
// racing only once each has claimed (so a loaded machine cannot let one take everything before the other starts).
import { createInterface } from 'node:readline';
import { openSqliteStore } from '../../../src/store/sqlite/openSqliteStore';

async function main(): Promise<void> {
  const [dataDir, now] = process.argv.slice(2);
  if (!dataDir || !now) throw new Error('usage: claimJobs <dataDir> <now>');
  const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
  const store = openSqliteStore(dataDir);
  const claim = () => store.jobs.claimDue(Number(now), 600_000);
  process.stderr.write('ready\n');
  await lines.next();
  const ids: string[] = [];
  const first = await claim();
  if (first) ids.push(first.id);
  process.stderr.write('first\n');
  await lines.next();
  for (let job = await claim(); job; job = await claim()) ids.push(job.id);
  await store.close();
  process.stdin.destroy();
  process.stdout.write(JSON.stringify(ids));
}

void main();
