// Run by tests as a separate process: says ready, waits for a line on stdin, then claims jobs until none is due.
import { openSqliteStore } from '../../../src/store/sqlite/openSqliteStore';

async function main(): Promise<void> {
  const [dataDir, now] = process.argv.slice(2);
  if (!dataDir || !now) throw new Error('usage: claimJobs <dataDir> <now>');
  const store = openSqliteStore(dataDir);
  process.stderr.write('ready\n');
  await new Promise((resolve) => process.stdin.once('data', resolve));
  const ids: string[] = [];
  for (
    let job = await store.jobs.claimDue(Number(now), 600_000);
    job;
    job = await store.jobs.claimDue(Number(now), 600_000)
  ) {
    ids.push(job.id);
  }
  await store.close();
  process.stdin.destroy();
  process.stdout.write(JSON.stringify(ids));
}

void main();
