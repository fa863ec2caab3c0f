import { spawn } from 'node:child_process';
import path from 'node:path';
import { MAX_QUEUED_LOG_BYTES } from '../../src/log';

// A child logs ~200 MB while nothing reads its stdout, then reports how much memory it holds.
const CHILD = `
const { createLogger } = require(${JSON.stringify(path.resolve(__dirname, '../../src/log'))});
const log = createLogger('info');
const line = 'x'.repeat(1000);
for (let i = 0; i < 200000; i++) log.info({ i, line }, 'busy');
if (global.gc) global.gc();
process.stderr.write(JSON.stringify({ heap: process.memoryUsage().heapUsed }) + '\\n', () => process.kill(process.pid, 'SIGKILL'));
`;

describe('logs when nothing reads stdout', () => {
  it('queue at most MAX_QUEUED_LOG_BYTES instead of holding every line in memory', async () => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', '-e', CHILD], {
      cwd: path.resolve(__dirname, '../..'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.pause(); // never read: the pipe fills at 64 KB and every later line waits in the child
    let report = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (report += chunk));
    // Killed once it has reported: an orderly exit would wait to flush lines nobody reads.
    const signal = await new Promise<NodeJS.Signals | null>((resolve) =>
      child.once('exit', (_code, sig) => resolve(sig)),
    );
    child.stdout.destroy();
    expect(signal).toBe('SIGKILL');
    const { heap } = JSON.parse(report.trim().split('\n').at(-1) ?? '{}') as { heap: number };
    // 200 MB of lines were logged; the child holds far less than that, however it is measured.
    expect(heap).toBeLessThan(MAX_QUEUED_LOG_BYTES * 5);
  }, 60_000);
});
